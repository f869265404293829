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
 * The behaviour every {@link ChainGateway} must have, on a chain like a real one, checked against a model
 * of the books: each intent moves exactly its amounts, only mints and burns change a supply, an intent id
 * is executed at most once, and an intent that takes more than an account holds changes nothing.
 *
 * <p>The chain described: accounts are addresses, so only registered accounts ({@link #ACCOUNTS}) can hold
 * or move anything; every asset's supply ({@link #SUPPLIES}) was created once, and a mint releases from
 * what is still unissued, never beyond it, even after burns; {@link #POOL} is a constant-product pool of
 * {@link #POOL_ASSETS} (Uniswap v2: {@link #POOL_FEE_BPS} bps, reserves = its balances) that pays out
 * only through swaps, and a swap must keep its fee-adjusted invariant
 * {@code (rIn·10000 + in·(10000 − fee))·(rOut − out) ≥ rIn·rOut·10000} with {@code out < rOut} and
 * {@code rIn > 0} (a Uniswap v2 pair asks each token's amount out to be below its reserve, zero included,
 * so a pool with an empty reserve of the input asset refuses every swap).
 *
 * <p>An intent beyond a balance, the unissued supply or the invariant may be refused by throwing
 * {@link InsufficientLiquidityException} (the id stays unused) or answered with a
 * {@link IntentStatus#REJECTED} confirmation (the id is used); the contract accepts either, and checks
 * that nothing changed. Breaking a rule of the chain (an unregistered account, a pool paying out other
 * than by a swap) is refused with {@link InvalidArgumentException}. An adapter's test class implements
 * {@link #newGateway()}.
 */
public interface ChainGatewayContract {

    /** The pool account. */
    AccountId POOL = AccountId.of("pool");

    /** The registered accounts: three holders and the pool. */
    List<AccountId> ACCOUNTS = List.of(AccountId.of("alice"), AccountId.of("bob"), AccountId.of("carol"), POOL);

    /** The assets on the chain: two of 18 decimals, one of 6. */
    List<Asset> ASSETS = List.of(Asset.FLOCK, Asset.USDC, Asset.modelToken(DeploymentId.of("llama")));

    /** Each asset's whole supply, created once: small enough that the scripts run into it. */
    List<Amount> SUPPLIES = List.of(Amount.of(Asset.FLOCK, 20_000), Amount.of(Asset.USDC, 20_000),
            Amount.of(Asset.modelToken(DeploymentId.of("llama")), 20_000));

    /** The pool's two assets. */
    List<Asset> POOL_ASSETS = List.of(Asset.FLOCK, Asset.modelToken(DeploymentId.of("llama")));

    /** The pool's swap fee in bps, Uniswap v2's. */
    int POOL_FEE_BPS = 30;

    /**
     * Returns a new chain on which nothing has happened; called once per try. On it, {@link #ACCOUNTS} are
     * registered, each of {@link #SUPPLIES} was created once and is wholly unissued, and {@link #POOL} is
     * a constant-product pool of {@link #POOL_ASSETS} with a fee of {@link #POOL_FEE_BPS} bps.
     *
     * @return the gateway under test
     */
    ChainGateway newGateway();

    /**
     * Sequences of up to 40 intents of every kind with distinct ids, mints more frequent than the rest
     * so that most other intents find something to move (and sometimes exhaust a supply); deposits and
     * swaps go into the pool, in its assets.
     *
     * @return the arbitrary
     */
    @Provide
    default Arbitrary<List<TokenIntent>> scripts() {
        Arbitrary<IntentId> ids = Arbitraries.integers().between(0, 999_999).map(n -> IntentId.of("i-" + n));
        List<AccountId> holders = ACCOUNTS.subList(0, 3);
        Arbitrary<AccountId> account = Arbitraries.of(ACCOUNTS);
        Arbitrary<AccountId> holder = Arbitraries.of(holders);
        // the pool pays out only through swaps: it is never the source of a burn, transfer or deposit
        Arbitrary<List<AccountId>> fromHolder = Combinators.combine(holder, account)
                .as(List::of).filter(p -> !p.get(0).equals(p.get(1)));
        Arbitrary<Amount> amount = Arbitraries.of(ASSETS).flatMap(a -> SpiArbitraries.positiveAmounts(a, 1_000));
        Arbitrary<List<Amount>> poolAmounts = Arbitraries.of(POOL_ASSETS).list().ofSize(2).uniqueElements()
                .flatMap(pair -> Combinators.combine(
                        SpiArbitraries.positiveAmounts(pair.get(0), 1_000),
                        SpiArbitraries.positiveAmounts(pair.get(1), 1_000)).as(List::of));
        Arbitrary<TokenIntent> mint = Combinators.combine(ids, account,
                Arbitraries.of(ASSETS).flatMap(a -> SpiArbitraries.positiveAmounts(a, 2_000))).as(TokenIntent::mint);
        Arbitrary<TokenIntent> burn = Combinators.combine(ids, holder, amount).as(TokenIntent::burn);
        Arbitrary<TokenIntent> transfer = Combinators.combine(ids, fromHolder, amount)
                .as((id, p, a) -> TokenIntent.transfer(id, p.get(0), p.get(1), a));
        Arbitrary<TokenIntent> addLiquidity = Combinators.combine(ids, holder, poolAmounts)
                .as((id, p, a) -> TokenIntent.addLiquidity(id, p, POOL, a.get(0), a.get(1)));
        Arbitrary<TokenIntent> swap = Combinators.combine(ids, holder, poolAmounts)
                .as((id, p, a) -> TokenIntent.swap(id, p, POOL, a.get(0), a.get(1)));
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
        BooksModel model = new BooksModel(ACCOUNTS, SUPPLIES, POOL, POOL_FEE_BPS);
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
        Map<IntentId, TokenIntent> byId = new HashMap<>();
        script.forEach(t -> byId.put(t.id(), t));
        for (IntentConfirmation c : confirmations) {
            TokenIntent impostor = TokenIntent.mint(c.intentId(), ACCOUNTS.get(0), Amount.ofUnits(Asset.USDC, 1));
            if (impostor.equals(byId.get(c.intentId()))) {
                impostor = TokenIntent.mint(c.intentId(), ACCOUNTS.get(1), Amount.ofUnits(Asset.USDC, 1));
            }
            TokenIntent reused = impostor;
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> gateway.execute(reused));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().startsWith("intentId = " + c.intentId()), e.getMessage());
            assertEquals(Optional.of(c), gateway.confirmation(c.intentId()));
        }
        assertEquals(books, snapshot(gateway));
    }

    /** Intents beyond a balance, of every kind that takes something, change nothing. */
    @Example
    default void everyKindOfIntentBeyondABalanceChangesNothing() {
        ChainGateway gateway = newGateway();
        AccountId alice = ACCOUNTS.get(0);
        Asset mt = POOL_ASSETS.get(1);
        Amount flock = Amount.of(Asset.FLOCK, 10);
        Amount mts = Amount.of(mt, 10);
        gateway.execute(TokenIntent.mint(IntentId.of("fund-1"), alice, flock));
        gateway.execute(TokenIntent.mint(IntentId.of("fund-2"), POOL, mts));
        Amount tooMuch = Amount.of(Asset.FLOCK, 11);
        List<TokenIntent> beyond = List.of(
                TokenIntent.burn(IntentId.of("x-1"), alice, tooMuch),
                TokenIntent.transfer(IntentId.of("x-2"), alice, POOL, tooMuch),
                TokenIntent.addLiquidity(IntentId.of("x-3"), alice, POOL, flock, Amount.of(mt, 1)),
                TokenIntent.swap(IntentId.of("x-4"), alice, POOL, flock, Amount.of(mt, 11)),
                TokenIntent.swap(IntentId.of("x-5"), alice, POOL, tooMuch, Amount.of(mt, 1)));
        for (TokenIntent intent : beyond) {
            assertNothingHappened(gateway, intent, snapshot(gateway));
        }
        assertEquals(flock, gateway.balanceOf(alice, Asset.FLOCK));
        assertEquals(mts, gateway.balanceOf(POOL, mt));
    }

    /** The supply is created once: mints stop at it, and burning does not make room for more. */
    @Example
    default void mintingBeyondTheSupplyCreatedOnceChangesNothing() {
        ChainGateway gateway = newGateway();
        AccountId bob = ACCOUNTS.get(1);
        Amount all = SUPPLIES.get(1);
        gateway.execute(TokenIntent.mint(IntentId.of("all"), bob, all));
        assertNothingHappened(gateway, TokenIntent.mint(IntentId.of("more"), bob, Amount.ofUnits(all.asset(), 1)),
                snapshot(gateway));
        gateway.execute(TokenIntent.burn(IntentId.of("burn"), bob, Amount.of(all.asset(), 5)));
        assertNothingHappened(gateway, TokenIntent.mint(IntentId.of("again"), bob, Amount.ofUnits(all.asset(), 1)),
                snapshot(gateway));
        assertEquals(all.minus(Amount.of(all.asset(), 5)), gateway.totalSupply(all.asset()));
    }

    /** A swap asking one base unit more than the invariant allows changes nothing; the fair one goes through. */
    @Example
    default void thePoolKeepsItsInvariant() {
        ChainGateway gateway = newGateway();
        AccountId carol = ACCOUNTS.get(2);
        Asset mt = POOL_ASSETS.get(1);
        gateway.execute(TokenIntent.mint(IntentId.of("pool-flock"), POOL, Amount.of(Asset.FLOCK, 1_000)));
        gateway.execute(TokenIntent.mint(IntentId.of("pool-mt"), POOL, Amount.of(mt, 1_000)));
        gateway.execute(TokenIntent.mint(IntentId.of("carol"), carol, Amount.of(Asset.FLOCK, 1)));
        // 1 FLOCK into 1,000 / 1,000 at 0.3%: 997·1000 / 1000997 MT = 0.996006981039903216..., rounded down
        Amount fair = Amount.parse(mt, "0.996006981039903216");
        assertNothingHappened(gateway, TokenIntent.swap(IntentId.of("greedy"), carol, POOL, Amount.of(Asset.FLOCK, 1),
                fair.plus(Amount.ofUnits(mt, 1))), snapshot(gateway));
        IntentConfirmation c = gateway.execute(TokenIntent.swap(IntentId.of("fair"), carol, POOL,
                Amount.of(Asset.FLOCK, 1), fair));
        assertEquals(IntentStatus.CONFIRMED, c.status());
        assertEquals(fair, gateway.balanceOf(carol, mt));
        assertEquals(Amount.of(Asset.FLOCK, 1_001), gateway.balanceOf(POOL, Asset.FLOCK));
    }

    /**
     * A swap into a pool whose reserve of the input asset is empty changes nothing, however small the
     * amount asked (the invariant alone would allow it: {@code rIn·rOut = 0}); once that reserve is funded
     * the same swap goes through. Uniswap v2 reverts it with {@code INSUFFICIENT_LIQUIDITY}.
     */
    @Example
    default void aPoolWithAnEmptyInputReserveRefusesEverySwap() {
        ChainGateway gateway = newGateway();
        AccountId alice = ACCOUNTS.get(0);
        Asset mt = POOL_ASSETS.get(1);
        gateway.execute(TokenIntent.mint(IntentId.of("pool-flock"), POOL, Amount.ofUnits(Asset.FLOCK, 4)));
        gateway.execute(TokenIntent.mint(IntentId.of("alice-mt"), alice, Amount.ofUnits(mt, 10)));
        assertNothingHappened(gateway, TokenIntent.swap(IntentId.of("into-empty"), alice, POOL,
                Amount.ofUnits(mt, 1), Amount.ofUnits(Asset.FLOCK, 1)), snapshot(gateway));
        gateway.execute(TokenIntent.mint(IntentId.of("pool-mt"), POOL, Amount.ofUnits(mt, 1)));
        // 4 FLOCK and 1 MT base units: (1·10000 + 1·9970)·(4 − 1) = 59910 ≥ 1·4·10000 = 40000
        IntentConfirmation c = gateway.execute(TokenIntent.swap(IntentId.of("into-funded"), alice, POOL,
                Amount.ofUnits(mt, 1), Amount.ofUnits(Asset.FLOCK, 1)));
        assertEquals(IntentStatus.CONFIRMED, c.status());
        assertEquals(Amount.ofUnits(Asset.FLOCK, 1), gateway.balanceOf(alice, Asset.FLOCK));
        assertEquals(Amount.ofUnits(mt, 2), gateway.balanceOf(POOL, mt));
    }

    /** A pool pays out only through swaps: a transfer or burn from it is refused. */
    @Example
    default void aPoolPaysOutOnlyThroughSwaps() {
        ChainGateway gateway = newGateway();
        gateway.execute(TokenIntent.mint(IntentId.of("pool"), POOL, Amount.of(Asset.FLOCK, 10)));
        Map<String, Amount> before = snapshot(gateway);
        for (TokenIntent out : List.of(
                TokenIntent.transfer(IntentId.of("steal"), POOL, ACCOUNTS.get(0), Amount.of(Asset.FLOCK, 1)),
                TokenIntent.burn(IntentId.of("burn"), POOL, Amount.of(Asset.FLOCK, 1)))) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> gateway.execute(out));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertEquals(Optional.empty(), gateway.confirmation(out.id()));
        }
        assertEquals(before, snapshot(gateway));
    }

    /** Accounts are addresses: an account the chain does not know cannot receive or send. */
    @Example
    default void anUnregisteredAccountIsRefused() {
        ChainGateway gateway = newGateway();
        AccountId mallory = AccountId.of("mallory");
        TokenIntent mint = TokenIntent.mint(IntentId.of("m"), mallory, Amount.of(Asset.FLOCK, 1));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> gateway.execute(mint));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals(Optional.empty(), gateway.confirmation(mint.id()));
        assertEquals(Amount.zero(Asset.FLOCK), gateway.balanceOf(mallory, Asset.FLOCK));
        assertEquals(Amount.zero(Asset.FLOCK), gateway.totalSupply(Asset.FLOCK));
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
