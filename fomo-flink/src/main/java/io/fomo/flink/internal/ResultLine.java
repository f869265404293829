package io.fomo.flink.internal;

/**
 * One line of one of the job's output files, tagged with the file. A Flink POJO; not API.
 */
public final class ResultLine {
    /** The output file: one of {@code EpochCsv}'s file names. */
    public String file;
    /** The CSV line, without line end. */
    public String line;

    /** Creates an empty line (for Flink's serializer). */
    public ResultLine() {
    }

    /**
     * Creates a line.
     *
     * @param file the output file
     * @param line the CSV line
     */
    public ResultLine(String file, String line) {
        this.file = file;
        this.line = line;
    }
}
