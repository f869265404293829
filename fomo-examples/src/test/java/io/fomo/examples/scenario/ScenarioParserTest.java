package io.fomo.examples.scenario;

import static io.fomo.examples.scenario.ScenarioTexts.MINIMAL;
import static io.fomo.examples.scenario.ScenarioTexts.at;
import static io.fomo.examples.scenario.ScenarioTexts.withField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.emission.EmissionSchedule;
import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.launch.UnsoldPolicy;
import io.fomo.core.revenue.DiscountTiers;
import io.fomo.core.emission.Rate;
import io.fomo.core.revenue.RevenueWeights;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioParserTest {

    @TempDir
    Path tmp;

    private static ScenarioException reject(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioParser.parse("s.json", text));
    }

    /** Asserts the whole message: file, line, column, path and problem. */
    private static void assertError(ScenarioException e, String lineColumn, String path, String problem) {
        assertEquals("s.json:" + lineColumn + ": " + path + ": " + problem, e.getMessage());
        assertEquals("s.json", e.file());
        assertEquals(lineColumn, e.line() + ":" + e.column());
        assertEquals(path, e.path());
        assertEquals(problem, e.problem());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    // ---- good files --------------------------------------------------------------------------

    @Test
    void theMinimalScenarioTakesTheSdkDefaults() {
        Scenario s = ScenarioParser.parse("s.json", MINIMAL);
        assertEquals("t", s.name());
        assertEquals(30, s.days());
        assertEquals(0L, s.seed());
        assertEquals(1, s.launches().size());
        Launch l = s.launches().get(0);
        assertEquals("$.launch", l.path());
        assertEquals(0, l.startDay());
        assertEquals(DeploymentId.of("t"), l.deployment());
        assertEquals(AccountId.of("issuer"), l.issuer());
        assertEquals(Asset.modelToken(DeploymentId.of("t")), l.mtAsset());
        // Absent fields are the core builder's defaults, not a copy of them.
        LaunchParameters defaults = LaunchParameters.builder(DeploymentId.of("t"))
                .minTarget(Amount.of(Asset.FLOCK, 1000)).maxTarget(Amount.of(Asset.FLOCK, 2000))
                .constantProductCurve(new BigDecimal("0.001")).build();
        assertEquals(defaults, l.parameters());
        assertEquals(Amount.zero(Asset.FLOCK), l.firstBuy());
        assertTrue(l.users().isEmpty());
        assertTrue(l.stakers().isEmpty());
        assertEquals(DiscountTiers.defaults(l.mtAsset()), l.pricing().tiers());
        assertEquals(Amount.zero(Asset.USD), l.hardCostsPerDay());
        // FOMO-SPEC §3.3 default: exponential, 10,000 FLOCK/day, 90-day half-life; §3.4: alpha 0.5; §3.1: 40/20/15/25.
        assertEquals(EmissionSchedule.exponential(Asset.FLOCK, Rate.perDay(new BigDecimal("10000")), 90 * 86_400L),
                s.emission());
        assertEquals(0, new BigDecimal("0.5").compareTo(s.alpha()));
        assertEquals(RevenueWeights.builder().mtBuybackBps(4000).flockBuybackBps(2000).treasuryBps(1500)
                .issuerBps(2500).build(), s.revenueWeights());
        assertEquals(List.of(), ((Supporters.Listed) l.supporters()).supporters());
    }

    @Test
    void everyShippedScenarioParses() throws IOException {
        Path dir = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"));
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(List.of("failed-raise.json", "platform.json", "qwen-alice-market.json", "qwen-alice.json",
                "qwen-usage-log.json", "whale-vs-users.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            Scenario s = ScenarioParser.parse(f);
            assertEquals(f.getFileName().toString(), s.name() + ".json");
            assertTrue(s.description().isPresent(), f.toString());
        }
    }

    @Test
    void theQwenAliceScenarioSaysWhatTheBlogSays() {
        Path f = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"), "qwen-alice.json");
        Scenario s = ScenarioParser.parse(f);
        // FLock blog, 2026-01-15: 1,000,000 QwenALICE, 40% sold in a fair launch, bought with FLOCK.
        Launch l = s.launches().get(0);
        assertEquals(Amount.of(l.mtAsset(), 1_000_000), l.parameters().totalSupply());
        assertEquals(Amount.of(l.mtAsset(), 400_000), l.parameters().saleAllocation());
        assertEquals(372, s.days());
        assertInstanceOf(Supporters.Generated.class, l.supporters());
    }

    @Test
    void everyFieldIsRead() {
        String text = String.join("\n",
                "{",
                "  \"format\": \"fomo-scenario/1\",",
                "  \"name\": \"full\",",
                "  \"description\": \"d\",",
                "  \"days\": 100,",
                "  \"seed\": -5,",
                "  \"launch\": {",
                "    \"deployment\": \"dep-1\", \"issuer\": \"iss\", \"launchFee\": \"100\",",
                "    \"minTarget\": \"1000\", \"maxTarget\": \"2000\", \"windowDays\": 5, \"swapFeeBps\": 100,",
                "    \"creatorFeeBps\": 2500, \"curve\": { \"type\": \"LINEAR\", \"startPrice\": \"0.5\", \"slope\": \"0.001\" },",
                "    \"totalSupply\": \"2000000\",",
                "    \"allocation\": { \"sale\": 5000, \"liquidity\": 2000, \"incentives\": 1000, \"issuer\": 1000, \"treasury\": 1000 },",
                "    \"firstBuy\": \"10\", \"raiseSplit\": { \"liquidity\": 6000, \"hosting\": 2000, \"staking\": 2000 },",
                "    \"vesting\": { \"cliffDays\": 30, \"durationDays\": 300 }, \"poolFeeBps\": 25, \"unsoldPolicy\": \"TREASURY\"",
                "  },",
                "  \"pricing\": { \"listPrice\": \"0.002\", \"floorPrice\": \"0.001\",",
                "    \"tiers\": [ { \"minStake\": \"100\", \"discountBps\": 500 } ] },",
                "  \"supporters\": [ { \"id\": \"a\", \"buys\": [ { \"day\": 0, \"flock\": \"5\" }, { \"day\": 2, \"flock\": \"7.5\" } ] } ],",
                "  \"users\": { \"count\": 10, \"dailySpendUsd\": { \"min\": \"1\", \"max\": \"2\" }, \"activeProbability\": \"0.25\",",
                "    \"growthPerDay\": \"0.01\", \"maxCount\": 20, \"idPrefix\": \"u\",",
                "    \"whales\": [ { \"id\": \"w\", \"dailySpendUsd\": \"50\", \"fromDay\": 3, \"toDay\": 9, \"activeProbability\": \"0.5\" } ] },",
                "  \"stakers\": [ { \"account\": \"a\", \"day\": 9, \"mt\": \"1.5\" } ],",
                "  \"lockers\": [ { \"account\": \"a\", \"day\": 9, \"flock\": \"3\", \"lockDays\": 90 } ],",
                "  \"flockPrice\": { \"start\": \"0.3\", \"dailyVolatilityBps\": 200, \"dailyDriftBps\": -10, \"floor\": \"0.01\" },",
                "  \"hardCostsUsdPerDay\": \"12.5\",",
                "  \"emission\": { \"type\": \"HALVING\", \"initialRatePerSecond\": \"0.5\", \"periodDays\": 30 },",
                "  \"alpha\": \"0.25\",",
                "  \"revenueWeights\": { \"mtBuyback\": 2500, \"flockBuyback\": 2500, \"treasury\": 2500, \"issuer\": 2500 }",
                "}");
        Scenario s = ScenarioParser.parse("s.json", text);
        Asset mt = Asset.modelToken(DeploymentId.of("dep-1"));
        assertEquals(-5L, s.seed());
        assertEquals("d", s.description().orElseThrow());
        Launch l = s.launches().get(0);
        assertEquals(AccountId.of("iss"), l.issuer());
        LaunchParameters expected = LaunchParameters.builder(DeploymentId.of("dep-1"))
                .minTarget(Amount.of(Asset.FLOCK, 1000)).maxTarget(Amount.of(Asset.FLOCK, 2000))
                .linearCurve(new BigDecimal("0.5"), new BigDecimal("0.001")).launchFee(Amount.of(Asset.FLOCK, 100))
                .window(java.time.Duration.ofDays(5)).swapFeeBps(100).creatorFeeBps(2500).totalSupply(2_000_000L)
                .allocationBps(5000, 2000, 1000, 1000, 1000).raiseSplitBps(6000, 2000, 2000)
                .vesting(java.time.Duration.ofDays(30), java.time.Duration.ofDays(300)).poolFeeBps(25)
                .unsoldPolicy(UnsoldPolicy.TREASURY).build();
        assertEquals(expected, l.parameters());
        assertEquals(Amount.of(Asset.FLOCK, 10), l.firstBuy());
        assertEquals(DiscountTiers.builder(mt).tier(Amount.of(mt, 100), 500).build(), l.pricing().tiers());
        assertEquals(List.of(new Supporters.Supporter(AccountId.of("a"), List.of(
                new Supporters.Buy(0, Amount.of(Asset.FLOCK, 5)), new Supporters.Buy(2, Amount.parse(Asset.FLOCK, "7.5"))))),
                ((Supporters.Listed) l.supporters()).supporters());
        UsageModel u = l.users().orElseThrow();
        assertEquals(new UsageModel(10, Amount.of(Asset.USD, 1), Amount.of(Asset.USD, 2), 250_000, 10_000, 20, "u",
                List.of(new UsageModel.Whale(AccountId.of("w"), Amount.of(Asset.USD, 50), 3, 9, 500_000))), u);
        assertEquals(List.of(new StakeAction(9, AccountId.of("a"), Amount.parse(mt, "1.5"))), l.stakers());
        assertEquals(List.of(new LockAction(9, AccountId.of("a"), Amount.of(Asset.FLOCK, 3), 90)), s.lockers());
        assertEquals(FlockPricePath.Kind.RANDOM_WALK, s.flockPrice().kind());
        assertEquals(200, s.flockPrice().volatilityBps());
        assertEquals(-10, s.flockPrice().driftBps());
        assertEquals(Amount.parse(Asset.USD, "12.5"), l.hardCostsPerDay());
        assertEquals(EmissionSchedule.halving(Asset.FLOCK, Rate.perSecond(new BigDecimal("0.5")), 30 * 86_400L),
                s.emission());
        assertEquals(0, new BigDecimal("0.25").compareTo(s.alpha()));
        assertEquals(RevenueWeights.builder().mtBuybackBps(2500).flockBuybackBps(2500).treasuryBps(2500)
                .issuerBps(2500).build(), s.revenueWeights());
    }

    @Test
    void aMeanSpendDrawsFromZeroToTwiceTheMean() {
        Scenario s = ScenarioParser.parse("s.json",
                withField("\"users\": { \"count\": 3, \"dailySpendUsd\": { \"mean\": \"1.25\" } }"));
        UsageModel u = s.launches().get(0).users().orElseThrow();
        assertEquals(Amount.zero(Asset.USD), u.minDailySpend());
        assertEquals(Amount.parse(Asset.USD, "2.5"), u.maxDailySpend());
        assertEquals(1_000_000, u.activePpm());
        assertEquals(3, u.maxCount());
        assertEquals(AccountId.of("user-2"), u.userId(2));
    }

    @Test
    void everyScheduleTypeOfTheVectorFormatIsAccepted() {
        String[] schedules = {
            "{ \"type\": \"CONSTANT\", \"ratePerSecond\": \"1\" }",
            "{ \"type\": \"LINEAR_TO_ZERO\", \"initialRatePerDay\": \"864\", \"duration\": 1000 }",
            "{ \"type\": \"EXPONENTIAL\", \"initialRatePerSecond\": \"2\", \"halfLife\": 7776000 }",
            "{ \"type\": \"INTERVAL_DECREASE\", \"initialAmount\": \"100\", \"decrease\": \"1\", \"interval\": 86400, \"start\": 10 }",
            "{ \"type\": \"TABLE\", \"points\": [ { \"at\": 0, \"ratePerDay\": \"10\" }, { \"atDay\": 5, \"ratePerDay\": \"5\" } ] }",
        };
        EmissionSchedule.Kind[] kinds = {EmissionSchedule.Kind.CONSTANT, EmissionSchedule.Kind.LINEAR_TO_ZERO,
            EmissionSchedule.Kind.EXPONENTIAL, EmissionSchedule.Kind.INTERVAL_DECREASE, EmissionSchedule.Kind.TABLE};
        for (int i = 0; i < schedules.length; i++) {
            Scenario s = ScenarioParser.parse("s.json", withField("\"emission\": " + schedules[i]));
            assertEquals(kinds[i], s.emission().kind(), schedules[i]);
        }
        // 864 FLOCK/day over a 1,000-second ramp to zero: the area is 864/86400 * 1000 / 2 = 5 FLOCK.
        Scenario ramp = ScenarioParser.parse("s.json", withField("\"emission\": " + schedules[1]));
        assertEquals(Amount.of(Asset.FLOCK, 5), ramp.emission().amount(0, 1000));
    }

    @Test
    void overridesReplaceSeedAndDays() {
        Scenario s = ScenarioParser.parse("s.json", MINIMAL);
        assertEquals(77L, s.withSeed(77).seed());
        assertEquals(30, s.withSeed(77).days());
        assertEquals(3650, s.withDays(3650).days());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> s.withDays(0));
        assertEquals("days = 0: must be from 1 to 3650", e.getMessage());
    }

    @Test
    void laterModelErrorsAreLocatedInTheFile() {
        Scenario s = ScenarioParser.parse("s.json", MINIMAL);
        ScenarioException e = s.error("$.launch.maxTarget", "too high for the curve");
        assertError(e, at(MINIMAL, "\"2000\""), "$.launch.maxTarget", "too high for the curve");
        // A path the file does not contain falls back to its nearest ancestor that it does.
        ScenarioException missing = s.error("$.launch.allocation.sale", new InvalidArgumentException("x = 1: bad"));
        assertError(missing, at(MINIMAL, "{\n    \"minTarget\""), "$.launch.allocation.sale",
                "rejected by the model: x = 1: bad");
        assertInstanceOf(InvalidArgumentException.class, missing.getCause());
    }

    // ---- bad files: each names file, line and column, JSON path, and what was expected ---------

    @Test
    void malformedJsonNamesWhereTheParserStopped() {
        String text = MINIMAL.replace("\"days\": 30,", "\"days\": 30");
        ScenarioException e = reject(text);
        assertEquals(at(text, "\"launch\""), e.line() + ":" + e.column());
        assertEquals("$", e.path());
        assertTrue(e.problem().startsWith("malformed JSON after the value at $.days: Unexpected character ('\"' (code 34)): was expecting comma"),
                e.problem());
    }

    @Test
    void aMissingRequiredFieldIsReportedAtItsObject() {
        String text = MINIMAL.replace("  \"days\": 30,\n", "");
        assertError(reject(text), "1:1", "$.days", "expected an integer from 1 to 3650, found nothing (the field is missing)");
        String noTarget = MINIMAL.replace("    \"minTarget\": \"1000\",\n", "");
        assertError(reject(noTarget), at(noTarget, "{\n    \"maxTarget\""), "$.launch.minTarget",
                "expected a plain decimal string such as \"1000.5\", found nothing (the field is missing)");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedAtTheValue() {
        String text = MINIMAL.replace("\"days\": 30", "\"days\": \"30\"");
        assertError(reject(text), at(text, "\"30\""), "$.days", "expected an integer from 1 to 3650, found string \"30\"");
        String number = MINIMAL.replace("\"minTarget\": \"1000\"", "\"minTarget\": 1000");
        assertError(reject(number), at(number, "1000"), "$.launch.minTarget",
                "expected a plain decimal string such as \"1000.5\", found number 1000");
        String fraction = MINIMAL.replace("\"days\": 30", "\"days\": 30.5");
        assertError(reject(fraction), at(fraction, "30.5"), "$.days", "expected an integer from 1 to 3650, found number 30.5");
        String exponent = MINIMAL.replace("\"usd\": \"0.25\"", "\"usd\": \"2.5e-1\"");
        assertError(reject(exponent), at(exponent, "\"2.5e-1\""), "$.flockPrice[0].usd",
                "expected a plain decimal string such as \"0.25\", found string \"2.5e-1\"");
    }

    @Test
    void valuesOutOfRangeAreRejected() {
        String zero = MINIMAL.replace("\"days\": 30", "\"days\": 0");
        assertError(reject(zero), at(zero, "0,"), "$.days", "expected an integer from 1 to 3650, found number 0");
        String tooLong = MINIMAL.replace("\"days\": 30", "\"days\": 3651");
        assertError(reject(tooLong), at(tooLong, "3651"), "$.days", "expected an integer from 1 to 3650, found number 3651");
        String negative = MINIMAL.replace("\"minTarget\": \"1000\"", "\"minTarget\": \"-1\"");
        assertError(reject(negative), at(negative, "\"-1\""), "$.launch.minTarget",
                "expected a positive amount of FLOCK with at most 18 decimals, found string \"-1\"");
        String cents = withField("\"hardCostsUsdPerDay\": \"1.0000001\"");
        assertError(reject(cents), at(cents, "\"1.0000001\""), "$.hardCostsUsdPerDay",
                "expected a non-negative amount of USD with at most 6 decimals, found string \"1.0000001\"");
        String probability = withField("\"users\": { \"count\": 1, \"dailySpendUsd\": { \"mean\": \"1\" }, "
                + "\"activeProbability\": \"1.5\" }");
        assertError(reject(probability), at(probability, "\"1.5\""), "$.users.activeProbability",
                "expected a decimal string from 0 to 1 with at most 6 decimals, found string \"1.5\"");
    }

    @Test
    void aScenarioCannotAskForMoreWorkThanItsDocumentedBounds() {
        String crowd = MINIMAL.replace("\"supporters\": []",
                "\"supporters\": { \"count\": 100000, \"totalFlock\": \"1000\", \"days\": 1 }");
        assertError(reject(crowd), at(crowd, "100000"), "$.supporters.count",
                "expected an integer from 1 to 10000, found number 100000");
        String yearOfCrowds = withField("\"users\": { \"count\": 100000, \"dailySpendUsd\": { \"mean\": \"1\" } }")
                .replace("\"days\": 30", "\"days\": 365");
        ScenarioException e = reject(yearOfCrowds);
        assertTrue(e.getMessage().contains("$.users.count: expected at most 5000000 user-days (users × days), "
                + "found 100000 × 365"), e.getMessage());
        String grows = withField("\"users\": { \"count\": 10, \"dailySpendUsd\": { \"mean\": \"1\" }, "
                + "\"growthPerDay\": \"0.01\" }").replace("\"days\": 30", "\"days\": 1000");
        assertEquals(5_000, ScenarioParser.parse("grows.json", grows).launches().get(0).users().orElseThrow().maxCount(),
                "with growth and no cap, the cap is what fits the user-days bound");
    }

    @Test
    void anUnknownFieldIsReportedAtItsNameWithAHint() {
        String text = MINIMAL.replace("\"minTarget\"", "\"minTarge\"");
        ScenarioException e = reject(text);
        assertEquals(at(text, "\"minTarge\""), e.line() + ":" + e.column());
        assertEquals("$.launch.minTarge", e.path());
        assertTrue(e.problem().startsWith("unknown field \"minTarge\"; did you mean \"minTarget\"? (expected one of: "
                + "deployment, issuer, launchFee, minTarget, maxTarget,"), e.problem());
        String odd = withField("\"a b\": 1");
        assertEquals("$[\"a b\"]", reject(odd).path());
    }

    @Test
    void aDuplicateFieldIsAnError() {
        String text = withField("\"days\": 31");
        assertError(reject(text), at(text, "\"days\": 30"), "$.days", "duplicate field \"days\"; each field may appear once");
    }

    @Test
    void anEnumValueMustBeOneOfItsNames() {
        String text = MINIMAL.replace("CONSTANT_PRODUCT", "CUBIC");
        assertError(reject(text), at(text, "\"CUBIC\""), "$.launch.curve.type",
                "expected one of CONSTANT_PRODUCT, LINEAR, EXPONENTIAL, found string \"CUBIC\"");
        String missingSlope = MINIMAL.replace("CONSTANT_PRODUCT", "LINEAR");
        assertError(reject(missingSlope), at(missingSlope, "{ \"type\""), "$.launch.curve.slope",
                "expected a plain decimal string such as \"0.000001\", found nothing (the field is missing)");
    }

    @Test
    void theModelsOwnChecksRunAndAreLocated() {
        String allocation = MINIMAL.replace("\"maxTarget\": \"2000\",", "\"maxTarget\": \"2000\",\n    \"allocation\": "
                + "{ \"sale\": 4000, \"liquidity\": 2000, \"incentives\": 2000, \"issuer\": 1000, \"treasury\": 999 },");
        assertError(reject(allocation), at(allocation, "{ \"sale\""), "$.launch.allocation",
                "rejected by the model: allocation = 9999: sale + liquidity + incentives + issuer + treasury must sum to 10000 bps");
        String pricing = MINIMAL.replace("\"floorPrice\": \"0.001\"", "\"floorPrice\": \"0.003\"");
        ScenarioException p = reject(pricing);
        assertEquals(at(pricing, "{ \"listPrice\""), p.line() + ":" + p.column());
        assertEquals("$.pricing", p.path());
        assertTrue(p.problem().startsWith("rejected by the model: "), p.problem());
        assertInstanceOf(InvalidArgumentException.class, p.getCause());
        String targets = MINIMAL.replace("\"maxTarget\": \"2000\"", "\"maxTarget\": \"999\"");
        assertError(reject(targets), at(targets, "\"999\""), "$.launch.maxTarget",
                "rejected by the model: maxTarget = 999.000000000000000000 FLOCK: must not be below minTarget "
                        + "1000.000000000000000000 FLOCK");
        String weights = withField("\"revenueWeights\": { \"mtBuyback\": 1, \"flockBuyback\": 1, \"treasury\": 1, \"issuer\": 1 }");
        ScenarioException w = reject(weights);
        assertEquals("$.revenueWeights", w.path());
        assertTrue(w.problem().startsWith("rejected by the model: "), w.problem());
    }

    @Test
    void dayNumbersMustFallInsideTheScenario() {
        String text = MINIMAL.replace("\"supporters\": []",
                "\"supporters\": [ { \"id\": \"a\", \"buys\": [ { \"day\": 0, \"flock\": \"1\" } ] },\n"
                        + "    { \"id\": \"b\", \"buys\": [ { \"day\": 30, \"flock\": \"1\" } ] } ]");
        assertError(reject(text), at(text, "30, \"flock\""), "$.supporters[1].buys[0].day",
                "expected an integer from 0 to 29, found number 30");
        String price = MINIMAL.replace("\"day\": 0, \"usd\"", "\"day\": 1, \"usd\"");
        assertError(reject(price), at(price, "1, \"usd\""), "$.flockPrice[0].day", "expected the first point at day 0, found 1");
        String order = MINIMAL.replace("{ \"day\": 0, \"usd\": \"0.25\" }",
                "{ \"day\": 0, \"usd\": \"0.25\" }, { \"day\": 5, \"usd\": \"0.3\" }, { \"day\": 5, \"usd\": \"0.3\" }");
        assertError(reject(order), at(order, "5, \"usd\": \"0.3\" } ]"), "$.flockPrice[2].day",
                "expected a day after the previous point's day 5, found 5");
    }

    @Test
    void idsMustBeUnambiguous() {
        String dup = MINIMAL.replace("\"supporters\": []",
                "\"supporters\": [ { \"id\": \"a\", \"buys\": [] }, { \"id\": \"a\", \"buys\": [] } ]");
        assertError(reject(dup), at(dup, "\"a\", \"buys\": [] } ]"), "$.supporters[1].id",
                "expected a supporter id not used before, found \"a\" (also at $.supporters[0])");
        String whale = withField("\"users\": { \"count\": 1, \"dailySpendUsd\": { \"mean\": \"1\" }, "
                + "\"whales\": [ { \"id\": \"user-7\", \"dailySpendUsd\": \"5\" } ] }");
        assertError(reject(whale), at(whale, "\"user-7\""), "$.users.whales[0].id",
                "expected a whale id that is not of the generated form user-<digits>, found \"user-7\"");
        String name = MINIMAL.replace("\"name\": \"t\"", "\"name\": \"../t\"");
        ScenarioException n = reject(name);
        assertEquals("$.name", n.path());
        assertTrue(n.problem().endsWith("found \"../t\""), n.problem());
    }

    @Test
    void eitherFormIsAcceptedWhereTwoAreOffered() {
        String both = withField("\"emission\": { \"type\": \"CONSTANT\", \"ratePerSecond\": \"1\", \"ratePerDay\": \"1\" }");
        assertError(reject(both), at(both, "{ \"type\": \"CONSTANT\""), "$.emission",
                "expected exactly one of ratePerSecond and ratePerDay, found both");
        String spend = withField("\"users\": { \"count\": 1, \"dailySpendUsd\": { \"mean\": \"1\", \"max\": \"2\" } }");
        assertError(reject(spend), at(spend, "{ \"mean\""), "$.users.dailySpendUsd", "expected either {mean} or {min, max}, found both");
        String supporters = MINIMAL.replace("\"supporters\": []", "\"supporters\": 5");
        assertError(reject(supporters), at(supporters, "5,"), "$.supporters",
                "expected an array of {id, buys} or a generator object {count, totalFlock, days}, found number 5");
    }

    @Test
    void theDocumentMustBeOneObject() {
        assertError(reject(""), "1:1", "$", "expected a JSON object, found an empty file");
        assertError(reject("[1]"), "1:1", "$", "expected a JSON object, found an array");
        String trailing = MINIMAL + "\n{}";
        assertError(reject(trailing), (MINIMAL.split("\n").length + 1) + ":1", "$",
                "expected the end of the file after the scenario object, found an object");
        String format = withField("\"format\": \"fomo-scenario/2\"");
        assertError(reject(format), at(format, "\"fomo-scenario/2\""), "$.format",
                "expected \"fomo-scenario/1\", found \"fomo-scenario/2\"");
    }

    @Test
    void unreadableFilesAreScenarioErrorsToo() throws IOException {
        Path missing = tmp.resolve("nope.json");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(missing));
        assertEquals(missing + ": $: expected a readable scenario file, found no such file", e.getMessage());
        Path binary = tmp.resolve("bin.json");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertEquals(binary + ": $: expected UTF-8 text, found invalid bytes",
                assertThrows(ScenarioException.class, () -> ScenarioParser.parse(binary)).getMessage());
        Path good = tmp.resolve("good.json");
        Files.writeString(good, MINIMAL);
        assertEquals(good.toString(), ScenarioParser.parse(good).file());
    }

    @Test
    void modelFieldNamesMapToLaunchFields() {
        assertEquals("maxTarget", ScenarioParser.launchField("maxTarget = 1 FLOCK: too high"));
        assertEquals("windowDays", ScenarioParser.launchField("window = PT1H: too short"));
        assertEquals("allocation", ScenarioParser.launchField("allocation.sale = 0: must be positive"));
        assertEquals("raiseSplit", ScenarioParser.launchField("raiseSplitBps = 1: bad"));
        assertEquals("curve", ScenarioParser.launchField("slope = 0: must be positive"));
        assertEquals(null, ScenarioParser.launchField("something else entirely"));
        assertEquals(null, ScenarioParser.launchField(null));
    }

    /** MINIMAL's launch, pricing and supporters as a platform of two launches, the second opening on day 5. */
    private static String platform(String secondLaunch) {
        return String.join("\n",
                "{",
                "  \"name\": \"p\",",
                "  \"days\": 30,",
                "  \"launches\": [",
                "    { \"launch\": { \"minTarget\": \"1000\", \"maxTarget\": \"2000\",",
                "        \"curve\": { \"type\": \"CONSTANT_PRODUCT\", \"startPrice\": \"0.001\" } },",
                "      \"pricing\": { \"listPrice\": \"0.002\", \"floorPrice\": \"0.001\" }, \"supporters\": [] },",
                "    { \"startDay\": 5, \"launch\": " + secondLaunch + ",",
                "      \"pricing\": { \"listPrice\": \"0.003\", \"floorPrice\": \"0.001\" },",
                "      \"supporters\": [ { \"id\": \"s\", \"buys\": [ { \"day\": 1, \"flock\": \"5\" } ] } ],",
                "      \"hardCostsUsdPerDay\": \"7\" }",
                "  ],",
                "  \"flockPrice\": [ { \"day\": 0, \"usd\": \"0.25\" } ]",
                "}");
    }

    private static final String SECOND = "{ \"deployment\": \"two\", \"minTarget\": \"10\", \"maxTarget\": \"20\", "
            + "\"curve\": { \"type\": \"CONSTANT_PRODUCT\", \"startPrice\": \"0.00001\" } }";

    @Test
    void aPlatformHoldsLaunchesWithTheirOwnDaysPricingAndCosts() {
        Scenario s = ScenarioParser.parse("s.json", platform(SECOND));
        assertEquals(2, s.launches().size());
        Launch first = s.launches().get(0);
        Launch second = s.launches().get(1);
        assertEquals(DeploymentId.of("p-0"), first.deployment(), "a platform's default deployment is <name>-<index>");
        assertEquals(0, first.startDay());
        assertEquals(DeploymentId.of("two"), second.deployment());
        assertEquals(5, second.startDay());
        assertEquals("$.launches[1].launch", second.path());
        assertEquals(new BigDecimal("0.003"), second.pricing().listPrice().value().stripTrailingZeros());
        assertEquals(Amount.of(Asset.USD, 7), second.hardCostsPerDay());
        assertEquals(Amount.zero(Asset.USD), first.hardCostsPerDay());
        assertEquals(Amount.of(Asset.FLOCK, 10), second.parameters().minTarget());
    }

    @Test
    void aPlatformsErrorsNameTheLaunch() {
        String misspelt = platform(SECOND.replace("\"minTarget\"", "\"minTarge\""));
        ScenarioException e = reject(misspelt);
        assertEquals("$.launches[1].launch.minTarge", e.path());
        assertTrue(e.problem().startsWith("unknown field \"minTarge\"; did you mean \"minTarget\"?"), e.problem());
        String twice = platform(SECOND.replace("\"two\"", "\"p-0\""));
        assertEquals("$.launches[1].launch", reject(twice).path());
        assertTrue(reject(twice).problem().contains("expected a deployment not launched before, found \"p-0\""));
        String late = platform(SECOND).replace("\"startDay\": 5", "\"startDay\": 30");
        assertEquals("$.launches[1].startDay", reject(late).path());
        String both = platform(SECOND).replace("\"days\": 30,", "\"days\": 30, \"pricing\": {},");
        assertEquals("$.pricing", reject(both).path());
        assertTrue(reject(both).problem().contains("not both"), reject(both).problem());
        String empty = both.replace("\"pricing\": {},", "").replaceAll("(?s)\"launches\": \\[.*\\],", "\"launches\": [],");
        assertEquals("expected at least one launch, found an empty array", reject(empty).problem());
    }

    // ---- traders -------------------------------------------------------------------------------

    private static final String TRADERS = "\"traders\": { "
            + "\"supporters\": { \"profitMultiple\": \"1.5\", \"shareBps\": 3000, \"probabilityBps\": 700 }, "
            + "\"tierUsers\": { \"count\": 12, \"flock\": \"5000\", \"probabilityBps\": 250, \"idPrefix\": \"climber\" }, "
            + "\"noise\": { \"count\": 7, \"dailyFlock\": \"40.5\" }, "
            + "\"issuer\": { \"shareBps\": 4000 }, "
            + "\"slippageBps\": 250 }";

    @Test
    void aLaunchsTradersAreReadWithTheirDefaults() {
        Launch l = ScenarioParser.parse("s.json", withField(TRADERS)).launches().get(0);
        Traders t = l.traders().orElseThrow();
        assertEquals(new Traders.ProfitTaking(new BigDecimal("1.5"), 3000, 700), t.profitTaking().orElseThrow());
        assertEquals(new Traders.TierUsers(12, Amount.of(Asset.FLOCK, 5000), 250, "climber"),
                t.tierUsers().orElseThrow());
        assertEquals(new Traders.Noise(7, Amount.of(Asset.FLOCK, new BigDecimal("40.5")), 5_000, "t-noise"),
                t.noise().orElseThrow(), "activity defaults to 5,000 bps, ids to <deployment>-noise");
        assertEquals(new Traders.IssuerSales(30, 4000), t.issuerSales().orElseThrow(), "a claim every 30 days");
        assertEquals(250, t.slippageBps());
        Traders bare = ScenarioParser.parse("s.json", withField("\"traders\": {}")).launches().get(0).traders()
                .orElseThrow();
        assertEquals(new Traders(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), 100), bare);
        assertTrue(ScenarioParser.parse("s.json", MINIMAL).launches().get(0).traders().isEmpty());
        Launch second = ScenarioParser.parse("s.json", platform(SECOND).replace("\"hardCostsUsdPerDay\": \"7\"",
                "\"hardCostsUsdPerDay\": \"7\", \"traders\": { \"noise\": { \"count\": 3, \"dailyFlock\": \"1\" } }"))
                .launches().get(1);
        assertEquals("two-noise", second.traders().orElseThrow().noise().orElseThrow().idPrefix());
    }

    @Test
    void badTradersAreLocatedAndExplained() {
        String misspelt = withField(TRADERS.replace("\"shareBps\": 3000", "\"shareBp\": 3000"));
        ScenarioException e = reject(misspelt);
        assertEquals("$.traders.supporters.shareBp", e.path());
        assertEquals(at(misspelt, "\"shareBp\""), e.line() + ":" + e.column());
        assertTrue(e.problem().startsWith("unknown field \"shareBp\"; did you mean \"shareBps\"?"), e.problem());
        String unknown = withField(TRADERS.replace("\"slippageBps\"", "\"slipageBps\""));
        assertTrue(reject(unknown).problem().contains("did you mean \"slippageBps\"?"), reject(unknown).problem());

        String share = withField(TRADERS.replace("\"shareBps\": 3000", "\"shareBps\": 10001"));
        assertError(reject(share), at(share, "10001"), "$.traders.supporters.shareBps",
                "expected an integer from 1 to 10000, found number 10001");
        String multiple = withField(TRADERS.replace("\"1.5\"", "\"0.9\""));
        assertEquals("$.traders.supporters.profitMultiple", reject(multiple).path());
        assertTrue(reject(multiple).problem().startsWith("expected a decimal string from 1 to 1000000"),
                reject(multiple).problem());
        String none = withField(TRADERS.replace("\"count\": 12", "\"count\": 0"));
        assertError(reject(none), at(none, "0, \"flock\""), "$.traders.tierUsers.count",
                "expected an integer from 1 to 10000, found number 0");
        String noFlock = withField(TRADERS.replace("\"dailyFlock\": \"40.5\"", "\"dailyFlock\": \"0\""));
        assertEquals("$.traders.noise.dailyFlock", reject(noFlock).path());
        String missing = withField(TRADERS.replace("\"dailyFlock\": \"40.5\"", "\"activityBps\": 10"));
        assertEquals("$.traders.noise.dailyFlock", reject(missing).path());
        assertTrue(reject(missing).problem().endsWith("found nothing (the field is missing)"), reject(missing).problem());
        String slippage = withField(TRADERS.replace("\"slippageBps\": 250", "\"slippageBps\": 5001"));
        assertError(reject(slippage), at(slippage, "5001"), "$.traders.slippageBps",
                "expected an integer from 0 to 5000, found number 5001");
        String every = withField(TRADERS.replace("{ \"shareBps\": 4000 }", "{ \"everyDays\": 0, \"shareBps\": 4000 }"));
        assertEquals("$.traders.issuer.everyDays", reject(every).path());
        String same = withField(TRADERS.replace("\"dailyFlock\": \"40.5\"", "\"dailyFlock\": \"40.5\", \"idPrefix\": \"climber\""));
        assertEquals("$.traders.noise.idPrefix", reject(same).path());
        String badId = withField(TRADERS.replace("\"climber\"", "\"bad\\u0001id\""));
        assertEquals("$.traders.tierUsers.idPrefix", reject(badId).path());
        String inPlatform = platform(SECOND).replace("\"hardCostsUsdPerDay\": \"7\"",
                "\"hardCostsUsdPerDay\": \"7\", \"traders\": { \"nois\": {} }");
        assertEquals("$.launches[1].traders.nois", reject(inPlatform).path());
        assertTrue(reject(inPlatform).problem().contains("did you mean \"noise\"?"), reject(inPlatform).problem());
        String notObject = withField("\"traders\": []");
        assertEquals("$.traders", reject(notObject).path());
    }
}
