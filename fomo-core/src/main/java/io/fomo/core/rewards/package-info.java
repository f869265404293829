/**
 * Reward scoring and epoch distribution (FOMO-SPEC §3.3, §3.4): staking factors, the gmFLOCK
 * multiplier, the usage gate, the split across deployments, the three per-deployment pools, payouts with
 * dust carried, and claimable balances.
 */
package io.fomo.core.rewards;
