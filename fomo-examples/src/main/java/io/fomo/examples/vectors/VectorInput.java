package io.fomo.examples.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed, path-aware access to one JSON object of a vector's input. A missing field or one of the wrong
 * JSON type raises {@link MalformedVectorException} with its JSON path; values that are well formed but
 * unacceptable to the model (a negative amount, too many decimals) are left for the model to reject.
 *
 * <p>The accessors record which fields were read, so the runner can reject a vector whose input has a
 * field no op reads (a misspelt optional field would otherwise be ignored silently). Instances are
 * therefore not thread-safe.
 */
public final class VectorInput {

    private final JsonNode node;
    private final String path;
    private final java.util.Set<String> read = new java.util.HashSet<>();
    private final List<VectorInput> children = new ArrayList<>();

    /**
     * Wraps a JSON object.
     *
     * @param node the object
     * @param path its JSON path, for messages
     * @throws MalformedVectorException if the node is not an object
     */
    public VectorInput(JsonNode node, String path) {
        this.path = Objects.requireNonNull(path, "path");
        if (node == null || !node.isObject()) {
            throw new MalformedVectorException(path, "expected an object, found " + kind(node));
        }
        this.node = node;
    }

    /**
     * Returns the JSON path of this object.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Tells whether a field is present (and not null).
     *
     * @param key the field
     * @return true when present
     */
    public boolean has(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /**
     * Returns the field names, in file order.
     *
     * @return the names
     */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * Returns a string field.
     *
     * @param key the field
     * @return the string
     * @throws MalformedVectorException if missing or not a string
     */
    public String string(String key) {
        JsonNode v = require(key);
        if (!v.isTextual()) {
            throw wrongType(key, "a string", v);
        }
        return v.textValue();
    }

    /**
     * Returns a string field, or a default when absent.
     *
     * @param key  the field
     * @param dflt the default
     * @return the string
     * @throws MalformedVectorException if present but not a string
     */
    public String string(String key, String dflt) {
        return has(key) ? string(key) : dflt;
    }

    /**
     * Returns a decimal field: a JSON string holding a plain decimal (no exponent).
     *
     * @param key the field
     * @return the decimal, scale as written
     * @throws MalformedVectorException if missing, not a string, or not a plain decimal
     */
    public BigDecimal decimal(String key) {
        String text = string(key);
        try {
            return Amount.parseDecimal(key, text);
        } catch (InvalidArgumentException e) {
            throw new MalformedVectorException(path + "." + key,
                    "expected a plain decimal string such as \"12.5\", found \"" + text + "\"");
        }
    }

    /**
     * Returns a decimal field, or a default when absent.
     *
     * @param key  the field
     * @param dflt the default
     * @return the decimal
     * @throws MalformedVectorException if present but not a plain decimal string
     */
    public BigDecimal decimal(String key, BigDecimal dflt) {
        return has(key) ? decimal(key) : dflt;
    }

    /**
     * Returns an amount field, parsed exactly at the asset's decimals. A negative value or one with too
     * many decimals is the model's {@link InvalidArgumentException}, named after the field.
     *
     * @param key   the field
     * @param asset the asset
     * @return the amount
     * @throws MalformedVectorException if missing or not a plain decimal string
     * @throws InvalidArgumentException if negative or too precise
     */
    public Amount amount(String key, Asset asset) {
        BigDecimal v = decimal(key);
        if (v.signum() < 0) {
            throw InvalidArgumentException.of(key, v.toPlainString(), "must not be negative");
        }
        if (v.stripTrailingZeros().scale() > asset.decimals()) {
            throw InvalidArgumentException.of(key, v.toPlainString(),
                    "has more than " + asset.decimals() + " decimals");
        }
        return Amount.of(asset, v);
    }

    /**
     * Returns an integer field (a JSON number without fraction that fits an int).
     *
     * @param key the field
     * @return the value
     * @throws MalformedVectorException if missing, not an integer, or out of int range
     */
    public int integer(String key) {
        JsonNode v = require(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(key, "an integer number", v);
        }
        return v.intValue();
    }

    /**
     * Returns an integer field, or a default when absent.
     *
     * @param key  the field
     * @param dflt the default
     * @return the value
     * @throws MalformedVectorException if present but not an integer
     */
    public int integer(String key, int dflt) {
        return has(key) ? integer(key) : dflt;
    }

    /**
     * Returns a long field (a JSON number without fraction that fits a long).
     *
     * @param key the field
     * @return the value
     * @throws MalformedVectorException if missing, not an integer, or out of long range
     */
    public long longValue(String key) {
        JsonNode v = require(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(key, "an integer number", v);
        }
        return v.longValue();
    }

    /**
     * Returns a long field, or a default when absent.
     *
     * @param key  the field
     * @param dflt the default
     * @return the value
     * @throws MalformedVectorException if present but not an integer
     */
    public long longValue(String key, long dflt) {
        return has(key) ? longValue(key) : dflt;
    }

    /**
     * Returns a boolean field, or a default when absent.
     *
     * @param key  the field
     * @param dflt the default
     * @return the value
     * @throws MalformedVectorException if present but not a boolean
     */
    public boolean bool(String key, boolean dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw wrongType(key, "true or false", v);
        }
        return v.booleanValue();
    }

    /**
     * Returns a rounding field (one of DOWN, UP, FLOOR, CEILING, HALF_EVEN), or a default when absent.
     *
     * @param key  the field
     * @param dflt the default
     * @return the rounding mode
     * @throws MalformedVectorException if present but not one of the five names
     */
    public RoundingMode rounding(String key, RoundingMode dflt) {
        if (!has(key)) {
            return dflt;
        }
        String s = string(key);
        switch (s) {
            case "DOWN":
                return RoundingMode.DOWN;
            case "UP":
                return RoundingMode.UP;
            case "FLOOR":
                return RoundingMode.FLOOR;
            case "CEILING":
                return RoundingMode.CEILING;
            case "HALF_EVEN":
                return RoundingMode.HALF_EVEN;
            default:
                throw new MalformedVectorException(path + "." + key,
                        "expected one of DOWN, UP, FLOOR, CEILING, HALF_EVEN, found \"" + s + "\"");
        }
    }

    /**
     * Returns an enum field by its constant name.
     *
     * @param key  the field
     * @param type the enum type
     * @param <E>  the enum type
     * @return the constant
     * @throws MalformedVectorException if missing or not a constant's name
     */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = string(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw new MalformedVectorException(path + "." + key, "expected one of " + names + ", found \"" + s + "\"");
    }

    /**
     * Returns a nested object field.
     *
     * @param key the field
     * @return the object
     * @throws MalformedVectorException if missing or not an object
     */
    public VectorInput object(String key) {
        JsonNode v = require(key);
        if (!v.isObject()) {
            throw wrongType(key, "an object", v);
        }
        return child(new VectorInput(v, path + "." + key));
    }

    /**
     * Returns a list of objects.
     *
     * @param key the field
     * @return the objects, in order
     * @throws MalformedVectorException if missing, not an array, or an element is not an object
     */
    public List<VectorInput> list(String key) {
        JsonNode v = require(key);
        if (!v.isArray()) {
            throw wrongType(key, "an array", v);
        }
        List<VectorInput> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(child(new VectorInput(v.get(i), path + "." + key + "[" + i + "]")));
        }
        return out;
    }

    /**
     * Returns an object whose values are all plain decimal strings, in file order.
     *
     * @param key the field
     * @return the decimals by name
     * @throws MalformedVectorException if missing, not an object, or a value is not a plain decimal string
     */
    public LinkedHashMap<String, BigDecimal> decimalMap(String key) {
        VectorInput o = object(key);
        LinkedHashMap<String, BigDecimal> out = new LinkedHashMap<>();
        Iterator<String> names = o.node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            out.put(name, o.decimal(name));
        }
        return out;
    }

    /**
     * Returns the raw JSON of a field, for ops that read free-form structures.
     *
     * @param key the field
     * @return the node
     * @throws MalformedVectorException if missing
     */
    public JsonNode raw(String key) {
        return require(key);
    }

    private JsonNode require(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new MalformedVectorException(path + "." + key, "missing required field");
        }
        return v;
    }

    private MalformedVectorException wrongType(String key, String expected, JsonNode found) {
        return new MalformedVectorException(path + "." + key, "expected " + expected + ", found " + kind(found));
    }

    static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "the string \"" + n.textValue() + "\"";
        }
        if (n.isNumber()) {
            return "the number " + n.numberValue();
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return n.isArray() ? "an array" : "an object";
    }

    private VectorInput child(VectorInput c) {
        children.add(c);
        return c;
    }

    /**
     * Returns the JSON paths of fields that no accessor has read, in this object and every nested object
     * handed out by {@link #object}, {@link #list}, {@link #decimalMap} and {@link #objectMap}.
     *
     * @return the paths, empty when every field was read
     */
    public List<String> unread() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!read.contains(k)) {
                out.add(path + "." + k);
            }
        });
        for (VectorInput c : children) {
            out.addAll(c.unread());
        }
        return out;
    }

    @Override
    public String toString() {
        return path + "=" + node;
    }

    /**
     * Returns a map view of a free-form object's fields as inputs, for nested maps of objects.
     *
     * @param key the field
     * @return the nested objects by name, in file order
     * @throws MalformedVectorException if missing, not an object, or a value is not an object
     */
    public Map<String, VectorInput> objectMap(String key) {
        VectorInput o = object(key);
        Map<String, VectorInput> out = new LinkedHashMap<>();
        Iterator<String> names = o.node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            out.put(name, o.object(name));
        }
        return out;
    }
}
