/**
 * The metering layer: reads usage records (OpenAI-compatible responses, LiteLLM spend logs, CloudEvents)
 * as streams in constant memory, maps their models to deployments with a validated model map, and submits
 * them to the engine as token-priced usage, each request billed once.
 */
module io.fomo.meter {
    requires transitive io.fomo.core;
    requires com.fasterxml.jackson.databind;

    exports io.fomo.meter;
}
