package io.fomo.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fomo.core.engine.TokenCounts;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.Locale;

/** Turns one JSON record of each format into a {@link UsageRecord}, or null for a record that bills nothing. */
final class RecordParsers {

    private RecordParsers() {
    }

    static UsageRecord parse(UsageFormat format, JsonNode root, RecordNode r, UsageRecord.Builder b, ObjectMapper json) {
        if (!root.isObject()) {
            throw r.malformed("(record)", RecordNode.show(root), "must be a JSON object");
        }
        switch (format) {
            case OPENAI:
                return openAi(root, r, b);
            case LITELLM:
                return liteLlm(root, r, b, json);
            default:
                return cloudEvent(root, r, b);
        }
    }

    private static TokenCounts tokens(RecordNode r, long input, long cached, long output, String cachedField) {
        if (cached > input) {
            throw r.malformed(cachedField, cached, "cached tokens are part of the input tokens (" + input
                    + "), so they cannot exceed them");
        }
        try {
            return new TokenCounts(input, cached, output);
        } catch (InvalidArgumentException e) {
            throw r.malformed("tokens", input + "/" + cached + "/" + output, e.getMessage());
        }
    }

    /**
     * A chat completion, a streamed chunk (only the one carrying {@code usage} bills), a Responses API
     * response or its {@code response.completed} event. An error body or a failed/cancelled response bills nothing.
     */
    private static UsageRecord openAi(JsonNode root, RecordNode r, UsageRecord.Builder b) {
        JsonNode node = root;
        String prefix = "";
        String type = r.optText(root, "type");
        if (type != null && type.startsWith("response.")) {
            if (!type.equals("response.completed") && !type.equals("response.incomplete")
                    && !type.equals("response.failed")) {
                return null;
            }
            node = RecordNode.at(root, "response");
            prefix = "response.";
            if (node == null) {
                throw r.malformed("response", RecordNode.MISSING, "a " + type + " event carries the response");
            }
        }
        if (RecordNode.at(node, "error") != null && RecordNode.at(node, "usage") == null) {
            return null;
        }
        JsonNode usage = RecordNode.at(node, "usage");
        if (usage == null) {
            // A streamed chunk before the last, or a response still in progress: the usage comes later.
            return null;
        }
        if (!usage.isObject()) {
            throw r.malformed(prefix + "usage", RecordNode.show(usage), "must be an object");
        }
        b.requestId(r.text(node, "id")).model(r.text(node, "model"));
        String status = r.optText(node, "status");
        boolean responses = usage.has("input_tokens") || "response".equals(r.optText(node, "object"));
        if (responses) {
            long in = r.count(node, "usage.input_tokens", true);
            long cached = r.count(node, "usage.input_tokens_details.cached_tokens", false);
            long out = r.count(node, "usage.output_tokens", true);
            b.tokens(tokens(r, in, cached, out, prefix + "usage.input_tokens_details.cached_tokens"));
            b.occurredAt(r.instant(node, "created_at"));
        } else {
            long in = r.count(node, "usage.prompt_tokens", true);
            long cached = r.count(node, "usage.prompt_tokens_details.cached_tokens", false);
            // Embeddings report prompt_tokens and total_tokens only: their output is total - prompt, or 0.
            long out = RecordNode.at(node, "usage.completion_tokens") != null ? r.count(node, "usage.completion_tokens", true)
                    : Math.max(0, r.count(node, "usage.total_tokens", false) - in);
            b.tokens(tokens(r, in, cached, out, prefix + "usage.prompt_tokens_details.cached_tokens"));
            b.occurredAt(r.instant(node, "created"));
        }
        b.user(r.optText(node, "user"));
        b.success(status == null || !(status.equals("failed") || status.equals("cancelled")));
        return b.build();
    }

    /** A LiteLLM spend-log row; a status other than success is a failed call, never billed. */
    private static UsageRecord liteLlm(JsonNode root, RecordNode r, UsageRecord.Builder b, ObjectMapper json) {
        JsonNode metadata = RecordNode.at(root, "metadata");
        if (metadata != null && metadata.isTextual() && metadata.asText().trim().startsWith("{")) {
            // Database exports write the JSON column as a string: read it as the object it holds.
            try {
                metadata = json.readTree(metadata.asText());
            } catch (java.io.IOException e) {
                throw r.malformed("metadata", metadata.asText(), "is a string but not JSON");
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) root).set("metadata", metadata);
        }
        b.requestId(r.text(root, "request_id"));
        String status = r.optText(root, "status");
        if (status == null) {
            status = r.optText(root, "metadata.status");
        }
        boolean success = status == null || status.toLowerCase(Locale.ROOT).equals("success");
        b.success(success);
        String model = r.optText(root, "model");
        String group = r.optText(root, "model_group");
        if (model == null && group == null) {
            throw r.malformed("model", RecordNode.MISSING, "a row needs a model or a model_group");
        }
        b.model(model == null ? group : model).modelGroup(group);
        // A failed call bills nothing: its token counts may be missing.
        long in = r.count(root, "prompt_tokens", success);
        long out = r.count(root, "completion_tokens", success);
        String cachedField = "metadata.usage_object.prompt_tokens_details.cached_tokens";
        long cached = r.count(root, cachedField, false);
        b.tokens(tokens(r, in, cached, out, cachedField));
        BigDecimal spend = r.decimal(root, "spend");
        b.meteredCost(spend == null ? BigDecimal.ZERO : spend);
        b.occurredAt(r.instant(root, "startTime"));
        String user = r.optText(root, "user");
        b.user(user != null ? user : r.optText(root, "end_user"));
        b.team(r.optText(root, "team_id"));
        return b.build();
    }

    /**
     * A CloudEvent: {@code id} and {@code source} make the request id, {@code subject} is the user,
     * {@code time} the time; {@code data} carries the model and the tokens, either as an OpenAI usage
     * object ({@code data.usage}) or flat ({@code prompt_tokens}/{@code input_tokens},
     * {@code completion_tokens}/{@code output_tokens}, {@code cached_tokens}), or OpenMeter's one-sided
     * {@code {"tokens": n, "type": "input"|"output"}}; optional {@code cost}, {@code team}, {@code status}.
     */
    private static UsageRecord cloudEvent(JsonNode root, RecordNode r, UsageRecord.Builder b) {
        String spec = r.text(root, "specversion");
        if (!spec.startsWith("1.")) {
            throw r.malformed("specversion", spec, "only CloudEvents 1.x is read");
        }
        String id = r.text(root, "id");
        String source = r.text(root, "source");
        r.text(root, "type");
        JsonNode data = RecordNode.at(root, "data");
        JsonNode e = root;
        if (data == null || !data.isObject()) {
            throw r.malformed("data", RecordNode.show(data), "a usage event carries a JSON object as data");
        }
        b.requestId(id + "@" + source);
        b.model(r.text(e, "data.model")).modelGroup(r.optText(e, "data.model_group"));
        long in;
        long out;
        long cached;
        String cachedField = "data.cached_tokens";
        if (RecordNode.at(data, "usage") != null) {
            in = r.count(e, "data.usage.prompt_tokens", true);
            out = r.count(e, "data.usage.completion_tokens", true);
            cachedField = "data.usage.prompt_tokens_details.cached_tokens";
            cached = r.count(e, cachedField, false);
        } else if (RecordNode.at(data, "tokens") != null) {
            long n = r.count(e, "data.tokens", true);
            String side = r.text(e, "data.type");
            if (side.equals("input")) {
                in = n;
                out = 0;
            } else if (side.equals("output")) {
                in = 0;
                out = n;
            } else {
                throw r.malformed("data.type", side, "must be input or output");
            }
            cached = 0;
        } else {
            in = RecordNode.at(data, "input_tokens") != null ? r.count(e, "data.input_tokens", true)
                    : r.count(e, "data.prompt_tokens", true);
            out = RecordNode.at(data, "output_tokens") != null ? r.count(e, "data.output_tokens", true)
                    : r.count(e, "data.completion_tokens", true);
            cached = r.count(e, cachedField, false);
        }
        b.tokens(tokens(r, in, cached, out, cachedField));
        b.meteredCost(r.decimal(e, "data.cost"));
        b.occurredAt(r.instant(root, "time"));
        b.user(r.optText(root, "subject"));
        b.team(r.optText(e, "data.team"));
        String status = r.optText(e, "data.status");
        b.success(status == null || status.toLowerCase(Locale.ROOT).equals("success"));
        return b.build();
    }
}
