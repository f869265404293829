package io.fomo.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The path syntax, the setter, and how a command-line value gets its JSON type. */
class ScenarioPathTest {

    private static ObjectNode tree() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree("{\"days\": 30, \"launch\": {\"minTarget\": \"400000\"},"
                + " \"stakers\": [{\"account\": \"a\", \"mt\": \"10\"}, {\"account\": \"b\", \"mt\": \"20\"}]}");
    }

    @Test
    void thePathsOfTheDocsParseToTheParsersForm() {
        assertEquals("$.launch.minTarget", ScenarioPath.parse("launch.minTarget").toString());
        assertEquals("$.supporters.count", ScenarioPath.parse("$.supporters.count").toString());
        assertEquals("$.stakers[2].mt", ScenarioPath.parse("stakers[2].mt").toString());
        assertEquals(ScenarioPath.parse("a.b"), ScenarioPath.parse("$.a.b"));
    }

    @Test
    void malformedPathsAreRefusedWithWhereTheyWentWrong() {
        for (String bad : new String[] {"", "$", "$.", "a..b", "a.", "[0].a", "a[x]", "a[01]", "a[-1]", "a b", "a.1b",
            "a]", "$days"}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> ScenarioPath.parse(bad),
                    bad);
            assertTrue(e.getMessage().startsWith("path = "), e.getMessage());
        }
    }

    @Test
    void aValueTakesTheTypeOfWhatItReplaces() throws Exception {
        ObjectNode t = tree();
        ScenarioPath.parse("launch.minTarget").set(t, "300000");
        assertTrue(t.get("launch").get("minTarget").isTextual(), "a string field stays a string");
        assertEquals("300000", t.get("launch").get("minTarget").asText());
        ScenarioPath.parse("days").set(t, "90");
        assertTrue(t.get("days").isIntegralNumber());
        assertEquals(90, t.get("days").asInt());
        ScenarioPath.parse("stakers[1].mt").set(t, "25.5");
        assertEquals("25.5", t.get("stakers").get(1).get("mt").asText());
    }

    @Test
    void aNewFieldIsANumberWhenItReadsAsOneAndQuotesMakeAString() throws Exception {
        ObjectNode t = tree();
        ScenarioPath.parse("launch.swapFeeBps").set(t, "100");
        assertTrue(t.get("launch").get("swapFeeBps").isIntegralNumber());
        ScenarioPath.parse("alpha").set(t, "0.25");
        assertEquals(new BigDecimal("0.25"), t.get("alpha").decimalValue());
        ScenarioPath.parse("hardCostsUsdPerDay").set(t, "\"150\"");
        assertTrue(t.get("hardCostsUsdPerDay").isTextual());
        ScenarioPath.parse("launch.unsoldPolicy").set(t, "BURN");
        assertTrue(t.get("launch").get("unsoldPolicy").isTextual());
        ScenarioPath.parse("launch.flag").set(t, "true");
        assertTrue(t.get("launch").get("flag").isBoolean());
        ScenarioPath.parse("emission.type").set(t, "CONSTANT");
        assertEquals("CONSTANT", t.get("emission").get("type").asText(), "a missing object on the way is created");
    }

    @Test
    void aPathThatCannotBeFollowedIsRefusedNamingWhere() throws Exception {
        ObjectNode t = tree();
        InvalidArgumentException past = assertThrows(InvalidArgumentException.class,
                () -> ScenarioPath.parse("stakers[2].mt").set(t, "1"));
        assertTrue(past.getMessage().contains("$.stakers: has 2 elements"), past.getMessage());
        InvalidArgumentException scalar = assertThrows(InvalidArgumentException.class,
                () -> ScenarioPath.parse("days.count").set(t, "1"));
        assertTrue(scalar.getMessage().contains("$.days: is a number, not an object"), scalar.getMessage());
        InvalidArgumentException notArray = assertThrows(InvalidArgumentException.class,
                () -> ScenarioPath.parse("launch[0]").set(t, "1"));
        assertTrue(notArray.getMessage().contains("not an array"), notArray.getMessage());
        InvalidArgumentException missingArray = assertThrows(InvalidArgumentException.class,
                () -> ScenarioPath.parse("lockers[0].day").set(t, "1"));
        assertTrue(missingArray.getMessage().contains("$.lockers: does not exist"), missingArray.getMessage());
    }
}
