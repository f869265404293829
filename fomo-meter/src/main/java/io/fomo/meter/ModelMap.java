package io.fomo.meter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Model id or model group → deployment and price (docs/usage.md). Only calls made under a mapped model
 * count for a Model Token; a call under any other model is counted as unmapped and billed to no token.
 * A record is looked up by its exact model id first, then by its model group.
 *
 * <p>The JSON form:
 * <pre>{@code
 * {"models": {
 *    "qwen3-235b":   {"deployment": "qwen", "inputPerMillion": "0.20", "outputPerMillion": "0.60",
 *                     "cachedInputPerMillion": "0.05"},
 *    "flock-group":  {"deployment": "flock-1", "price": "metered"}}}
 * }</pre>
 * Prices are USD per million tokens, as JSON numbers or strings, read exactly; {@code cachedInputPerMillion}
 * defaults to the input price. Unknown fields, duplicate keys, negative prices, an entry with both token
 * prices and {@code "price": "metered"} (or neither) are rejected, naming the entry and the field.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ModelMap {

    private static final Set<String> FIELDS = Set.of("deployment", "price", "inputPerMillion", "outputPerMillion",
            "cachedInputPerMillion");

    private final SortedMap<String, ModelRoute> routes;

    private ModelMap(SortedMap<String, ModelRoute> routes) {
        this.routes = Collections.unmodifiableSortedMap(routes);
    }

    /**
     * Returns a map of the given routes.
     *
     * @param routes the routes; each is keyed by its own key
     * @return the map
     * @throws InvalidArgumentException if there is no route or a key is blank
     */
    public static ModelMap of(Iterable<ModelRoute> routes) {
        TreeMap<String, ModelRoute> m = new TreeMap<>();
        for (ModelRoute r : routes) {
            if (r.key().isBlank()) {
                throw InvalidArgumentException.of("models", "\"\"", "a model id must not be blank");
            }
            if (m.put(r.key(), r) != null) {
                throw InvalidArgumentException.of("models." + r.key(), r.key(), "is mapped twice");
            }
        }
        if (m.isEmpty()) {
            throw InvalidArgumentException.of("models", "{}", "map at least one model");
        }
        return new ModelMap(m);
    }

    /**
     * Reads and validates a model map in its JSON form.
     *
     * @param source the name to report in errors, typically the file name
     * @param stream the JSON, UTF-8; closed when read
     * @return the map
     * @throws InvalidArgumentException naming the source, the entry and the field of whatever is wrong
     */
    public static ModelMap read(String source, InputStream stream) {
        ObjectMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        JsonNode root;
        try (InputStream in = stream) {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidArgumentException(source + ":" + line + ": not a valid model map: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidArgumentException(source + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (FomoException e) {
            throw new InvalidArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static ModelMap parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw InvalidArgumentException.of("(root)", RecordNode.show(root), "a model map is a JSON object {\"models\": {...}}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("models")) {
                throw InvalidArgumentException.of(f, RecordNode.show(root.get(f)), "unknown field; a model map has only \"models\"");
            }
        }
        JsonNode models = root.get("models");
        if (models == null || !models.isObject()) {
            throw InvalidArgumentException.of("models", RecordNode.show(models), "must be an object of model id → entry");
        }
        java.util.List<ModelRoute> routes = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            routes.add(entry(e.getKey(), e.getValue()));
        }
        return of(routes);
    }

    private static ModelRoute entry(String key, JsonNode e) {
        String at = "models." + key;
        if (key.isBlank()) {
            throw InvalidArgumentException.of("models", "\"" + key + "\"", "a model id must not be blank");
        }
        if (!e.isObject()) {
            throw InvalidArgumentException.of(at, RecordNode.show(e), "must be an object");
        }
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw InvalidArgumentException.of(at + "." + f, RecordNode.show(e.get(f)), "unknown field (known: "
                        + new java.util.TreeSet<>(FIELDS) + ")");
            }
        }
        JsonNode dep = e.get("deployment");
        if (dep == null || !dep.isTextual()) {
            throw InvalidArgumentException.of(at + ".deployment", RecordNode.show(dep), "a deployment id is required");
        }
        DeploymentId deployment;
        try {
            deployment = DeploymentId.of(dep.asText());
        } catch (InvalidArgumentException x) {
            throw InvalidArgumentException.of(at + ".deployment", dep.asText(), x.getMessage());
        }
        JsonNode price = e.get("price");
        boolean tokenPrices = e.has("inputPerMillion") || e.has("outputPerMillion") || e.has("cachedInputPerMillion");
        if (price != null) {
            if (!price.isTextual() || !price.asText().equals("metered")) {
                throw InvalidArgumentException.of(at + ".price", RecordNode.show(price),
                        "the only named price is \"metered\" (take the metered cost as it is)");
            }
            if (tokenPrices) {
                throw InvalidArgumentException.of(at + ".price", "metered",
                        "give either \"price\": \"metered\" or token prices, not both");
            }
            return new ModelRoute(key, deployment, new ModelPrice.Metered());
        }
        if (!e.has("inputPerMillion") || !e.has("outputPerMillion")) {
            throw InvalidArgumentException.of(at, RecordNode.show(e),
                    "needs inputPerMillion and outputPerMillion (USD per million tokens), or \"price\": \"metered\"");
        }
        BigDecimal in = price(at + ".inputPerMillion", e.get("inputPerMillion"));
        BigDecimal out = price(at + ".outputPerMillion", e.get("outputPerMillion"));
        BigDecimal cached = e.has("cachedInputPerMillion") ? price(at + ".cachedInputPerMillion",
                e.get("cachedInputPerMillion")) : in;
        return new ModelRoute(key, deployment, new ModelPrice.PerMillionTokens(in, cached, out));
    }

    private static BigDecimal price(String field, JsonNode n) {
        BigDecimal v;
        try {
            v = n.isNumber() ? n.decimalValue() : n.isTextual() ? new BigDecimal(n.asText().trim()) : null;
        } catch (NumberFormatException x) {
            v = null;
        }
        if (v == null) {
            throw InvalidArgumentException.of(field, RecordNode.show(n), "must be a decimal number of USD per million tokens");
        }
        if (v.signum() < 0) {
            throw InvalidArgumentException.of(field, v.toPlainString(), "must not be negative");
        }
        return v;
    }

    /**
     * Finds the route of a record: by its exact model id, else by its model group.
     *
     * @param record the record
     * @return the route, empty when the model is unmapped
     */
    public Optional<ModelRoute> route(UsageRecord record) {
        ModelRoute r = routes.get(record.model());
        if (r == null && record.modelGroup().isPresent()) {
            r = routes.get(record.modelGroup().get());
        }
        return Optional.ofNullable(r);
    }

    /**
     * Returns every route, by key.
     *
     * @return the routes
     */
    public SortedMap<String, ModelRoute> routes() {
        return routes;
    }

    /**
     * Checks that every mapped deployment exists in the protocol and has graduated (only a live Model
     * Token's calls are billed).
     *
     * @param protocol the protocol
     * @throws InvalidArgumentException naming the first entry whose deployment is missing or not graduated
     */
    public void checkAgainst(FomoProtocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        for (ModelRoute r : routes.values()) {
            if (!protocol.deployments().contains(r.deployment())) {
                throw InvalidArgumentException.of("models." + r.key() + ".deployment", r.deployment(),
                        "no such deployment in the journal (deployments: " + protocol.deployments() + ")");
            }
            if (protocol.pool(r.deployment()).isEmpty()) {
                throw InvalidArgumentException.of("models." + r.key() + ".deployment", r.deployment(),
                        "has not graduated: its Model Token is not live");
            }
        }
    }
}
