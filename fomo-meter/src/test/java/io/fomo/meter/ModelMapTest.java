package io.fomo.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.TokenCounts;
import io.fomo.spi.InvalidArgumentException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelMapTest {

    private static ModelMap read(String json) {
        return ModelMap.read("map.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String rejected(String json) {
        return assertThrows(InvalidArgumentException.class, () -> read(json)).getMessage();
    }

    private static UsageRecord call(String model, String group, long in, long cached, long out, String cost) {
        return UsageRecord.builder("t", 1).requestId("r").model(model).modelGroup(group)
                .tokens(new TokenCounts(in, cached, out)).meteredCost(cost == null ? null : new BigDecimal(cost))
                .occurredAt(Instant.EPOCH).build();
    }

    @Test
    void theFixtureMapsByModelIdThenByGroup() {
        ModelMap m = Fixtures.models();
        assertEquals("qwen", m.route(call("qwen3-235b-a22b", null, 1, 0, 1, null)).orElseThrow().deployment().value());
        assertEquals("llama", m.route(call("together_ai/x", "llama-3.3-70b", 1, 0, 1, null)).orElseThrow().deployment().value());
        assertTrue(m.route(call("gpt-4o", "gpt-4o", 1, 0, 1, null)).isEmpty());
    }

    @Test
    void tokenPricesBillCachedTokensOnceAtTheCachedPrice() {
        ModelPrice p = Fixtures.models().routes().get("qwen3-235b-a22b").price();
        // 176 x 2 + 1024 x 0.5 + 300 x 6 = 2664 micro-USD.
        assertEquals(LiveEngine.usd("0.002664"), p.listCharge(call("q", null, 1200, 1024, 300, null)));
        // 1 x 2 = 2 micro-USD / 1e6 tokens... 1 token at 2 USD per million is 0.000002; 1 output token 0.000006.
        assertEquals(LiveEngine.usd("0.000008"), p.listCharge(call("q", null, 1, 0, 1, null)));
        // 1 cached token at 0.50 per million = 0.0000005 USD, rounded up once to 0.000001.
        assertEquals(LiveEngine.usd("0.000001"), p.listCharge(call("q", null, 1, 1, 0, null)));
    }

    @Test
    void meteredPricesTakeTheCostRoundedUpOnce() {
        ModelPrice p = Fixtures.models().routes().get("llama-3.3-70b").price();
        assertEquals(LiveEngine.usd("0.000011"), p.listCharge(call("l", null, 1, 0, 1, "0.00001095")));
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> p.listCharge(call("l", null, 1, 0, 1, null)));
        assertEquals("cost", e.field());
    }

    @Test
    void badMapsAreRejectedNamingTheEntryAndTheField() {
        assertTrue(rejected("{\"models\":{\"m\":{\"deployment\":\"d\",\"inputPerMillion\":1,\"outputPerMillion\":1,\"outputPerMilion\":2}}}")
                .contains("models.m.outputPerMilion"));
        assertTrue(rejected("{\"models\":{\"m\":{\"deployment\":\"d\",\"price\":\"metered\",\"inputPerMillion\":1}}}")
                .contains("models.m.price"));
        assertTrue(rejected("{\"models\":{\"m\":{\"deployment\":\"d\",\"inputPerMillion\":-1,\"outputPerMillion\":1}}}")
                .contains("models.m.inputPerMillion"));
        assertTrue(rejected("{\"models\":{\"m\":{\"deployment\":\"d\",\"inputPerMillion\":\"cheap\",\"outputPerMillion\":1}}}")
                .contains("cheap"));
        assertTrue(rejected("{\"models\":{\"m\":{\"inputPerMillion\":1,\"outputPerMillion\":1}}}").contains("models.m.deployment"));
        assertTrue(rejected("{\"models\":{\"m\":{\"deployment\":\"d\",\"inputPerMillion\":1}}}").contains("outputPerMillion"));
        assertTrue(rejected("{\"models\":{\"m\":{\"deployment\":\"d\",\"price\":\"free\"}}}").contains("free"));
        String dup = rejected("{\"models\":{\"m\":{\"deployment\":\"d\",\"price\":\"metered\"},\n\"m\":{\"deployment\":\"e\",\"price\":\"metered\"}}}");
        assertTrue(dup.contains("map.json:2") && dup.contains("Duplicate"), dup);
        assertTrue(rejected("{\"models\":{}}").contains("at least one"));
        assertTrue(rejected("{\"modles\":{}}").contains("modles"));
        assertTrue(rejected("[]").contains("(root)"));
    }

    @Test
    void aMapMustNameLiveDeployments() {
        LiveEngine e = new LiveEngine();
        Fixtures.models().checkAgainst(e.protocol);
        String msg = assertThrows(InvalidArgumentException.class, () -> read(
                "{\"models\":{\"m\":{\"deployment\":\"mistral\",\"price\":\"metered\"}}}").checkAgainst(e.protocol)).getMessage();
        assertTrue(msg.contains("models.m.deployment") && msg.contains("mistral"), msg);
    }
}
