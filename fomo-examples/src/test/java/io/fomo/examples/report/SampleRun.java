package io.fomo.examples.report;

import io.fomo.examples.scenario.Scenario;
import io.fomo.examples.scenario.ScenarioParser;
import io.fomo.examples.scenario.ScenarioTexts;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-built run of the minimal scenario: two days of raise, then three live days. */
final class SampleRun {

    static final Scenario SCENARIO = ScenarioParser.parse("s.json", ScenarioTexts.MINIMAL);
    static final io.fomo.spi.DeploymentId DEPLOYMENT = SCENARIO.launches().get(0).deployment();
    static final Asset MT = SCENARIO.launches().get(0).mtAsset();
    static final String HASH = "0123456789abcdef".repeat(4);

    private SampleRun() {
    }

    static Amount flock(String v) {
        return Amount.parse(Asset.FLOCK, v);
    }

    static Amount mt(String v) {
        return Amount.parse(MT, v);
    }

    static Amount usd(String v) {
        return Amount.parse(Asset.USD, v);
    }

    static List<DailyRow> rows() {
        List<DailyRow> rows = new ArrayList<>();
        rows.add(DailyRow.builder(0, DEPLOYMENT, "FUNDRAISING").flockUsd(new BigDecimal("0.25")).raised(flock("500")).build());
        rows.add(DailyRow.builder(1, DEPLOYMENT, "FUNDRAISING").flockUsd(new BigDecimal("0.25")).raised(flock("1500"))
                .rejectedActions(1).build());
        rows.add(DailyRow.builder(2, DEPLOYMENT, "LIVE").flockUsd(new BigDecimal("0.26")).raised(flock("1500"))
                .mtSupply(mt("1000000")).pool(flock("760"), mt("380000"))
                .revenue(usd("100.5"), usd("90.5")).buybackSpent(usd("54.3"))
                .emission(flock("10000"), flock("9000"), flock("1000")).yields(usd("13.575"), usd("22.625"))
                .activeUsers(3).stakedMt(mt("1000")).top10RewardShare(BigDecimal.ONE).build());
        rows.add(DailyRow.builder(3, DEPLOYMENT, "LIVE").flockUsd(new BigDecimal("0.2625")).raised(flock("1500"))
                .mtSupply(mt("999987.5")).mtBurned(mt("12.5"), mt("12.5")).flockBurned(flock("40"), flock("40"))
                .pool(flock("800"), mt("320000")).revenue(usd("10"), usd("0"))
                .emission(flock("9923.4"), flock("0"), flock("9923.4")).yields(usd("13.575"), usd("22.625"))
                .activeUsers(1).stakedMt(mt("1000")).top10RewardShare(BigDecimal.ONE).build());
        rows.add(DailyRow.builder(4, DEPLOYMENT, "LIVE").flockUsd(new BigDecimal("0.3")).raised(flock("1500"))
                .mtSupply(mt("999987.5")).mtBurned(mt("0"), mt("12.5")).flockBurned(flock("0"), flock("40"))
                .pool(flock("1000"), mt("300000")).revenue(usd("0.000001"), usd("0.000001"))
                .emission(flock("9847.000000000000000001"), flock("9847.000000000000000001"), flock("0"))
                .yields(usd("13.575"), usd("22.625")).activeUsers(2).stakedMt(mt("1000.000000000000000001"))
                .top10RewardShare(new BigDecimal("0.987654")).build());
        return rows;
    }

    static Map<AccountId, Amount> rewards() {
        Map<AccountId, Amount> r = new LinkedHashMap<>();
        r.put(AccountId.of("b"), flock("5.5"));
        r.put(AccountId.of("a"), flock("10"));
        r.put(AccountId.of("c"), flock("0.25"));
        r.put(AccountId.of("d"), flock("0"));
        return r;
    }

    static SimulationResult result() {
        return new SimulationResult(rows(), rewards(), 42, HASH);
    }
}
