package io.fomo.meter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads usage records from a stream, one record at a time, in memory bounded by the largest single record
 * (never by the size of the input). The layout is recognised from the first non-blank character:
 * <ul>
 *   <li>server-sent events ({@code data: {...}} lines, as an OpenAI stream is received; {@code [DONE]},
 *       comments and {@code event:} lines are skipped);</li>
 *   <li>otherwise JSON: one object per line (JSON lines), objects one after the other however they are
 *       laid out (a pretty-printed response), or a top-level array of objects (a LiteLLM {@code /spend/logs}
 *       answer, a CloudEvents batch).</li>
 * </ul>
 * Items that bill nothing by nature (a streamed chunk before the one carrying {@code usage}, an error body,
 * an event of another kind) are skipped and counted ({@link #skipped()}). A record that cannot be read stops
 * the reader with a {@link MalformedRecordException} naming the line, the field and the value.
 *
 * <p>Instances are not thread-safe.
 */
public final class UsageReader implements Closeable {

    private UsageFormat format;
    private final String source;
    private final BufferedReader in;
    private final ObjectMapper json;
    private final boolean sse;
    private JsonParser parser;
    private boolean inArray;
    private long sseLine;
    private long skipped;
    private long records;

    private UsageReader(UsageFormat format, String source, InputStream stream) throws IOException {
        this.format = format;
        this.source = Objects.requireNonNull(source, "source");
        this.in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(stream, "stream"), StandardCharsets.UTF_8),
                1 << 16);
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.sse = looksLikeEvents();
        if (!sse) {
            this.parser = json.getFactory().createParser(in);
        }
    }

    /**
     * Opens a reader over a stream; the reader owns the stream and closes it.
     *
     * @param format the records' format, or null to recognise it from the first record
     * @param source the name to report in errors, typically the file name
     * @param stream the bytes, UTF-8
     * @return the reader
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static UsageReader open(UsageFormat format, String source, InputStream stream) {
        try {
            return new UsageReader(format, source, stream);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a reader that recognises the format from the first record: a {@code request_id} field means a
     * LiteLLM spend log, a {@code specversion} a CloudEvent, anything else OpenAI responses.
     *
     * @param source the name to report in errors, typically the file name
     * @param stream the bytes, UTF-8
     * @return the reader
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static UsageReader openDetecting(String source, InputStream stream) {
        return open(null, source, stream);
    }

    /**
     * Returns the format being read: the one given, or the one recognised from the first record.
     *
     * @return the format, empty while a detecting reader has read no record
     */
    public java.util.Optional<UsageFormat> format() {
        return java.util.Optional.ofNullable(format);
    }

    private boolean looksLikeEvents() throws IOException {
        in.mark(4096);
        int c;
        int n = 0;
        do {
            c = in.read();
            n++;
        } while (c != -1 && Character.isWhitespace(c) && n < 4000);
        in.reset();
        return c == 'd' || c == 'e' || c == ':';
    }

    /**
     * Reads the next record that is a call (billable or failed), skipping items that bill nothing.
     *
     * @return the record, or null at the end of the stream
     * @throws MalformedRecordException if a record cannot be read
     * @throws UncheckedIOException     if the stream fails
     */
    public UsageRecord next() {
        try {
            while (true) {
                long[] line = new long[1];
                JsonNode node = sse ? nextEvent(line) : nextJson(line);
                if (node == null) {
                    return null;
                }
                RecordNode r = new RecordNode(source, line[0]);
                if (format == null) {
                    format = node.has("request_id") ? UsageFormat.LITELLM
                            : node.has("specversion") ? UsageFormat.CLOUDEVENTS : UsageFormat.OPENAI;
                }
                UsageRecord record = RecordParsers.parse(format, node, r, UsageRecord.builder(source, line[0]), json);
                if (record == null) {
                    skipped++;
                } else {
                    records++;
                    return record;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    private JsonNode nextJson(long[] line) throws IOException {
        try {
            while (true) {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return null;
                }
                if (t == JsonToken.START_ARRAY && !inArray) {
                    inArray = true;
                    continue;
                }
                if (t == JsonToken.END_ARRAY && inArray) {
                    inArray = false;
                    continue;
                }
                line[0] = parser.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new MalformedRecordException(source, line[0], "(record)", parser.getText(),
                            "each record must be a JSON object");
                }
                return json.readTree(parser);
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? line[0] : e.getLocation().getLineNr();
            throw new MalformedRecordException(source, at, "(json)", e.getOriginalMessage(), "is not valid JSON");
        }
    }

    private JsonNode nextEvent(long[] line) throws IOException {
        String text;
        while ((text = in.readLine()) != null) {
            sseLine++;
            String t = text.strip();
            if (t.isEmpty() || t.startsWith(":") || t.startsWith("event:") || t.startsWith("id:") || t.startsWith("retry:")) {
                continue;
            }
            String payload = t.startsWith("data:") ? t.substring(5).strip() : t;
            if (payload.equals("[DONE]")) {
                continue;
            }
            line[0] = sseLine;
            try {
                return json.readTree(payload);
            } catch (JsonProcessingException e) {
                throw new MalformedRecordException(source, sseLine, "(json)", payload, "is not valid JSON");
            }
        }
        return null;
    }

    /**
     * Returns how many items were skipped because they bill nothing by nature.
     *
     * @return the count
     */
    public long skipped() {
        return skipped;
    }

    /**
     * Returns how many records were returned so far.
     *
     * @return the count
     */
    public long records() {
        return records;
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }
}
