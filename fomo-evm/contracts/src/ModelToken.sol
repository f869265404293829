// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {SettledToken} from "./SettledToken.sol";

/// @notice A deployment's model token (MT): 18 decimals, its fixed supply minted once at graduation to
/// its allocation (the constructor), burnable, and never minted again.
contract ModelToken is SettledToken {
    constructor(string memory name_, string memory symbol_, address settlement_, address[] memory recipients,
                uint256[] memory amounts)
        SettledToken(name_, symbol_, 18, settlement_, recipients, amounts) {
    }
}
