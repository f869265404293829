package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over the journal's batches. Each batch ends with a {@code seal} entry whose payload is
 * {@code hash=<64 hex>\n}: SHA-256 over the batch's canonical bytes, which start with the previous
 * batch's hash (32 zero bytes before the first batch). The canonical bytes, all integers big-endian:
 * <pre>
 *   "fomo-chain/1\n"
 *   previous hash (32 bytes)
 *   first sequence number of the batch (8 bytes)
 *   idempotency key: length (4 bytes) + UTF-8
 *   number of entries before the seal (4 bytes)
 *   per entry: type: length (4) + UTF-8; timestamp: epoch seconds (8) + nanoseconds (4);
 *              payload: length (4) + bytes
 *   the seal's timestamp: epoch seconds (8) + nanoseconds (4)
 * </pre>
 * Any change to a row of the batch (its sequence number, key, type, time or payload), a row inserted,
 * removed or moved, or an earlier batch removed or changed, gives another hash.
 *
 * <p>Instances reuse one {@link MessageDigest} and are not thread-safe.
 */
final class JournalChain {

    static final byte[] GENESIS_PREVIOUS = new byte[32];
    private static final byte[] DOMAIN = "fomo-chain/1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEAL_PREFIX = "hash=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha = CommandDigest.sha256();
    /** The canonical bytes of the batch being hashed (reused: it grows to the largest batch). */
    private byte[] buffer = new byte[1024];
    private final String[] typeNames = new String[8];
    private final byte[][] typeUtf8 = new byte[8][];
    private int nextType;

    byte[] hash(byte[] previous, long firstSequence, EventId key, List<JournalEntry> entries, Instant sealTime) {
        byte[][] payloads = new byte[entries.size()][];
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = entries.get(i).payload();
        }
        return hash(previous, firstSequence, key, entries, payloads, sealTime);
    }

    /** The same, with the entries' payloads already copied out of them (replay reads each once). */
    byte[] hash(byte[] previous, long firstSequence, EventId key, List<JournalEntry> entries, byte[][] payloads,
            Instant sealTime) {
        // The canonical bytes are laid out in one reused buffer and hashed with one update, rather than an
        // update per field: a batch has a dozen short fields and its hash is taken on every replay.
        int size = DOMAIN.length + previous.length + 8 + 4 + 4 * key.value().length() + 4 + 12;
        for (int i = 0; i < payloads.length; i++) {
            size += 4 + 4 * entries.get(i).type().length() + 12 + 4 + payloads[i].length;
        }
        if (buffer.length < size) {
            buffer = new byte[Math.max(size, 2 * buffer.length)];
        }
        int at = put(previous, put(DOMAIN, 0));
        at = putLong(firstSequence, at);
        at = putSized(utf8(key.value()), at);
        at = putInt(entries.size(), at);
        for (int i = 0; i < payloads.length; i++) {
            JournalEntry e = entries.get(i);
            at = putSized(typeBytes(e.type()), at);
            at = putTime(e.timestamp(), at);
            at = putSized(payloads[i], at);
        }
        at = putTime(sealTime, at);
        sha.reset();
        sha.update(buffer, 0, at);
        return sha.digest();
    }

    static byte[] sealPayload(byte[] hash) {
        return ("hash=" + HexFormat.of().formatHex(hash) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Whether {@code seal} is exactly {@link #sealPayload(byte[]) sealPayload(hash)}, compared in place: replay
     * checks every batch's seal, and formatting 64 hex digits into a new string each time cost more than the
     * comparison.
     */
    static boolean sealMatches(byte[] hash, byte[] seal) {
        if (seal.length != SEAL_PREFIX.length + 2 * hash.length + 1 || seal[seal.length - 1] != '\n') {
            return false;
        }
        for (int i = 0; i < SEAL_PREFIX.length; i++) {
            if (seal[i] != SEAL_PREFIX[i]) {
                return false;
            }
        }
        for (int i = 0, at = SEAL_PREFIX.length; i < hash.length; i++, at += 2) {
            if (seal[at] != HEX[(hash[i] >> 4) & 0xf] || seal[at + 1] != HEX[hash[i] & 0xf]) {
                return false;
            }
        }
        return true;
    }

    /** The UTF-8 of an entry type; a journal has a handful of types, so the last few are kept. */
    private byte[] typeBytes(String type) {
        for (int i = 0; i < typeNames.length; i++) {
            if (type.equals(typeNames[i])) {
                return typeUtf8[i];
            }
        }
        byte[] b = type.getBytes(StandardCharsets.UTF_8);
        typeNames[nextType] = type;
        typeUtf8[nextType] = b;
        nextType = (nextType + 1) % typeNames.length;
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private int put(byte[] b, int at) {
        System.arraycopy(b, 0, buffer, at, b.length);
        return at + b.length;
    }

    private int putSized(byte[] b, int at) {
        return put(b, putInt(b.length, at));
    }

    private int putInt(int v, int at) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
        return at + 4;
    }

    private int putLong(long v, int at) {
        return putInt((int) v, putInt((int) (v >>> 32), at));
    }

    private int putTime(Instant t, int at) {
        return putInt(t.getNano(), putLong(t.getEpochSecond(), at));
    }
}
