/**
 * The exact FOMO protocol models: decimal policy and allocation maths, the launch layer, the
 * constant-product pool, revenue routing, emissions, rewards, staking, and the protocol engine.
 * Depends on {@code io.fomo.spi} and big-math only; exports API packages only.
 *
 * <p>big-math ships no module descriptor; it is required by its stable automatic module name.
 */
@SuppressWarnings("requires-automatic")
module io.fomo.core {
    requires transitive io.fomo.spi;
    requires ch.obermuhlner.math.big;

    exports io.fomo.core.math;
    exports io.fomo.core.engine;
    exports io.fomo.core.amm;
    exports io.fomo.core.launch;
    exports io.fomo.core.revenue;
    exports io.fomo.core.staking;
    exports io.fomo.core.emission;
    exports io.fomo.core.rewards;
}
