/**
 * Seeded market behaviours for simulations: traders whose daily decisions become engine commands
 * (docs/scenarios.md, "Trader behaviours").
 */
package io.fomo.examples.market;
