package io.fomo.spi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.JournalEntry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A handed-over entry is the entry JournalEntry.of makes, checks and errors included, without the copy in. */
class HandedOverTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHandedOverEntryEqualsTheCopiedOneAndKeepsItsArray() {
        byte[] payload = {1, 2, 3};
        JournalEntry handed = HandedOver.entry("Facts", payload, T0);
        assertEquals(JournalEntry.of("Facts", new byte[] {1, 2, 3}, T0), handed);
        assertEquals(3, handed.payloadSize());
        // Kept, not copied: what the engine promises never to do shows in the entry.
        payload[0] = 9;
        assertArrayEquals(new byte[] {9, 2, 3}, handed.payload());
        // Handed out as a copy, as any entry's.
        handed.payload()[1] = 7;
        assertArrayEquals(new byte[] {9, 2, 3}, handed.payload());
    }

    @Test
    void theChecksAndErrorsAreThoseOfJournalEntryOf() {
        for (String type : new String[] {" ", "a\nb", "t".repeat(129)}) {
            assertEquals(assertThrows(InvalidArgumentException.class, () -> JournalEntry.of(type, new byte[0], T0))
                    .getMessage(), assertThrows(InvalidArgumentException.class,
                            () -> HandedOver.entry(type, new byte[0], T0)).getMessage());
        }
        assertEquals("payload", assertThrows(NullPointerException.class,
                () -> HandedOver.entry("T", null, T0)).getMessage());
        assertEquals("timestamp", assertThrows(NullPointerException.class,
                () -> HandedOver.entry("T", new byte[0], null)).getMessage());
    }

    @Test
    void onlyJournalEntryInstallsItsMaker() {
        HandedOver.entry("T", new byte[0], T0);
        assertThrows(IllegalStateException.class, () -> HandedOver.install((t, p, at) -> null, e -> null));
    }
}
