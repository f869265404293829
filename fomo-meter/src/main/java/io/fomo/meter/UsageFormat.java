package io.fomo.meter;

import io.fomo.spi.InvalidArgumentException;
import java.util.Locale;

/** The usage record formats the meter reads (docs/usage.md). */
public enum UsageFormat {
    /**
     * OpenAI-compatible responses: chat completions, streamed chat completion chunks (the last chunk
     * carries {@code usage}), Responses API objects and their {@code response.completed} events.
     */
    OPENAI,
    /** LiteLLM spend-log rows ({@code LiteLLM_SpendLogs}), as JSON lines or a JSON array. */
    LITELLM,
    /** CloudEvents 1.0 in JSON (structured mode or a batch array), OpenMeter style. */
    CLOUDEVENTS;

    /**
     * Reads a format name, case-insensitively: {@code openai}, {@code litellm} or {@code cloudevents}.
     *
     * @param name the name
     * @return the format
     * @throws InvalidArgumentException if the name is none of them
     */
    public static UsageFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidArgumentException.of("format", name, "must be openai, litellm or cloudevents");
        }
    }
}
