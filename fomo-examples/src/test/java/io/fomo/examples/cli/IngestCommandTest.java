package io.fomo.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.core.engine.FomoProtocol;
import io.fomo.examples.crash.CrashScript;
import io.fomo.examples.journal.Journals;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InMemoryChainGateway;
import io.fomo.spi.ManualClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    private static final Path FIXTURES = Path.of("..", "fomo-meter", "src", "test", "resources", "fixtures");
    private static final String LITELLM = FIXTURES.resolve("litellm/spend-logs.jsonl").toString();
    private static final String OPENAI = FIXTURES.resolve("openai/chat-completions.jsonl").toString();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
        static Run of(String... args) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int status = FomoCli.run(new PrintWriter(o), new PrintWriter(e), args);
            return new Run(status, o.toString(), e.toString());
        }

        String line(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")");
        }
    }

    /** A journal whose deployment qwen is live (the crash script's first ten commands). */
    private String journal() {
        String spec = "sqlite:" + dir.resolve("fomo.db");
        EventJournal j = Journals.open(spec);
        try {
            ManualClock clock = ManualClock.startingAt(CrashScript.T0);
            FomoProtocol p = CrashScript.engine(j, new InMemoryChainGateway(), clock, true);
            for (int i = 0; i < 10; i++) {
                CrashScript.submit(p, clock, i);
            }
        } finally {
            Journals.close(j);
        }
        return spec;
    }

    private String map() throws IOException {
        Path p = dir.resolve("models.json");
        Files.writeString(p, "{\"models\": {"
                + "\"qwen3-235b-a22b\": {\"deployment\": \"qwen\", \"inputPerMillion\": \"2\", \"cachedInputPerMillion\": \"0.5\","
                + " \"outputPerMillion\": \"6\"},"
                + "\"llama-3.3-70b\": {\"deployment\": \"qwen\", \"price\": \"metered\"}}}");
        return p.toString();
    }

    private static long events(String spec) {
        EventJournal j = Journals.openExisting(spec);
        try {
            return j.currentSequence();
        } finally {
            Journals.close(j);
        }
    }

    private static String replayHash(String spec) {
        return Run.of("replay", "--journal", spec).line("state-hash:");
    }

    @Test
    void ingestingTheSameLogsTwiceBillsOnce() throws IOException {
        String spec = journal();
        String map = map();
        Run first = Run.of("ingest", "--journal", spec, "--models", map, LITELLM, OPENAI);
        assertEquals(0, first.status(), first.err());
        // L1 0.00123 + L2 0.000011 (metered, rounded up) + L5 800 x 2 + 200 x 6 = 0.0028 + A1 0.002664 + A2 0.00022.
        assertTrue(first.line("qwen ").matches("qwen\\s+5\\s+2107\\s+1056\\s+537\\s+0\\.006925\\s+0"), first.out());
        assertEquals("unmapped:   2 calls, never billed {gpt-3.5-turbo=1, gpt-4o-mini-2024-07-18=1}", first.line("unmapped:"));
        assertEquals("failed:     1 calls, never billed", first.line("failed:"));
        String hash = first.line("state-hash:");
        assertEquals(hash, replayHash(spec));

        Run second = Run.of("ingest", "--journal", spec, "--models", map, "--format", "litellm", LITELLM);
        assertEquals(0, second.status(), second.err());
        assertTrue(second.line("qwen ").matches("qwen\\s+0\\s+0\\s+0\\s+0\\s+0(\\.0+)?\\s+3"), second.out());
        assertEquals(hash, second.line("state-hash:"));
        assertEquals(hash, replayHash(spec));
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        String spec = journal();
        long before = events(spec);
        String hashBefore = replayHash(spec);
        Run dry = Run.of("ingest", "--journal", spec, "--models", map(), "--dry-run", LITELLM);
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("dry run: nothing was written"), dry.out());
        assertEquals(before, events(spec));
        assertEquals(hashBefore, replayHash(spec));
        Run real = Run.of("ingest", "--journal", spec, "--models", map(), LITELLM);
        assertEquals(dry.line("state-hash:"), real.line("state-hash:"), "the dry run computed what the real run wrote");
    }

    @Test
    void aMalformedRecordStopsBeforeAnythingIsWrittenAndARerunAfterTheFixIsSafe() throws IOException {
        String spec = journal();
        String good = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1767232800,\"model\":\"qwen3-235b-a22b\","
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":1}}";
        Path log = dir.resolve("bad.jsonl");
        Files.write(log, List.of(good, good.replace("c1", "c2").replace("\"prompt_tokens\":10", "\"prompt_tokens\":\"ten\"")));
        long before = events(spec);
        Run bad = Run.of("ingest", "--journal", spec, "--models", map(), log.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains(log + ":2: field usage.prompt_tokens = ten"), bad.err());
        assertEquals(before, events(spec), "the first, good record was not billed either");

        Files.write(log, List.of(good, good.replace("c1", "c2")));
        Run fixed = Run.of("ingest", "--journal", spec, "--models", map(), log.toString());
        assertEquals(0, fixed.status(), fixed.err());
        assertTrue(fixed.line("qwen ").matches("qwen\\s+2\\s+.*\\s+0\\.000052\\s+0"), fixed.out());
        Run again = Run.of("ingest", "--journal", spec, "--models", map(), log.toString());
        assertEquals(fixed.line("state-hash:"), again.line("state-hash:"));
    }

    @Test
    void aMapNamingAnUnknownDeploymentIsRejected() throws IOException {
        String spec = journal();
        Path p = dir.resolve("bad-map.json");
        Files.writeString(p, "{\"models\": {\"m\": {\"deployment\": \"mistral\", \"price\": \"metered\"}}}");
        Run r = Run.of("ingest", "--journal", spec, "--models", p.toString(), LITELLM);
        assertEquals(2, r.status());
        assertTrue(r.err().contains("models.m.deployment = mistral"), r.err());
    }
}
