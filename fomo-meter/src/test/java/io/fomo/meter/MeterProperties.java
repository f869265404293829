package io.fomo.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.spi.AccountId;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MeterProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One LiteLLM spend-log row, before it gets its request id. */
    record Row(String model, long prompt, long cached, long completion, BigDecimal spend, String user, String team,
            boolean success, int minute) {
    }

    @Provide
    Arbitrary<List<Row>> logs() {
        return rows().list().ofMaxSize(25);
    }

    private static Arbitrary<Row> rows() {
        return Combinators.combine(
                Arbitraries.of("qwen3-235b-a22b", "llama-3.3-70b", "mystery-model"),
                Arbitraries.longs().between(0, 50_000),
                Arbitraries.integers().between(0, 100),
                Arbitraries.longs().between(0, 20_000),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3")).ofScale(9),
                Arbitraries.of("bob/team-blue", "bob/", "erin/team-red", "frank/team-blue", "frank/"),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(9, true), net.jqwik.api.Tuple.of(1, false)),
                Arbitraries.integers().between(-600, 300))
                .as((m, p, c, o, s, who, ok, min) -> new Row(m, p, p * c / 100, o, s, who.split("/", -1)[0],
                        who.split("/", -1)[1], ok, min));
    }

    private static String log(List<ObjectNode> rows) {
        StringBuilder b = new StringBuilder();
        for (ObjectNode r : rows) {
            b.append(r.toString()).append('\n');
        }
        return b.toString();
    }

    private static ObjectNode json(int i, Row r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("request_id", "req-" + i).put("call_type", "acompletion").put("model", r.model()).put("model_group", r.model())
                .put("prompt_tokens", r.prompt()).put("completion_tokens", r.completion())
                .put("total_tokens", r.prompt() + r.completion()).put("spend", r.spend())
                .put("startTime", LiveEngine.T0.plusSeconds(60L * r.minute()).toString())
                .put("user", r.user()).put("team_id", r.team()).put("status", r.success() ? "success" : "failure");
        n.putObject("metadata").putObject("usage_object").putObject("prompt_tokens_details").put("cached_tokens", r.cached());
        return n;
    }

    private static Meter ingest(LiveEngine e, String log) {
        Meter m = new Meter(e.protocol, Fixtures.models(), AccountId.of(Meter.DEFAULT_USER));
        try (UsageReader r = UsageReader.open(UsageFormat.LITELLM, "log.jsonl",
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)))) {
            m.ingestAll(r);
        }
        return m;
    }

    @Property(tries = 30)
    void anyPermutationOrDuplicationOfALogGivesTheSameStateHash(@ForAll("logs") List<Row> rows,
            @ForAll Random random) {
        List<ObjectNode> original = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            original.add(json(i, rows.get(i)));
        }
        List<ObjectNode> shuffled = new ArrayList<>(original);
        int copies = original.isEmpty() ? 0 : random.nextInt(original.size() + 1);
        for (int i = 0; i < copies; i++) {
            shuffled.add(original.get(random.nextInt(original.size())));
        }
        Collections.shuffle(shuffled, random);

        LiveEngine a = new LiveEngine();
        Meter ma = ingest(a, log(original));
        LiveEngine b = new LiveEngine();
        Meter mb = ingest(b, log(shuffled));
        assertEquals(a.protocol.stateHash(), b.protocol.stateHash());
        assertEquals(a.protocol.credits(), b.protocol.credits());
        assertEquals(a.protocol.meterTotals(), b.protocol.meterTotals());
        assertEquals(ma.summary().billed(), mb.summary().billed());
        // Every extra copy of a billed row is a duplicate; copies of failed or unmapped rows are counted again as such.
        assertEquals(ma.summary().billed() + ma.summary().unmappedCalls() + ma.summary().failed() + copies,
                mb.summary().billed() + mb.summary().duplicates() + mb.summary().unmappedCalls() + mb.summary().failed());

        // Ingesting the shuffled log again into the first engine adds nothing.
        String hash = a.protocol.stateHash();
        Meter again = ingest(a, log(shuffled));
        assertEquals(hash, a.protocol.stateHash());
        assertEquals(0, again.summary().billed());
    }
}
