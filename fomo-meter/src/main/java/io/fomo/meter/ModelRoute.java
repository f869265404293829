package io.fomo.meter;

import io.fomo.spi.DeploymentId;
import java.util.Objects;

/**
 * Where a model's calls go: the deployment whose Model Token they count for, and their price.
 *
 * @param key        the model id or model group the map entry is keyed by
 * @param deployment the deployment
 * @param price      the price
 */
public record ModelRoute(String key, DeploymentId deployment, ModelPrice price) {

    /**
     * Checks the components are present.
     *
     * @param key        the model id or model group
     * @param deployment the deployment
     * @param price      the price
     */
    public ModelRoute {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(price, "price");
    }
}
