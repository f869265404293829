package io.fomo.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentStatus;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import io.fomo.spi.TokenIntent;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** The model token on anvil: no supply before graduation, its allocation minted once, never again. */
class ModelTokenTest {

    private static final Asset MT = Asset.of("MT-qwen", 18);
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final AccountId POOL = AccountId.of("protocol:pool:qwen");

    private final EvmTestChain.Fixture f = new EvmTestChain.Fixture();
    private final String flock = f.token(Asset.FLOCK, BigInteger.TEN.pow(27));
    private final String mt = f.modelToken(MT);
    private final String alice = f.account(ALICE);
    private final String bob = f.account(BOB);
    private final String pair = f.pool(POOL, flock, mt);

    private static TokenIntent mint(String id, AccountId to, String amount) {
        return TokenIntent.mint(IntentId.of(id), to, Amount.parse(MT, amount));
    }

    private final List<TokenIntent> graduation = List.of(mint("grad#4", ALICE, "600"),
            mint("grad#5", BOB, "300.000000000000000001"), mint("grad#6", POOL, "99.999999999999999999"));

    @Test
    void theGraduationMintsTheWholeAllocationInOneMintAndNothingElseEverMints() {
        EvmChainGateway g = f.gateway();
        assertFalse(f.chain.minted(mt));
        assertEquals(BigInteger.ZERO, f.chain.totalSupply(mt));
        InvalidStateException alone = assertThrows(InvalidStateException.class, () -> g.execute(graduation.get(0)));
        assertTrue(alone.getMessage().contains("executeAllocation"), alone.getMessage());

        List<IntentConfirmation> done = g.executeAllocation(graduation);
        assertEquals(3, done.size());
        String tx = done.get(0).reference();
        for (int i = 0; i < 3; i++) {
            assertEquals(IntentConfirmation.of(graduation.get(i).id(), IntentStatus.CONFIRMED, tx), done.get(i),
                    "one transaction mints the whole allocation");
            assertEquals(done.get(i), g.execute(graduation.get(i)), "each mint is confirmed, not executed again");
        }
        assertTrue(f.chain.minted(mt));
        assertEquals(new BigInteger("600000000000000000000"), f.chain.balanceOf(mt, alice));
        assertEquals(new BigInteger("300000000000000000001"), f.chain.balanceOf(mt, bob));
        assertEquals(new BigInteger("99999999999999999999"), f.chain.balanceOf(mt, pair));
        assertEquals(BigInteger.TEN.pow(21), f.chain.totalSupply(mt));
        assertEquals(Amount.of(MT, 1000), g.totalSupply(MT));
        assertTrue(f.chain.reserves(pair).contains(new BigInteger("99999999999999999999")), "the pool's mint is synced");

        // a restarted gateway over the same log finds the one transaction; nothing is minted again
        assertEquals(done, f.gateway().executeAllocation(graduation));
        assertEquals(BigInteger.TEN.pow(21), f.chain.totalSupply(mt));

        InvalidStateException again = assertThrows(InvalidStateException.class,
                () -> g.executeAllocation(List.of(mint("later#1", ALICE, "1"))));
        assertTrue(again.getMessage().contains("minted once already"), again.getMessage());
        InvalidStateException single = assertThrows(InvalidStateException.class,
                () -> g.execute(mint("later#2", BOB, "1")));
        assertTrue(single.getMessage().contains("no other mint"), single.getMessage());
        assertEquals(BigInteger.TEN.pow(21), f.chain.totalSupply(mt));
    }

    @Test
    void theTokenItselfRefusesASecondMintAndAnyMinterButTheSettlement() {
        f.gateway().executeAllocation(graduation);
        InvalidStateException direct = assertThrows(InvalidStateException.class, () -> send(mt,
                new Function("mintAllocation", List.of(addresses(alice), amounts(BigInteger.ONE)), List.of())));
        assertTrue(direct.getMessage().contains("NotSettlement"), direct.getMessage());
        // through the settlement, by its operator, with fresh intent ids: the token says no
        Bytes32 key = new Bytes32(org.web3j.crypto.Hash.sha3("fresh#1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Bytes32 hash = new Bytes32(org.web3j.crypto.Hash.sha3("anything".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        InvalidStateException second = assertThrows(InvalidStateException.class, () -> send(f.settlement,
                new Function("mintAllocation", List.of(new DynamicArray<>(Bytes32.class, List.of(key)),
                        new DynamicArray<>(Bytes32.class, List.of(hash)), new Address(mt), addresses(bob),
                        amounts(BigInteger.ONE)), List.of())));
        assertTrue(second.getMessage().contains("AlreadyMinted"), second.getMessage());
        assertEquals(BigInteger.TEN.pow(21), f.chain.totalSupply(mt));
    }

    @Test
    void anAllocationOfAnythingButModelTokenMintsIsRefusedBeforeSigning() {
        EvmChainGateway g = f.gateway();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> g.executeAllocation(List.of(
                TokenIntent.mint(IntentId.of("x#1"), ALICE, Amount.of(Asset.FLOCK, 1)))));
        assertTrue(e.getMessage().startsWith("mints = "), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> g.executeAllocation(List.of(graduation.get(0),
                graduation.get(0))));
        assertFalse(f.chain.minted(mt));
    }

    private void send(String to, Function fn) {
        synchronized (f.chain) {
            f.chain.rpc().transact(to, FunctionEncoder.encode(fn), BigInteger.valueOf(500_000));
        }
    }

    private static DynamicArray<Address> addresses(String... a) {
        return new DynamicArray<>(Address.class, java.util.Arrays.stream(a).map(Address::new).toList());
    }

    private static DynamicArray<Uint256> amounts(BigInteger... v) {
        return new DynamicArray<>(Uint256.class, java.util.Arrays.stream(v).map(Uint256::new).toList());
    }
}
