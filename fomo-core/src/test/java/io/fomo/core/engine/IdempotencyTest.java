package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.flock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.ErrorCode;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A command id is an idempotency key with the command's digest behind it, on every engine of a journal. */
class IdempotencyTest {

    @Test
    void theSameIdWithAnotherCommandIsAConflictAndWritesNothing() {
        EngineFixture f = new EngineFixture().graduated();
        EventId id = EventId.of("pay-once");
        f.protocol.submit(id, new Command.Deposit(CAROL, flock("5")));
        String hash = f.protocol.stateHash();
        long seq = f.journal.currentSequence();
        IdempotencyConflictException x = assertThrows(IdempotencyConflictException.class,
                () -> f.protocol.submit(id, new Command.Deposit(CAROL, flock("6"))));
        assertEquals(ErrorCode.INVALID_STATE, x.code());
        assertEquals(id, x.commandId());
        assertTrue(x.getMessage().startsWith("commandId = pay-once: was journaled for a different command"),
                x.getMessage());
        assertThrows(IdempotencyConflictException.class,
                () -> f.protocol.submit(id, new Command.Deposit(BOB, flock("5"))));
        assertEquals(hash, f.protocol.stateHash());
        assertEquals(seq, f.journal.currentSequence());
        assertTrue(f.protocol.submit(id, new Command.Deposit(CAROL, flock("5"))).isDuplicate());
    }

    @Test
    void aStaleEngineAnswersTheSameWayWithoutWriting() {
        EngineFixture f = new EngineFixture().graduated();
        FomoProtocol stale = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).build();
        EventId id = EventId.of("shared-id");
        f.protocol.submit(id, new Command.Deposit(CAROL, flock("5")));
        // The stale engine has not seen it; time has moved, so its batch would differ byte for byte.
        f.clock.advance(Duration.ofSeconds(7));
        long seq = f.journal.currentSequence();
        IdempotencyConflictException x = assertThrows(IdempotencyConflictException.class,
                () -> stale.submit(id, new Command.Deposit(CAROL, flock("50"))));
        assertEquals(id, x.commandId());
        assertEquals(seq, f.journal.currentSequence());

        FomoProtocol stale2 = FomoProtocol.builder().journal(f.journal).chainGateway(f.chain).priceFeed(f.prices)
                .clock(f.clock).build();
        EventId id2 = EventId.of("shared-id-2");
        f.protocol.submit(id2, new Command.Deposit(BOB, flock("1")));
        f.clock.advance(Duration.ofSeconds(3));
        assertTrue(stale2.submit(id2, new Command.Deposit(BOB, flock("1"))).isDuplicate());
        assertEquals(f.journal.currentSequence(), stale2.sequence());
        assertEquals(f.protocol.stateHash(), stale2.stateHash());
    }

    @Test
    void noCommandIdCanTakeAKeyOfTheEnginesOwnBatches() {
        EngineFixture f = new EngineFixture().graduated();
        long seq = f.journal.currentSequence();
        for (String id : new String[] {"~genesis", "~confirm:x#1..x#1", "~anything"}) {
            InvalidArgumentException x = assertThrows(InvalidArgumentException.class,
                    () -> f.protocol.submit(EventId.of(id), new Command.Deposit(CAROL, flock("1"))), id);
            assertEquals("commandId = " + id + ": must not start with '~', which is reserved for the engine's own "
                    + "batches", x.getMessage());
        }
        assertEquals(seq, f.journal.currentSequence());
        // The ids of what the engine journaled itself are all in that namespace.
        for (JournalSurgery.Batch b : JournalSurgery.batches(f.journal)) {
            boolean command = b.entries().get(0).type().equals(JournalTags.COMMAND);
            assertEquals(!command, b.key().value().startsWith(FomoProtocol.ENGINE_PREFIX), b.key().value());
        }
    }
}
