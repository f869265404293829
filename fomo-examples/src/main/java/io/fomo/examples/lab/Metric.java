package io.fomo.examples.lab;

/**
 * The key metrics of a day that Monte Carlo runs and sweeps record, declared once: each names its CSV
 * column, its label and unit in the report, and its scale (the fixed number of decimals it is written
 * with; every value is exact at that scale, so writing it never rounds). The order of the constants is the
 * order of the columns.
 */
public enum Metric {

    /** The day's FLOCK price. */
    FLOCK_USD("flock_usd", "FLOCK price", "USD per FLOCK", 8),
    /** Net FLOCK raised by the launch (what reached the curve, less refunds). */
    RAISED_FLOCK("raised_flock", "Raised", "FLOCK", 18),
    /** The pool's spot price, FLOCK reserve / MT reserve rounded DOWN; absent before the pool exists. */
    POOL_PRICE("pool_price_flock_per_mt", "Pool price", "FLOCK per MT", 18),
    /** The pool's FLOCK reserve (its depth); absent before the pool exists. */
    POOL_FLOCK("pool_flock", "Pool depth (FLOCK reserve)", "FLOCK", 18),
    /** The pool's MT reserve; absent before the pool exists. */
    POOL_MT("pool_mt", "Pool MT reserve", "MT", 18),
    /** The day's gross inference revenue. */
    REVENUE_GROSS_USD("revenue_gross_usd", "Revenue, gross", "USD per day", 6),
    /** The day's revenue after hard costs. */
    REVENUE_NET_USD("revenue_net_usd", "Revenue, net of hard costs", "USD per day", 6),
    /** USD spent on MT and FLOCK buybacks that day. */
    BUYBACK_USD("buyback_usd", "Buybacks", "USD per day", 6),
    /** FLOCK emission paid to users and stakers that day. */
    FLOCK_EMITTED("flock_emitted", "FLOCK emitted", "FLOCK per day", 18),
    /** FLOCK emission paid since day 0. */
    FLOCK_EMITTED_TOTAL("flock_emitted_total", "FLOCK emitted, total", "FLOCK", 18),
    /** FLOCK bought back and burned that day. */
    FLOCK_BURNED("flock_burned", "FLOCK burned", "FLOCK per day", 18),
    /** FLOCK burned since day 0. */
    FLOCK_BURNED_TOTAL("flock_burned_total", "FLOCK burned, total", "FLOCK", 18),
    /** MT in existence (0 before graduation). */
    MT_SUPPLY("mt_supply", "MT supply", "MT", 18),
    /** MT burned since day 0. */
    MT_BURNED_TOTAL("mt_burned_total", "MT burned, total", "MT", 18),
    /** MT staked at the end of the day. */
    STAKED_MT("staked_mt", "MT staked", "MT", 18),
    /** Users who paid for inference that day. */
    ACTIVE_USERS("active_users", "Active users", "users", 0),
    /** The treasury's revenue share since day 0. */
    TREASURY_USD_TOTAL("treasury_usd_total", "Treasury, total", "USD", 6),
    /** The issuer's revenue share since day 0. */
    ISSUER_YIELD_USD_TOTAL("issuer_yield_usd_total", "Issuer yield, total", "USD", 6),
    /** Share of all FLOCK rewards so far held by the ten largest earners, rounded DOWN. */
    TOP10_REWARD_SHARE("top10_reward_share", "Top-10 share of rewards", "share", 6);

    private final String column;
    private final String label;
    private final String unit;
    private final int scale;

    Metric(String column, String label, String unit, int scale) {
        this.column = column;
        this.label = label;
        this.unit = unit;
        this.scale = scale;
    }

    /**
     * Returns the CSV column's name.
     *
     * @return snake_case, unique among the metrics
     */
    public String column() {
        return column;
    }

    /**
     * Returns the label in the report.
     *
     * @return a short title
     */
    public String label() {
        return label;
    }

    /**
     * Returns the unit in the report.
     *
     * @return the unit, such as {@code FLOCK} or {@code USD per day}
     */
    public String unit() {
        return unit;
    }

    /**
     * Returns the number of decimals every value of this metric has.
     *
     * @return 0 to 18
     */
    public int scale() {
        return scale;
    }
}
