package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Replay reads its records through one reused reader per thread ({@link Fields#reader()},
 * {@link Fields#reread}): reading a run of records one after the other through it gives, record by record,
 * exactly what a fresh {@link Fields#decode decode(bytes, "journal record " + n)} gives, the same commands and
 * facts or the same refusal (class and message), whatever the record before it was (larger, smaller,
 * refused, not pure ASCII). So does streaming a record ({@link Fields#stream}, how replay reads each record
 * first) with the general reading after any deviation ({@link Fields#read}).
 */
class FieldsReaderProperties {

    /** A record's bytes: a command, a list of facts, or either with a byte edited, cut or doubled. */
    @Provide
    Arbitrary<List<byte[]>> runs() {
        Arbitrary<byte[]> command = JournalCodecProperties.commands().map(c -> {
            Fields f = new Fields("test");
            CommandCodec.encode(c, f);
            return f.encode();
        });
        Arbitrary<byte[]> facts = JournalCodecProperties.facts().list().ofMaxSize(12).map(FactCodec::encode);
        Arbitrary<byte[]> record = Arbitraries.oneOf(command, facts);
        Arbitrary<byte[]> edited = Combinators.combine(record, Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.of((byte) '=', (byte) '\n', (byte) '\\', (byte) 'x', (byte) '7', (byte) 0xc3, (byte) 0x80,
                        (byte) ':', (byte) '.'), Arbitraries.integers().between(0, 3))
                .as(FieldsReaderProperties::edit);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, record),
                net.jqwik.api.Tuple.of(2, edited)).list().ofMinSize(1).ofMaxSize(12);
    }

    private static byte[] edit(byte[] bytes, int at, byte b, int how) {
        if (bytes.length == 0) {
            return bytes;
        }
        int i = at % bytes.length;
        switch (how) {
            case 0: {
                byte[] out = bytes.clone();
                out[i] = b;
                return out;
            }
            case 1:
                return java.util.Arrays.copyOf(bytes, i);
            case 2: {
                // The line at i written twice: a duplicate key.
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                int start = text.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    return bytes;
                }
                String line = text.substring(start, end + 1);
                return (text.substring(0, end + 1) + line + text.substring(end + 1))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            default: {
                byte[] out = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, out, 0, i);
                out[i] = b;
                System.arraycopy(bytes, i, out, i + 1, bytes.length - i);
                return out;
            }
        }
    }

    /** What reading gave: the value's text, or "!" + the refusal's class and message. */
    private static String outcome(Supplier<Object> read) {
        try {
            return String.valueOf(read.get());
        } catch (RuntimeException e) {
            return "!" + e.getClass().getName() + " " + e.getMessage();
        }
    }

    private static void sameAsFresh(List<byte[]> run, Function<Fields, Object> codec) {
        Fields reader = Fields.reader();
        List<String> reused = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int n = 0; n < run.size(); n++) {
            byte[] bytes = run.get(n);
            long record = 1000L + 7L * n;
            reused.add(outcome(() -> codec.apply(reader.reread(bytes, record))));
            fresh.add(outcome(() -> codec.apply(Fields.decode(bytes, "journal record " + record))));
        }
        assertEquals(fresh, reused);
    }

    @Property(tries = 300)
    void aReusedReaderReadsFactsAsAFreshRecord(@ForAll("runs") List<byte[]> run) {
        sameAsFresh(run, FactCodec::decode);
    }

    @Property(tries = 300)
    void aReusedReaderReadsCommandsAsAFreshRecord(@ForAll("runs") List<byte[]> run) {
        sameAsFresh(run, CommandCodec::decode);
    }

    @Property(tries = 300)
    void aStreamedRecordReadsAsAFreshRecord(@ForAll("runs") List<byte[]> run,
            @ForAll("knownIds") io.fomo.spi.EventId other) {
        // Replay streams each record first (Fields.stream) and reads it the general way when the stream deviates:
        // the facts, the command, or the refusal (class and message) are a fresh record's, whatever came before.
        Fields reader = Fields.reader();
        for (int n = 0; n < run.size(); n++) {
            byte[] bytes = run.get(n);
            long record = 1000L + 7L * n;
            assertEquals(outcome(() -> FactCodec.decode(Fields.decode(bytes, "journal record " + record))),
                    outcome(() -> reader.read(bytes, record, null, FactCodec::decode)));
            // The record's own payment id when it has one (what replay names), or another id.
            Object c = outcomeObject(() -> CommandCodec.decode(Fields.decode(bytes, "ctx")));
            io.fomo.spi.EventId known = c instanceof Command.RecordUsage u && n % 2 == 0
                    ? io.fomo.spi.EventId.of(new String(u.paymentId().value())) : other;
            assertEquals(outcome(() -> CommandCodec.decode(Fields.decode(bytes, "journal record " + record)
                            .knowing(known))),
                    outcome(() -> reader.read(bytes, record, known, CommandCodec::decode)));
        }
    }

    // About a third of the generated records are plain ASCII and stream (the generators' ids and texts reach
    // beyond ASCII often): 600 tries check about 200 records.
    @Property(tries = 600)
    void theCodecsReadWhatTheyWriteInTheOrderWritten(@ForAll("commandsAndFacts") Object written) {
        // Streaming reads a record only as its codec asks for the fields, one line after the other: a codec that
        // asked out of order or twice would read every record it wrote the slow way (and a record with a key
        // twice could pass a stream). Each asks for each of its own lines once, in order, to the end; only the
        // records of a launch's or a parameter change's settings, some of them optional and looked up by name,
        // are read the general way (a few per journal).
        Fields reader = Fields.reader();
        byte[] bytes;
        Function<Fields, Object> codec;
        boolean byName;
        if (written instanceof Command c) {
            Fields f = new Fields("test");
            CommandCodec.encode(c, f);
            bytes = f.encode();
            codec = CommandCodec::decode;
            byName = c instanceof Command.OpenLaunch || c instanceof Command.ChangeParameters;
        } else {
            @SuppressWarnings("unchecked")
            List<Fact> facts = (List<Fact>) written;
            bytes = FactCodec.encode(facts);
            codec = FactCodec::decode;
            byName = facts.stream().anyMatch(Fact.ParametersScheduled.class::isInstance);
        }
        // A record that is not plain ASCII (an id or a text with such characters) is read the general way.
        boolean ascii = true;
        for (byte b : bytes) {
            ascii &= b >= 0;
        }
        net.jqwik.api.Assume.that(ascii && !byName);
        Fields streamed = reader.stream(bytes, 1);
        assertEquals(written, codec.apply(streamed));
        org.junit.jupiter.api.Assertions.assertTrue(streamed.streamedAll(), "not read to its end: " + written);
    }

    @Provide
    Arbitrary<Object> commandsAndFacts() {
        return Arbitraries.oneOf(JournalCodecProperties.commands().map(c -> (Object) c),
                JournalCodecProperties.facts().list().ofMaxSize(12).map(l -> (Object) l));
    }

    @Property(tries = 500)
    void aKnownIdChangesNothingReadFromTheRecord(@ForAll("runs") List<byte[]> run,
            @ForAll("knownIds") io.fomo.spi.EventId other, @ForAll @IntRange(min = 0, max = 3) int how) {
        Fields reader = Fields.reader();
        for (int n = 0; n < run.size(); n++) {
            byte[] bytes = run.get(n);
            int record = n;
            String plain = outcome(() -> CommandCodec.decode(Fields.decode(bytes, "journal record " + record)));
            // The record's own payment id when it has one (what replay names), a near miss of it, or another id.
            io.fomo.spi.EventId known = other;
            Object c = outcomeObject(() -> CommandCodec.decode(Fields.decode(bytes, "ctx")));
            if (c instanceof Command.RecordUsage u) {
                String own = u.paymentId().value();
                if (how == 0) {
                    known = io.fomo.spi.EventId.of(new String(own));
                } else if (how == 1) {
                    known = io.fomo.spi.EventId.of(own + "0");
                } else if (how == 2 && own.length() > 1 && !own.substring(0, own.length() - 1).isBlank()
                        && own.substring(0, own.length() - 1).strip().equals(own.substring(0, own.length() - 1))) {
                    known = io.fomo.spi.EventId.of(own.substring(0, own.length() - 1));
                }
            }
            io.fomo.spi.EventId k = known;
            assertEquals(plain, outcome(() -> CommandCodec.decode(reader.reread(bytes, record).knowing(k))));
            assertEquals(plain, outcome(() -> CommandCodec.decode(Fields.decode(bytes, "journal record " + record)
                    .knowing(k))));
        }
    }

    /** Any id, or one of a few short ids that a payment id may be close to. */
    @Provide
    Arbitrary<io.fomo.spi.EventId> knownIds() {
        return Arbitraries.oneOf(JournalCodecProperties.eventIds(),
                Arbitraries.of("p-1", "p-10", "pé-1", "P-1", "p\\-1").map(io.fomo.spi.EventId::of));
    }

    private static Object outcomeObject(Supplier<Object> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Property(tries = 300)
    void aReusedReaderReadsEveryLineAsAFreshRecord(@ForAll("runs") List<byte[]> run) {
        // The record as a whole (its canonical bytes again) and a field asked for by name that it may not have.
        sameAsFresh(run, f -> new String(f.encode(), StandardCharsets.UTF_8) + "|" + outcome(() -> f.text("count")));
    }
}
