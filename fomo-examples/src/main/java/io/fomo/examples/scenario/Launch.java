package io.fomo.examples.scenario;

import io.fomo.core.launch.LaunchParameters;
import io.fomo.core.revenue.InferencePricing;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.InvalidArgumentException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One launch of a scenario, parsed straight into the core's types: the engine's {@link LaunchParameters}
 * and {@link InferencePricing}, with what the simulation adds around them (who opens it and when, its
 * first buy, its supporters, users and stakers, and its hard costs).
 *
 * <p>Days inside a launch count from its {@code startDay}: a supporter buy on day 2 of a launch that starts
 * on day 30 happens on simulated day 32. Usage days count from the day the deployment goes live.
 *
 * @param path            the launch object's JSON path in the scenario file ({@code $.launch} for the
 *                        single-launch form, {@code $.launches[i].launch} for a platform), for located errors
 * @param deployment      the deployment launched; its MT is {@code MT-<deployment>}
 * @param issuer          the issuer: pays the launch fee and the first buy, receives the issuer yield
 * @param startDay        the simulated day the launch opens, not negative
 * @param parameters      the engine's launch parameters
 * @param pricing         the engine's inference pricing (discount tiers staked in this deployment's MT)
 * @param firstBuy        the issuer's first buy, gross FLOCK (zero for none)
 * @param supporters      the supporters of the raise
 * @param users           the synthetic usage model, if any
 * @param stakers         the MT stakes, in file order (days counted from {@code startDay})
 * @param hardCostsPerDay hard operating costs paid from each day's revenue once graduated, USD
 * @param usageLog        a real usage log instead of synthetic users, if any
 * @param traders         the secondary-market behaviours on the launch's pool, if any
 */
public record Launch(String path, DeploymentId deployment, AccountId issuer, int startDay,
        LaunchParameters parameters, InferencePricing pricing, Amount firstBuy, Supporters supporters,
        Optional<UsageModel> users, List<StakeAction> stakers, Amount hardCostsPerDay,
        Optional<UsageLogSettings> usageLog, Optional<Traders> traders) {

    /**
     * Checks the launch.
     *
     * @param path            the launch object's JSON path in the scenario file
     * @param deployment      the deployment launched
     * @param issuer          the issuer
     * @param startDay        the simulated day the launch opens, not negative
     * @param parameters      the engine's launch parameters, whose MT is the deployment's
     * @param pricing         the engine's inference pricing
     * @param firstBuy        the issuer's first buy, FLOCK (zero for none)
     * @param supporters      the supporters of the raise
     * @param users           the synthetic usage model, if any
     * @param stakers         the MT stakes
     * @param hardCostsPerDay hard operating costs per day, USD
     * @param usageLog        a real usage log, if any (not together with users)
     * @param traders         the secondary-market behaviours, if any
     * @throws InvalidArgumentException if a value is out of range or the assets do not fit
     */
    public Launch {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(issuer, "issuer");
        if (startDay < 0) {
            throw InvalidArgumentException.of("startDay", startDay, "must not be negative");
        }
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.mtAsset().equals(Asset.modelToken(deployment))) {
            throw InvalidArgumentException.of("parameters.mtAsset", parameters.mtAsset(),
                    "must be the deployment's model token " + Asset.modelToken(deployment));
        }
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(firstBuy, "firstBuy");
        if (!firstBuy.asset().equals(Asset.FLOCK)) {
            throw InvalidArgumentException.of("firstBuy", firstBuy, "must be FLOCK");
        }
        Objects.requireNonNull(supporters, "supporters");
        Objects.requireNonNull(users, "users");
        stakers = List.copyOf(stakers);
        Objects.requireNonNull(hardCostsPerDay, "hardCostsPerDay");
        if (!hardCostsPerDay.asset().equals(Asset.USD)) {
            throw InvalidArgumentException.of("hardCostsPerDay", hardCostsPerDay, "must be USD");
        }
        Objects.requireNonNull(usageLog, "usageLog");
        if (users.isPresent() && usageLog.isPresent()) {
            throw InvalidArgumentException.of("usageLog", usageLog.get().file(), "a launch has users or a log, not both");
        }
        Objects.requireNonNull(traders, "traders");
    }

    /**
     * Returns the deployment's model token, the asset of every MT amount of the launch.
     *
     * @return the MT asset
     */
    public Asset mtAsset() {
        return parameters.mtAsset();
    }

    /**
     * Returns the JSON path of a field of this launch object, for located errors.
     *
     * @param field a field of the launch object, such as {@code minTarget}
     * @return the JSON path, such as {@code $.launches[1].launch.minTarget}
     */
    public String path(String field) {
        return path + "." + Objects.requireNonNull(field, "field");
    }
}
