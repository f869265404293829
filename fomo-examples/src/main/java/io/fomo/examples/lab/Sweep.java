package io.fomo.examples.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioException;
import io.fomo.spi.InvalidArgumentException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A parameter sweep: the grid of variants of a scenario given by settings {@code PATH=V1,V2,...}, each run
 * {@code runs} times.
 *
 * <p><b>Order.</b> The variants are the cartesian product of the settings' values, numbered from 0 in the
 * order of nested loops over the settings as given: the first setting varies slowest, the last fastest
 * ({@code --set a=1,2 --set b=x,y} gives {@code (1,x) (1,y) (2,x) (2,y)}).
 *
 * <p><b>Validation up front.</b> {@link #plan} builds every variant's scenario text (the scenario's Jackson
 * tree with the values set by {@link ScenarioPath}), parses it with the simulator's parser and runs the
 * engine's checks, before anything runs: an unknown field, a bad value or a launch the engine refuses is a
 * {@link ScenarioException} with the parser's own message, prefixed by the variant's settings.
 *
 * <p><b>Seeds.</b> Run {@code i} of every variant uses {@link RunSeeds#of}(the variant's seed, {@code i}):
 * unless the sweep sets {@code seed} itself, every variant sees the same random draws (common random
 * numbers), so the differences between variants are the settings', not the draws'.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Sweep {

    /** The most variants a sweep may have. */
    public static final int MAX_VARIANTS = 1_000;
    /** The most values one setting may list. */
    public static final int MAX_VALUES = 100;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    /**
     * One {@code --set PATH=V1,V2,...}.
     *
     * @param path   where the values go
     * @param values the values, in the order given, at least one, distinct
     */
    public record Setting(ScenarioPath path, List<String> values) {

        /**
         * Checks a setting.
         *
         * @param path   where the values go
         * @param values the values, at least one, distinct
         * @throws InvalidArgumentException if there are no values, too many, a repeated one, or one that is
         *                                  empty or holds a quote (other than an enclosing pair) or a control
         *                                  character
         */
        public Setting {
            Objects.requireNonNull(path, "path");
            values = List.copyOf(values);
            if (values.isEmpty() || values.size() > MAX_VALUES) {
                throw InvalidArgumentException.of("--set " + path, values.size() + " values",
                        "expected 1 to " + MAX_VALUES + " values");
            }
            Set<String> seen = new HashSet<>();
            for (String v : values) {
                String inner = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
                if (v.isEmpty() || inner.indexOf('"') >= 0 || inner.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw InvalidArgumentException.of("--set " + path, '"' + prefix(v) + '"',
                            "expected a non-empty value without quotes inside or control characters");
                }
                if (!seen.add(v)) {
                    throw InvalidArgumentException.of("--set " + path, '"' + prefix(v) + '"', "the value is repeated");
                }
            }
        }

        /**
         * Parses {@code PATH=V1,V2,...}.
         *
         * @param text the option's argument
         * @return the setting
         * @throws InvalidArgumentException if there is no {@code =}, the path is malformed or a value is bad
         */
        public static Setting parse(String text) {
            Objects.requireNonNull(text, "setting");
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw InvalidArgumentException.of("--set", '"' + prefix(text) + '"', "expected PATH=V1,V2,...");
            }
            return new Setting(ScenarioPath.parse(text.substring(0, eq)), List.of(text.substring(eq + 1).split(",", -1)));
        }

        /**
         * Returns a value as it is written in tables: without its enclosing quotes.
         *
         * @param i the value's index
         * @return the value
         */
        public String shown(int i) {
            String v = values.get(i);
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }

        /**
         * Returns the path without its {@code $.}, as in column names.
         *
         * @return such as {@code launch.minTarget}
         */
        public String name() {
            return path.toString().substring(2);
        }
    }

    /**
     * One point of the grid.
     *
     * @param index    the variant's number, from 0, in the order described above
     * @param choices  for each setting, the index of its value
     * @param label    {@code PATH=V PATH=V ...}, one per setting
     * @param scenario the variant's scenario, parsed and validated
     */
    public record Variant(int index, List<Integer> choices, String label, Scenario scenario) {

        /**
         * Checks a variant.
         *
         * @param index    the variant's number, from 0
         * @param choices  for each setting, the index of its value
         * @param label    the variant's settings
         * @param scenario the variant's scenario
         * @throws InvalidArgumentException if the index is negative
         */
        public Variant {
            if (index < 0) {
                throw InvalidArgumentException.of("index", index, "must not be negative");
            }
            choices = List.copyOf(choices);
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(scenario, "scenario");
        }
    }

    /**
     * A variant and its runs.
     *
     * @param variant the variant
     * @param runs    its runs, in index order
     */
    public record Result(Variant variant, List<Run> runs) {

        /**
         * Copies the runs.
         *
         * @param variant the variant
         * @param runs    its runs
         */
        public Result {
            Objects.requireNonNull(variant, "variant");
            runs = List.copyOf(runs);
        }
    }

    private final List<Setting> settings;
    private final List<Variant> variants;

    private Sweep(List<Setting> settings, List<Variant> variants) {
        this.settings = List.copyOf(settings);
        this.variants = List.copyOf(variants);
    }

    /**
     * Builds and validates every variant; runs nothing.
     *
     * @param fileName  the scenario file's name (messages; the base of relative paths in the scenario)
     * @param json      the scenario's text
     * @param settings  at least one setting, no path twice
     * @param overrides applied to each variant's scenario after parsing and before the engine's checks
     *                  (the command line's {@code --seed} and {@code --days})
     * @return the sweep
     * @throws ScenarioException        if the scenario or a variant is invalid (the parser's or engine's
     *                                  message, after the variant's settings)
     * @throws InvalidArgumentException if the settings are empty, a path repeats or crosses a value it
     *                                  cannot, or the grid has more than {@value #MAX_VARIANTS} variants
     */
    public static Sweep plan(String fileName, String json, List<Setting> settings, UnaryOperator<Scenario> overrides) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(overrides, "overrides");
        if (settings.isEmpty()) {
            throw InvalidArgumentException.of("--set", "none", "a sweep needs at least one --set PATH=V1,V2,...");
        }
        Set<ScenarioPath> paths = new HashSet<>();
        long size = 1;
        for (Setting s : settings) {
            if (!paths.add(s.path())) {
                throw InvalidArgumentException.of("--set", s.path(), "the path is set twice");
            }
            size *= s.values().size();
            if (size > MAX_VARIANTS) {
                throw InvalidArgumentException.of("--set", "a grid of more than " + MAX_VARIANTS + " variants",
                        "expected at most " + MAX_VARIANTS + " variants");
            }
        }
        // The scenario as written first: its own errors are reported at their line and column.
        EngineSeam.parse(fileName, json);
        ObjectNode base;
        try {
            base = (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a scenario the parser accepted is a JSON object", e);
        }
        List<Variant> variants = new ArrayList<>((int) size);
        int[] choice = new int[settings.size()];
        for (int index = 0; index < size; index++) {
            int rest = index;
            for (int k = settings.size() - 1; k >= 0; k--) {
                choice[k] = rest % settings.get(k).values().size();
                rest /= settings.get(k).values().size();
            }
            ObjectNode tree = base.deepCopy();
            StringBuilder label = new StringBuilder();
            List<Integer> choices = new ArrayList<>(settings.size());
            for (int k = 0; k < settings.size(); k++) {
                Setting s = settings.get(k);
                choices.add(choice[k]);
                label.append(k == 0 ? "" : " ").append(s.name()).append('=').append(s.shown(choice[k]));
                s.path().set(tree, s.values().get(choice[k]));
            }
            Scenario scenario;
            try {
                scenario = overrides.apply(EngineSeam.parse(fileName, JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(tree)));
                EngineSeam.validate(scenario);
            } catch (ScenarioException e) {
                // Lines and columns would point into the rewritten variant, not the user's file: left out.
                throw new ScenarioException(fileName + " with --set " + label, 0, 0, e.path(), e.problem(), e);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a Jackson tree is always writable", e);
            }
            variants.add(new Variant(index, choices, label.toString(), scenario));
        }
        return new Sweep(settings, variants);
    }

    /**
     * Returns the settings.
     *
     * @return in the order given
     */
    public List<Setting> settings() {
        return settings;
    }

    /**
     * Returns the variants.
     *
     * @return in grid order
     */
    public List<Variant> variants() {
        return variants;
    }

    /**
     * Runs every variant {@code runs} times on {@code threads} threads.
     *
     * @param runs    runs per variant, 1 to {@value MonteCarlo#MAX_RUNS}; variants × runs at most
     *                {@value MonteCarlo#MAX_RUNS}
     * @param threads 1 to {@value MonteCarlo#MAX_THREADS}
     * @return one result per variant, in grid order; the same whatever the number of threads
     * @throws InvalidArgumentException  if a count is out of range
     * @throws io.fomo.spi.FomoException if a run fails
     */
    public List<Result> run(int runs, int threads) {
        checkSize(runs);
        MonteCarlo.checkThreads(threads);
        List<Supplier<Run>> jobs = new ArrayList<>(variants.size() * runs);
        for (Variant v : variants) {
            for (int i = 0; i < runs; i++) {
                int index = i;
                long seed = RunSeeds.of(v.scenario().seed(), i);
                jobs.add(() -> new Run(index, seed, EngineSeam.run(v.scenario(), seed)));
            }
        }
        List<Run> all = MonteCarlo.parallel(jobs, threads);
        List<Result> results = new ArrayList<>(variants.size());
        for (int k = 0; k < variants.size(); k++) {
            results.add(new Result(variants.get(k), all.subList(k * runs, (k + 1) * runs)));
        }
        return results;
    }

    /**
     * Checks a number of runs per variant against this grid.
     *
     * @param runs runs per variant
     * @throws InvalidArgumentException if not from 1 to {@value MonteCarlo#MAX_RUNS}, or the grid's total
     *                                  would exceed {@value MonteCarlo#MAX_RUNS}
     */
    public void checkSize(int runs) {
        MonteCarlo.checkRuns(runs);
        if ((long) runs * variants.size() > MonteCarlo.MAX_RUNS) {
            throw InvalidArgumentException.of("runs", runs, variants.size() + " variants × " + runs + " runs is more "
                    + "than " + MonteCarlo.MAX_RUNS + " runs in all");
        }
    }

    private static String prefix(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
