package io.fomo.benchmarks;

import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The shipped {@code qwen-alice} scenario (fomo-examples/scenarios/qwen-alice.json, copied into the jar at
 * build time), resized for a benchmark.
 */
final class Scenarios {

    private static final String SHIPPED = "/scenarios/qwen-alice.json";

    private Scenarios() {
    }

    /**
     * Returns the shipped scenario with another length and population. The population starts at
     * {@code users}; its cap is the shipped cap (500) or {@code users} if larger, so 10,000 users stay
     * 10,000 all year while 100 grow as shipped. Everything else (seed, launch, spend, whales, stakers,
     * lockers, prices, costs) is as shipped.
     *
     * @param days  the number of days
     * @param users the users on the first usage day
     * @return the scenario
     */
    static Scenario qwenAlice(int days, int users) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = Scenarios.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is not in the jar");
            }
            ObjectNode root = (ObjectNode) json.readTree(in);
            root.put("days", days);
            root.put("name", "qwen-alice-" + days + "d-" + users + "u");
            ObjectNode u = (ObjectNode) root.get("users");
            u.put("count", users);
            u.put("maxCount", Math.max(users, u.get("maxCount").asInt()));
            return ScenarioParser.parse("qwen-alice-" + days + "d-" + users + "u.json",
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
