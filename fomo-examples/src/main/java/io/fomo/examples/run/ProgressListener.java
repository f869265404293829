package io.fomo.examples.run;

/**
 * Told by a {@link ScenarioRunner} as a run advances, for example to show progress on the terminal.
 * Implementations must not influence the run.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void dayDone(int day, int days) {
        }

        @Override
        public void finished() {
        }
    };

    /**
     * Called after each simulated day.
     *
     * @param day  the day just simulated, from 0
     * @param days the number of days of the run
     */
    void dayDone(int day, int days);

    /** Called once when the run ends, whether or not it succeeded. */
    void finished();
}
