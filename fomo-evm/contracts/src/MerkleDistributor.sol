// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @notice Pays cumulative claims against Merkle roots in OpenZeppelin StandardMerkleTree form, one tree
/// per token, leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount)))). Each
/// account is paid what its cumulative amount exceeds what it was already paid of that token, so a claim
/// pays exactly once and a later root pays only the increase.
///
/// The distributor holds the tokens it pays: FOMO's engine books them in its rewards account, which a
/// chain deployment maps to this contract's address, so every epoch close funds it with exactly what the
/// engine reserved for claims.
contract MerkleDistributor {
    using SafeERC20 for IERC20;

    /// @notice The only address that may publish roots.
    address public immutable publisher;
    /// @notice token => the latest published root.
    mapping(IERC20 => bytes32) public root;
    /// @notice token => the epoch of the latest published root.
    mapping(IERC20 => uint256) public epoch;
    /// @notice token => account => the cumulative amount already paid.
    mapping(IERC20 => mapping(address => uint256)) public claimed;
    /// @notice token => everything paid so far.
    mapping(IERC20 => uint256) public totalPaid;

    event RootPublished(IERC20 indexed token, uint256 indexed epoch, bytes32 root);
    event Claimed(IERC20 indexed token, address indexed account, uint256 cumulativeAmount, uint256 paid);

    error NotPublisher(address caller);
    error EpochNotAfter(uint256 epoch, uint256 latest);
    error InvalidProof(address account, uint256 cumulativeAmount);
    error NothingToClaim(address account, uint256 cumulativeAmount, uint256 alreadyPaid);

    constructor(address publisher_) {
        publisher = publisher_;
    }

    /// @notice Publishes the cumulative root of a token at an epoch close; epochs only move forward, so a
    /// resent publication of the same epoch reverts instead of replacing a later root.
    function publish(IERC20 token, uint256 epoch_, bytes32 root_) external {
        if (msg.sender != publisher) {
            revert NotPublisher(msg.sender);
        }
        uint256 latest = epoch[token];
        if (root[token] != bytes32(0) && epoch_ <= latest) {
            revert EpochNotAfter(epoch_, latest);
        }
        epoch[token] = epoch_;
        root[token] = root_;
        emit RootPublished(token, epoch_, root_);
    }

    /// @notice Pays `account` its cumulative amount of `token` less what it was paid before.
    function claim(IERC20 token, address account, uint256 cumulativeAmount, bytes32[] calldata proof) external {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
        if (!MerkleProof.verifyCalldata(proof, root[token], leaf)) {
            revert InvalidProof(account, cumulativeAmount);
        }
        uint256 already = claimed[token][account];
        if (cumulativeAmount <= already) {
            revert NothingToClaim(account, cumulativeAmount, already);
        }
        claimed[token][account] = cumulativeAmount;
        uint256 paid = cumulativeAmount - already;
        totalPaid[token] += paid;
        token.safeTransfer(account, paid);
        emit Claimed(token, account, cumulativeAmount, paid);
    }
}
