package io.fomo.examples.run;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows a run's progress on one terminal line ({@code simulating day 120/372 (32%)}, rewritten with a
 * carriage return), but only when it helps a person: when the process has a console, the {@code CI}
 * environment variable is not set, and the run has already taken more than
 * {@value #DELAY_MILLIS} ms. It redraws at most every {@value #REDRAW_MILLIS} ms and clears its line when
 * the run finishes. The clock is injected, so behaviour over time is tested without waiting.
 *
 * <p>Instances are not thread-safe: one run, one meter.
 */
public final class ProgressMeter implements ProgressListener {

    /** How long a run must take before progress is shown. */
    public static final long DELAY_MILLIS = 2_000;
    /** The shortest time between two redraws. */
    public static final long REDRAW_MILLIS = 100;

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final boolean enabled;
    private final LongSupplier nanoClock;
    private final PrintWriter out;
    private final long start;
    private long lastDraw;
    private int drawnWidth;

    /**
     * Creates a meter.
     *
     * @param enabled   whether anything may be shown at all
     * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     * @param out       the terminal
     */
    public ProgressMeter(boolean enabled, LongSupplier nanoClock, PrintWriter out) {
        this.enabled = enabled;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.out = Objects.requireNonNull(out, "out");
        this.start = nanoClock.getAsLong();
        this.lastDraw = Long.MIN_VALUE;
    }

    /**
     * Returns a meter on the process's terminal: enabled when {@link System#console()} is present and
     * {@code CI} is not set, timed by {@link System#nanoTime()}.
     *
     * @param out where to draw (normally standard error)
     * @return the meter
     */
    public static ProgressMeter forTerminal(PrintWriter out) {
        return new ProgressMeter(shouldShow(System.console() != null, System.getenv()), System::nanoTime, out);
    }

    /**
     * Decides whether progress may be shown.
     *
     * @param hasConsole whether the process is attached to a terminal
     * @param env        the environment
     * @return true when there is a console and {@code CI} is unset or empty
     */
    public static boolean shouldShow(boolean hasConsole, Map<String, String> env) {
        String ci = env.get("CI");
        return hasConsole && (ci == null || ci.isEmpty());
    }

    @Override
    public void dayDone(int day, int days) {
        if (!enabled) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - start <= DELAY_MILLIS * NANOS_PER_MILLI) {
            return;
        }
        boolean last = day + 1 >= days;
        if (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_MILLIS * NANOS_PER_MILLI) {
            return;
        }
        lastDraw = now;
        long percent = days <= 0 ? 100 : (long) (day + 1) * 100 / days;
        String text = "simulating day " + (day + 1) + "/" + days + " (" + percent + "%)";
        out.print('\r' + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
        out.flush();
        drawnWidth = Math.max(drawnWidth, text.length());
    }

    @Override
    public void finished() {
        if (drawnWidth > 0) {
            out.print('\r' + " ".repeat(drawnWidth) + '\r');
            out.flush();
            drawnWidth = 0;
        }
    }
}
