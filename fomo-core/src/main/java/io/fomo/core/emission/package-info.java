/**
 * Emission schedules (FOMO-SPEC §3.3): the six sealed kinds of decaying schedule, each answering the
 * exact amount emitted in any {@code [from, to)}; factors that follow a schedule across a season; and
 * the emission reserve that budgets come from and go back to.
 */
package io.fomo.core.emission;
