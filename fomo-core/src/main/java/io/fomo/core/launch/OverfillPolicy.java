package io.fomo.core.launch;

/** What a buy that would raise more than the max target does (FOMO-SPEC §1.8). */
public enum OverfillPolicy {
    /** Fill up to the max target and return the unfilled FLOCK with its fee (the default). */
    PARTIAL_FILL,
    /** Reject the whole buy with LIMIT_EXCEEDED. */
    REJECT
}
