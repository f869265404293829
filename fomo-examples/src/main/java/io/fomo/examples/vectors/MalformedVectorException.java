package io.fomo.examples.vectors;

/**
 * A vector file or vector does not have the shape VECTORS.md prescribes: a field is missing, of the
 * wrong JSON type, or not a plain decimal. It is always a failure, never an expected error.
 */
public final class MalformedVectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The JSON path of the offending field. */
    private final String path;

    /**
     * Creates the error.
     *
     * @param path    the JSON path of the offending field, such as {@code $.vectors[2].input.amount}
     * @param problem what is wrong with it
     */
    public MalformedVectorException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /**
     * Returns the JSON path of the offending field.
     *
     * @return the path
     */
    public String path() {
        return path;
    }
}
