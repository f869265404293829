package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.examples.run.EngineScenarioRunner;
import io.fomo.core.engine.FomoProtocol;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import io.fomo.spi.ManualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fomo simulate} end to end, through the command line's own entry point. */
class SimulateCommandTest {

    @TempDir
    Path tmp;

    static final Path SCENARIOS = Path.of(System.getProperty("fomo.scenarios.dir", "scenarios"));

    /** One run of the command line: exit status and both streams. */
    record Outcome(int status, String out, String err) {

        List<String> lines() {
            return List.of(out.split("\n"));
        }

        String lastLine() {
            List<String> l = lines();
            return l.get(l.size() - 1);
        }

        String hash() {
            assertTrue(lastLine().matches("state-hash: [0-9a-f]{64}"), lastLine());
            return lastLine().substring("state-hash: ".length());
        }
    }

    static Outcome fomo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FomoCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(status, out.toString(), err.toString());
    }

    private static String scenario(String name) {
        return SCENARIOS.resolve(name + ".json").toString();
    }

    @Test
    void aRunPrintsTheTableAndWritesTheCsvTheReportAndTheJournal() throws IOException {
        Path dir = tmp.resolve("out");
        Outcome o = fomo("simulate", scenario("failed-raise"), "--out", dir.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals("", o.err());
        assertTrue(o.lines().get(0).startsWith("day deployment "), o.out());
        assertTrue(o.out().contains("daily state: " + dir.resolve("daily.csv") + "\n"));
        assertTrue(o.out().contains("report:      " + dir.resolve("report.html") + "\n"));
        assertTrue(o.out().contains("journal:     sqlite:" + dir.resolve("journal.db") + " ("), o.out());
        String hash = o.hash();
        assertEquals(31, Files.readAllLines(dir.resolve("daily.csv")).size(), "header and 30 days");
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<code>" + hash + "</code>"));
        // The journal is the run: replaying it gives the printed state hash.
        try (SqliteEventJournal journal = SqliteEventJournal.open(dir.resolve("journal.db"))) {
            FomoProtocol replay = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                    .priceFeed(new InMemoryPriceFeed()).clock(ManualClock.startingAt(EngineScenarioRunner.GENESIS))
                    .autoDispatch(false).build();
            assertEquals(hash, replay.stateHash());
        }
        // Running again into the same folder replaces the outputs, journal included.
        Outcome again = fomo("simulate", scenario("failed-raise"), "--out", dir.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(hash, again.hash());
    }

    @Test
    void theSameScenarioAndSeedGiveByteIdenticalOutputsWhateverTheJournal() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Outcome first = fomo("simulate", scenario("whale-vs-users"), "--days", "4", "--out", a.toString());
        Outcome second = fomo("simulate", scenario("whale-vs-users"), "--days", "4", "--out", b.toString(),
                "--journal", "memory");
        assertEquals(0, first.status(), first.err());
        assertEquals(0, second.status(), second.err());
        assertEquals(first.hash(), second.hash());
        assertArrayEquals(Files.readAllBytes(a.resolve("daily.csv")), Files.readAllBytes(b.resolve("daily.csv")));
        assertArrayEquals(Files.readAllBytes(a.resolve("report.html")), Files.readAllBytes(b.resolve("report.html")));
        assertFalse(Files.exists(b.resolve("journal.db")), "--journal memory writes no journal file");
        assertTrue(second.out().contains("journal:     memory ("), second.out());
        Outcome reseeded = fomo("simulate", scenario("whale-vs-users"), "--days", "4", "--seed", "-3", "--out",
                tmp.resolve("c").toString(), "--journal", "memory");
        assertEquals(0, reseeded.status(), reseeded.err());
        assertNotEquals(first.hash(), reseeded.hash());
    }

    @Test
    void anInvalidScenarioWritesNothing() throws IOException {
        Path bad = tmp.resolve("bad.json");
        String text = Files.readString(SCENARIOS.resolve("failed-raise.json")).replace("\"days\": 30", "\"days\": \"30\"");
        Files.writeString(bad, text);
        Path dir = tmp.resolve("never");
        Outcome o = fomo("simulate", bad.toString(), "--out", dir.toString());
        assertEquals(1, o.status());
        assertEquals("", o.out());
        int line = List.of(text.split("\n")).indexOf("  \"days\": \"30\",") + 1;
        assertEquals("error: " + bad + ":" + line + ":11: $.days: expected an integer from 1 to 3650, found string \"30\"\n",
                o.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void aScenarioTheEngineRejectsWritesNothing() throws IOException {
        Path bad = tmp.resolve("cap.json");
        Files.writeString(bad, Files.readString(SCENARIOS.resolve("qwen-alice.json"))
                .replace("\"firstBuy\": \"20000\"", "\"firstBuy\": \"400001\""));
        Path dir = tmp.resolve("never");
        Outcome o = fomo("simulate", bad.toString(), "--out", dir.toString());
        assertEquals(1, o.status());
        assertTrue(o.err().startsWith("error: " + bad + ":"), o.err());
        assertTrue(o.err().contains(": $.launch.firstBuy: rejected by the model: firstBuy = "), o.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void badOptionsAreUsageErrorsAndWriteNothing() {
        Path dir = tmp.resolve("never");
        Outcome journal = fomo("simulate", scenario("failed-raise"), "--out", dir.toString(), "--journal", "mysql://x");
        assertEquals(2, journal.status());
        assertTrue(journal.err().startsWith("Invalid value for option '--journal': journal = \"mysql://x\": unknown kind "
                + "of journal; expected memory, sqlite:PATH or postgresql://"), journal.err());
        Outcome days = fomo("simulate", scenario("failed-raise"), "--out", dir.toString(), "--days", "0");
        assertEquals(2, days.status());
        assertTrue(days.err().startsWith("--days = 0: must be from 1 to 3650"), days.err());
        Outcome missing = fomo("simulate", tmp.resolve("nope.json").toString(), "--out", dir.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().endsWith("nope.json: $: expected a readable scenario file, found no such file\n"),
                missing.err());
        assertFalse(Files.exists(dir));
        assertEquals(2, fomo("simulate").status());
    }

    @Test
    void aJournalThatAlreadyHoldsEventsIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path db = tmp.resolve("shared.db");
        Outcome first = fomo("simulate", scenario("failed-raise"), "--days", "2", "--out", tmp.resolve("one").toString(),
                "--journal", "sqlite:" + db);
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("journal:     sqlite:" + db + " ("), first.out());
        Path dir = tmp.resolve("two");
        Outcome second = fomo("simulate", scenario("failed-raise"), "--days", "2", "--out", dir.toString(),
                "--journal", "sqlite:" + db);
        assertEquals(1, second.status());
        assertTrue(second.err().startsWith("error: --journal sqlite:" + db + ": expected an empty journal, found "),
                second.err());
        assertFalse(Files.exists(dir));
    }

    @Test
    void helpDescribesTheCommandAndItsOptions() {
        Outcome help = fomo("simulate", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--out=DIR") && help.out().contains("Default: out/<scenario name>."), help.out());
        assertTrue(help.out().contains("--journal=memory|sqlite:PATH|postgresql://..."), help.out());
        assertTrue(help.out().contains("The last line printed is 'state-hash: <64 hex>'."), help.out());
        assertTrue(fomo("--help").out().contains("simulate"));
    }
}
