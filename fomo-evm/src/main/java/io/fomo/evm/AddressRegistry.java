package io.fomo.evm;

import io.fomo.spi.AccountId;
import io.fomo.spi.AppendResult;
import io.fomo.spi.Clock;
import io.fomo.spi.EventId;
import io.fomo.spi.EventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.JournalRecord;
import io.fomo.spi.SequenceConflictException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The explicit map from the engine's {@link AccountId}s to chain addresses, kept in an {@link EventJournal}
 * so that it survives restarts and is the same for every process sharing the journal. An address is
 * never derived from an account id: every account the gateway touches must have been registered, and the
 * gateway refuses an intent naming an unregistered account.
 *
 * <p>One account has one address and one address belongs to one account, for good: registering the same
 * pair again is a no-op, registering a different one is rejected. Every registration is one journal entry
 * of type {@value #TYPE} under the idempotency key {@code address:<account>}. The journal should be the
 * registry's own (the engine's journal does not know this entry type).
 *
 * <p>This class is thread-safe.
 */
public final class AddressRegistry {

    /** The journal entry type of a registration. */
    public static final String TYPE = "address";

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");

    private final EventJournal journal;
    private final Clock clock;
    private final Map<AccountId, String> addresses = new HashMap<>();
    private final Map<String, AccountId> accounts = new HashMap<>();
    private long sequence;

    private AddressRegistry(EventJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Opens the registry kept in a journal, reading every registration in it.
     *
     * @param journal the registry's journal
     * @param clock   the time stamped on new registrations
     * @return the registry
     * @throws InvalidStateException if the journal holds an entry that is not a registration
     */
    public static AddressRegistry open(EventJournal journal, Clock clock) {
        AddressRegistry r = new AddressRegistry(Objects.requireNonNull(journal, "journal"),
                Objects.requireNonNull(clock, "clock"));
        r.catchUp();
        return r;
    }

    /**
     * Returns an address in the canonical form the registry keeps: lower-case hex with {@code 0x}.
     *
     * @param address an address, any case
     * @return the canonical address
     * @throws InvalidArgumentException if it is not 20 bytes of hex with {@code 0x}
     */
    public static String canonical(String address) {
        Objects.requireNonNull(address, "address");
        String a = address.toLowerCase(java.util.Locale.ROOT);
        if (!ADDRESS.matcher(a).matches()) {
            throw InvalidArgumentException.of("address", address.substring(0, Math.min(address.length(), 50)),
                    "is not 0x followed by 40 hex digits");
        }
        return a;
    }

    /**
     * Registers an account's address, once.
     *
     * @param account the account
     * @param address its address
     * @throws InvalidArgumentException if the account has another address, the address belongs to another
     *                                  account, or the address is malformed
     */
    public synchronized void register(AccountId account, String address) {
        Objects.requireNonNull(account, "account");
        String a = canonical(address);
        for (int attempt = 0; ; attempt++) {
            catchUp();
            String known = addresses.get(account);
            if (a.equals(known)) {
                return;
            }
            if (known != null) {
                throw InvalidArgumentException.of("account", account, "is registered with the address " + known);
            }
            AccountId owner = accounts.get(a);
            if (owner != null) {
                throw InvalidArgumentException.of("address", a, "is registered to the account " + owner);
            }
            byte[] payload = (account.value() + "\n" + a).getBytes(StandardCharsets.UTF_8);
            try {
                AppendResult r = journal.append(sequence, EventId.of("address:" + account.value()),
                        List.of(JournalEntry.of(TYPE, payload, clock.now())));
                if (!r.isDuplicate()) {
                    apply(account, a);
                    sequence = r.lastSequence();
                    return;
                }
            } catch (SequenceConflictException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Returns an account's address.
     *
     * @param account the account
     * @return its address, empty if it was never registered
     */
    public synchronized Optional<String> address(AccountId account) {
        Objects.requireNonNull(account, "account");
        catchUpQuietly();
        return Optional.ofNullable(addresses.get(account));
    }

    /**
     * Returns the account an address is registered to.
     *
     * @param address the address, any case
     * @return the account, empty if the address was never registered
     */
    public synchronized Optional<AccountId> account(String address) {
        String a = canonical(address);
        catchUpQuietly();
        return Optional.ofNullable(accounts.get(a));
    }

    /**
     * Returns every registration, sorted by account.
     *
     * @return account to address, unmodifiable
     */
    public synchronized Map<AccountId, String> entries() {
        catchUpQuietly();
        return Collections.unmodifiableMap(new TreeMap<>(addresses));
    }

    private void catchUpQuietly() {
        catchUp();
    }

    private void catchUp() {
        while (true) {
            List<JournalRecord> page = journal.read(sequence + 1, EventJournal.DEFAULT_PAGE_SIZE);
            for (JournalRecord r : page) {
                if (!r.entry().type().equals(TYPE)) {
                    throw InvalidStateException.of("journal", "record " + r.sequence(),
                            "is of type '" + r.entry().type() + "', not an address registration");
                }
                String[] parts = new String(r.entry().payload(), StandardCharsets.UTF_8).split("\n", 2);
                apply(AccountId.of(parts[0]), canonical(parts[1]));
                sequence = r.sequence();
            }
            if (page.size() < EventJournal.DEFAULT_PAGE_SIZE) {
                return;
            }
        }
    }

    private void apply(AccountId account, String address) {
        addresses.put(account, address);
        accounts.put(address, account);
    }
}
