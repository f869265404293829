package io.fomo.core.engine;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidStateException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The books as the fold of facts: every account's balance and every asset's booked supply after a list
 * of {@link Fact facts}, in order. {@link Fact.Minted minted} adds to an account and to the supply,
 * {@link Fact.Burned burned} takes from both, {@link Fact.Moved moved} and {@link Fact.Swapped swapped}
 * move between accounts; decisions that are not movements ({@link Fact.Charged}, {@link Fact.Quoted},
 * {@link Fact.EpochClosed}, and the prepaid credits' {@link Fact.CreditsToppedUp}, {@link Fact.CreditsDeducted},
 * {@link Fact.ArrearsIncurred}, {@link Fact.ArrearsSettled}) leave the books as they are. Folding the facts of a whole journal, genesis
 * included, gives the engine's books ({@link FomoProtocol#balance}, {@link FomoProtocol#booked}).
 *
 * <p>The {@link #hash() books hash} is SHA-256 over UTF-8 lines, {@code books/1} first, then
 * {@code balance.<account>|<symbol>=<plain amount>} for every non-zero balance by account then symbol,
 * then {@code supply.<symbol>=<plain amount>} for every asset ever booked, by symbol.
 *
 * <p>Instances are mutable and not thread-safe.
 */
public final class FactFold {

    private final TreeMap<AccountId, TreeMap<String, Amount>> balances = new TreeMap<>();
    private final TreeMap<String, Amount> supplies = new TreeMap<>();

    private FactFold() {
    }

    /**
     * Returns empty books.
     *
     * @return the fold of no facts
     */
    public static FactFold empty() {
        return new FactFold();
    }

    /**
     * Folds a list of facts, in order, into empty books.
     *
     * @param facts the facts
     * @return the books after them
     * @throws InvalidStateException if a fact takes more than an account holds
     */
    public static FactFold of(List<Fact> facts) {
        FactFold f = new FactFold();
        Objects.requireNonNull(facts, "facts").forEach(f::apply);
        return f;
    }

    /**
     * Applies one fact.
     *
     * @param fact the fact
     * @return this fold
     * @throws InvalidStateException if the fact takes more than an account holds; the books are unchanged
     */
    public FactFold apply(Fact fact) {
        Objects.requireNonNull(fact, "fact");
        if (fact instanceof Fact.Minted m) {
            give(m.to(), m.amount());
            supplies.merge(m.amount().asset().symbol(), m.amount(), Amount::plus);
        } else if (fact instanceof Fact.Burned b) {
            take("burned.from", b.from(), b.amount());
            supplies.put(b.amount().asset().symbol(), supply(b.amount().asset()).minus(b.amount()));
        } else if (fact instanceof Fact.Moved m) {
            take("moved.from", m.from(), m.amount());
            give(m.to(), m.amount());
        } else if (fact instanceof Fact.Swapped s) {
            check("swapped.trader", s.trader(), s.in());
            check("swapped.pool", s.pool(), s.out());
            take("swapped.trader", s.trader(), s.in());
            give(s.pool(), s.in());
            take("swapped.pool", s.pool(), s.out());
            give(s.trader(), s.out());
        }
        return this;
    }

    private void check(String field, AccountId account, Amount amount) {
        Amount has = balance(account, amount.asset());
        if (has.isLessThan(amount)) {
            throw InvalidStateException.of(field, account, "holds " + has + ", less than the " + amount + " taken");
        }
    }

    private void take(String field, AccountId account, Amount amount) {
        check(field, account, amount);
        balances.get(account).put(amount.asset().symbol(), balance(account, amount.asset()).minus(amount));
    }

    private void give(AccountId account, Amount amount) {
        balances.computeIfAbsent(account, k -> new TreeMap<>()).merge(amount.asset().symbol(), amount, Amount::plus);
    }

    /**
     * Returns an account's balance of an asset.
     *
     * @param account the account
     * @param asset   the asset
     * @return the balance, zero when never credited
     */
    public Amount balance(AccountId account, Asset asset) {
        Map<String, Amount> m = balances.get(account);
        Amount a = m == null ? null : m.get(asset.symbol());
        return a == null ? Amount.zero(asset) : a;
    }

    /**
     * Returns an asset's booked supply: minted less burned.
     *
     * @param asset the asset
     * @return the supply, zero when never minted
     */
    public Amount supply(Asset asset) {
        Amount a = supplies.get(asset.symbol());
        return a == null ? Amount.zero(asset) : a;
    }

    /**
     * Returns the books hash (the encoding is in the class description).
     *
     * @return 64 lowercase hex digits
     */
    public String hash() {
        MessageDigest sha = CommandDigest.sha256();
        StringBuilder sb = new StringBuilder("books/1\n");
        balances.forEach((account, m) -> m.forEach((symbol, amount) -> {
            if (!amount.isZero()) {
                sb.append("balance.").append(account.value()).append('|').append(symbol).append('=')
                        .append(amount.toPlainString()).append('\n');
            }
        }));
        supplies.forEach((symbol, amount) -> sb.append("supply.").append(symbol).append('=')
                .append(amount.toPlainString()).append('\n'));
        return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Returns the facts a journal recorded, in journal order (genesis first), for folding or inspection.
     *
     * @param journal the journal; its chain is verified by replaying it first
     * @return every journaled fact
     * @throws JournalIntegrityException if the journal fails its checks
     */
    public static List<Fact> factsOf(io.fomo.spi.EventJournal journal) {
        JournalAudit.readOnly(journal).build();
        List<Fact> out = new java.util.ArrayList<>();
        for (io.fomo.spi.JournalRecord r : journal.read(1)) {
            if (r.entry().type().equals(JournalTags.FACTS)) {
                out.addAll(FactCodec.decode(Fields.decode(r.entry().payload(), "journal record " + r.sequence())));
            }
        }
        return out;
    }
}
