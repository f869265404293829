package io.fomo.examples.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Chart.js from its WebJar on the class path ({@code org.webjars.npm:chart.js}): version, UMD build and
 * license, for a page that inlines the library and works offline. (The same reading as the single-run
 * report's; kept here so that this package does not depend on that report's package-private class.)
 */
final class ChartJsLibrary {

    private static final String POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final ChartJsLibrary INSTANCE = load();

    final String version;
    final String script;
    final String license;

    private ChartJsLibrary(String version, String script, String license) {
        this.version = version;
        this.script = script;
        this.license = license;
    }

    static ChartJsLibrary get() {
        return INSTANCE;
    }

    private static ChartJsLibrary load() {
        Properties pom = new Properties();
        try (InputStream in = resource(POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = pom.getProperty("version");
        String base = "META-INF/resources/webjars/chart.js/" + version + "/";
        String script = text(base + "dist/chart.umd.js").replaceAll("(?m)^//# sourceMappingURL=.*$", "");
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException("Chart.js " + version + " cannot be inlined: it contains </script or <!--");
        }
        return new ChartJsLibrary(version, script, text(base + "LICENSE.md"));
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ChartJsLibrary.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Chart.js is missing from the class path: " + name
                    + " (dependency org.webjars.npm:chart.js)");
        }
        return in;
    }
}
