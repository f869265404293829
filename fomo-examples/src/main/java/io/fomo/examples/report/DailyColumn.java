package io.fomo.examples.report;

import io.fomo.spi.Amount;
import io.fomo.spi.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One column of the daily state, declared once in {@link DailyRow#COLUMNS} and read by every output: the
 * CSV (its {@code name}, exact value), the terminal table (its {@code heading}, cut to
 * {@code displayDecimals}) and the report's data (its {@code name}, cut to {@code displayDecimals}).
 *
 * <p>A value is an {@link Amount} (written at its asset's decimals), a {@link BigDecimal} (written at the
 * scale the row holds it at), an {@link Integer}, a {@link String}, or absent (an empty {@link Optional}:
 * an empty CSV cell, {@code -} in the table, {@code null} in the report).
 *
 * @param name            the CSV header and the report's key, {@code snake_case}
 * @param unit            the unit: {@code FLOCK}, {@code MT}, {@code USD}, {@code FLOCK/MT}, {@code share},
 *                        {@code count} or empty for labels
 * @param scope           how the column adds up over a platform's deployments
 * @param heading         the terminal table's heading, or empty when the table leaves the column out
 * @param displayDecimals the decimals of the table and the report (values cut, rounded DOWN)
 * @param value           reads the value from a row
 */
public record DailyColumn(String name, String unit, Scope scope, Optional<String> heading, int displayDecimals,
        Function<DailyRow, Object> value) {

    /** How a column adds up over the deployments of a platform, for the report's platform totals. */
    public enum Scope {
        /** A label of the row (day, deployment, state): no total. */
        KEY,
        /** A platform-wide value, the same in every deployment's row (the FLOCK price, FLOCK burns). */
        PLATFORM,
        /** A FLOCK, USD or count value of the deployment: the platform total is the sum. */
        SUM,
        /** A value in the deployment's own MT, or a ratio: no platform total. */
        DEPLOYMENT
    }

    /**
     * Checks the column.
     *
     * @param name            the CSV header and the report's key
     * @param unit            the unit
     * @param scope           how the column adds up
     * @param heading         the table's heading, or empty
     * @param displayDecimals 0 to 18
     * @param value           reads the value from a row
     * @throws InvalidArgumentException if the name is not snake_case or the decimals are out of range
     */
    public DailyColumn {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw InvalidArgumentException.of("name", '"' + name + '"', "must be snake_case");
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(heading, "heading");
        if (displayDecimals < 0 || displayDecimals > 18) {
            throw InvalidArgumentException.of("displayDecimals", displayDecimals, "must be from 0 to 18");
        }
        Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the column's value in a row, with an absent value as null.
     *
     * @param row the row
     * @return an Amount, BigDecimal, Integer or String, or null
     */
    public Object read(DailyRow row) {
        Object v = value.apply(Objects.requireNonNull(row, "row"));
        if (v instanceof Optional<?> o) {
            return o.orElse(null);
        }
        return v;
    }

    /**
     * Returns the exact value as the CSV writes it: amounts at their asset's decimals, decimals at the
     * row's scale, nothing for an absent value.
     *
     * @param row the row
     * @return the cell's text
     */
    public String csv(DailyRow row) {
        Object v = read(row);
        if (v == null) {
            return "";
        }
        if (v instanceof Amount a) {
            return a.value().setScale(a.asset().decimals()).toPlainString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    /**
     * Returns the number shown in the table and the report: the value cut (rounded DOWN) to
     * {@code displayDecimals}; shares are shown as percentages by the table, not here.
     *
     * @param row the row
     * @return the number, or empty for a label or an absent value
     */
    public Optional<BigDecimal> number(DailyRow row) {
        Object v = read(row);
        BigDecimal d;
        if (v instanceof Amount a) {
            d = a.value();
        } else if (v instanceof BigDecimal b) {
            d = b;
        } else if (v instanceof Integer i) {
            d = BigDecimal.valueOf(i);
        } else {
            return Optional.empty();
        }
        return Optional.of(d.setScale(displayDecimals, RoundingMode.DOWN));
    }
}
