// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";

/// @notice An ERC-20 whose whole supply is minted once, in its constructor, and can only shrink (burns).
/// The FOMO settlement contract is a standing operator of every holder: it moves and burns tokens for
/// the engine's intents without a per-holder approval, and nobody else can. There is no mint function.
abstract contract SettledToken is ERC20, ERC20Burnable {
    /// @notice The settlement contract allowed to move and burn any holder's tokens.
    address public immutable settlement;

    uint8 private immutable _decimals;

    error LengthMismatch(uint256 recipients, uint256 amounts);

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address settlement_,
                address[] memory recipients, uint256[] memory amounts) ERC20(name_, symbol_) {
        if (recipients.length != amounts.length) {
            revert LengthMismatch(recipients.length, amounts.length);
        }
        settlement = settlement_;
        _decimals = decimals_;
        for (uint256 i = 0; i < recipients.length; i++) {
            _mint(recipients[i], amounts[i]);
        }
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice The settlement's allowance is unlimited; everyone else's is what the holder approved.
    function allowance(address owner, address spender) public view override returns (uint256) {
        return spender == settlement ? type(uint256).max : super.allowance(owner, spender);
    }

    function _spendAllowance(address owner, address spender, uint256 value) internal override {
        if (spender != settlement) {
            super._spendAllowance(owner, spender, value);
        }
    }
}
