// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {SettledToken} from "./SettledToken.sol";

/// @notice A stand-in for a token FOMO does not issue (FLOCK, gmFLOCK) on a local chain: any decimals,
/// its supply minted once to one holder, burnable, never minted again.
contract StandInToken is SettledToken {
    constructor(string memory name_, string memory symbol_, uint8 decimals_, address settlement_, address holder,
                uint256 supply)
        SettledToken(name_, symbol_, decimals_, settlement_, _one(holder), _one(supply)) {
    }

    function _one(address a) private pure returns (address[] memory out) {
        out = new address[](1);
        out[0] = a;
    }

    function _one(uint256 v) private pure returns (uint256[] memory out) {
        out = new uint256[](1);
        out[0] = v;
    }
}
