package io.fomo.spi.internal;

import io.fomo.spi.JournalEntry;
import java.lang.invoke.MethodHandles;
import java.time.Instant;

/**
 * Not API: journal entries that keep the payload array they are given, for the engine's own records. The
 * engine encodes a record into a fresh array, journals it and never writes to it again; a facts record of a
 * day's usage or an epoch's close is megabytes, which {@link JournalEntry#of} would copy once more. This
 * package is exported to {@code io.fomo.core} only: for every other caller an entry copies its payload in and
 * out, as {@link JournalEntry} says.
 *
 * <p>This class is thread-safe.
 */
public final class HandedOver {

    /** Makes an entry that keeps its payload array: JournalEntry's own, installed by it. */
    @FunctionalInterface
    public interface Maker {

        /**
         * Returns an entry that keeps {@code payload}, with the checks of {@link JournalEntry#of}.
         *
         * @param type      the event type
         * @param payload   the encoded event, kept as it is
         * @param timestamp when the event was recorded
         * @return the entry
         */
        JournalEntry make(String type, byte[] payload, Instant timestamp);
    }

    private static volatile Maker maker;

    private HandedOver() {
    }

    /**
     * Installs JournalEntry's maker; called once, by JournalEntry as it is initialised.
     *
     * @param m the maker
     * @throws IllegalStateException if called from anywhere else, or a second time
     */
    public static synchronized void install(Maker m) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller != JournalEntry.class || maker != null) {
            throw new IllegalStateException("only JournalEntry installs its maker, once");
        }
        maker = m;
    }

    /**
     * Returns an entry that keeps {@code payload} instead of a copy of it. The caller hands the array over: it
     * must never write to it again (reading it stays safe). Otherwise the same as
     * {@link JournalEntry#of(String, byte[], Instant)}, checks and errors included.
     *
     * @param type      the event type
     * @param payload   the encoded event, handed over
     * @param timestamp when the event was recorded
     * @return the entry
     */
    public static JournalEntry entry(String type, byte[] payload, Instant timestamp) {
        Maker m = maker;
        if (m == null) {
            try {
                MethodHandles.lookup().ensureInitialized(JournalEntry.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            m = maker;
        }
        return m.make(type, payload, timestamp);
    }
}
