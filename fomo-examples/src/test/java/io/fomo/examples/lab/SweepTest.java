package io.fomo.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.scenario.ScenarioException;
import io.fomo.spi.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The grid of a sweep: its order, its validation before anything runs, its seeds. */
class SweepTest {

    private static final Path QWEN = MonteCarloTest.SCENARIOS.resolve("qwen-alice.json");

    private static String text() throws Exception {
        return Files.readString(QWEN);
    }

    private static UnaryOperator<io.fomo.examples.scenario.Scenario> shortRandom() {
        long seed = ThreadLocalRandom.current().nextLong();
        System.out.println("SweepTest seed = " + seed);
        return s -> s.withSeed(seed).withDays(9);
    }

    @Test
    void theGridIsTheCartesianProductWithTheLastSettingFastest() throws Exception {
        Sweep sweep = Sweep.plan(QWEN.toString(), text(), List.of(Sweep.Setting.parse("launch.minTarget=300000,500000"),
                Sweep.Setting.parse("$.supporters.count=50,100,150")), shortRandom());
        List<String> labels = sweep.variants().stream().map(Sweep.Variant::label).toList();
        assertEquals(List.of("launch.minTarget=300000 supporters.count=50", "launch.minTarget=300000 supporters.count=100",
                "launch.minTarget=300000 supporters.count=150", "launch.minTarget=500000 supporters.count=50",
                "launch.minTarget=500000 supporters.count=100", "launch.minTarget=500000 supporters.count=150"), labels);
        assertEquals("300000.000000000000000000", sweep.variants().get(1).scenario().launches().get(0).parameters().minTarget().value()
                .setScale(18).toPlainString());
        assertEquals(500000, sweep.variants().get(5).scenario().launches().get(0).parameters().minTarget().value().intValueExact());
    }

    @Test
    void everyVariantRunsWithTheSameSeedsAndTheResultsDoNotDependOnThreads() throws Exception {
        Sweep sweep = Sweep.plan(QWEN.toString(), text(), List.of(Sweep.Setting.parse("launch.poolFeeBps=10,100")),
                shortRandom());
        List<Sweep.Result> one = sweep.run(2, 1);
        List<Sweep.Result> two = sweep.run(2, 2);
        assertEquals(SweepCsv.format(sweep.settings(), one), SweepCsv.format(sweep.settings(), two));
        assertEquals(one.get(0).runs().get(1).seed(), one.get(1).runs().get(1).seed(), "common random numbers");
        String csv = SweepCsv.format(sweep.settings(), one);
        String[] lines = csv.split("\n");
        assertEquals(1 + 2 * 2 * 9, lines.length, "a header, then variants × runs × days");
        assertTrue(lines[0].startsWith("variant,set:launch.poolFeeBps,run,seed,day,state,"), lines[0]);
        assertTrue(lines[1].startsWith("0,10,0," + one.get(0).runs().get(0).seed() + ",0,"), lines[1]);
        assertTrue(lines[lines.length - 1].startsWith("1,100,1," + one.get(1).runs().get(1).seed() + ",8,"),
                lines[lines.length - 1]);
    }

    @Test
    void anUnknownPathIsRefusedWithTheParsersMessage() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Sweep.plan(QWEN.toString(), text(),
                List.of(Sweep.Setting.parse("launch.minTarge=1,2")), shortRandom()));
        assertTrue(e.getMessage().contains("with --set launch.minTarge=1: $.launch.minTarge: unknown field \"minTarge\"; "
                + "did you mean \"minTarget\"?"), e.getMessage());
    }

    @Test
    void aBadValueInAnyVariantIsRefusedBeforeAnythingRuns() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Sweep.plan(QWEN.toString(), text(),
                List.of(Sweep.Setting.parse("launch.poolFeeBps=30"), Sweep.Setting.parse("launch.firstBuy=1000,900000")),
                s -> s));
        assertTrue(e.getMessage().contains("with --set launch.poolFeeBps=30 launch.firstBuy=900000: $.launch.firstBuy: "
                + "rejected by the model"), e.getMessage());
        ScenarioException days = assertThrows(ScenarioException.class, () -> Sweep.plan(QWEN.toString(), text(),
                List.of(Sweep.Setting.parse("days=372,0")), s -> s));
        assertTrue(days.getMessage().contains("$.days: expected an integer from 1 to 3650"), days.getMessage());
        ScenarioException stakers = assertThrows(ScenarioException.class, () -> Sweep.plan(QWEN.toString(), text(),
                List.of(Sweep.Setting.parse("days=30")), s -> s));
        assertTrue(stakers.getMessage().contains("with --set days=30: $.stakers[4].day: expected an integer from 0 to 29"),
                stakers.getMessage());
    }

    @Test
    void settingsThatMakeNoSenseAreRefused() {
        assertThrows(InvalidArgumentException.class, () -> Sweep.Setting.parse("launch.minTarget"));
        assertThrows(InvalidArgumentException.class, () -> Sweep.Setting.parse("launch.minTarget=1,,2"));
        assertThrows(InvalidArgumentException.class, () -> Sweep.Setting.parse("launch.minTarget=1,1"));
        assertThrows(InvalidArgumentException.class, () -> Sweep.Setting.parse("name=a\"b"));
        assertThrows(InvalidArgumentException.class, () -> Sweep.plan(QWEN.toString(), text(),
                List.of(Sweep.Setting.parse("days=3"), Sweep.Setting.parse("$.days=4")), s -> s));
        assertThrows(InvalidArgumentException.class, () -> Sweep.plan(QWEN.toString(), text(), List.of(), s -> s));
    }
}
