package io.fomo.spi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.EventId;
import io.fomo.spi.JournalEntry;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Reading an entry's payload in place ({@link HandedOver#payload}, replay's way) gives the bytes of
 * {@link JournalEntry#payload()} (the plain, copying way) for any entry, made by {@link JournalEntry#of} or
 * handed over, as appended or as a journal reads it back; and it is the entry's own array, which a caller's
 * write to a copy never reaches.
 */
class HandedOverProperties {

    @Property(tries = 200)
    void aPayloadReadInPlaceHasTheBytesOfItsCopy(@ForAll @Size(max = 600) byte[] payload, @ForAll boolean handed,
            @ForAll boolean throughAJournal, @ForAll long nanos) {
        Instant at = Instant.ofEpochSecond(0, Math.floorMod(nanos, 4_000_000_000_000_000L));
        byte[] original = payload.clone();
        JournalEntry e = handed ? HandedOver.entry("facts", payload.clone(), at)
                : JournalEntry.of("facts", payload, at);
        if (throughAJournal) {
            InMemoryEventJournal j = new InMemoryEventJournal();
            j.append(0, EventId.of("k"), List.of(e));
            e = j.read(1).get(0).entry();
        }
        byte[] inPlace = HandedOver.payload(e);
        assertArrayEquals(e.payload(), inPlace);
        assertArrayEquals(original, inPlace);
        assertSame(inPlace, HandedOver.payload(e));
        byte[] copy = e.payload();
        assertNotSame(inPlace, copy);
        if (copy.length > 0) {
            copy[0] ^= 1;
            assertArrayEquals(original, HandedOver.payload(e));
        }
    }
}
