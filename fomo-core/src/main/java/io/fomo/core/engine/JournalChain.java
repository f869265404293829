package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import java.nio.ByteBuffer;
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
    private final ByteBuffer scratch = ByteBuffer.allocate(12);
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
        sha.reset();
        sha.update(DOMAIN);
        sha.update(previous);
        putLong(firstSequence);
        putBytes(key.value().getBytes(StandardCharsets.UTF_8));
        putInt(entries.size());
        for (int i = 0; i < payloads.length; i++) {
            JournalEntry e = entries.get(i);
            putBytes(typeBytes(e.type()));
            putTime(e.timestamp());
            putBytes(payloads[i]);
        }
        putTime(sealTime);
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

    private void putLong(long v) {
        scratch.clear();
        scratch.putLong(v);
        sha.update(scratch.array(), 0, 8);
    }

    private void putInt(int v) {
        scratch.clear();
        scratch.putInt(v);
        sha.update(scratch.array(), 0, 4);
    }

    private void putTime(Instant t) {
        scratch.clear();
        scratch.putLong(t.getEpochSecond()).putInt(t.getNano());
        sha.update(scratch.array(), 0, 12);
    }

    private void putBytes(byte[] b) {
        putInt(b.length);
        sha.update(b);
    }
}
