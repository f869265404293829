// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @notice The part of the Uniswap v2 pair the settlement calls (the pair itself is deployed unmodified
/// from the v2-core 1.0.1 npm build).
interface IUniswapV2PairMinimal {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
    function sync() external;
}
