package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The claimable balances an epoch close leaves, per asset: what a chain's Merkle distributor publishes. */
class ClaimableBalancesTest {

    @Test
    void theBalancesAreEachAccountsClaimableRewardsAndTheRewardsAccountHoldsThem() {
        EngineFixture f = new EngineFixture().graduated().oneEpoch();
        SortedMap<AccountId, Amount> flock = f.protocol.claimableBalances(Asset.FLOCK);
        assertFalse(flock.isEmpty());
        Amount total = Amount.zero(Asset.FLOCK);
        for (var e : flock.entrySet()) {
            assertTrue(e.getValue().isPositive(), e.toString());
            assertEquals(f.protocol.claimableFlock(e.getKey()), e.getValue(), e.getKey().toString());
            total = total.plus(e.getValue());
        }
        assertEquals(total, f.protocol.claimableTotal(Asset.FLOCK));
        assertSumsOfTheLargest(f.protocol, Asset.FLOCK);
        assertEquals(f.protocol.claimableFlock(BOB), flock.get(BOB));
        assertEquals(f.protocol.claimableFlock(CAROL), flock.get(CAROL));
        assertFalse(total.isGreaterThan(f.protocol.balance(Accounts.REWARDS, Asset.FLOCK)),
                "the rewards account holds every claimable FLOCK");
        SortedMap<AccountId, Amount> mt = f.protocol.claimableBalances(MT);
        Amount mtTotal = Amount.zero(MT);
        for (var e : mt.entrySet()) {
            assertEquals(f.protocol.claimableMt(e.getKey(), DEP), e.getValue(), e.getKey().toString());
            mtTotal = mtTotal.plus(e.getValue());
        }
        assertFalse(mtTotal.isGreaterThan(f.protocol.balance(Accounts.REWARDS, MT)));
        assertEquals(mtTotal, f.protocol.claimableTotal(MT));
        assertSumsOfTheLargest(f.protocol, MT);
        assertTrue(f.protocol.claimableBalances(Asset.USDC).isEmpty());
        assertEquals(Amount.zero(Asset.USDC), f.protocol.claimableLargest(Asset.USDC, 3));
        assertEquals(Amount.zero(Asset.USDC), f.protocol.claimableTotal(Asset.USDC));
        io.fomo.spi.InvalidArgumentException e = assertThrows(io.fomo.spi.InvalidArgumentException.class,
                () -> f.protocol.claimableLargest(Asset.FLOCK, 0));
        assertTrue(e.getMessage().contains("n"), e.getMessage());
    }

    @Test
    void anotherCloseOnlyAddsAndAClaimThroughTheEngineRemovesTheAccount() {
        EngineFixture f = new EngineFixture().graduated().oneEpoch();
        SortedMap<AccountId, Amount> first = f.protocol.claimableBalances(Asset.FLOCK);
        f.run(new Command.RecordUsage(f.nextId(), DEP, CAROL, 1_000_000));
        f.clock.set(EngineFixture.T0.plus(java.time.Duration.ofDays(2)));
        f.prices.put(io.fomo.spi.PriceQuote.of(Asset.FLOCK, new java.math.BigDecimal("0.05"), "test", f.clock.now()));
        f.run(new Command.CloseEpoch(java.util.Map.of(DEP, Amount.of(Asset.USD, 100))));
        SortedMap<AccountId, Amount> second = f.protocol.claimableBalances(Asset.FLOCK);
        for (var e : first.entrySet()) {
            assertFalse(second.get(e.getKey()).isLessThan(e.getValue()), "cumulative: " + e.getKey());
        }
        assertTrue(second.get(CAROL).isGreaterThan(first.get(CAROL)), "Carol's usage earned more");
        f.run(new Command.ClaimRewards(BOB));
        assertFalse(f.protocol.claimableBalances(Asset.FLOCK).containsKey(BOB));
        assertEquals(second.get(CAROL), f.protocol.claimableBalances(Asset.FLOCK).get(CAROL));
        // The claim leaves the rest: the sums are over the balances still held.
        assertSumsOfTheLargest(f.protocol, Asset.FLOCK);
        assertEquals(second.values().stream().reduce(Amount.zero(Asset.FLOCK), Amount::plus).minus(second.get(BOB)),
                f.protocol.claimableTotal(Asset.FLOCK));
    }

    /** claimableLargest(asset, n) is the sum of the n largest of claimableBalances(asset), by sorting them. */
    private static void assertSumsOfTheLargest(FomoProtocol p, Asset asset) {
        java.util.List<Amount> held = new java.util.ArrayList<>(p.claimableBalances(asset).values());
        held.sort(java.util.Comparator.reverseOrder());
        Amount sum = Amount.zero(asset);
        for (int n = 1; n <= held.size() + 2; n++) {
            if (n <= held.size()) {
                sum = sum.plus(held.get(n - 1));
            }
            assertEquals(sum, p.claimableLargest(asset, n), asset + ": the " + n + " largest");
        }
        assertEquals(p.claimableTotal(asset), p.claimableLargest(asset, Integer.MAX_VALUE));
    }
}
