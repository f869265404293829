// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IUniswapV2PairMinimal} from "./IUniswapV2PairMinimal.sol";
import {ModelToken} from "./ModelToken.sol";

/// @notice Executes the FOMO engine's token intents, each at most once: every intent id is recorded on
/// chain with the hash of the intent, a reused id reverts, and each executed intent emits one event.
/// Only the operator (the engine's gateway key) may execute.
///
/// A mint releases tokens from this contract's own balance: every token's supply was minted once to it
/// (its unissued allocation), so "minting" never creates tokens. Pools are Uniswap v2 pairs: deposits are
/// transfers followed by sync(), and a pool pays out only through swap(), which enforces x*y=k.
contract FomoSettlement {
    using SafeERC20 for IERC20;

    /// @notice The only address that may execute intents and register pools.
    address public immutable operator;

    /// @notice intent key (keccak256 of the intent id) => keccak256 of the intent's canonical text.
    mapping(bytes32 => bytes32) public executed;

    /// @notice Uniswap v2 pairs the engine books as pool accounts.
    mapping(address => bool) public isPool;

    /// @notice One per executed intent.
    event IntentExecuted(bytes32 indexed intentKey, bytes32 intentHash, uint8 kind);

    error NotOperator(address caller);
    error IntentReused(bytes32 intentKey, bytes32 earlierHash);
    error ZeroIntentHash();
    error PoolPaysOnlyThroughSwaps(address pool);
    error NotAPool(address pair);
    error LengthMismatch(uint256 keys, uint256 hashes, uint256 recipients, uint256 amounts);

    uint8 internal constant MINT = 0;
    uint8 internal constant BURN = 1;
    uint8 internal constant TRANSFER = 2;
    uint8 internal constant ADD_LIQUIDITY = 3;
    uint8 internal constant SWAP = 4;

    constructor(address operator_) {
        operator = operator_;
    }

    modifier onlyOperator() {
        if (msg.sender != operator) {
            revert NotOperator(msg.sender);
        }
        _;
    }

    modifier once(bytes32 key, bytes32 intentHash, uint8 kind) {
        _record(key, intentHash);
        _;
        emit IntentExecuted(key, intentHash, kind);
    }

    function _record(bytes32 key, bytes32 intentHash) private {
        if (intentHash == bytes32(0)) {
            revert ZeroIntentHash();
        }
        bytes32 earlier = executed[key];
        if (earlier != bytes32(0)) {
            revert IntentReused(key, earlier);
        }
        executed[key] = intentHash;
    }

    /// @notice Books a Uniswap v2 pair as a pool account.
    function registerPool(address pair) external onlyOperator {
        isPool[pair] = true;
    }

    /// @notice MINT: releases `amount` of the token's unissued supply (held here) to `to`.
    function mint(bytes32 key, bytes32 intentHash, IERC20 token, address to, uint256 amount)
        external onlyOperator once(key, intentHash, MINT) {
        token.safeTransfer(to, amount);
        _syncIfPool(to);
    }

    /// @notice The MINT intents of a graduation, together: records every intent id (each once), mints the
    /// model token's whole allocation in one call (the token refuses a second one), syncs any pool recipient,
    /// and emits one event per intent.
    function mintAllocation(bytes32[] calldata keys, bytes32[] calldata intentHashes, ModelToken token,
                            address[] calldata recipients, uint256[] calldata amounts) external onlyOperator {
        if (keys.length != intentHashes.length || keys.length != recipients.length || keys.length != amounts.length) {
            revert LengthMismatch(keys.length, intentHashes.length, recipients.length, amounts.length);
        }
        for (uint256 i = 0; i < keys.length; i++) {
            _record(keys[i], intentHashes[i]);
        }
        token.mintAllocation(recipients, amounts);
        for (uint256 i = 0; i < keys.length; i++) {
            _syncIfPool(recipients[i]);
            emit IntentExecuted(keys[i], intentHashes[i], MINT);
        }
    }

    /// @notice BURN: destroys `amount` held by `from`.
    function burn(bytes32 key, bytes32 intentHash, ERC20Burnable token, address from, uint256 amount)
        external onlyOperator once(key, intentHash, BURN) {
        _notFromPool(from);
        token.burnFrom(from, amount);
    }

    /// @notice TRANSFER: moves `amount` from `from` to `to`.
    function transfer(bytes32 key, bytes32 intentHash, IERC20 token, address from, address to, uint256 amount)
        external onlyOperator once(key, intentHash, TRANSFER) {
        _notFromPool(from);
        token.safeTransferFrom(from, to, amount);
        _syncIfPool(to);
    }

    /// @notice ADD_LIQUIDITY: deposits both amounts from `from` into the pool; no LP shares are minted, so
    /// the liquidity is locked.
    function addLiquidity(bytes32 key, bytes32 intentHash, IERC20 first, IERC20 second, address from, address pool,
                          uint256 firstAmount, uint256 secondAmount)
        external onlyOperator once(key, intentHash, ADD_LIQUIDITY) {
        if (!isPool[pool]) {
            revert NotAPool(pool);
        }
        _notFromPool(from);
        first.safeTransferFrom(from, pool, firstAmount);
        second.safeTransferFrom(from, pool, secondAmount);
        IUniswapV2PairMinimal(pool).sync();
    }

    /// @notice SWAP: pays `amountIn` from the trader into the pool and asks the pool for `amountOut` of the
    /// other token; the pair reverts ("UniswapV2: K") if that is more than its invariant allows.
    function swap(bytes32 key, bytes32 intentHash, IERC20 tokenIn, address trader, address pool, uint256 amountIn,
                  uint256 amountOut)
        external onlyOperator once(key, intentHash, SWAP) {
        if (!isPool[pool]) {
            revert NotAPool(pool);
        }
        _notFromPool(trader);
        tokenIn.safeTransferFrom(trader, pool, amountIn);
        IUniswapV2PairMinimal pair = IUniswapV2PairMinimal(pool);
        if (pair.token0() == address(tokenIn)) {
            pair.swap(0, amountOut, trader, "");
        } else {
            pair.swap(amountOut, 0, trader, "");
        }
    }

    function _notFromPool(address from) private view {
        if (isPool[from]) {
            revert PoolPaysOnlyThroughSwaps(from);
        }
    }

    function _syncIfPool(address to) private {
        if (isPool[to]) {
            IUniswapV2PairMinimal(to).sync();
        }
    }
}
