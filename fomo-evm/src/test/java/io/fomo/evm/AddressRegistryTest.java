package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.ManualClock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The address registry: explicit, one-to-one for good, and read back from its journal. */
class AddressRegistryTest {

    private final InMemoryEventJournal journal = new InMemoryEventJournal();
    private final ManualClock clock = ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final String A = "0x00000000000000000000000000000000000000aA";
    private static final String B = "0x00000000000000000000000000000000000000bb";

    @Test
    void aRegistrationIsJournaledAndReadBackByAnotherInstance() {
        AddressRegistry r = AddressRegistry.open(journal, clock);
        assertEquals(Optional.empty(), r.address(ALICE), "nothing is derived from the id");
        r.register(ALICE, A);
        r.register(ALICE, A.toUpperCase().replace("0X", "0x"));
        assertEquals(1, journal.currentSequence(), "registering the same pair again writes nothing");
        AddressRegistry reopened = AddressRegistry.open(journal, clock);
        assertEquals(Optional.of(A.toLowerCase()), reopened.address(ALICE));
        assertEquals(Optional.of(ALICE), reopened.account(A));
        r.register(BOB, B);
        assertEquals(Map.of(ALICE, A.toLowerCase(), BOB, B), reopened.entries(), "another instance catches up");
    }

    @Test
    void anAccountKeepsItsAddressAndAnAddressItsAccount() {
        AddressRegistry r = AddressRegistry.open(journal, clock);
        r.register(ALICE, A);
        InvalidArgumentException other = assertThrows(InvalidArgumentException.class, () -> r.register(ALICE, B));
        assertTrue(other.getMessage().startsWith("account = alice"), other.getMessage());
        InvalidArgumentException taken = assertThrows(InvalidArgumentException.class, () -> r.register(BOB, A));
        assertTrue(taken.getMessage().contains("is registered to the account alice"), taken.getMessage());
        assertThrows(InvalidArgumentException.class, () -> r.register(BOB, "0x1234"));
        assertEquals(1, journal.currentSequence());
    }
}
