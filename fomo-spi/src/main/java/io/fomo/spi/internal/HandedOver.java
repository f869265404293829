package io.fomo.spi.internal;

import io.fomo.spi.JournalEntry;
import java.lang.invoke.MethodHandles;
import java.time.Instant;

/**
 * Not API: journal entries that keep the payload array they are given, for the engine's own records, and
 * their payloads read in place, for replay. The engine encodes a record into a fresh array, journals it and
 * never writes to it again; a facts record of a day's usage or an epoch's close is megabytes, which
 * {@link JournalEntry#of} would copy once more. Replay reads every payload of the journal once and never
 * writes to it, where {@link JournalEntry#payload()} would copy each. This package is exported to
 * {@code io.fomo.core} only: for every other caller an entry copies its payload in and out, as
 * {@link JournalEntry} says.
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

    /** Reads an entry's own payload array: JournalEntry's own, installed by it. */
    @FunctionalInterface
    public interface Reader {

        /**
         * Returns the array {@code entry} keeps, not a copy.
         *
         * @param entry the entry
         * @return its payload array, never to be written to
         */
        byte[] payload(JournalEntry entry);
    }

    private static volatile Maker maker;
    private static volatile Reader reader;

    private HandedOver() {
    }

    /**
     * Installs JournalEntry's maker and reader; called once, by JournalEntry as it is initialised.
     *
     * @param m the maker
     * @param r the reader
     * @throws IllegalStateException if called from anywhere else, or a second time
     */
    public static synchronized void install(Maker m, Reader r) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller != JournalEntry.class || maker != null) {
            throw new IllegalStateException("only JournalEntry installs its maker, once");
        }
        reader = r;
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
            initialise();
            m = maker;
        }
        return m.make(type, payload, timestamp);
    }

    /**
     * Returns the payload array the entry keeps instead of a copy of it. The caller only reads it: it must
     * never write to it (the entry, and whatever journal holds the entry, share it). Otherwise the bytes of
     * {@link JournalEntry#payload()}.
     *
     * @param entry the entry
     * @return the entry's own payload array
     */
    public static byte[] payload(JournalEntry entry) {
        Reader r = reader;
        if (r == null) {
            initialise();
            r = reader;
        }
        return r.payload(entry);
    }

    private static void initialise() {
        try {
            MethodHandles.lookup().ensureInitialized(JournalEntry.class);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
