package io.fomo.examples.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JSON document read into a tree together with the source location of every value and every field
 * name, by JSON path ({@code $}, {@code $.launch.curve}, {@code $.supporters[3].buys[0]}). Numbers are kept
 * exact (integers as integers, fractions as {@link java.math.BigDecimal}); nothing passes through
 * {@code double}. A duplicate field is an error, not a silent overwrite.
 */
final class SourceJson {

    private static final JsonNodeFactory NODES = new JsonNodeFactory(true);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> valueLocations;
    private final Map<String, int[]> keyLocations;
    private final Map<String, String> parents;

    private SourceJson(String file, JsonNode root, Map<String, int[]> valueLocations, Map<String, int[]> keyLocations,
            Map<String, String> parents) {
        this.file = file;
        this.root = root;
        this.valueLocations = valueLocations;
        this.keyLocations = keyLocations;
        this.parents = parents;
    }

    /**
     * Reads a document whose root must be an object.
     *
     * @param file the file name to put in error messages
     * @param text the document
     * @return the tree with its locations
     * @throws ScenarioException if the text is not a single well-formed JSON object
     */
    static SourceJson parse(String file, String text) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Reader reader = new Reader(file);
        JsonFactory factory = JsonFactory.builder().build();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ScenarioException(file, 1, 1, "$", "expected a JSON object, found an empty file");
            }
            if (first != JsonToken.START_OBJECT) {
                int[] at = location(p.currentTokenLocation());
                throw new ScenarioException(file, at[0], at[1], "$",
                        "expected a JSON object, found " + describeToken(first, p));
            }
            JsonNode root = reader.read(p, "$", null);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                int[] at = location(p.currentTokenLocation());
                throw new ScenarioException(file, at[0], at[1], "$",
                        "expected the end of the file after the scenario object, found " + describeToken(trailing, p));
            }
            return new SourceJson(file, root, reader.values, reader.keys, reader.parents);
        } catch (JsonProcessingException e) {
            int[] at = location(e.getLocation());
            throw new ScenarioException(file, at[0], at[1], reader.currentPath, "malformed JSON"
                    + (reader.lastValue == null ? "" : " after the value at " + reader.lastValue) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the file name used in messages. */
    String file() {
        return file;
    }

    /** Returns the root object. */
    JsonNode root() {
        return root;
    }

    /**
     * Returns an error located at a path's value, or at its nearest ancestor that exists in the file.
     *
     * @param path    the path of the offending value
     * @param problem what was expected and found
     * @return the error
     */
    ScenarioException error(String path, String problem) {
        return errorAt(path, problem, valueLocations, null);
    }

    /**
     * Returns an error located at a path's value, with the model error that caused it.
     *
     * @param path    the path of the offending value
     * @param problem what was expected and found
     * @param cause   the model's error
     * @return the error
     */
    ScenarioException error(String path, String problem, Throwable cause) {
        return errorAt(path, problem, valueLocations, cause);
    }

    /**
     * Returns an error located at a field's name (for unknown or misspelt fields).
     *
     * @param path    the path of the field
     * @param problem what was expected and found
     * @return the error
     */
    ScenarioException keyError(String path, String problem) {
        return errorAt(path, problem, keyLocations, null);
    }

    private ScenarioException errorAt(String path, String problem, Map<String, int[]> primary, Throwable cause) {
        int[] at = primary.get(path);
        String p = path;
        while (at == null && p != null) {
            at = valueLocations.get(p);
            if (at == null) {
                p = parents.containsKey(p) ? parents.get(p) : parentOf(p);
            }
        }
        int line = at == null ? 0 : at[0];
        int column = at == null ? 0 : at[1];
        return cause == null ? new ScenarioException(file, line, column, path, problem)
                : new ScenarioException(file, line, column, path, problem, cause);
    }

    /** The textual parent of a path that is not in the document (a missing field). */
    private static String parentOf(String path) {
        if ("$".equals(path)) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "$" : path.substring(0, cut);
    }

    /**
     * Returns the path of an object's field.
     *
     * @param parent the object's path
     * @param key    the field name
     * @return {@code parent.key}, or {@code parent["key"]} when the key is not an identifier
     */
    static String child(String parent, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /**
     * Returns the path of an array's element.
     *
     * @param parent the array's path
     * @param index  the element's index
     * @return {@code parent[index]}
     */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static int[] location(JsonLocation loc) {
        if (loc == null) {
            return new int[] {0, 0};
        }
        return new int[] {Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0)};
    }

    private static String describeToken(JsonToken t, JsonParser p) throws IOException {
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "string " + Describe.quote(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "number " + p.getText();
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            default:
                return String.valueOf(p.getText());
        }
    }

    /** The recursive reader; records locations as it goes. */
    private static final class Reader {

        private final String file;
        private final Map<String, int[]> values = new HashMap<>();
        private final Map<String, int[]> keys = new HashMap<>();
        private final Map<String, String> parents = new HashMap<>();
        private String currentPath = "$";
        private String lastValue;

        Reader(String file) {
            this.file = file;
        }

        JsonNode read(JsonParser p, String path, String parent) throws IOException {
            currentPath = path;
            values.put(path, location(p.currentTokenLocation()));
            if (parent != null) {
                parents.put(path, parent);
            }
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT: {
                    ObjectNode o = NODES.objectNode();
                    for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                        String name = p.currentName();
                        String childPath = child(path, name);
                        int[] keyAt = location(p.currentTokenLocation());
                        if (o.has(name)) {
                            throw new ScenarioException(file, keyAt[0], keyAt[1], childPath,
                                    "duplicate field \"" + name + "\"; each field may appear once");
                        }
                        keys.put(childPath, keyAt);
                        currentPath = childPath;
                        p.nextToken();
                        o.set(name, read(p, childPath, path));
                        lastValue = childPath;
                        currentPath = path;
                    }
                    return o;
                }
                case START_ARRAY: {
                    ArrayNode a = NODES.arrayNode();
                    int i = 0;
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        a.add(read(p, element(path, i), path));
                        lastValue = element(path, i);
                        currentPath = path;
                        i++;
                    }
                    return a;
                }
                case VALUE_STRING:
                    return NODES.textNode(p.getText());
                case VALUE_NUMBER_INT:
                    return NODES.numberNode(p.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(p.getDecimalValue());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    int[] at = location(p.currentTokenLocation());
                    throw new ScenarioException(file, at[0], at[1], path, "unexpected JSON token " + t);
            }
        }
    }
}
