package io.fomo.examples.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JSON path into a scenario, and the setter that puts a value there in the scenario's Jackson tree.
 *
 * <p>Syntax: an optional {@code $} or {@code $.}, then steps: a field name ({@code [A-Za-z_][A-Za-z0-9_]*})
 * after a dot (the first one without), or an array index {@code [n]}. Examples: {@code days},
 * {@code launch.minTarget}, {@code $.supporters.count}, {@code stakers[2].mt}. The canonical form
 * ({@link #toString()}) is the parser's: {@code $.launch.minTarget}, {@code $.stakers[2].mt}.
 *
 * <p>Setting: every step but the last must lead to an object (for a field) or an array (for an index); a
 * missing object on the way is created. The last step sets a field (present or not: whether the scenario
 * format knows it is the parser's decision, with its message) or replaces an element of an existing
 * array. The value's JSON type: a value in double quotes is the string between them; otherwise, if the
 * path holds a string now, a string; otherwise a JSON number when it is one ({@code -?digits[.digits]},
 * kept exact), {@code true}, {@code false} or {@code null} as themselves, and a string for anything else.
 *
 * <p>This class is immutable and thread-safe; {@link #set} changes only the tree it is given.
 */
public final class ScenarioPath {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final int MAX_LENGTH = 200;

    /** One step: a field name, or an array index when {@code name} is null. */
    private record Step(String name, int index) {
        boolean isField() {
            return name != null;
        }
    }

    private final List<Step> steps;
    private final String canonical;

    private ScenarioPath(List<Step> steps) {
        this.steps = List.copyOf(steps);
        StringBuilder b = new StringBuilder("$");
        for (Step s : steps) {
            b.append(s.isField() ? "." + s.name() : "[" + s.index() + "]");
        }
        this.canonical = b.toString();
    }

    /**
     * Parses a path.
     *
     * @param text the path, such as {@code launch.minTarget} or {@code $.stakers[0].mt}
     * @return the path
     * @throws InvalidArgumentException if it does not follow the syntax above
     */
    public static ScenarioPath parse(String text) {
        Objects.requireNonNull(text, "path");
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        if (text.length() > MAX_LENGTH) {
            throw InvalidArgumentException.of("path", shown, "must be at most " + MAX_LENGTH + " characters");
        }
        String rest = text.startsWith("$") ? text.substring(1) : text;
        boolean first = !text.startsWith("$");
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '[') {
                int end = rest.indexOf(']', i);
                String digits = end < 0 ? "" : rest.substring(i + 1, end);
                if (!digits.matches("0|[1-9][0-9]{0,8}")) {
                    throw InvalidArgumentException.of("path", shown,
                            "expected an array index [n] at character " + (text.length() - rest.length() + i + 1));
                }
                steps.add(new Step(null, Integer.parseInt(digits)));
                i = end + 1;
            } else {
                if (c == '.') {
                    i++;
                } else if (!first) {
                    throw InvalidArgumentException.of("path", shown,
                            "expected '.' or '[' at character " + (text.length() - rest.length() + i + 1));
                }
                int end = i;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                String name = rest.substring(i, end);
                if (!NAME.matcher(name).matches()) {
                    throw InvalidArgumentException.of("path", shown, "expected a field name (letters, digits, '_') at "
                            + "character " + (text.length() - rest.length() + i + 1));
                }
                steps.add(new Step(name, -1));
                i = end;
            }
            first = false;
        }
        if (steps.isEmpty()) {
            throw InvalidArgumentException.of("path", shown, "expected at least one field, such as launch.minTarget");
        }
        if (!steps.get(0).isField()) {
            throw InvalidArgumentException.of("path", shown, "must start with a field: a scenario is a JSON object");
        }
        return new ScenarioPath(steps);
    }

    /**
     * Sets a value at this path in a scenario's tree.
     *
     * @param root  the scenario's root object, changed in place
     * @param value the value as given on the command line (typed as described above)
     * @throws InvalidArgumentException if the path crosses a value that is not an object or array as the
     *                                  step needs, or names an element past the end of an array
     */
    public void set(ObjectNode root, String value) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(value, "value");
        JsonNode node = root;
        StringBuilder at = new StringBuilder("$");
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            boolean last = k == steps.size() - 1;
            if (s.isField()) {
                if (!node.isObject()) {
                    throw InvalidArgumentException.of("path " + canonical, at, "is " + kind(node)
                            + ", not an object: it has no field \"" + s.name() + "\"");
                }
                ObjectNode obj = (ObjectNode) node;
                if (last) {
                    obj.set(s.name(), typed(obj.get(s.name()), value));
                    return;
                }
                JsonNode next = obj.get(s.name());
                if (next == null) {
                    next = steps.get(k + 1).isField() ? obj.putObject(s.name()) : null;
                    if (next == null) {
                        throw InvalidArgumentException.of("path " + canonical, at + "." + s.name(),
                                "does not exist, so it has no element [" + steps.get(k + 1).index() + "]");
                    }
                }
                node = next;
                at.append('.').append(s.name());
            } else {
                if (!node.isArray()) {
                    throw InvalidArgumentException.of("path " + canonical, at, "is " + kind(node)
                            + ", not an array: it has no element [" + s.index() + "]");
                }
                ArrayNode array = (ArrayNode) node;
                if (s.index() >= array.size()) {
                    throw InvalidArgumentException.of("path " + canonical, at, "has " + array.size()
                            + " elements: there is no element [" + s.index() + "]");
                }
                if (last) {
                    array.set(s.index(), typed(array.get(s.index()), value));
                    return;
                }
                node = array.get(s.index());
                at.append('[').append(s.index()).append(']');
            }
        }
    }

    /**
     * Returns the JSON node a command-line value becomes at a place that holds {@code current} now.
     *
     * @param current the value there now, or null
     * @param value   the command-line value
     * @return the node
     */
    static JsonNode typed(JsonNode current, String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return TextNode.valueOf(value.substring(1, value.length() - 1));
        }
        if (current != null && current.isTextual()) {
            return TextNode.valueOf(value);
        }
        if (NUMBER.matcher(value).matches()) {
            BigDecimal d = new BigDecimal(value);
            return value.indexOf('.') < 0 ? BigIntegerNode.valueOf(d.toBigIntegerExact()) : DecimalNode.valueOf(d);
        }
        switch (value) {
            case "true":
                return BooleanNode.TRUE;
            case "false":
                return BooleanNode.FALSE;
            case "null":
                return NullNode.getInstance();
            default:
                return TextNode.valueOf(value);
        }
    }

    private static String kind(JsonNode n) {
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return n.isNull() ? "null" : "an object";
    }

    /**
     * Returns the canonical form, as the scenario parser writes paths.
     *
     * @return such as {@code $.launch.minTarget}
     */
    @Override
    public String toString() {
        return canonical;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioPath p && p.canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }
}
