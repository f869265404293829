// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {SettledToken} from "./SettledToken.sol";

/// @notice A deployment's model token (MT): 18 decimals, deployed with no supply, minted exactly once, at
/// graduation, to its allocation (supporters, pool, incentives, vesting, treasury, the unsold part to be
/// burned) by the settlement executing the graduation's mint intents; burnable; never minted again.
contract ModelToken is SettledToken {
    /// @notice True once the graduation's allocation was minted.
    bool public minted;

    error NotSettlement(address caller);
    error AlreadyMinted();
    error EmptyAllocation();

    constructor(string memory name_, string memory symbol_, address settlement_)
        SettledToken(name_, symbol_, 18, settlement_, new address[](0), new uint256[](0)) {
    }

    /// @notice Mints the whole allocation, once; only the settlement may call it.
    function mintAllocation(address[] calldata recipients, uint256[] calldata amounts) external {
        if (msg.sender != settlement) {
            revert NotSettlement(msg.sender);
        }
        if (minted) {
            revert AlreadyMinted();
        }
        if (recipients.length != amounts.length) {
            revert LengthMismatch(recipients.length, amounts.length);
        }
        if (recipients.length == 0) {
            revert EmptyAllocation();
        }
        minted = true;
        for (uint256 i = 0; i < recipients.length; i++) {
            _mint(recipients[i], amounts[i]);
        }
    }
}
