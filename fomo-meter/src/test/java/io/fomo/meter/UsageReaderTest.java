package io.fomo.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.TokenCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageReaderTest {

    @Test
    void chatCompletionsAsJsonLines() {
        UsageReader reader = Fixtures.reader(UsageFormat.OPENAI, "openai/chat-completions.jsonl");
        List<UsageRecord> rs = Fixtures.all(reader);
        assertEquals(3, rs.size());
        UsageRecord a1 = rs.get(0);
        assertEquals("chatcmpl-A1", a1.requestId());
        assertEquals("qwen3-235b-a22b", a1.model());
        assertEquals(new TokenCounts(1200, 1024, 300), a1.tokens(), "cached tokens are inside the prompt tokens");
        assertEquals(Instant.parse("2026-01-01T02:00:00Z"), a1.occurredAt());
        assertEquals(Optional.empty(), a1.user());
        assertEquals(1, a1.line());
        assertEquals(new TokenCounts(50, 0, 20), rs.get(1).tokens());
        assertEquals(3, rs.get(2).line());
        assertEquals("gpt-4o-mini-2024-07-18", rs.get(2).model());
    }

    @Test
    void aPrettyPrintedResponse() {
        List<UsageRecord> rs = Fixtures.all(Fixtures.reader(UsageFormat.OPENAI, "openai/chat-completion-pretty.json"));
        assertEquals(1, rs.size());
        assertEquals(new TokenCounts(2006, 1920, 300), rs.get(0).tokens());
        assertEquals(1, rs.get(0).line());
    }

    @Test
    void aStreamBillsOnlyItsLastChunk() {
        UsageReader reader = Fixtures.reader(UsageFormat.OPENAI, "openai/stream.sse");
        List<UsageRecord> rs = Fixtures.all(reader);
        assertEquals(1, rs.size());
        assertEquals("chatcmpl-S1", rs.get(0).requestId());
        assertEquals(new TokenCounts(17, 0, 9), rs.get(0).tokens());
        assertEquals(7, rs.get(0).line(), "the usage chunk is on line 7 of the stream");
        assertEquals(3, reader.skipped(), "three chunks carried usage: null");
    }

    @Test
    void responsesApiObjectsAndCompletedEvents() {
        UsageReader reader = Fixtures.reader(UsageFormat.OPENAI, "openai/responses.jsonl");
        List<UsageRecord> rs = Fixtures.all(reader);
        assertEquals(2, rs.size());
        assertEquals(new TokenCounts(500, 200, 100), rs.get(0).tokens());
        assertEquals(Optional.of("carol"), rs.get(0).user());
        assertEquals("resp_2", rs.get(1).requestId());
        assertEquals(new TokenCounts(40, 0, 10), rs.get(1).tokens());
        assertEquals(Instant.ofEpochSecond(1767243700L), rs.get(1).occurredAt());
        assertEquals(1, reader.skipped(), "response.created carries no usage");
    }

    @Test
    void liteLlmSpendLogRows() {
        List<UsageRecord> rs = Fixtures.all(Fixtures.reader(UsageFormat.LITELLM, "litellm/spend-logs.jsonl"));
        assertEquals(5, rs.size());
        UsageRecord l1 = rs.get(0);
        assertEquals("chatcmpl-L1", l1.requestId());
        assertEquals(Optional.of("llama-3.3-70b"), l1.modelGroup());
        assertEquals(Optional.of(new BigDecimal("0.00123")), l1.meteredCost().map(BigDecimal::stripTrailingZeros));
        assertEquals(Optional.of("bob"), l1.user());
        assertEquals(Optional.of("team-blue"), l1.team());
        assertEquals(Instant.parse("2026-01-01T04:00:00.106Z"), l1.occurredAt());
        UsageRecord l2 = rs.get(1);
        assertEquals(0, new BigDecimal("0.00001095").compareTo(l2.meteredCost().orElseThrow()), "1.095e-05 read exactly");
        assertEquals(Optional.of("erin"), l2.user(), "an empty user falls back to end_user");
        assertEquals(Optional.empty(), l2.team());
        assertEquals(new TokenCounts(37, 32, 9), l2.tokens(), "cached tokens from the metadata held as a JSON string");
        assertEquals(Instant.parse("2026-01-01T04:10:00Z"), l2.occurredAt(), "a time without zone is UTC");
        assertFalse(rs.get(2).success(), "status failure");
        assertTrue(rs.get(3).success());
    }

    @Test
    void cloudEventsInABatchArray() {
        List<UsageRecord> rs = Fixtures.all(Fixtures.reader(UsageFormat.CLOUDEVENTS, "cloudevents/events.json"));
        assertEquals(3, rs.size());
        assertEquals("evt-1@/gateway/eu", rs.get(0).requestId());
        assertEquals(new TokenCounts(1000, 500, 1000), rs.get(0).tokens());
        assertEquals(Optional.of("frank"), rs.get(0).user());
        assertEquals(Optional.of("team-red"), rs.get(0).team());
        assertEquals(new TokenCounts(10, 0, 5), rs.get(1).tokens());
        assertEquals(new TokenCounts(0, 0, 4000), rs.get(2).tokens(), "OpenMeter's one-sided token event");
        assertEquals(4, rs.get(1).line(), "evt-2 starts on line 4 of the array");
    }

    @Test
    void aFailedRowNeedsNoTokenCounts() {
        List<UsageRecord> rs = Fixtures.all(Fixtures.text(UsageFormat.LITELLM, "f.jsonl", "{\"request_id\":\"r\","
                + "\"model\":\"m\",\"prompt_tokens\":null,\"spend\":0,\"startTime\":\"2026-01-01T00:00:00Z\","
                + "\"status\":\"failure\"}"));
        assertEquals(1, rs.size());
        assertFalse(rs.get(0).success());
        assertEquals(new TokenCounts(0, 0, 0), rs.get(0).tokens());
    }

    @Test
    void anEmbeddingsResponseCountsItsPromptTokens() {
        List<UsageRecord> rs = Fixtures.all(Fixtures.text(UsageFormat.OPENAI, "e.jsonl", "{\"id\":\"emb-1\",\"object\":\"list\","
                + "\"created\":1767232800,\"model\":\"text-embedding-3-small\",\"data\":[],"
                + "\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}"));
        assertEquals(new TokenCounts(8, 0, 0), rs.get(0).tokens());
    }

    private static MalformedRecordException malformed(UsageFormat f, String content) {
        return assertThrows(MalformedRecordException.class, () -> Fixtures.all(Fixtures.text(f, "log.jsonl", content)));
    }

    @Test
    void aMalformedRecordNamesTheLineTheFieldAndTheValue() {
        String good = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1767232800,\"model\":\"m\","
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n";
        MalformedRecordException e = malformed(UsageFormat.OPENAI, good + good.replace("\"prompt_tokens\":1", "\"prompt_tokens\":\"abc\""));
        assertEquals(2, e.line());
        assertEquals("usage.prompt_tokens", e.field());
        assertEquals("abc", e.value());
        assertTrue(e.getMessage().startsWith("log.jsonl:2: field usage.prompt_tokens = abc"), e.getMessage());

        e = malformed(UsageFormat.OPENAI, good.replace("\"prompt_tokens\":1", "\"prompt_tokens\":-5"));
        assertEquals("usage.prompt_tokens", e.field());
        e = malformed(UsageFormat.OPENAI, good.replace("\"prompt_tokens\":1", "\"prompt_tokens\":2.5"));
        assertEquals("2.5", e.value());
        e = malformed(UsageFormat.OPENAI, good.replace("\"completion_tokens\":1}", "\"completion_tokens\":1,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":7}}"));
        assertEquals("usage.prompt_tokens_details.cached_tokens", e.field());
        e = malformed(UsageFormat.OPENAI, good.replace("\"id\":\"c1\",", ""));
        assertEquals("id", e.field());
        e = malformed(UsageFormat.OPENAI, good.replace("1767232800", "\"yesterday\""));
        assertEquals("created", e.field());
        e = malformed(UsageFormat.OPENAI, good + good + "{\"id\": oops}\n");
        assertEquals(3, e.line());
        e = malformed(UsageFormat.LITELLM, "{\"request_id\":\"r\",\"model\":\"m\",\"prompt_tokens\":1,\"completion_tokens\":1,"
                + "\"spend\":\"lots\",\"startTime\":\"2026-01-01T00:00:00Z\"}");
        assertEquals("spend", e.field());
        e = malformed(UsageFormat.CLOUDEVENTS, "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"s\",\"type\":\"t\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"data\":{\"model\":\"m\",\"tokens\":3,\"type\":\"sideways\"}}");
        assertEquals("data.type", e.field());
        e = malformed(UsageFormat.CLOUDEVENTS, "[1]");
        assertEquals("(record)", e.field());
    }
}
