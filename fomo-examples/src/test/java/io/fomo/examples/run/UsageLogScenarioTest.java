package io.fomo.examples.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.report.DailyRow;
import io.fomo.examples.report.SimulationResult;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioException;
import io.fomo.examples.scenario.ScenarioParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.core.engine.MeterTotals;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code fomo simulate} driven by a usage log (scenarios/qwen-usage-log.json) instead of synthetic users. */
class UsageLogScenarioTest {

    private static final Path DIR = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"));
    private static final DeploymentId DEP = DeploymentId.of("qwen-usage-log");

    /** What the log implies, worked out here from the rows and the map's prices (not by the meter). */
    private static final class Expected {
        long calls;
        BigDecimal list = BigDecimal.ZERO;
    }

    private static Expected expected() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Expected e = new Expected();
        Set<String> seen = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(DIR.resolve("usage/qwen-usage-log.litellm.jsonl"))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode row = json.readTree(line);
                String group = row.get("model_group").asText();
                if (!row.get("status").asText().equals("success") || group.equals("gpt-4o-mini")
                        || !seen.add(row.get("request_id").asText())) {
                    continue;
                }
                BigDecimal charge;
                if (group.equals("qwen3-coder")) {
                    charge = new BigDecimal(row.get("spend").asText());
                } else {
                    long p = row.get("prompt_tokens").asLong();
                    long cached = row.at("/metadata/usage_object/prompt_tokens_details/cached_tokens").asLong();
                    long c = row.get("completion_tokens").asLong();
                    charge = BigDecimal.valueOf((p - cached) * 20 + cached * 5 + c * 60).movePointLeft(6);
                }
                e.calls++;
                e.list = e.list.add(charge.setScale(6, RoundingMode.UP));
            }
        }
        return e;
    }

    @Test
    void everyBillableRowOfTheLogIsBilledOnceAtItsListCharge() throws IOException {
        Scenario s = ScenarioParser.parse(DIR.resolve("qwen-usage-log.json"));
        assertTrue(s.launches().get(0).usageLog().isPresent());
        assertTrue(s.launches().get(0).users().isEmpty());
        InMemoryEventJournal journal = new InMemoryEventJournal();
        SimulationResult result = new EngineScenarioRunner().run(s, journal, ProgressListener.NONE);
        FomoProtocol replayed = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(Instant.EPOCH)).autoDispatch(false).build();
        assertEquals(result.stateHash(), replayed.stateHash());
        MeterTotals t = replayed.meterTotals().get(DEP);
        Expected e = expected();
        assertEquals(e.calls, t.calls());
        assertEquals(Amount.of(Asset.USD, e.list), t.listCharges());
        assertEquals(1, t.late(), "the row exported a day late is billed and counted late");
        assertTrue(t.revenue().isPositive() && !t.revenue().isGreaterThan(t.listCharges()), "discounts only lower the charge");
        Amount daily = result.rows().stream().map(DailyRow::revenueGross).reduce(Amount.zero(Asset.USD), Amount::plus);
        assertEquals(t.revenue(), daily, "the daily table's revenue is what the calls paid");
    }

    @Test
    void aScenarioTakesUsersOrAUsageLogNotBoth() throws IOException {
        String text = Files.readString(DIR.resolve("qwen-usage-log.json"));
        String both = text.replace("\"usageLog\":", "\"users\": {\"count\": 1, \"dailySpendUsd\": {\"min\": \"1\", \"max\": \"2\"}},\n  \"usageLog\":");
        ScenarioException x = assertThrows(ScenarioException.class,
                () -> ScenarioParser.parse(DIR.resolve("qwen-usage-log.json").toString(), both));
        assertTrue(x.getMessage().contains("usageLog"), x.getMessage());
        String wrongMap = text.replace("usage/qwen-usage-log.models.json", "usage/missing.json");
        x = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(DIR.resolve("qwen-usage-log.json").toString(), wrongMap));
        assertTrue(x.getMessage().contains("models"), x.getMessage());
    }
}
