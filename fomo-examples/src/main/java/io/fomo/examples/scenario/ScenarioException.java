package io.fomo.examples.scenario;

import io.fomo.spi.InvalidArgumentException;
import java.util.Objects;

/**
 * A scenario file is not valid: malformed JSON, a missing or unknown field, a value of the wrong type or
 * out of range, or parameters the protocol model rejects. The message names the file, the line and
 * column, the JSON path and what was expected, as in
 * {@code scenarios/x.json:12:18: $.launch.minTarget: expected a plain decimal string such as "1000", found number 1000}.
 *
 * <p>Its code is {@link io.fomo.spi.ErrorCode#INVALID_ARGUMENT}.
 */
public final class ScenarioException extends InvalidArgumentException {

    private static final long serialVersionUID = 1L;

    /** The scenario file as the user named it. */
    private final String file;
    /** The 1-based line of the offending value, or 0 when unknown. */
    private final int line;
    /** The 1-based column of the offending value, or 0 when unknown. */
    private final int column;
    /** The JSON path of the offending value. */
    private final String path;
    /** What was expected, and what was found. */
    private final String problem;

    /**
     * Creates the error.
     *
     * @param file    the scenario file as the user named it
     * @param line    the 1-based line of the offending value, or 0 when unknown
     * @param column  the 1-based column of the offending value, or 0 when unknown
     * @param path    the JSON path of the offending value, such as {@code $.supporters[2].buys[0].day}
     * @param problem what was expected, and what was found
     */
    public ScenarioException(String file, int line, int column, String path, String problem) {
        super(format(file, line, column, path, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    /**
     * Creates the error with the model's error that caused it.
     *
     * @param file    the scenario file as the user named it
     * @param line    the 1-based line of the offending value, or 0 when unknown
     * @param column  the 1-based column of the offending value, or 0 when unknown
     * @param path    the JSON path of the offending value
     * @param problem what was expected, and what was found
     * @param cause   the underlying error
     */
    public ScenarioException(String file, int line, int column, String path, String problem, Throwable cause) {
        super(format(file, line, column, path, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    private static String format(String file, int line, int column, String path, String problem) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + path + ": " + problem;
    }

    /**
     * Returns the JSON path of the offending value, such as {@code $.supporters[2].buys[0].day}: the field
     * this error rejects, with any character a terminal would obey escaped and cut after 256 characters.
     *
     * @return the path
     */
    @Override
    public String field() {
        // A path holds the file's own keys: escaped like everything shown, and cut (a path 1,000 levels deep).
        String shown = io.fomo.examples.terminal.TerminalText.escape(path);
        return shown.length() <= MAX_PATH ? shown : shown.substring(0, MAX_PATH) + "... (" + shown.length()
                + " characters)";
    }

    /** The most characters of a path {@link #field()} shows. */
    private static final int MAX_PATH = 256;

    /**
     * Returns the scenario file as the user named it.
     *
     * @return the file
     */
    public String file() {
        return file;
    }

    /**
     * Returns the 1-based line of the offending value.
     *
     * @return the line, or 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * Returns the 1-based column of the offending value.
     *
     * @return the column, or 0 when unknown
     */
    public int column() {
        return column;
    }

    /**
     * Returns the JSON path of the offending value.
     *
     * @return the path, such as {@code $.launch.curve.type}
     */
    public String path() {
        return path;
    }

    /**
     * Returns what was expected, and what was found, without the location.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
