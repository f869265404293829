package io.fomo.core.engine;

import io.fomo.spi.InvalidArgumentException;

/**
 * The tokens of one inference call, as an OpenAI-compatible {@code usage} object reports them. Cached
 * input tokens are a part of the input tokens (OpenAI's {@code prompt_tokens_details.cached_tokens} is
 * counted inside {@code prompt_tokens}), never in addition to them, so nothing is billed twice.
 *
 * @param input       the prompt (input) tokens, cached ones included; not negative
 * @param cachedInput how many of the input tokens were served from the prompt cache; 0 to {@code input}
 * @param output      the completion (output) tokens; not negative
 */
public record TokenCounts(long input, long cachedInput, long output) {

    /**
     * Checks the counts.
     *
     * @param input       the prompt (input) tokens, cached ones included; not negative
     * @param cachedInput how many of the input tokens were cached; 0 to {@code input}
     * @param output      the completion (output) tokens; not negative
     * @throws InvalidArgumentException if a count is negative, the cached tokens exceed the input tokens,
     *                                  or the total does not fit a {@code long}
     */
    public TokenCounts {
        if (input < 0) {
            throw InvalidArgumentException.of("tokens.input", input, "must not be negative");
        }
        if (output < 0) {
            throw InvalidArgumentException.of("tokens.output", output, "must not be negative");
        }
        if (cachedInput < 0 || cachedInput > input) {
            throw InvalidArgumentException.of("tokens.cachedInput", cachedInput,
                    "must be between 0 and the input tokens " + input + " (cached tokens are part of the input)");
        }
        if (Long.MAX_VALUE - input < output) {
            throw InvalidArgumentException.of("tokens.output", output, "input + output overflows");
        }
    }

    /**
     * Returns the total tokens: input plus output (cached tokens are inside the input).
     *
     * @return the total
     */
    public long total() {
        return input + output;
    }

    /**
     * Returns the input tokens that were not served from the cache.
     *
     * @return {@code input - cachedInput}
     */
    public long uncachedInput() {
        return input - cachedInput;
    }
}
