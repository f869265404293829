package io.fomo.spi;

/**
 * Identifies one model deployment, and with it its model token ({@code MT-<id>}).
 *
 * <p>Ids compare by their text (code point order), which gives every ordered output of the SDK one
 * deterministic order; two ids are equal when they are of the same kind and have the same text. A deployment id is 1 to 29 characters of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit, so that it fits a token symbol.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DeploymentId extends TextId<DeploymentId> {

    private DeploymentId(String value) {
        super(value);
    }

    /**
     * Returns the id with this text.
     *
     * @param value the text: 1 to 29 characters of {@code A-Z a-z 0-9 . _ -}
     * @return the id
     * @throws InvalidArgumentException if the text is blank, too long or has control characters
     */
    public static DeploymentId of(String value) {
        return new DeploymentId(validate(Ids.check("deploymentId", value)));
    }

    private static String validate(String value) {
        if (!Ids.isSymbol(value, 29)) {
            throw InvalidArgumentException.of("deploymentId", '"' + value + '"',
                    "1 to 29 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
        return value;
    }
}
