package io.fomo.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.ChainGateway;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.InsufficientLiquidityException;
import io.fomo.spi.IntentConfirmation;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentStatus;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.TokenIntent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The behaviour every {@link ChainGateway} must have, checked against a model of the books: each intent
 * moves exactly its amounts, only mints and burns change a supply, an intent id is executed at most once,
 * and an intent that takes more than an account holds changes nothing.
 *
 * <p>An intent beyond a balance may be refused by throwing {@link InsufficientLiquidityException} (the
 * id stays unused) or answered with a {@link IntentStatus#REJECTED} confirmation (the id is used); the
 * contract accepts either, and checks that nothing changed. An adapter's test class implements
 * {@link #newGateway()}, returning a chain on which nothing has happened and which lets the contract
 * mint any of {@link #ASSETS}.
 */
public interface ChainGatewayContract {

    /** The accounts the contract moves tokens between. */
    List<AccountId> ACCOUNTS = List.of(AccountId.of("alice"), AccountId.of("bob"), AccountId.of("carol"),
            AccountId.of("pool"));

    /** The assets the contract mints: two of 18 decimals, one of 6. */
    List<Asset> ASSETS = List.of(Asset.FLOCK, Asset.USDC, Asset.modelToken(DeploymentId.of("llama")));

    /**
     * Returns a new chain on which nothing has happened; called once per try.
     *
     * @return the gateway under test
     */
    ChainGateway newGateway();

    /**
     * Sequences of up to 40 intents of every kind with distinct ids, mints more frequent than the rest
     * so that most other intents find something to move.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<List<TokenIntent>> scripts() {
        Arbitrary<IntentId> ids = Arbitraries.integers().between(0, 999_999).map(n -> IntentId.of("i-" + n));
        Arbitrary<AccountId> account = Arbitraries.of(ACCOUNTS);
        Arbitrary<List<AccountId>> twoAccounts = Arbitraries.of(ACCOUNTS).list().ofSize(2).uniqueElements();
        Arbitrary<Amount> amount = Arbitraries.of(ASSETS).flatMap(a -> SpiArbitraries.positiveAmounts(a, 1_000));
        Arbitrary<List<Amount>> twoAmounts = Arbitraries.of(ASSETS).list().ofSize(2).uniqueElements()
                .flatMap(pair -> Combinators.combine(
                        SpiArbitraries.positiveAmounts(pair.get(0), 1_000),
                        SpiArbitraries.positiveAmounts(pair.get(1), 1_000)).as(List::of));
        Arbitrary<TokenIntent> mint = Combinators.combine(ids, account,
                Arbitraries.of(ASSETS).flatMap(a -> SpiArbitraries.positiveAmounts(a, 2_000))).as(TokenIntent::mint);
        Arbitrary<TokenIntent> burn = Combinators.combine(ids, account, amount).as(TokenIntent::burn);
        Arbitrary<TokenIntent> transfer = Combinators.combine(ids, twoAccounts, amount)
                .as((id, p, a) -> TokenIntent.transfer(id, p.get(0), p.get(1), a));
        Arbitrary<TokenIntent> addLiquidity = Combinators.combine(ids, twoAccounts, twoAmounts)
                .as((id, p, a) -> TokenIntent.addLiquidity(id, p.get(0), p.get(1), a.get(0), a.get(1)));
        Arbitrary<TokenIntent> swap = Combinators.combine(ids, twoAccounts, twoAmounts)
                .as((id, p, a) -> TokenIntent.swap(id, p.get(0), p.get(1), a.get(0), a.get(1)));
        return Arbitraries.frequencyOf(List.of(
                        Tuple.of(4, mint), Tuple.of(2, burn), Tuple.of(3, transfer),
                        Tuple.of(1, addLiquidity), Tuple.of(2, swap)))
                .list().ofMaxSize(40).uniqueElements(TokenIntent::id);
    }

    /**
     * After every intent the books equal the model's; an intent beyond a balance changes nothing; the
     * balances of an asset always add up to its supply.
     */
    @Property
    default void theBooksFollowTheIntentsExactly(@ForAll("scripts") List<TokenIntent> script) {
        ChainGateway gateway = newGateway();
        BooksModel model = new BooksModel(ACCOUNTS, ASSETS);
        for (TokenIntent intent : script) {
            Map<String, Amount> before = snapshot(gateway);
            if (model.apply(intent)) {
                IntentConfirmation c = gateway.execute(intent);
                assertEquals(intent.id(), c.intentId());
                assertEquals(IntentStatus.CONFIRMED, c.status(), intent::toString);
                assertEquals(Optional.of(c), gateway.confirmation(intent.id()));
            } else {
                assertNothingHappened(gateway, intent, before);
            }
            assertEquals(model.snapshot(), snapshot(gateway), intent::toString);
        }
        for (Asset asset : ASSETS) {
            Amount sum = Amount.zero(asset);
            for (AccountId account : ACCOUNTS) {
                sum = sum.plus(gateway.balanceOf(account, asset));
            }
            assertEquals(gateway.totalSupply(asset), sum, "balances add up to the supply of " + asset);
        }
    }

    /** Executing an executed intent again returns the same confirmation and changes nothing. */
    @Property
    default void aRetriedIntentIsExecutedOnce(@ForAll("scripts") List<TokenIntent> script) {
        ChainGateway gateway = newGateway();
        Map<IntentId, IntentConfirmation> confirmed = new LinkedHashMap<>();
        for (TokenIntent intent : script) {
            executeIfPossible(gateway, intent).ifPresent(c -> confirmed.put(intent.id(), c));
        }
        Map<String, Amount> books = snapshot(gateway);
        List<TokenIntent> retries = new ArrayList<>(script);
        java.util.Collections.reverse(retries);
        for (TokenIntent intent : retries) {
            IntentConfirmation first = confirmed.get(intent.id());
            if (first != null) {
                TokenIntent equal = rebuilt(intent);
                assertEquals(first, gateway.execute(equal));
                assertEquals(Optional.of(first), gateway.confirmation(intent.id()));
            }
        }
        assertEquals(books, snapshot(gateway), "retries change nothing");
    }

    /** Reusing an executed intent's id for a different intent is rejected and changes nothing. */
    @Property
    default void anIdReusedForADifferentIntentIsRejected(@ForAll("scripts") List<TokenIntent> script) {
        ChainGateway gateway = newGateway();
        List<IntentConfirmation> confirmations = new ArrayList<>();
        for (TokenIntent intent : script) {
            executeIfPossible(gateway, intent).ifPresent(confirmations::add);
        }
        Map<String, Amount> books = snapshot(gateway);
        for (IntentConfirmation c : confirmations) {
            TokenIntent impostor = TokenIntent.mint(c.intentId(), AccountId.of("mallory"), Amount.of(Asset.FLOCK, 1));
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> gateway.execute(impostor));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().startsWith("intentId = " + c.intentId()), e.getMessage());
            assertEquals(Optional.of(c), gateway.confirmation(c.intentId()));
        }
        assertEquals(books, snapshot(gateway));
        assertEquals(Amount.zero(Asset.FLOCK), gateway.balanceOf(AccountId.of("mallory"), Asset.FLOCK));
    }

    /** Intents beyond a balance, of every kind that takes something, change nothing. */
    @Example
    default void everyKindOfIntentBeyondABalanceChangesNothing() {
        ChainGateway gateway = newGateway();
        AccountId alice = ACCOUNTS.get(0);
        AccountId pool = ACCOUNTS.get(3);
        Amount flock = Amount.of(Asset.FLOCK, 10);
        Amount usdc = Amount.of(Asset.USDC, 10);
        gateway.execute(TokenIntent.mint(IntentId.of("fund-1"), alice, flock));
        gateway.execute(TokenIntent.mint(IntentId.of("fund-2"), pool, usdc));
        Amount tooMuch = Amount.of(Asset.FLOCK, 11);
        List<TokenIntent> beyond = List.of(
                TokenIntent.burn(IntentId.of("x-1"), alice, tooMuch),
                TokenIntent.transfer(IntentId.of("x-2"), alice, pool, tooMuch),
                TokenIntent.addLiquidity(IntentId.of("x-3"), alice, pool, flock, Amount.of(Asset.USDC, 1)),
                TokenIntent.swap(IntentId.of("x-4"), alice, pool, flock, Amount.of(Asset.USDC, 11)),
                TokenIntent.swap(IntentId.of("x-5"), alice, pool, tooMuch, usdc));
        for (TokenIntent intent : beyond) {
            assertNothingHappened(gateway, intent, snapshot(gateway));
        }
        assertEquals(flock, gateway.balanceOf(alice, Asset.FLOCK));
        assertEquals(usdc, gateway.balanceOf(pool, Asset.USDC));
    }

    /** A refused intent leaves its id unused: once the balance is there, the same intent goes through. */
    @Example
    default void aRefusedIntentCanBeExecutedLaterOrStaysRejected() {
        ChainGateway gateway = newGateway();
        AccountId bob = ACCOUNTS.get(1);
        TokenIntent burn = TokenIntent.burn(IntentId.of("burn"), bob, Amount.of(Asset.USDC, 5));
        Optional<IntentConfirmation> first = Optional.empty();
        try {
            first = Optional.of(gateway.execute(burn));
        } catch (InsufficientLiquidityException refused) {
            assertEquals(ErrorCode.INSUFFICIENT_LIQUIDITY, refused.code());
        }
        gateway.execute(TokenIntent.mint(IntentId.of("mint"), bob, Amount.of(Asset.USDC, 5)));
        IntentConfirmation later = gateway.execute(burn);
        if (first.isPresent()) {
            assertEquals(IntentStatus.REJECTED, first.get().status());
            assertEquals(first.get(), later, "a rejected intent stays rejected");
            assertEquals(Amount.of(Asset.USDC, 5), gateway.balanceOf(bob, Asset.USDC));
        } else {
            assertEquals(IntentStatus.CONFIRMED, later.status());
            assertEquals(Amount.zero(Asset.USDC), gateway.balanceOf(bob, Asset.USDC));
            assertEquals(Amount.zero(Asset.USDC), gateway.totalSupply(Asset.USDC));
        }
    }

    /** Accounts and assets the chain has not seen hold nothing. */
    @Example
    default void unseenAccountsAndAssetsAreZero() {
        ChainGateway gateway = newGateway();
        Asset unseen = Asset.of("NEVER", 3);
        assertEquals(Amount.zero(unseen), gateway.totalSupply(unseen));
        assertEquals(Amount.zero(unseen), gateway.balanceOf(ACCOUNTS.get(0), unseen));
        assertEquals(Optional.empty(), gateway.confirmation(IntentId.of("never")));
    }

    /** Many callers executing the same intent at once all get one confirmation; it takes effect once. */
    @Example
    default void concurrentRetriesExecuteOnce() throws Exception {
        ChainGateway gateway = newGateway();
        TokenIntent mint = TokenIntent.mint(IntentId.of("once"), ACCOUNTS.get(2), Amount.of(Asset.FLOCK, 7));
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<IntentConfirmation> answers = new ArrayList<>();
        try {
            List<Future<IntentConfirmation>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<IntentConfirmation> call = () -> {
                    start.await();
                    return gateway.execute(mint);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<IntentConfirmation> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, answers.stream().distinct().count(), "one confirmation for all");
        assertEquals(Amount.of(Asset.FLOCK, 7), gateway.balanceOf(ACCOUNTS.get(2), Asset.FLOCK));
        assertEquals(Amount.of(Asset.FLOCK, 7), gateway.totalSupply(Asset.FLOCK));
    }

    // ---------------------------------------------------------------- helpers

    private static Optional<IntentConfirmation> executeIfPossible(ChainGateway gateway, TokenIntent intent) {
        try {
            return Optional.of(gateway.execute(intent));
        } catch (InsufficientLiquidityException refused) {
            return Optional.empty();
        }
    }

    private static void assertNothingHappened(ChainGateway gateway, TokenIntent intent, Map<String, Amount> before) {
        try {
            IntentConfirmation c = gateway.execute(intent);
            assertEquals(IntentStatus.REJECTED, c.status(), () -> intent + " takes more than an account holds");
            assertEquals(Optional.of(c), gateway.confirmation(intent.id()));
        } catch (InsufficientLiquidityException refused) {
            assertEquals(ErrorCode.INSUFFICIENT_LIQUIDITY, refused.code());
            assertEquals(Optional.empty(), gateway.confirmation(intent.id()), "a refused intent is not recorded");
        }
        assertEquals(before, snapshot(gateway), () -> intent + " changed the books");
    }

    /** An intent equal to the given one, built afresh (a retry after a restart has no shared objects). */
    private static TokenIntent rebuilt(TokenIntent t) {
        IntentId id = IntentId.of(t.id().value());
        return switch (t.kind()) {
            case MINT -> TokenIntent.mint(id, t.to().orElseThrow(), t.amount());
            case BURN -> TokenIntent.burn(id, t.from().orElseThrow(), t.amount());
            case TRANSFER -> TokenIntent.transfer(id, t.from().orElseThrow(), t.to().orElseThrow(), t.amount());
            case ADD_LIQUIDITY -> TokenIntent.addLiquidity(id, t.from().orElseThrow(), t.to().orElseThrow(),
                    t.amount(), t.secondAmount().orElseThrow());
            case SWAP -> TokenIntent.swap(id, t.from().orElseThrow(), t.to().orElseThrow(),
                    t.amount(), t.secondAmount().orElseThrow());
        };
    }

    private static Map<String, Amount> snapshot(ChainGateway gateway) {
        Map<String, Amount> books = new LinkedHashMap<>();
        for (Asset asset : ASSETS) {
            books.put("supply " + asset, gateway.totalSupply(asset));
            for (AccountId account : ACCOUNTS) {
                books.put(account + " " + asset, gateway.balanceOf(account, asset));
            }
        }
        return books;
    }
}
