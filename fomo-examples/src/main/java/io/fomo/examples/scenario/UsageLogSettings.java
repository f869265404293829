package io.fomo.examples.scenario;

import io.fomo.meter.ModelMap;
import io.fomo.meter.UsageFormat;
import io.fomo.spi.AccountId;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario's usage taken from a real usage log instead of synthetic users ({@code "usageLog"} in the
 * scenario, docs/usage.md): the log's first UTC day is the deployment's first live day, each record keeps its
 * time of day, and every call is billed through the meter under {@code usage:<requestId>}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class UsageLogSettings {

    private final Path file;
    private final UsageFormat format;
    private final ModelMap models;
    private final AccountId defaultUser;

    /**
     * Creates the settings.
     *
     * @param file        the log file
     * @param format      its format, or null to recognise it from the first record
     * @param models      the model map; every route names the scenario's deployment
     * @param defaultUser the user of records that name none
     */
    public UsageLogSettings(Path file, UsageFormat format, ModelMap models, AccountId defaultUser) {
        this.file = Objects.requireNonNull(file, "file");
        this.format = format;
        this.models = Objects.requireNonNull(models, "models");
        this.defaultUser = Objects.requireNonNull(defaultUser, "defaultUser");
    }

    /**
     * Returns the log file.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the log's format when the scenario names it.
     *
     * @return the format, empty to recognise it from the first record
     */
    public Optional<UsageFormat> format() {
        return Optional.ofNullable(format);
    }

    /**
     * Returns the model map.
     *
     * @return the map
     */
    public ModelMap models() {
        return models;
    }

    /**
     * Returns the user of records that name none.
     *
     * @return the account
     */
    public AccountId defaultUser() {
        return defaultUser;
    }
}
