package io.fomo.core.rewards;

/** The three reward pools of a deployment (FOMO-SPEC §3.3). */
public enum PoolKind {
    /** The deployment's part of the global FLOCK emission, scored by the global factor. */
    GLOBAL_FLOCK,
    /** The per-MT FLOCK incentive, funded from the staking-incentive budget, stake-gated. */
    FLOCK_INCENTIVE,
    /** The per-MT token incentive, paid in the deployment's MT from its incentives allocation, stake-gated. */
    MT_INCENTIVE
}
