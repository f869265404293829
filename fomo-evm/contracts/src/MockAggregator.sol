// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "./AggregatorV3Interface.sol";

/// @notice A price feed for tests: its owner writes rounds, anyone reads them through AggregatorV3Interface.
contract MockAggregator is AggregatorV3Interface {
    struct Round {
        int256 answer;
        uint256 startedAt;
        uint256 updatedAt;
        uint80 answeredInRound;
    }

    address public immutable owner;
    uint8 public immutable override decimals;
    string private _description;
    uint80 public latestRound;
    mapping(uint80 => Round) private _rounds;

    error NotOwner(address caller);
    error NoData(uint80 roundId);

    constructor(uint8 decimals_, string memory description_) {
        owner = msg.sender;
        decimals = decimals_;
        _description = description_;
    }

    /// @notice Writes a round and makes it the latest.
    function setRound(uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
        external {
        if (msg.sender != owner) {
            revert NotOwner(msg.sender);
        }
        _rounds[roundId] = Round(answer, startedAt, updatedAt, answeredInRound);
        latestRound = roundId;
    }

    function description() external view override returns (string memory) {
        return _description;
    }

    function version() external pure override returns (uint256) {
        return 4;
    }

    function getRoundData(uint80 roundId) public view override
        returns (uint80, int256, uint256, uint256, uint80) {
        Round memory r = _rounds[roundId];
        if (r.updatedAt == 0 && r.startedAt == 0 && r.answer == 0) {
            revert NoData(roundId);
        }
        return (roundId, r.answer, r.startedAt, r.updatedAt, r.answeredInRound);
    }

    function latestRoundData() external view override returns (uint80, int256, uint256, uint256, uint80) {
        return getRoundData(latestRound);
    }
}
