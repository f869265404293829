package io.fomo.spi;

import java.util.Objects;

/**
 * A token or currency: a symbol and the number of decimals every amount of it is exact at.
 *
 * <p>Two assets are equal when both symbol and decimals are equal. Symbols are 1 to 32 characters of
 * {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit; decimals range from 0 to 36.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Asset {

    /** The largest number of decimals an asset may have. */
    public static final int MAX_DECIMALS = 36;

    /** Decimals of every model token, per FOMO-SPEC §0 [DEFAULT]. */
    public static final int MODEL_TOKEN_DECIMALS = 18;

    /** The FLock network token: 18 decimals. */
    public static final Asset FLOCK = new Asset("FLOCK", 18);

    /** USD Coin: 6 decimals. */
    public static final Asset USDC = new Asset("USDC", 6);

    /** Fiat revenue, normalised to US dollar micro-units: 6 decimals. */
    public static final Asset USD = new Asset("USD", 6);

    private final String symbol;
    private final int decimals;

    private Asset(String symbol, int decimals) {
        this.symbol = symbol;
        this.decimals = decimals;
    }

    /**
     * Returns the asset with this symbol and number of decimals.
     *
     * @param symbol   the ticker, 1 to 32 characters of {@code A-Z a-z 0-9 . _ -}
     * @param decimals the scale of every amount, 0 to 36
     * @return the asset
     * @throws InvalidArgumentException if the symbol or decimals are out of range
     */
    public static Asset of(String symbol, int decimals) {
        Objects.requireNonNull(symbol, "symbol");
        if (!Ids.isSymbol(symbol, 32)) {
            throw InvalidArgumentException.of("symbol", quote(symbol),
                    "1 to 32 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw InvalidArgumentException.of("decimals", decimals, "must be between 0 and " + MAX_DECIMALS);
        }
        return new Asset(symbol, decimals);
    }

    /**
     * Returns the model token of one deployment: symbol {@code MT-<deployment>}, 18 decimals.
     *
     * @param deployment the deployment the token belongs to
     * @return the model token asset
     * @throws InvalidArgumentException if the deployment id does not fit in a symbol
     */
    public static Asset modelToken(DeploymentId deployment) {
        Objects.requireNonNull(deployment, "deployment");
        return of("MT-" + deployment.value(), MODEL_TOKEN_DECIMALS);
    }

    /**
     * Returns the ticker symbol.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Returns the number of decimals every amount of this asset is exact at.
     *
     * @return the decimals, 0 to 36
     */
    public int decimals() {
        return decimals;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Asset a && a.decimals == decimals && a.symbol.equals(symbol);
    }

    @Override
    public int hashCode() {
        return symbol.hashCode() * 37 + decimals;
    }

    /**
     * Returns the symbol.
     *
     * @return the symbol, as in {@code FLOCK}
     */
    @Override
    public String toString() {
        return symbol;
    }

    private static String quote(String s) {
        return '"' + s.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
