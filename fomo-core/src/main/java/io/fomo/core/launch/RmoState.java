package io.fomo.core.launch;

/** The life-cycle states of a Real Model Asset Offering (FOMO-SPEC §1). */
public enum RmoState {
    /** Parameters fixed, launch fee not yet paid. */
    CREATED,
    /** Open: supporters buy MT claims along the curve until the max target or the window's end. */
    FUNDRAISING,
    /** MT minted, pool seeded and locked; the model is being deployed. */
    GRADUATED,
    /** The window ended below the min target: supporters redeem their principal. */
    FAILED,
    /** The graduated model is deployed and serving. */
    LIVE
}
