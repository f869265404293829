/**
 * Revenue: usage payments, the revenue router and its weights, inference pricing and discounts, buyback
 * budgets and their execution, and the burn ledger (FOMO-SPEC §3.1, §3.2). See docs/revenue-and-staking.md.
 */
package io.fomo.core.revenue;
