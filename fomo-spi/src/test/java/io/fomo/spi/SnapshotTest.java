package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static final String HEAD = "0123456789abcdef".repeat(4);

    @Test
    void componentsOutOfBoundsAreRefusedNamingTheField() {
        byte[] b = {1};
        assertField("sequence", () -> new Snapshot(0, HEAD, 1, "f", b));
        assertField("headHash", () -> new Snapshot(1, HEAD.toUpperCase(java.util.Locale.ROOT), 1, "f", b));
        assertField("headHash", () -> new Snapshot(1, HEAD.substring(1), 1, "f", b));
        assertField("rulesVersion", () -> new Snapshot(1, HEAD, 0, "f", b));
        assertField("format", () -> new Snapshot(1, HEAD, 1, "", b));
        assertField("format", () -> new Snapshot(1, HEAD, 1, "Fomo", b));
        assertField("format", () -> new Snapshot(1, HEAD, 1, "x".repeat(65), b));
        assertField("bytes", () -> new Snapshot(1, HEAD, 1, "f", new byte[0]));
        assertThrows(NullPointerException.class, () -> new Snapshot(1, null, 1, "f", b));
        assertThrows(NullPointerException.class, () -> new Snapshot(1, HEAD, 1, "f", null));
    }

    @Test
    void aLongValueIsShownByABoundedPrefix() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new Snapshot(1, HEAD, 1, "y".repeat(5_000), new byte[] {1}));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void bytesAreCopiedInAndOutAndComparedByContent() {
        byte[] b = {1, 2, 3};
        Snapshot s = new Snapshot(5, HEAD, 1, "fomo-state/1", b);
        b[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, s.bytes());
        s.bytes()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, s.bytes());
        Snapshot same = new Snapshot(5, HEAD, 1, "fomo-state/1", new byte[] {1, 2, 3});
        assertEquals(same, s);
        assertEquals(same.hashCode(), s.hashCode());
        assertNotEquals(new Snapshot(5, HEAD, 1, "fomo-state/1", new byte[] {1, 2, 4}), s);
        assertEquals(3, s.size());
        assertEquals(32, s.headBytes().length);
        assertTrue(s.toString().contains("bytes=3"), s.toString());
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable e) {
        InvalidArgumentException x = assertThrows(InvalidArgumentException.class, e);
        assertTrue(x.getMessage().startsWith(field + " = "), x.getMessage());
    }
}
