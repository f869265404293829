package io.fomo.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that names what is journaled: entry types, command tags and fact tags. A tag is part of
 * the journal format, written once and never derived from a Java name, so renaming a class cannot change
 * a journal. A new command or fact adds one line to {@link #COMMANDS} or {@link #FACTS} (and its fields
 * to the codec); {@code JournalTagsTest} fails for a permitted subtype without a tag.
 */
final class JournalTags {

    /** Entry type: the genesis (rules version and parameters), first entry of the first batch. */
    static final String GENESIS = "genesis";
    /** Entry type: a command as submitted, the first entry of its batch. */
    static final String COMMAND = "command";
    /** Entry type: the facts the command (or the genesis) decided, the second entry of its batch. */
    static final String FACTS = "facts";
    /** Entry type: a chain intent (the outbox). */
    static final String INTENT = "intent";
    /** Entry type: a chain confirmation of an intent. */
    static final String CONFIRMATION = "confirmation";
    /** Entry type: the last entry of every batch, holding the batch's chained SHA-256. */
    static final String SEAL = "seal";

    // Command tags. Stable: never change one; a new command takes a new tag.
    static final String DEPOSIT = "deposit";
    static final String OPEN_LAUNCH = "open-launch";
    static final String BUY = "buy";
    static final String SELL = "sell";
    static final String GRADUATE = "graduate";
    static final String CLOSE_LAUNCH = "close-launch";
    static final String REDEEM = "redeem";
    static final String CLAIM_VESTED = "claim-vested";
    static final String GO_LIVE = "go-live";
    static final String RECORD_USAGE = "record-usage";
    static final String RECORD_USAGE_BATCH = "record-usage-batch";
    static final String STAKE = "stake";
    static final String UNSTAKE = "unstake";
    static final String LOCK_GMFLOCK = "lock-gmflock";
    static final String WITHDRAW_GMFLOCK = "withdraw-gmflock";
    static final String CLOSE_EPOCH = "close-epoch";
    static final String CLAIM_REWARDS = "claim-rewards";
    static final String CHANGE_PARAMETERS = "change-parameters";
    static final String RECORD_TOKEN_USAGE = "record-token-usage";
    static final String TOP_UP_CREDITS = "top-up-credits";
    static final String SWAP = "swap";

    // Fact tags. Stable, as above.
    static final String MINTED = "minted";
    static final String BURNED = "burned";
    static final String MOVED = "moved";
    static final String SWAPPED = "swapped";
    static final String CHARGED = "charged";
    static final String QUOTED = "quoted";
    static final String EPOCH_CLOSED = "epoch-closed";
    static final String CREDITS_TOPPED_UP = "credits-topped-up";
    static final String CREDITS_DEDUCTED = "credits-deducted";
    static final String ARREARS_INCURRED = "arrears-incurred";
    static final String ARREARS_SETTLED = "arrears-settled";
    static final String BUYBACK_DEFERRED = "buyback-deferred";
    // The rest of the state (replay is a fold of the facts).
    static final String LAUNCH_OPENED = "launch-opened";
    static final String LAUNCH_BOUGHT = "launch-bought";
    static final String LAUNCH_GRADUATED = "launch-graduated";
    static final String LAUNCH_FAILED = "launch-failed";
    static final String LAUNCH_REDEEMED = "launch-redeemed";
    static final String VESTING_CLAIMED = "vesting-claimed";
    static final String LAUNCH_LIVE = "launch-live";
    static final String STAKED = "staked";
    static final String UNSTAKED = "unstaked";
    static final String GMFLOCK_LOCKED = "gmflock-locked";
    static final String GMFLOCK_WITHDRAWN = "gmflock-withdrawn";
    static final String PARAMETERS_SCHEDULED = "parameters-scheduled";
    static final String PARAMETERS_ACTIVATED = "parameters-activated";
    static final String REVENUE_ROUTED = "revenue-routed";
    static final String BUYBACK_EXECUTED = "buyback-executed";
    static final String EMISSION_RELEASED = "emission-released";
    static final String DUST_CARRIED = "dust-carried";
    static final String REWARD_CREDITED = "reward-credited";
    static final String REWARDS_CLAIMED = "rewards-claimed";
    static final String MT_REWARDS_CLAIMED = "mt-rewards-claimed";

    static final Map<Class<? extends Command>, String> COMMANDS = Map.ofEntries(
            Map.entry(Command.Deposit.class, DEPOSIT),
            Map.entry(Command.OpenLaunch.class, OPEN_LAUNCH),
            Map.entry(Command.Buy.class, BUY),
            Map.entry(Command.Sell.class, SELL),
            Map.entry(Command.Graduate.class, GRADUATE),
            Map.entry(Command.CloseLaunch.class, CLOSE_LAUNCH),
            Map.entry(Command.Redeem.class, REDEEM),
            Map.entry(Command.ClaimVested.class, CLAIM_VESTED),
            Map.entry(Command.GoLive.class, GO_LIVE),
            Map.entry(Command.RecordUsage.class, RECORD_USAGE),
            Map.entry(Command.RecordUsageBatch.class, RECORD_USAGE_BATCH),
            Map.entry(Command.Stake.class, STAKE),
            Map.entry(Command.Unstake.class, UNSTAKE),
            Map.entry(Command.LockGmFlock.class, LOCK_GMFLOCK),
            Map.entry(Command.WithdrawGmFlock.class, WITHDRAW_GMFLOCK),
            Map.entry(Command.CloseEpoch.class, CLOSE_EPOCH),
            Map.entry(Command.ClaimRewards.class, CLAIM_REWARDS),
            Map.entry(Command.ChangeParameters.class, CHANGE_PARAMETERS),
            Map.entry(RecordTokenUsage.class, RECORD_TOKEN_USAGE),
            Map.entry(TopUpCredits.class, TOP_UP_CREDITS),
            Map.entry(Swap.class, SWAP));

    static final Map<Class<? extends Fact>, String> FACTS_BY_CLASS = Map.ofEntries(
            Map.entry(Fact.Minted.class, MINTED),
            Map.entry(Fact.Burned.class, BURNED),
            Map.entry(Fact.Moved.class, MOVED),
            Map.entry(Fact.Swapped.class, SWAPPED),
            Map.entry(Fact.Charged.class, CHARGED),
            Map.entry(Fact.Quoted.class, QUOTED),
            Map.entry(Fact.EpochClosed.class, EPOCH_CLOSED),
            Map.entry(Fact.BuybackDeferred.class, BUYBACK_DEFERRED),
            Map.entry(Fact.CreditsToppedUp.class, CREDITS_TOPPED_UP),
            Map.entry(Fact.CreditsDeducted.class, CREDITS_DEDUCTED),
            Map.entry(Fact.ArrearsIncurred.class, ARREARS_INCURRED),
            Map.entry(Fact.ArrearsSettled.class, ARREARS_SETTLED),
            Map.entry(Fact.LaunchOpened.class, LAUNCH_OPENED),
            Map.entry(Fact.LaunchBought.class, LAUNCH_BOUGHT),
            Map.entry(Fact.LaunchGraduated.class, LAUNCH_GRADUATED),
            Map.entry(Fact.LaunchFailed.class, LAUNCH_FAILED),
            Map.entry(Fact.LaunchRedeemed.class, LAUNCH_REDEEMED),
            Map.entry(Fact.VestingClaimed.class, VESTING_CLAIMED),
            Map.entry(Fact.LaunchLive.class, LAUNCH_LIVE),
            Map.entry(Fact.Staked.class, STAKED),
            Map.entry(Fact.Unstaked.class, UNSTAKED),
            Map.entry(Fact.GmFlockLocked.class, GMFLOCK_LOCKED),
            Map.entry(Fact.GmFlockWithdrawn.class, GMFLOCK_WITHDRAWN),
            Map.entry(Fact.ParametersScheduled.class, PARAMETERS_SCHEDULED),
            Map.entry(Fact.ParametersActivated.class, PARAMETERS_ACTIVATED),
            Map.entry(Fact.RevenueRouted.class, REVENUE_ROUTED),
            Map.entry(Fact.BuybackExecuted.class, BUYBACK_EXECUTED),
            Map.entry(Fact.EmissionReleased.class, EMISSION_RELEASED),
            Map.entry(Fact.DustCarried.class, DUST_CARRIED),
            Map.entry(Fact.RewardCredited.class, REWARD_CREDITED),
            Map.entry(Fact.RewardsClaimed.class, REWARDS_CLAIMED),
            Map.entry(Fact.MtRewardsClaimed.class, MT_REWARDS_CLAIMED));

    /** Every entry type, in the order a batch may hold them. */
    static final List<String> ENTRY_TYPES = List.of(GENESIS, COMMAND, FACTS, INTENT, CONFIRMATION, SEAL);

    private JournalTags() {
    }

    static String of(Command c) {
        String tag = COMMANDS.get(c.getClass());
        if (tag == null) {
            throw new IllegalStateException("no journal tag for command class " + c.getClass().getName());
        }
        return tag;
    }

    static String of(Fact f) {
        String tag = FACTS_BY_CLASS.get(f.getClass());
        if (tag == null) {
            throw new IllegalStateException("no journal tag for fact class " + f.getClass().getName());
        }
        return tag;
    }

    /** Checks the tables are one to one (a tag used twice would make two types decode alike). */
    static boolean oneToOne() {
        Map<String, Class<?>> seen = new HashMap<>();
        COMMANDS.forEach((k, v) -> seen.merge(v, k, (a, b) -> null));
        FACTS_BY_CLASS.forEach((k, v) -> seen.merge(v, k, (a, b) -> null));
        return seen.size() == COMMANDS.size() + FACTS_BY_CLASS.size() && !seen.containsValue(null);
    }
}
