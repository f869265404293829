package io.fomo.spi.contract;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.IntentId;
import io.fomo.spi.JournalEntry;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the SPI's value types, for the contract kit and for any module's properties. The
 * same generators back {@code @ForAll Asset}, {@code @ForAll Amount} and the id types through
 * {@link SpiArbitraryProvider}.
 */
public final class SpiArbitraries {

    /** Year 1 of the proleptic calendar: the earliest instant generated. */
    private static final long MIN_EPOCH_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    /** The last second of year 9999: the latest instant generated. */
    private static final long MAX_EPOCH_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private SpiArbitraries() {
    }

    /**
     * Assets with any valid symbol and 0 to 36 decimals; the SDK's named assets come up often.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Asset> assets() {
        Arbitrary<String> symbols = Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofLength(1),
                Arbitraries.strings().alpha().numeric().withChars('.', '_', '-').ofMaxLength(31))
                .as(String::concat);
        Arbitrary<Asset> any = Combinators.combine(symbols, Arbitraries.integers().between(0, Asset.MAX_DECIMALS))
                .as(Asset::of);
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(3, any),
                Tuple.of(1, Arbitraries.of(Asset.FLOCK, Asset.USDC, Asset.USD))));
    }

    /**
     * Amounts of any asset.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Amount> amounts() {
        return assets().flatMap(SpiArbitraries::amounts);
    }

    /**
     * Amounts of one asset: zero up to 10^15 whole tokens, at any unit.
     *
     * @param asset the asset
     * @return the arbitrary
     */
    public static Arbitrary<Amount> amounts(Asset asset) {
        return Arbitraries.bigIntegers()
                .between(BigInteger.ZERO, BigInteger.TEN.pow(asset.decimals() + 15))
                .map(units -> Amount.ofUnits(asset, units));
    }

    /**
     * Positive amounts of one asset with at most {@code maxUnits} base units: small enough that sums stay
     * readable, large enough that insufficient balances come up.
     *
     * @param asset    the asset
     * @param maxUnits the largest number of base units, 1 or more
     * @return the arbitrary
     */
    public static Arbitrary<Amount> positiveAmounts(Asset asset, long maxUnits) {
        return Arbitraries.longs().between(1, maxUnits).map(units -> Amount.ofUnits(asset, units));
    }

    /**
     * Account ids.
     *
     * @return the arbitrary
     */
    public static Arbitrary<AccountId> accountIds() {
        return idTexts().map(AccountId::of);
    }

    /**
     * Event ids.
     *
     * @return the arbitrary
     */
    public static Arbitrary<EventId> eventIds() {
        return idTexts().map(EventId::of);
    }

    /**
     * Intent ids.
     *
     * @return the arbitrary
     */
    public static Arbitrary<IntentId> intentIds() {
        return idTexts().map(IntentId::of);
    }

    /**
     * Instants from year 1 to year 9999, at any nanosecond.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(MIN_EPOCH_SECOND, MAX_EPOCH_SECOND),
                Arbitraries.integers().between(0, 999_999_999))
                .as((seconds, nanos) -> Instant.ofEpochSecond(seconds, nanos));
    }

    /**
     * Journal entries: short types, payloads of 0 to 64 arbitrary bytes, any timestamp.
     *
     * @return the arbitrary
     */
    public static Arbitrary<JournalEntry> journalEntries() {
        Arbitrary<String> types = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars('.', '_', '-').ofMinLength(1).ofMaxLength(24);
        Arbitrary<byte[]> payloads = Arbitraries.bytes().list().ofMaxSize(64).map(SpiArbitraries::toArray);
        return Combinators.combine(types, payloads, instants()).as(JournalEntry::of);
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = bytes.get(i);
        }
        return array;
    }

    /** Texts valid for every id type: printable, may hold inner spaces and non-ASCII letters. */
    private static Arbitrary<String> idTexts() {
        Arbitrary<String> edge = Arbitraries.strings().alpha().numeric().ofLength(1);
        Arbitrary<String> inner = Arbitraries.strings().alpha().numeric().withChars(" -_:.é€")
                .ofMaxLength(40);
        return Combinators.combine(edge, inner, edge).as((a, b, c) -> a + b + c);
    }
}
