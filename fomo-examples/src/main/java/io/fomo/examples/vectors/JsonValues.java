package io.fomo.examples.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.spi.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Converts op outputs to JSON and compares JSON values the way VECTORS.md prescribes. */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Amount a) {
            return NODES.textNode(a.toPlainString());
        }
        if (value instanceof BigDecimal d) {
            return NODES.textNode(d.toPlainString());
        }
        if (value instanceof BigInteger i) {
            return NODES.textNode(i.toString());
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), toJson(e.getValue()));
            }
            return o;
        }
        if (value instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            for (Object o : l) {
                a.add(toJson(o));
            }
            return a;
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        return NODES.textNode(value.toString());
    }

    /**
     * Tells whether an actual value matches an expected one: decimals (plain-decimal strings, or
     * numbers) compare numerically, objects need the same keys, arrays the same length, all recursively.
     */
    static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected.isTextual() && actual.isTextual()) {
            BigDecimal e = decimalOrNull(expected.textValue());
            BigDecimal a = decimalOrNull(actual.textValue());
            if (e != null && a != null) {
                return e.compareTo(a) == 0;
            }
            return expected.textValue().equals(actual.textValue());
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = actual.get(e.getKey());
                if (a == null || !matches(e.getValue(), a)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    static BigDecimal decimalOrNull(String s) {
        if (s.isEmpty() || s.length() > 400) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' && i == 0)) {
                return null;
            }
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
