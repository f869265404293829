package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void thePayloadIsCopiedInAndOut() {
        byte[] payload = {1, 2, 3};
        JournalEntry entry = JournalEntry.of("Swapped", payload, T0);
        payload[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, entry.payload(), "changing the caller's array changes nothing");
        entry.payload()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, entry.payload(), "changing a returned array changes nothing");
        assertEquals(3, entry.payloadSize());
    }

    @Test
    void equalityCoversTypePayloadBytesAndTimestamp() {
        JournalEntry a = JournalEntry.of("T", new byte[] {1}, T0);
        assertEquals(a, JournalEntry.of("T", new byte[] {1}, T0));
        assertEquals(a.hashCode(), JournalEntry.of("T", new byte[] {1}, T0).hashCode());
        assertNotEquals(a, JournalEntry.of("U", new byte[] {1}, T0));
        assertNotEquals(a, JournalEntry.of("T", new byte[] {2}, T0));
        assertNotEquals(a, JournalEntry.of("T", new byte[] {1}, T0.plusNanos(1)));
        assertEquals("T@2026-01-01T00:00:00Z (1 bytes)", a.toString());
    }

    @Test
    void emptyPayloadsAreAllowed() {
        assertEquals(0, JournalEntry.of("Marker", new byte[0], T0).payloadSize());
    }

    @Test
    void typesFollowTheIdRules() {
        InvalidArgumentException blank = assertThrows(InvalidArgumentException.class,
                () -> JournalEntry.of(" ", new byte[0], T0));
        assertEquals("type = \" \": must not be blank", blank.getMessage());
        InvalidArgumentException control = assertThrows(InvalidArgumentException.class,
                () -> JournalEntry.of("a\nb", new byte[0], T0));
        assertTrue(control.getMessage().startsWith("type = \"a\\u000ab\":"), control.getMessage());
        assertEquals("type", control.field());
        assertThrows(InvalidArgumentException.class, () -> JournalEntry.of("t".repeat(129), new byte[0], T0));
        assertEquals("payload", assertThrows(NullPointerException.class,
                () -> JournalEntry.of("T", null, T0)).getMessage());
        assertEquals("timestamp", assertThrows(NullPointerException.class,
                () -> JournalEntry.of("T", new byte[0], null)).getMessage());
    }

    @Test
    void recordsNeedASequenceOfOneOrMore() {
        JournalEntry e = JournalEntry.of("T", new byte[0], T0);
        JournalRecord r = JournalRecord.of(7, EventId.of("k"), e);
        assertEquals(7, r.sequence());
        assertEquals(EventId.of("k"), r.idempotencyKey());
        assertEquals(e, r.entry());
        assertEquals(r, JournalRecord.of(7, EventId.of("k"), JournalEntry.of("T", new byte[0], T0)));
        assertNotEquals(r, JournalRecord.of(8, EventId.of("k"), e));
        assertNotEquals(r, JournalRecord.of(7, EventId.of("j"), e));
        assertEquals("#7 [k] T@2026-01-01T00:00:00Z (0 bytes)", r.toString());
        assertEquals("sequence = 0: must be 1 or more",
                assertThrows(InvalidArgumentException.class, () -> JournalRecord.of(0, EventId.of("k"), e)).getMessage());
    }

    @Test
    void appendResultsDescribeANonEmptyRange() {
        AppendResult written = AppendResult.written(3, 5);
        assertEquals(3, written.firstSequence());
        assertEquals(5, written.lastSequence());
        assertEquals(3, written.size());
        assertFalse(written.isDuplicate());
        AppendResult duplicate = AppendResult.duplicate(3, 5);
        assertTrue(duplicate.isDuplicate());
        assertNotEquals(written, duplicate);
        assertEquals(written, AppendResult.written(3, 5));
        assertEquals(written.hashCode(), AppendResult.written(3, 5).hashCode());
        assertEquals("3..5", written.toString());
        assertEquals("3..5 (duplicate)", duplicate.toString());
        assertEquals(1, AppendResult.written(4, 4).size());
        assertEquals("firstSequence = 0: must be 1 or more",
                assertThrows(InvalidArgumentException.class, () -> AppendResult.written(0, 1)).getMessage());
        assertEquals("lastSequence = 2: must not be less than firstSequence 3",
                assertThrows(InvalidArgumentException.class, () -> AppendResult.duplicate(3, 2)).getMessage());
    }

    @Test
    void aSequenceConflictNamesBothNumbers() {
        SequenceConflictException e = new SequenceConflictException(4, 6);
        assertEquals(4, e.expectedSequence());
        assertEquals(6, e.actualSequence());
        assertEquals(ErrorCode.INVALID_STATE, e.code());
        assertTrue(e instanceof InvalidStateException);
        assertEquals("expectedSequence = 4: the journal is at sequence 6 (another append came first)", e.getMessage());
        assertEquals("expectedSequence = 9: the journal is at sequence 6 (the caller is ahead of it)",
                new SequenceConflictException(9, 6).getMessage());
    }
}
