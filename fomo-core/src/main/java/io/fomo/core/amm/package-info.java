/**
 * The constant-product pool (Uniswap v2 semantics in integer base units): initial locked liquidity,
 * exact-in and exact-out quotes and swaps, spot price and price impact.
 */
package io.fomo.core.amm;
