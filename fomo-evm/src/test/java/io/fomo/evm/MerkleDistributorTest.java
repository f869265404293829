package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InMemoryEventJournal;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.ManualClock;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The distributor on anvil, driven by {@link ClaimsDistributor}: cumulative roots per token, each claim
 * paid exactly once, a later root paying only the increase, forged amounts and an underfunded root refused.
 */
class MerkleDistributorTest {

    private static final Asset FLOCK = Asset.FLOCK;
    private static final Asset MT = Asset.of("MT-qwen", 18);

    private final EvmChain chain = EvmTestChain.chain();
    private final AddressRegistry registry = AddressRegistry.open(new InMemoryEventJournal(),
            ManualClock.startingAt(Instant.parse("2026-01-01T00:00:00Z")));
    private final String flock = chain.deployStandInToken(chain.operator(), FLOCK, BigInteger.TEN.pow(30));
    private final String mt = chain.deployStandInToken(chain.operator(), MT, BigInteger.TEN.pow(30));
    private final ClaimsDistributor distributor = ClaimsDistributor.at(chain, chain.deployDistributor(), registry);
    private final List<AccountId> users = List.of(AccountId.of("u1"), AccountId.of("u2"), AccountId.of("u3"),
            AccountId.of("u4"), AccountId.of("u5"));

    MerkleDistributorTest() {
        for (AccountId u : users) {
            registry.register(u, EvmChain.addressOf(EvmChain.newKey()));
        }
    }

    /** Funds the distributor from the operator, who holds the stand-ins' supply here. */
    private void fund(String token, BigInteger units) {
        synchronized (chain) {
            chain.rpc().transact(token, FunctionEncoder.encode(new Function("transfer", List.of(
                    new Address(distributor.address()), new Uint256(units)), List.of())), BigInteger.valueOf(100_000));
        }
    }

    private SortedMap<AccountId, Amount> amounts(Asset asset, long each, long plus) {
        SortedMap<AccountId, Amount> m = new TreeMap<>();
        for (int i = 0; i < users.size(); i++) {
            m.put(users.get(i), Amount.ofUnits(asset, BigInteger.valueOf(each * (i + 1) + plus)));
        }
        return m;
    }

    private String address(int user) {
        return registry.address(users.get(user)).orElseThrow();
    }

    @Test
    void eachCumulativeClaimIsPaidOnceAndALaterRootPaysOnlyTheIncrease() {
        fund(flock, BigInteger.valueOf(15_000));
        ClaimsMerkleTree epoch1 = distributor.tree(amounts(FLOCK, 1_000, 0)).orElseThrow();
        distributor.publish(1, flock, epoch1);
        assertEquals(epoch1.root(), distributor.root(flock));
        assertEquals(BigInteger.valueOf(2_000), distributor.claim(flock, epoch1, address(1)));
        InvalidStateException twice = assertThrows(InvalidStateException.class,
                () -> distributor.claim(flock, epoch1, address(1)));
        assertTrue(twice.getMessage().contains("NothingToClaim"), twice.getMessage());
        assertEquals(BigInteger.valueOf(2_000), chain.balanceOf(flock, address(1)), "the second claim paid nothing");

        // epoch 2: every cumulative amount grows by 7; the distributor is topped up by what the root adds
        fund(flock, BigInteger.valueOf(35));
        ClaimsMerkleTree epoch2 = distributor.tree(amounts(FLOCK, 1_000, 7)).orElseThrow();
        distributor.publish(2, flock, epoch2);
        assertEquals(BigInteger.valueOf(7), distributor.claim(flock, epoch2, address(1)), "only the increase");
        assertEquals(BigInteger.valueOf(3_007), distributor.claim(flock, epoch2, address(2)), "both epochs at once");
        assertEquals(BigInteger.valueOf(2_007), distributor.claimed(flock, address(1)));
        assertEquals(BigInteger.valueOf(15_035 - 2_007 - 3_007), chain.balanceOf(flock, distributor.address()));
        InvalidStateException old = assertThrows(InvalidStateException.class,
                () -> distributor.claim(flock, epoch1, address(3)));
        assertTrue(old.getMessage().contains("InvalidProof"), "a superseded root's proofs fail: " + old.getMessage());
        InvalidStateException back = assertThrows(InvalidStateException.class,
                () -> distributor.publish(2, flock, epoch1));
        assertTrue(back.getMessage().contains("EpochNotAfter"), back.getMessage());
    }

    @Test
    void aForgedAmountFailsItsProofAndEachTokenHasItsOwnTree() {
        fund(flock, BigInteger.valueOf(15_000));
        fund(mt, BigInteger.valueOf(1_500));
        ClaimsMerkleTree f = distributor.tree(amounts(FLOCK, 1_000, 0)).orElseThrow();
        ClaimsMerkleTree m = distributor.tree(amounts(MT, 100, 0)).orElseThrow();
        distributor.publish(1, flock, f);
        distributor.publish(1, mt, m);
        ClaimsMerkleTree forged = ClaimsMerkleTree.of(List.of(new ClaimsMerkleTree.Claim(address(0),
                BigInteger.valueOf(999_999)), new ClaimsMerkleTree.Claim(address(1), BigInteger.ONE)));
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> distributor.claim(flock, forged, address(0)));
        assertTrue(e.getMessage().contains("InvalidProof"), e.getMessage());
        assertThrows(InvalidStateException.class, () -> distributor.claim(mt, f, address(0)), "FLOCK's proof for MT");
        assertEquals(BigInteger.valueOf(100), distributor.claim(mt, m, address(0)));
        assertEquals(BigInteger.valueOf(1_000), distributor.claim(flock, f, address(0)));
    }

    @Test
    void aRootTheDistributorCannotPayIsNotPublished() {
        fund(flock, BigInteger.valueOf(14_999));
        ClaimsMerkleTree tree = distributor.tree(amounts(FLOCK, 1_000, 0)).orElseThrow();
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> distributor.publish(1, flock, tree));
        assertTrue(e.getMessage().contains("holds only 14999"), e.getMessage());
        assertEquals("0x" + "0".repeat(64), distributor.root(flock));
        SortedMap<AccountId, Amount> unregistered = new TreeMap<>(amounts(FLOCK, 1, 0));
        unregistered.put(AccountId.of("nobody"), Amount.of(FLOCK, 1));
        assertThrows(InvalidArgumentException.class, () -> distributor.tree(unregistered));
    }
}
