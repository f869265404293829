package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every command and fact type has a tag, tags are one to one, and they are the ones docs/journal.md
 * publishes: a tag is part of the journal format, so changing one must fail here.
 */
class JournalTagsTest {

    @Test
    void everyPermittedTypeHasATagAndTagsAreOneToOne() {
        java.util.List<Class<?>> commands = concrete(Command.class);
        for (Class<?> c : commands) {
            assertTrue(JournalTags.COMMANDS.containsKey(c), "no tag for command " + c.getSimpleName());
        }
        for (Class<?> c : Fact.class.getPermittedSubclasses()) {
            assertTrue(JournalTags.FACTS_BY_CLASS.containsKey(c), "no tag for fact " + c.getSimpleName());
        }
        assertEquals(commands.size(), JournalTags.COMMANDS.size());
        assertEquals(Fact.class.getPermittedSubclasses().length, JournalTags.FACTS_BY_CLASS.size());
        assertTrue(JournalTags.oneToOne());
    }

    /** The permitted classes of a sealed type, those of its sealed sub-interfaces (Command.Metering) included. */
    static java.util.List<Class<?>> concrete(Class<?> sealed) {
        java.util.List<Class<?>> out = new java.util.ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isInterface() && c.isSealed()) {
                out.addAll(concrete(c));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void theTagsAreThePublishedOnes() {
        // The table of docs/journal.md, typed here once more on purpose: a rename of a class leaves it alone.
        Map<String, String> published = new TreeMap<>(Map.ofEntries(
                Map.entry("Deposit", "deposit"), Map.entry("OpenLaunch", "open-launch"), Map.entry("Buy", "buy"),
                Map.entry("Sell", "sell"), Map.entry("Graduate", "graduate"), Map.entry("CloseLaunch", "close-launch"),
                Map.entry("Redeem", "redeem"), Map.entry("ClaimVested", "claim-vested"), Map.entry("GoLive", "go-live"),
                Map.entry("RecordUsage", "record-usage"), Map.entry("Stake", "stake"), Map.entry("Unstake", "unstake"),
                Map.entry("LockGmFlock", "lock-gmflock"), Map.entry("WithdrawGmFlock", "withdraw-gmflock"),
                Map.entry("CloseEpoch", "close-epoch"), Map.entry("ClaimRewards", "claim-rewards"),
                Map.entry("ChangeParameters", "change-parameters"), Map.entry("Minted", "minted"),
                Map.entry("Burned", "burned"), Map.entry("Moved", "moved"), Map.entry("Swapped", "swapped"),
                Map.entry("Charged", "charged"), Map.entry("Quoted", "quoted"), Map.entry("EpochClosed", "epoch-closed"),
                Map.entry("RecordTokenUsage", "record-token-usage"), Map.entry("TopUpCredits", "top-up-credits"),
                Map.entry("CreditsToppedUp", "credits-topped-up"), Map.entry("CreditsDeducted", "credits-deducted"),
                Map.entry("ArrearsIncurred", "arrears-incurred"), Map.entry("ArrearsSettled", "arrears-settled")));
        published.put("BuybackDeferred", "buyback-deferred");
        published.put("Swap", "swap");
        published.put("RecordUsageBatch", "record-usage-batch");
        // The rest of the state, since replay is a fold of the facts (issue 12).
        published.putAll(Map.ofEntries(Map.entry("LaunchOpened", "launch-opened"),
                Map.entry("LaunchBought", "launch-bought"), Map.entry("LaunchGraduated", "launch-graduated"),
                Map.entry("LaunchFailed", "launch-failed"), Map.entry("LaunchRedeemed", "launch-redeemed"),
                Map.entry("VestingClaimed", "vesting-claimed"), Map.entry("LaunchLive", "launch-live"),
                Map.entry("Staked", "staked"), Map.entry("Unstaked", "unstaked"),
                Map.entry("GmFlockLocked", "gmflock-locked"), Map.entry("GmFlockWithdrawn", "gmflock-withdrawn"),
                Map.entry("ParametersScheduled", "parameters-scheduled"),
                Map.entry("ParametersActivated", "parameters-activated"), Map.entry("RevenueRouted", "revenue-routed"),
                Map.entry("BuybackExecuted", "buyback-executed"), Map.entry("EmissionReleased", "emission-released"),
                Map.entry("DustCarried", "dust-carried"), Map.entry("RewardCredited", "reward-credited"),
                Map.entry("RewardsClaimed", "rewards-claimed"), Map.entry("MtRewardsClaimed", "mt-rewards-claimed")));
        Map<String, String> actual = new TreeMap<>();
        JournalTags.COMMANDS.forEach((c, t) -> actual.put(c.getSimpleName(), t));
        JournalTags.FACTS_BY_CLASS.forEach((c, t) -> actual.put(c.getSimpleName(), t));
        assertEquals(published, actual);
    }
}
