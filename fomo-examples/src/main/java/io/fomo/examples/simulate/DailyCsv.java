package io.fomo.examples.simulate;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily state as CSV: a header row, then one row per day; {@code \n} line endings, UTF-8, no
 * quoting (no field can hold a comma). Every number is a plain decimal at a fixed scale: amounts at
 * their asset's decimals (FLOCK and MT 18, USD 6), the FLOCK price at {@value FlockPricePath#SCALE}, the
 * pool price at {@value DailyRow#PRICE_SCALE}, the top-10 share at {@value DailyRow#SHARE_SCALE}. The
 * pool columns are empty before the pool exists. The same rows always give the same bytes.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DailyCsv {

    /** The header row, which names each column and its unit. */
    public static final String HEADER = "day,state,flock_usd,raised_flock,mt_supply,mt_burned,mt_burned_total,"
            + "flock_burned,flock_burned_total,pool_flock,pool_mt,pool_price_flock_per_mt,revenue_gross_usd,"
            + "revenue_net_usd,buyback_usd,emission_scheduled_flock,emission_paid_flock,emission_returned_flock,"
            + "treasury_usd_total,issuer_yield_usd_total,active_users,staked_mt,top10_reward_share,rejected_actions";

    private DailyCsv() {
    }

    /**
     * Formats rows.
     *
     * @param rows the rows, days strictly increasing
     * @return the CSV text, ending with a newline
     * @throws InvalidArgumentException if the days do not strictly increase
     */
    public static String format(List<DailyRow> rows) {
        Objects.requireNonNull(rows, "rows");
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        int previous = -1;
        for (DailyRow r : rows) {
            if (r.day() <= previous) {
                throw InvalidArgumentException.of("rows", "day " + r.day(), "days must strictly increase (after day "
                        + previous + ")");
            }
            previous = r.day();
            b.append(r.day()).append(',')
                    .append(r.state()).append(',')
                    .append(r.flockUsd().toPlainString()).append(',')
                    .append(plain(r.raised())).append(',')
                    .append(plain(r.mtSupply())).append(',')
                    .append(plain(r.mtBurned())).append(',')
                    .append(plain(r.mtBurnedTotal())).append(',')
                    .append(plain(r.flockBurned())).append(',')
                    .append(plain(r.flockBurnedTotal())).append(',')
                    .append(optional(r.poolFlock())).append(',')
                    .append(optional(r.poolMt())).append(',')
                    .append(r.poolPrice().map(BigDecimal::toPlainString).orElse("")).append(',')
                    .append(plain(r.revenueGross())).append(',')
                    .append(plain(r.revenueNet())).append(',')
                    .append(plain(r.buybackSpent())).append(',')
                    .append(plain(r.emissionScheduled())).append(',')
                    .append(plain(r.emissionPaid())).append(',')
                    .append(plain(r.emissionReturned())).append(',')
                    .append(plain(r.treasuryTotal())).append(',')
                    .append(plain(r.issuerYieldTotal())).append(',')
                    .append(r.activeUsers()).append(',')
                    .append(plain(r.stakedMt())).append(',')
                    .append(r.top10RewardShare().toPlainString()).append(',')
                    .append(r.rejectedActions()).append('\n');
        }
        return b.toString();
    }

    /**
     * Writes rows to a file, replacing it.
     *
     * @param file the file
     * @param rows the rows
     * @throws IOException if the file cannot be written
     * @throws InvalidArgumentException if the days do not strictly increase
     */
    public static void write(Path file, List<DailyRow> rows) throws IOException {
        Files.write(file, format(rows).getBytes(StandardCharsets.UTF_8));
    }

    private static String plain(Amount a) {
        return a.value().setScale(a.asset().decimals()).toPlainString();
    }

    private static String optional(Optional<Amount> a) {
        return a.map(DailyCsv::plain).orElse("");
    }
}
