package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.BOB;
import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static io.fomo.core.engine.EngineFixture.MT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(f.protocol.claimableBalances(Asset.USDC).isEmpty());
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
    }
}
