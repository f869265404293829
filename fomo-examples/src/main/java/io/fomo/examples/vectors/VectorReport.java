package io.fomo.examples.vectors;

import java.util.List;

/**
 * What one run of the conformance runner found: how many vectors passed, and each failure.
 *
 * <p>This class is immutable.
 */
public final class VectorReport {

    /**
     * One failed vector, or a file that could not be run at all (then {@code id} and {@code op} are "-").
     *
     * <p>This class is immutable.
     */
    public static final class Failure {
        /** The most characters of a failure's file, id or op kept: longer ones are cut and say how long. */
        public static final int MAX_NAME = 256;
        /** The most characters of a failure's message kept. */
        public static final int MAX_MESSAGE = 2_000;

        private final String file;
        private final String id;
        private final String op;
        private final String message;

        Failure(String file, String id, String op, String message) {
            this.file = bounded(file, MAX_NAME);
            this.id = bounded(id, MAX_NAME);
            this.op = bounded(op, MAX_NAME);
            this.message = bounded(message, MAX_MESSAGE);
        }

        /**
         * Cuts a text a file supplied (an id, an op's name, a message quoting a value) to a bounded prefix
         * that says how long it was, so a failure never echoes megabytes of its file (docs/limits.md).
         */
        private static String bounded(String text, int max) {
            if (text == null || text.length() <= max) {
                return text;
            }
            return text.substring(0, max) + "... (" + text.length() + " characters)";
        }

        /**
         * Returns the file.
         *
         * @return the file's path as given
         */
        public String file() {
            return file;
        }

        /**
         * Returns the vector's id.
         *
         * @return the id, or "-" for a file-level failure
         */
        public String id() {
            return id;
        }

        /**
         * Returns the vector's op.
         *
         * @return the op, or "-" when unknown
         */
        public String op() {
            return op;
        }

        /**
         * Returns what went wrong: expected against actual, an unexpected error, or a malformed field.
         *
         * @return the message
         */
        public String message() {
            return message;
        }

        /**
         * Returns the line the runner prints.
         *
         * @return {@code FAIL <file> <id> [<op>]: <message>}
         */
        @Override
        public String toString() {
            return "FAIL " + file + " " + id + " [" + op + "]: " + message;
        }
    }

    private final int passed;
    private final List<Failure> failures;

    VectorReport(int passed, List<Failure> failures) {
        this.passed = passed;
        this.failures = List.copyOf(failures);
    }

    /**
     * Returns the number of vectors that passed.
     *
     * @return the count
     */
    public int passed() {
        return passed;
    }

    /**
     * Returns the number of failures (vectors, and files that could not be run).
     *
     * @return the count
     */
    public int failed() {
        return failures.size();
    }

    /**
     * Returns every failure, in run order.
     *
     * @return the failures
     */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * Returns the runner's last line.
     *
     * @return {@code N passed, N failed}
     */
    public String summary() {
        return passed + " passed, " + failures.size() + " failed";
    }
}
