package io.fomo.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version every {@code fomo} command prints for {@code -V}/{@code --version}: the Maven project
 * version, written into {@code version.properties} when the jar is built.
 */
final class FomoVersion implements CommandLine.IVersionProvider {

    /**
     * Returns the project version from the build, such as {@code 0.1.0-SNAPSHOT}.
     *
     * @return the version
     * @throws IllegalStateException if the build did not write the version file
     */
    static String version() {
        try (InputStream in = FomoVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"fomo " + version(), "Java ${java.version} (${java.vendor})"};
    }
}
