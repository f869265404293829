// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @notice Pays cumulative claims of one token against a Merkle root in OpenZeppelin StandardMerkleTree
/// form, leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount)))). Each account is
/// paid what its cumulative amount exceeds what it was already paid, so a claim pays exactly once.
contract MerkleDistributor {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    address public immutable publisher;
    bytes32 public root;
    uint256 public epoch;
    mapping(address => uint256) public claimed;

    event RootPublished(uint256 indexed epoch, bytes32 root);
    event Claimed(address indexed account, uint256 cumulativeAmount, uint256 paid);

    error NotPublisher(address caller);
    error InvalidProof(address account, uint256 cumulativeAmount);
    error NothingToClaim(address account, uint256 cumulativeAmount, uint256 alreadyPaid);

    constructor(IERC20 token_, address publisher_) {
        token = token_;
        publisher = publisher_;
    }

    /// @notice Publishes the cumulative root of an epoch close.
    function publish(uint256 epoch_, bytes32 root_) external {
        if (msg.sender != publisher) {
            revert NotPublisher(msg.sender);
        }
        epoch = epoch_;
        root = root_;
        emit RootPublished(epoch_, root_);
    }

    /// @notice Pays `account` its cumulative amount less what it was paid before.
    function claim(address account, uint256 cumulativeAmount, bytes32[] calldata proof) external {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) {
            revert InvalidProof(account, cumulativeAmount);
        }
        uint256 already = claimed[account];
        if (cumulativeAmount <= already) {
            revert NothingToClaim(account, cumulativeAmount, already);
        }
        claimed[account] = cumulativeAmount;
        uint256 paid = cumulativeAmount - already;
        token.safeTransfer(account, paid);
        emit Claimed(account, cumulativeAmount, paid);
    }
}
