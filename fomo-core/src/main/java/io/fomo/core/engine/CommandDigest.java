package io.fomo.core.engine;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a command's canonical journal payload, kept under its id for exact idempotency: the
 * same id with the same digest is a retry, with another digest a conflict. Four longs instead of a byte
 * array, so a million ids cost a million small objects and no arrays.
 */
record CommandDigest(long a, long b, long c, long d) {

    static CommandDigest of(byte[] payload) {
        return of(sha256(), payload);
    }

    /** The digest with a reused {@link MessageDigest} (looking one up costs more than hashing a command). */
    static CommandDigest of(MessageDigest sha, byte[] payload) {
        sha.reset();
        byte[] h = sha.digest(payload);
        return new CommandDigest((long) LONGS.get(h, 0), (long) LONGS.get(h, 8), (long) LONGS.get(h, 16),
                (long) LONGS.get(h, 24));
    }

    /** Big-endian longs read in place from the digest's bytes. */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        ByteBuffer out = ByteBuffer.allocate(32).putLong(a).putLong(b).putLong(c).putLong(d);
        return HexFormat.of().formatHex(out.array());
    }
}
