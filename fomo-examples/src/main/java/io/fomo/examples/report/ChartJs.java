package io.fomo.examples.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Chart.js, read from its WebJar on the class path ({@code org.webjars.npm:chart.js}): the version, the
 * UMD build and the MIT license text, so the report can inline the library and work offline. The one
 * reading of the library for every page the command line writes (the run report, the bands of many runs).
 */
public final class ChartJs {

    private static final String POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private static final ChartJs INSTANCE = load();

    private final String version;
    private final String script;
    private final String license;

    private ChartJs(String version, String script, String license) {
        this.version = version;
        this.script = script;
        this.license = license;
    }

    /**
     * Returns the library, read once.
     *
     * @return the library
     */
    public static ChartJs get() {
        return INSTANCE;
    }

    /**
     * Returns Chart.js's version.
     *
     * @return the version, such as {@code 4.4.7}
     */
    public String version() {
        return version;
    }

    /**
     * Returns the UMD build, safe to place inside a script element.
     *
     * @return the script
     */
    public String script() {
        return script;
    }

    /**
     * Returns the library's license text.
     *
     * @return the license
     */
    public String license() {
        return license;
    }

    private static ChartJs load() {
        Properties pom = new Properties();
        try (InputStream in = resource(POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = pom.getProperty("version");
        String base = "META-INF/resources/webjars/chart.js/" + version + "/";
        String script = text(base + "dist/chart.umd.js");
        // The source map is not shipped inside the report; drop the comment that points at it.
        script = script.replaceAll("(?m)^//# sourceMappingURL=.*$", "");
        // Inside a script element "</script" would end it early and "<!--" changes how it is parsed. This
        // build holds neither; refuse a build that does rather than rewrite code.
        String lower = script.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException("Chart.js " + version + " cannot be inlined: it contains </script or <!--");
        }
        return new ChartJs(version, script, text(base + "LICENSE.md"));
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ChartJs.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Chart.js is missing from the class path: " + name
                    + " (dependency org.webjars.npm:chart.js)");
        }
        return in;
    }
}
