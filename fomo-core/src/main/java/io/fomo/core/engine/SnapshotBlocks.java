package io.fomo.core.engine;

import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The compact form of a snapshot's two large id sets (every command id with its digest, every payment id):
 * one base64 line per set instead of one or two text lines per id. The block is, per id in ascending order,
 * the id's UTF-8 length as an unsigned 16-bit big-endian integer, the UTF-8 bytes, and for a command id its
 * 32-byte digest. Decoding validates every id through {@link EventId#of}, requires strictly ascending order
 * (so one set has one encoding) and that the block holds exactly the count declared before it.
 */
final class SnapshotBlocks {

    private static final int DIGEST_BYTES = 32;

    private SnapshotBlocks() {
    }

    static String encodeIds(Collection<EventId> ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ids.size() * 24);
        for (EventId id : ids) {
            putId(out, id);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String encodeDigests(SortedMap<EventId, CommandDigest> seen) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(seen.size() * 56);
        ByteBuffer d = ByteBuffer.allocate(DIGEST_BYTES);
        for (Map.Entry<EventId, CommandDigest> e : seen.entrySet()) {
            putId(out, e.getKey());
            CommandDigest c = e.getValue();
            d.clear();
            d.putLong(c.a()).putLong(c.b()).putLong(c.c()).putLong(c.d());
            out.write(d.array(), 0, DIGEST_BYTES);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static void putId(ByteArrayOutputStream out, EventId id) {
        byte[] b = id.value().getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new InvalidStateException("snapshot: an id of " + b.length + " bytes does not fit a block");
        }
        out.write(b.length >>> 8);
        out.write(b.length & 0xFF);
        out.write(b, 0, b.length);
    }

    static List<EventId> decodeIds(String base64, int count, String key) {
        ByteBuffer in = bytes(base64, key);
        List<EventId> out = new ArrayList<>(count);
        EventId previous = null;
        for (int i = 0; i < count; i++) {
            EventId id = id(in, key, i, previous);
            out.add(id);
            previous = id;
        }
        end(in, key);
        return out;
    }

    static void decodeDigests(String base64, int count, String key, Map<EventId, CommandDigest> into) {
        ByteBuffer in = bytes(base64, key);
        EventId previous = null;
        for (int i = 0; i < count; i++) {
            EventId id = id(in, key, i, previous);
            if (in.remaining() < DIGEST_BYTES) {
                throw new InvalidStateException("snapshot: " + key + ": entry " + i + " has no complete digest");
            }
            into.put(id, new CommandDigest(in.getLong(), in.getLong(), in.getLong(), in.getLong()));
            previous = id;
        }
        end(in, key);
    }

    private static ByteBuffer bytes(String base64, String key) {
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new InvalidStateException("snapshot: " + key + " is not base64: " + e.getMessage());
        }
    }

    private static EventId id(ByteBuffer in, String key, int i, EventId previous) {
        if (in.remaining() < 2) {
            throw new InvalidStateException("snapshot: " + key + ": entry " + i + " is missing");
        }
        int len = in.getShort() & 0xFFFF;
        if (in.remaining() < len) {
            throw new InvalidStateException("snapshot: " + key + ": entry " + i + " is cut");
        }
        String text = new String(in.array(), in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        EventId id;
        try {
            id = EventId.of(text);
        } catch (RuntimeException e) {
            throw new InvalidStateException("snapshot: " + key + ": entry " + i + ": " + e.getMessage());
        }
        if (previous != null && previous.compareTo(id) >= 0) {
            throw new InvalidStateException("snapshot: " + key + ": entry " + i + " is not after the one before it");
        }
        return id;
    }

    private static void end(ByteBuffer in, String key) {
        if (in.hasRemaining()) {
            throw new InvalidStateException("snapshot: " + key + ": " + in.remaining() + " bytes after the last entry");
        }
    }
}
