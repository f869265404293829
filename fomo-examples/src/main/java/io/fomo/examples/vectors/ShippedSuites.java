package io.fomo.examples.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The conformance suites this SDK ships (fomo-core's {@code src/test/resources/vectors}, copied onto the
 * command line's class path at build time), so {@code fomo vectors export DIR} can hand them to a port
 * author from the jar alone.
 *
 * <p>This class is thread-safe; it has no state.
 */
public final class ShippedSuites {

    /** Where the suites are on the class path. */
    static final String RESOURCE_DIR = "io/fomo/examples/vectors/suites";

    private ShippedSuites() {
    }

    /**
     * Writes every shipped suite into a directory, creating it if needed; files of the same name are
     * replaced, others are left alone.
     *
     * @param dir the directory
     * @return the files written, in name order
     * @throws IOException           if the directory cannot be created or a file written
     * @throws IllegalStateException if the class path holds no suite (a broken build)
     */
    public static List<Path> export(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String name : names()) {
            Path target = dir.resolve(name);
            try (InputStream in = open(name)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(target);
        }
        return written;
    }

    /**
     * Returns the file names of the shipped suites.
     *
     * @return the names, such as {@code allocate-prorata.json}, sorted
     * @throws IllegalStateException if the class path holds no suite
     */
    public static List<String> names() {
        URL url = ShippedSuites.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) {
            throw new IllegalStateException("no shipped vector suites on the class path (" + RESOURCE_DIR + ")");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return list(fs.getPath(RESOURCE_DIR));
                }
            }
            return list(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable class path location " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .collect(Collectors.toList());
            if (names.isEmpty()) {
                throw new IllegalStateException("no shipped vector suites in " + dir);
            }
            return names;
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = ShippedSuites.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + "/" + name);
        if (in == null) {
            throw new IOException("shipped suite vanished from the class path: " + name);
        }
        return in;
    }
}
