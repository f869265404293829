package io.fomo.spi;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A stored copy of an engine's whole state at one journal sequence number: what a {@link SnapshotStore}
 * keeps so that a restart folds only the journal's tail.
 *
 * <p>A snapshot is a cache, never the truth: the engine that loads one checks it against the journal (the
 * journal's seal at {@link #sequence()} must be {@link #headHash()}) and against its own rules version
 * before trusting it. The {@link #bytes() bytes} are the engine's canonical state encoding, whose layout the
 * {@link #format() format} tag names.
 *
 * <p>Bounds: the sequence is 1 or more; the head hash is 64 lowercase hex digits; the rules version is 1 or
 * more; the format tag is 1 to 64 characters of {@code a-z 0-9 . / -}; the bytes are 1 to
 * {@link #MAX_BYTES} long. {@code equals} compares the bytes by content.
 *
 * <p>This class is immutable and thread-safe (the bytes are copied in and out).
 *
 * @param sequence     the journal sequence number the state is at (the last record it includes)
 * @param headHash     the hash chain's head at that sequence: 64 lowercase hex digits
 * @param rulesVersion the rules version of the engine that computed the state
 * @param format       the tag of the encoding of {@code bytes}
 * @param bytes        the canonical state encoding
 */
public record Snapshot(long sequence, String headHash, int rulesVersion, String format, byte[] bytes) {

    /** The largest encoding a snapshot may hold: 256 MiB. */
    public static final int MAX_BYTES = 256 * 1024 * 1024;

    /**
     * Checks every component and copies the bytes.
     *
     * @param sequence     the journal sequence number, 1 or more
     * @param headHash     64 lowercase hex digits
     * @param rulesVersion 1 or more
     * @param format       1 to 64 characters of {@code a-z 0-9 . / -}
     * @param bytes        1 to {@link #MAX_BYTES} bytes
     * @throws NullPointerException     if a component is null
     * @throws InvalidArgumentException if a component is out of its bounds
     * @throws LimitExceededException   if the bytes are longer than {@link #MAX_BYTES}
     */
    public Snapshot {
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
        if (sequence < 1) {
            throw InvalidArgumentException.of("sequence", sequence, "must be 1 or more");
        }
        if (!isHex64(headHash)) {
            throw InvalidArgumentException.of("headHash", prefix(headHash), "must be 64 lowercase hex digits");
        }
        if (rulesVersion < 1) {
            throw InvalidArgumentException.of("rulesVersion", rulesVersion, "must be 1 or more");
        }
        if (!isFormatTag(format)) {
            throw InvalidArgumentException.of("format", prefix(format),
                    "must be 1 to 64 characters of a-z 0-9 . / -");
        }
        if (bytes.length == 0) {
            throw InvalidArgumentException.of("bytes", "[]", "must hold at least one byte");
        }
        if (bytes.length > MAX_BYTES) {
            throw LimitExceededException.of("bytes", bytes.length + " bytes", "must be at most " + MAX_BYTES);
        }
        bytes = bytes.clone();
    }

    /**
     * Returns a copy of the canonical state encoding.
     *
     * @return the bytes, a fresh copy
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Returns the number of bytes of the encoding, without copying it.
     *
     * @return the length
     */
    public int size() {
        return bytes.length;
    }

    /**
     * Compares every component, the bytes by content.
     *
     * @param other the other object
     * @return whether it is an equal snapshot
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot s && s.sequence == sequence && s.rulesVersion == rulesVersion
                && s.headHash.equals(headHash) && s.format.equals(format) && Arrays.equals(s.bytes, bytes);
    }

    /**
     * Hashes every component, the bytes by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(sequence, headHash, rulesVersion, format) * 31 + Arrays.hashCode(bytes);
    }

    /**
     * Describes the snapshot without its bytes.
     *
     * @return {@code Snapshot[sequence=…, head=…, rules=…, format=…, bytes=<n>]}
     */
    @Override
    public String toString() {
        return "Snapshot[sequence=" + sequence + ", head=" + headHash + ", rules=" + rulesVersion + ", format="
                + format + ", bytes=" + bytes.length + "]";
    }

    private static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFormatTag(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '/' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String prefix(String s) {
        return '"' + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + '"';
    }

    /**
     * Returns the 32 bytes the head hash spells.
     *
     * @return the head as bytes
     */
    public byte[] headBytes() {
        return HexFormat.of().parseHex(headHash);
    }
}
