/**
 * Staking: MT stake positions per user and deployment with epoch snapshots, and gmFLOCK locks
 * (FOMO-SPEC §3.4 stake, §3.5).
 */
package io.fomo.core.staking;
