package io.fomo.examples.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to one JSON object of a scenario file. Every accessor states what it expects, and a value
 * that does not fit raises a {@link ScenarioException} located at the value (or, for a missing field, at
 * the object that lacks it) with its JSON path.
 */
final class JsonCursor {

    private final SourceJson source;
    private final JsonNode node;
    private final String path;

    private JsonCursor(SourceJson source, JsonNode node, String path) {
        this.source = source;
        this.node = node;
        this.path = path;
    }

    static JsonCursor root(SourceJson source) {
        return new JsonCursor(source, source.root(), "$");
    }

    String path() {
        return path;
    }

    SourceJson source() {
        return source;
    }

    /** An error at this object. */
    ScenarioException error(String problem) {
        return source.error(path, problem);
    }

    /** An error at one of this object's fields (or at this object when the field is missing). */
    ScenarioException error(String key, String problem) {
        return source.error(SourceJson.child(path, key), problem);
    }

    /** An error at one of this object's fields, caused by the model's rejection of the value. */
    ScenarioException error(String key, String problem, Throwable cause) {
        return source.error(SourceJson.child(path, key), problem, cause);
    }

    /**
     * Rejects any field not in the list, naming it and the allowed fields (with a hint when the name is
     * a near miss of one of them).
     */
    void only(String... allowed) {
        List<String> names = Arrays.asList(allowed);
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (!names.contains(name)) {
                String hint = Describe.closest(name, names);
                throw source.keyError(SourceJson.child(path, name), "unknown field " + Describe.quote(name)
                        + (hint != null ? "; did you mean " + Describe.quote(hint) + "?" : "")
                        + " (expected one of: " + String.join(", ", names) + ")");
            }
        }
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    private JsonNode require(String key, String expected) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error(key, "expected " + expected + ", found " + (v == null ? "nothing (the field is missing)" : "null"));
        }
        return v;
    }

    private ScenarioException wrong(String key, String expected, JsonNode found) {
        return error(key, "expected " + expected + ", found " + Describe.value(found));
    }

    String string(String key, String expected) {
        JsonNode v = require(key, expected);
        if (!v.isTextual()) {
            throw wrong(key, expected, v);
        }
        return v.textValue();
    }

    Optional<String> optString(String key, String expected) {
        return has(key) ? Optional.of(string(key, expected)) : Optional.empty();
    }

    int integer(String key, int min, int max) {
        String expected = "an integer from " + min + " to " + max;
        JsonNode v = require(key, expected);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw wrong(key, expected, v);
        }
        return v.intValue();
    }

    int integer(String key, int min, int max, int dflt) {
        return has(key) ? integer(key, min, max) : dflt;
    }

    Optional<Integer> optInteger(String key, int min, int max) {
        return has(key) ? Optional.of(integer(key, min, max)) : Optional.empty();
    }

    long longValue(String key, long dflt) {
        if (!has(key)) {
            return dflt;
        }
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrong(key, "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE, v);
        }
        return v.longValue();
    }

    /** A JSON string holding a plain decimal (no exponent). */
    BigDecimal decimal(String key, String example) {
        String expected = "a plain decimal string such as \"" + example + "\"";
        JsonNode v = require(key, expected);
        if (!v.isTextual()) {
            throw wrong(key, expected, v);
        }
        try {
            return Amount.parseDecimal(key, v.textValue());
        } catch (InvalidArgumentException e) {
            throw wrong(key, expected, v);
        }
    }

    /** A decimal string within [min, max] with at most {@code maxScale} decimals. */
    BigDecimal decimal(String key, String example, BigDecimal min, BigDecimal max, int maxScale) {
        BigDecimal d = decimal(key, example);
        String range = "a decimal string from " + min.toPlainString() + " to " + max.toPlainString()
                + " with at most " + maxScale + " decimals";
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0 || d.stripTrailingZeros().scale() > maxScale) {
            throw wrong(key, range, node.get(key));
        }
        return d;
    }

    /** An amount of an asset: a non-negative (or positive) decimal string exact at the asset's decimals. */
    Amount amount(String key, Asset asset, boolean positive) {
        BigDecimal d = decimal(key, "1000.5");
        String expected = (positive ? "a positive" : "a non-negative") + " amount of " + asset.symbol()
                + " with at most " + asset.decimals() + " decimals";
        if (d.signum() < 0 || positive && d.signum() == 0 || d.stripTrailingZeros().scale() > asset.decimals()) {
            throw wrong(key, expected, node.get(key));
        }
        return Amount.of(asset, d);
    }

    Optional<Amount> optAmount(String key, Asset asset, boolean positive) {
        return has(key) ? Optional.of(amount(key, asset, positive)) : Optional.empty();
    }

    JsonCursor object(String key) {
        JsonNode v = require(key, "an object");
        if (!v.isObject()) {
            throw wrong(key, "an object", v);
        }
        return new JsonCursor(source, v, SourceJson.child(path, key));
    }

    Optional<JsonCursor> optObject(String key) {
        return has(key) ? Optional.of(object(key)) : Optional.empty();
    }

    /** An array of objects; absent means empty. */
    List<JsonCursor> objects(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                require(key, "an array of objects");
            }
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            throw wrong(key, "an array of objects", v);
        }
        String arrayPath = SourceJson.child(path, key);
        List<JsonCursor> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = SourceJson.element(arrayPath, i);
            if (!e.isObject()) {
                throw source.error(p, "expected an object, found " + Describe.value(e));
            }
            out.add(new JsonCursor(source, e, p));
        }
        return out;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        E[] constants = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (E c : constants) {
            names.add(c.name());
        }
        String expected = "one of " + String.join(", ", names);
        String s = string(key, expected);
        for (E c : constants) {
            if (c.name().equals(s)) {
                return c;
            }
        }
        throw wrong(key, expected, node.get(key));
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E dflt) {
        return has(key) ? enumValue(key, type) : dflt;
    }
}
