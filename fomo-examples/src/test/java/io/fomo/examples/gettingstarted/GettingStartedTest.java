package io.fomo.examples.gettingstarted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.jdbc.SqliteEventJournal;
import io.fomo.spi.AccountId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.FixedClock;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.InMemoryPriceFeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md cannot rot: its program is {@link GettingStarted}, verbatim, and it runs here
 * end to end against a real SQLite file.
 */
class GettingStartedTest {

    static final Path DOC = Path.of(System.getProperty("fomo.docs.dir", "../docs")).resolve("getting-started.md");
    static final Path SOURCE = Path.of("src/test/java/io/fomo/examples/gettingstarted/GettingStarted.java");

    @Test
    void theDocShowsTheTestedSourceVerbatim() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\n(package io\\.fomo\\.examples\\.gettingstarted;\n.*?)```", Pattern.DOTALL)
                .matcher(doc);
        assertTrue(m.find(), DOC + " has no ```java block holding the GettingStarted program");
        assertEquals(Files.readString(SOURCE, StandardCharsets.UTF_8), m.group(1),
                DOC + " must show " + SOURCE + " verbatim: copy the file into the doc");
    }

    @Test
    void theProgramRunsAndItsJournalReplaysToTheHashItPrinted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.db");
        String out = run(file.toString());
        assertTrue(out.contains("carol paid 40000"), out);
        assertTrue(out.contains("launch: LIVE"), out);
        assertTrue(out.contains(": same state hash"), out);
        Matcher hash = Pattern.compile("state hash: ([0-9a-f]{64})").matcher(out);
        assertTrue(hash.find(), out);
        // An independent replay of the file the program left behind.
        try (EventJournal journal = SqliteEventJournal.open(file)) {
            FomoProtocol replayed = FomoProtocol.builder().journal(journal).chainGateway(new InMemoryChainGateway())
                    .priceFeed(new InMemoryPriceFeed()).clock(FixedClock.at(Instant.parse("2030-01-01T00:00:00Z")))
                    .autoDispatch(false).build();
            assertEquals(hash.group(1), replayed.stateHash());
            // Three deposits, open, two buys, graduate, go live, two usages, epoch close, claim.
            assertEquals(12, replayed.commandCount());
            assertTrue(replayed.claimableFlock(AccountId.of("carol")).isZero(), "carol claimed");
        }
    }

    private static String run(String journal) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            GettingStarted.main(new String[] {journal});
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        return out;
    }
}
