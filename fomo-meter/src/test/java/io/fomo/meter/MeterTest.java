package io.fomo.meter;

import static io.fomo.meter.LiveEngine.BOB;
import static io.fomo.meter.LiveEngine.LLAMA;
import static io.fomo.meter.LiveEngine.QWEN;
import static io.fomo.meter.LiveEngine.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.Command;
import io.fomo.core.engine.CreditAccount;
import io.fomo.core.engine.TopUpCredits;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeterTest {

    private static final AccountId TEAM_BLUE = AccountId.of("team-blue");

    private static Meter meter(LiveEngine e) {
        return new Meter(e.protocol, Fixtures.models(), AccountId.of(Meter.DEFAULT_USER));
    }

    private static void ingest(Meter m, UsageFormat f, String name) {
        try (UsageReader r = Fixtures.reader(f, name)) {
            m.ingestAll(r);
        }
    }

    private static void ingestEveryFixture(Meter m) {
        ingest(m, UsageFormat.OPENAI, "openai/chat-completions.jsonl");
        ingest(m, UsageFormat.OPENAI, "openai/chat-completion-pretty.json");
        ingest(m, UsageFormat.OPENAI, "openai/stream.sse");
        ingest(m, UsageFormat.OPENAI, "openai/responses.jsonl");
        ingest(m, UsageFormat.LITELLM, "litellm/spend-logs.jsonl");
        ingest(m, UsageFormat.CLOUDEVENTS, "cloudevents/events.json");
    }

    @Test
    void openAiResponsesBillTheirTokensAtTheMapsPrices() {
        LiveEngine e = new LiveEngine();
        Meter m = meter(e);
        ingest(m, UsageFormat.OPENAI, "openai/chat-completions.jsonl");
        IngestSummary s = m.summary();
        DeploymentSummary q = s.deployments().get("qwen");
        // A1: 176 x 2 + 1024 x 0.5 + 300 x 6 = 2664; A2: 50 x 2 + 20 x 6 = 220 (micro-USD); nobody stakes.
        assertEquals(new DeploymentSummary(2, 1250, 1024, 320, usd("0.002884"), 0), q);
        assertEquals(Map.of("gpt-4o-mini-2024-07-18", 1L), s.unmapped());
        assertEquals(usd("0.002884"), e.protocol.revenue().grossOf(QWEN));
        CreditAccount unattributed = e.protocol.credits().get(AccountId.of(Meter.DEFAULT_USER));
        assertEquals(usd("0.002884"), unattributed.arrears(), "no top-up: the calls are billed on account");
    }

    @Test
    void liteLlmRowsBillTheMeteredSpendWithTheStakersDiscount() {
        LiveEngine e = new LiveEngine();
        e.run(new Command.Stake(BOB, LLAMA, Amount.parse(Asset.modelToken(LLAMA), "2000")));   // 10% off
        e.run(new TopUpCredits(TEAM_BLUE, Amount.parse(Asset.USDC, "1")));
        Meter m = meter(e);
        ingest(m, UsageFormat.LITELLM, "litellm/spend-logs.jsonl");
        IngestSummary s = m.summary();
        // L1 0.00123 x 0.9 = 0.001107 (bob stakes); L2 0.00001095 -> 0.000011 (erin, no stake).
        assertEquals(new DeploymentSummary(2, 57, 32, 17, usd("0.001118"), 0), s.deployments().get("llama"));
        // L5 is under a token-priced model: 800 x 2 + 200 x 6 = 2800 micro-USD, whatever its spend says.
        assertEquals(new DeploymentSummary(1, 800, 0, 200, usd("0.0028"), 0), s.deployments().get("qwen"));
        assertEquals(1, s.failed(), "the failure row is not billed");
        assertEquals(Map.of("gpt-3.5-turbo", 1L), s.unmapped());
        assertEquals(usd("0.998893"), e.protocol.credits().get(TEAM_BLUE).available());
        assertEquals(usd("0.000011"), e.protocol.credits().get(AccountId.of("erin")).arrears(), "no team: erin pays");
        assertEquals(1, e.protocol.meterTotals().get(QWEN).late(), "L5 is from before genesis: booked now, counted late");
    }

    @Test
    void cloudEventsBillTheirTokensOrCost() {
        LiveEngine e = new LiveEngine();
        Meter m = meter(e);
        ingest(m, UsageFormat.CLOUDEVENTS, "cloudevents/events.json");
        // evt-1: 500 x 2 + 500 x 0.5 + 1000 x 6 = 7250; evt-3: 4000 x 6 = 24000 (micro-USD); evt-2 costs 0.0042.
        assertEquals(usd("0.03125"), m.summary().deployments().get("qwen").revenue());
        assertEquals(usd("0.0042"), m.summary().deployments().get("llama").revenue());
        assertEquals(usd("0.00725"), e.protocol.credits().get(AccountId.of("team-red")).arrears());
    }

    @Test
    void ingestingEverythingTwiceBillsOnce() {
        LiveEngine e = new LiveEngine();
        Meter first = meter(e);
        ingestEveryFixture(first);
        String hash = e.protocol.stateHash();
        Amount qwen = e.protocol.revenue().grossOf(QWEN);
        Meter second = meter(e);
        ingestEveryFixture(second);
        assertEquals(hash, e.protocol.stateHash());
        assertEquals(qwen, e.protocol.revenue().grossOf(QWEN));
        assertEquals(0, second.summary().billed());
        assertEquals(first.summary().billed(), second.summary().duplicates());
        // 2 + 1 + 1 + 2 chat/stream/responses, L5 and evt-1, evt-3 on qwen; L1, L2 and evt-2 on llama.
        assertEquals(12, first.summary().billed());
        // Every fixture's billed revenue, summed by hand: qwen 0.002884 + 0.002932 + 0.000088 + 0.0013 + 0.00014
        // + 0.0028 + 0.03125; llama 0.00123 + 0.000011 + 0.0042.
        assertEquals(usd("0.041394"), e.protocol.meterTotals().get(QWEN).revenue());
        assertEquals(usd("0.005441"), e.protocol.meterTotals().get(LLAMA).revenue());
    }

    @Test
    void aRecordWithAProtocolAccountIsMalformed() {
        LiveEngine e = new LiveEngine();
        Meter m = meter(e);
        String row = "{\"request_id\":\"x\",\"model\":\"llama-3.3-70b\",\"prompt_tokens\":1,\"completion_tokens\":1,"
                + "\"spend\":0.1,\"startTime\":\"2026-01-01T01:00:00Z\",\"user\":\"protocol:treasury\"}";
        MalformedRecordException x = assertThrows(MalformedRecordException.class,
                () -> m.ingestAll(Fixtures.text(UsageFormat.LITELLM, "bad.jsonl", row)));
        assertEquals("user", x.field());
        assertTrue(x.getMessage().startsWith("bad.jsonl:1:"), x.getMessage());
    }
}
