package io.fomo.examples.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The meter's behaviour over time, on a clock the test moves by hand. */
class ProgressMeterTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final StringWriter screen = new StringWriter();

    private ProgressMeter meter(boolean enabled) {
        return new ProgressMeter(enabled, now::get, new PrintWriter(screen, true));
    }

    @Test
    void nothingShowsDuringTheFirstTwoSeconds() {
        ProgressMeter m = meter(true);
        now.addAndGet(2_000 * MS);
        m.dayDone(0, 10);
        m.finished();
        assertEquals("", screen.toString());
    }

    @Test
    void aLongRunShowsTheDayOnOneLineAndClearsItAtTheEnd() {
        ProgressMeter m = meter(true);
        now.addAndGet(2_001 * MS);
        m.dayDone(119, 372);
        assertEquals("\rsimulating day 120/372 (32%)", screen.toString());
        now.addAndGet(50 * MS);
        m.dayDone(120, 372);
        assertEquals("\rsimulating day 120/372 (32%)", screen.toString(), "no redraw within 100 ms");
        now.addAndGet(50 * MS);
        m.dayDone(121, 372);
        assertEquals("\rsimulating day 120/372 (32%)\rsimulating day 122/372 (32%)", screen.toString());
        m.dayDone(371, 372);
        assertTrue(screen.toString().endsWith("\rsimulating day 372/372 (100%)"), "the last day always shows");
        m.finished();
        assertTrue(screen.toString().endsWith("\r" + " ".repeat(29) + "\r"), screen.toString());
    }

    @Test
    void aShorterLineOverwritesALongerOne() {
        ProgressMeter m = meter(true);
        now.addAndGet(3_000 * MS);
        m.dayDone(99, 100);
        now.addAndGet(100 * MS);
        m.dayDone(0, 9);
        assertTrue(screen.toString().endsWith("\rsimulating day 1/9 (11%)" + " ".repeat(5)), screen.toString());
    }

    @Test
    void aDisabledMeterNeverDraws() {
        ProgressMeter m = meter(false);
        now.addAndGet(60_000 * MS);
        m.dayDone(5, 10);
        m.finished();
        assertEquals("", screen.toString());
    }

    @Test
    void progressShowsOnlyOnAConsoleOutsideCi() {
        assertTrue(ProgressMeter.shouldShow(true, Map.of()));
        assertTrue(ProgressMeter.shouldShow(true, Map.of("CI", "")));
        assertFalse(ProgressMeter.shouldShow(true, Map.of("CI", "true")));
        assertFalse(ProgressMeter.shouldShow(true, Map.of("CI", "1")));
        assertFalse(ProgressMeter.shouldShow(false, Map.of()));
    }
}
