package io.fomo.meter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The test fixtures under {@code src/test/resources/fixtures}, and readers over them. */
final class Fixtures {

    private Fixtures() {
    }

    static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("/fixtures/" + name));
        }
        return in;
    }

    static UsageReader reader(UsageFormat format, String name) {
        return UsageReader.open(format, name, open(name));
    }

    static UsageReader text(UsageFormat format, String name, String content) {
        return UsageReader.open(format, name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    static List<UsageRecord> all(UsageReader reader) {
        List<UsageRecord> out = new ArrayList<>();
        try (reader) {
            for (UsageRecord r = reader.next(); r != null; r = reader.next()) {
                out.add(r);
            }
        }
        return out;
    }

    static ModelMap models() {
        return ModelMap.read("models.json", open("models.json"));
    }
}
