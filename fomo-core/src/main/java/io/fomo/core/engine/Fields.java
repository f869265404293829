package io.fomo.core.engine;

import io.fomo.core.internal.ByteCache;
import io.fomo.core.internal.JournalBytes;
import io.fomo.core.internal.JournalText;
import io.fomo.core.internal.TwoCores;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.EventId;
import io.fomo.spi.InvalidStateException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * An ordered record of named text fields with one canonical byte form: UTF-8 lines {@code key=value},
 * in insertion order, with backslash, newline and carriage return escaped in values. It is the payload
 * of every journaled event and the unit of the canonical state encoding, so it must never depend on the
 * platform, the locale or a hash order.
 *
 * <p>Speed, with the same bytes and the same answers as the plain string form: a record being written
 * appends each line to its canonical bytes as it is put ({@link JournalBytes}), numbers and amounts as
 * digits with no string in between; a pure ASCII record being read keeps its bytes, and a key or a value
 * without escapes stays a range of them until it is asked for as text; amounts and decimals are read
 * from the bytes ({@link JournalText}). Anything off those paths (a non-ASCII record, an escaped value,
 * a non-canonical number) goes the plain way. Keys are found, and duplicates refused, through a small
 * open-addressing table over their hashes, so a record of n fields costs O(n), not O(n²).
 *
 * <p>A {@link #writer write-only} record (a command or the facts of a submit, encoded once and never read
 * back) only appends its lines: it keeps no per-field index and does not look for a second field of the
 * same key, which its codec never writes (the codec properties decode every record they encode, and
 * decoding refuses a duplicate key). Reading it is a programming error.
 */
final class Fields {

    /** Up to this many fields, lookups scan the hashes instead of the table. */
    private static final int SCAN_LIMIT = 8;

    // The record's name in errors; a reused reader names its record by number only when an error needs it.
    private String context;
    private long record;
    // Per field: the key and the value as strings, or null while they are only bytes (ASCII, and for a
    // value nothing escaped): the key is data()[keyFrom, valueFrom - 1), the value data()[valueFrom, valueTo).
    private String[] keys;
    private String[] values;
    private int[] hashes;
    private int[] keyFrom;
    private int[] valueFrom;
    private int[] valueTo;
    private int size;
    // Open addressing over the key hashes, field index + 1 (0: empty), built past SCAN_LIMIT fields.
    private int[] table;
    // A record being written: its canonical bytes so far. Null for a record that was read.
    private final JournalBytes out;
    // A record that was read: its bytes (a reused reader's change with every record).
    private byte[] source;
    // A record written once and never read back: no per-field index, no duplicate check.
    private final boolean writeOnly;
    // A write-only record's numbered prefix ("12."), written before every key: its bytes, and how many.
    private byte[] numbered;
    private int numberedLength;

    Fields(String context) {
        this(context, 8);
    }

    /** A record to be written, with room for about {@code fields} fields before it grows. */
    Fields(String context, int fields) {
        this(context, fields, false);
    }

    private Fields(String context, int fields, boolean writeOnly) {
        this.context = context;
        this.out = new JournalBytes(fields * 48);
        this.source = null;
        this.writeOnly = writeOnly;
        if (!writeOnly) {
            allocate(fields <= 8 ? 8 : Integer.highestOneBit(fields - 1) * 2);
        }
    }

    /**
     * A record to be encoded once and never read back, with room for about {@code fields} fields: its lines
     * are only appended (see the class comment).
     */
    static Fields writer(String context, int fields) {
        return new Fields(context, fields, true);
    }

    /**
     * A record to be encoded once and never read back, written into {@code buffer} from its start (what the
     * buffer held is forgotten): a writer that encodes records one after the other reuses one buffer, which
     * keeps the size of the largest, instead of growing a new one to megabytes for each. {@link #encode}
     * copies the record out; the buffer is the caller's again once it has.
     */
    static Fields writer(String context, JournalBytes buffer) {
        return new Fields(context, buffer);
    }

    /** Writes items {@code from} (inclusive) to {@code to} (exclusive) of a record, each under its index. */
    interface Items {
        void write(int from, int to, Fields f);
    }

    /**
     * Writes one record of {@code n} items, in chunks shared with a second core ({@link TwoCores#chunks}) when
     * there are at least {@code splitFrom} of them (and two buffers, and two items): chunk {@code k} of
     * {@code buffers.length} (fewer for fewer items) in a writer of {@code buffers[k]}, the first starting with
     * the lines {@code head} writes; the chunks are then copied out, in order, into one array. An item's lines
     * depend on nothing but the item and its index, so the chunks join into exactly the record one writer makes,
     * which is what a smaller record gets: one writer of {@code buffers[0]}.
     */
    static byte[] inChunks(String context, JournalBytes[] buffers, int n, int splitFrom,
            java.util.function.Consumer<Fields> head, Items items) {
        if (buffers.length < 2 || n < splitFrom || n < 2) {
            Fields f = writer(context, buffers[0]);
            head.accept(f);
            items.write(0, n, f);
            return f.encode();
        }
        int count = Math.min(buffers.length, n);
        TwoCores.chunks(0, n, count, (k, from, to) -> {
            Fields f = writer(context, buffers[k]);
            if (k == 0) {
                head.accept(f);
            }
            items.write(from, to, f);
        });
        return JournalBytes.concat(buffers, count);
    }

    private Fields(String context, JournalBytes buffer) {
        this.context = context;
        this.out = buffer;
        this.source = null;
        this.writeOnly = true;
        buffer.clear();
    }

    private Fields(String context, byte[] source) {
        this.context = context;
        this.out = null;
        this.source = source;
        this.writeOnly = false;
        // About one field per 24 bytes of a journal record: room made once instead of doubling.
        int fields = source.length / 24;
        allocate(fields <= 8 ? 8 : Integer.highestOneBit(fields) * 2);
    }

    private void allocate(int n) {
        keys = new String[n];
        values = new String[n];
        hashes = new int[n];
        keyFrom = new int[n];
        valueFrom = new int[n];
        valueTo = new int[n];
    }

    private byte[] data() {
        return out != null ? out.array() : source;
    }

    // ---- writing

    Fields put(String key, String value) {
        return put("", key, value);
    }

    Fields put(String key, long value) {
        return put("", key, value);
    }

    Fields put(String key, boolean value) {
        return put("", key, Boolean.toString(value));
    }

    Fields put(String key, BigDecimal value) {
        return put("", key, value);
    }

    Fields put(String key, Amount value) {
        return put("", key, value);
    }

    Fields put(String key, Instant value) {
        return put("", key, value);
    }

    /** Puts the field {@code prefix + name}, without building that key when the record is being written. */
    Fields put(String prefix, String name, String value) {
        if (writeOnly) {
            begin(prefix, name);
            out.escaped(value);
            return endBytes(-1);
        }
        int i = begin(prefix, name);
        values[i] = value;
        if (out != null) {
            out.escaped(value);
            valueTo[i] = out.size();
            out.ascii('\n');
        }
        return end();
    }

    Fields put(String prefix, String name, long value) {
        if (out == null) {
            return put(prefix, name, Long.toString(value));
        }
        int i = begin(prefix, name);
        out.number(value);
        return endBytes(i);
    }

    Fields put(String prefix, String name, boolean value) {
        return put(prefix, name, Boolean.toString(value));
    }

    Fields put(String prefix, String name, BigDecimal value) {
        if (out == null) {
            return put(prefix, name, value.toPlainString());
        }
        int i = begin(prefix, name);
        out.plain(value);
        return endBytes(i);
    }

    Fields put(String prefix, String name, Amount value) {
        Asset a = value.asset();
        if (out == null) {
            return put(prefix, name, a.symbol() + ':' + a.decimals() + ':' + value.toPlainString());
        }
        int i = begin(prefix, name);
        // An asset's symbol is ASCII without escapes (Asset.of checks it), so the value stays bytes.
        out.text(a.symbol());
        out.ascii(':').number(a.decimals()).ascii(':').plain(value.value());
        return endBytes(i);
    }

    Fields put(String prefix, String name, Instant value) {
        if (out == null) {
            return put(prefix, name, value.getEpochSecond() + "." + nineDigits(value.getNano()));
        }
        int i = begin(prefix, name);
        out.secondsNanos(value.getEpochSecond(), value.getNano());
        return endBytes(i);
    }

    private static String nineDigits(int nanos) {
        String s = Integer.toString(nanos);
        return "000000000".substring(s.length()) + s;
    }

    /**
     * Starts the keys of a write-only record's {@code index}-th item: every key put from now on is written
     * after {@code index + "."} (before its own prefix), as if that had been put in front of the prefix, but
     * without a string made for each item of a record of thousands. The keys read back are the same.
     */
    Fields numbered(int index) {
        if (!writeOnly) {
            throw new IllegalStateException(context() + ": only a write-only record numbers its keys");
        }
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + ": must not be negative");
        }
        if (numbered == null) {
            numbered = new byte[11];
        }
        int n = 1;
        for (int t = index; t >= 10; t /= 10) {
            n++;
        }
        for (int at = n - 1; at >= 0; at--) {
            numbered[at] = (byte) ('0' + index % 10);
            index /= 10;
        }
        numbered[n] = '.';
        numberedLength = n + 1;
        return this;
    }

    // Starts the field prefix + name: refuses a second field of that key and, when writing, writes "key=".
    private int begin(String prefix, String name) {
        if (writeOnly) {
            if (numberedLength != 0) {
                out.raw(numbered, 0, numberedLength);
            }
            out.text(prefix);
            out.text(name);
            out.ascii('=');
            return -1;
        }
        int h = hash(prefix, name);
        if (find(h, prefix, name) >= 0) {
            throw new IllegalStateException("field written twice: " + prefix + name);
        }
        int i = slot(h);
        if (out != null) {
            keyFrom[i] = out.size();
            boolean ascii = out.text(prefix) & out.text(name);
            keys[i] = !ascii ? prefix + name : prefix.isEmpty() ? name : null;
            out.ascii('=');
            valueFrom[i] = out.size();
        } else {
            keys[i] = prefix + name;
        }
        return i;
    }

    private Fields endBytes(int i) {
        if (writeOnly) {
            out.ascii('\n');
            size++;
            return this;
        }
        values[i] = null;
        valueTo[i] = out.size();
        out.ascii('\n');
        return end();
    }

    // Makes room for one more field with this key hash and returns its index.
    private int slot(int h) {
        if (size == keys.length) {
            grow(size * 2);
        }
        hashes[size] = h;
        return size;
    }

    private void grow(int n) {
        keys = Arrays.copyOf(keys, n);
        values = Arrays.copyOf(values, n);
        hashes = Arrays.copyOf(hashes, n);
        keyFrom = Arrays.copyOf(keyFrom, n);
        valueFrom = Arrays.copyOf(valueFrom, n);
        valueTo = Arrays.copyOf(valueTo, n);
        if (table != null) {
            table = new int[n * 2];
            for (int k = 0; k < size; k++) {
                index(k);
            }
        }
    }

    private Fields end() {
        int i = size++;
        if (table != null) {
            index(i);
        } else if (size > SCAN_LIMIT) {
            table = new int[keys.length * 2];
            for (int k = 0; k < size; k++) {
                index(k);
            }
        }
        return this;
    }

    private void index(int i) {
        int mask = table.length - 1;
        int s = spread(hashes[i]) & mask;
        while (table[s] != 0) {
            s = (s + 1) & mask;
        }
        table[s] = i + 1;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    // (prefix + name).hashCode(), without building the key.
    private static int hash(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name.hashCode();
        }
        int h = prefix.hashCode();
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return h;
    }

    // ---- finding

    private int find(int h, String prefix, String name) {
        if (streaming) {
            throw Deviation.INSTANCE;
        }
        if (table == null) {
            for (int i = 0; i < size; i++) {
                if (hashes[i] == h && keyIs(i, prefix, name)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int s = spread(h) & mask; table[s] != 0; s = (s + 1) & mask) {
            int i = table[s] - 1;
            if (hashes[i] == h && keyIs(i, prefix, name)) {
                return i;
            }
        }
        return -1;
    }

    private int find(String key) {
        readable();
        return find(key.hashCode(), "", key);
    }

    private boolean keyIs(int i, String prefix, String name) {
        int pl = prefix.length();
        int nl = name.length();
        String k = keys[i];
        if (k != null) {
            return k.length() == pl + nl && k.startsWith(prefix) && k.startsWith(name, pl);
        }
        int from = keyFrom[i];
        if (valueFrom[i] - 1 - from != pl + nl) {
            return false;
        }
        byte[] d = data();
        for (int j = 0; j < pl; j++) {
            if (d[from + j] != prefix.charAt(j)) {
                return false;
            }
        }
        from += pl;
        for (int j = 0; j < nl; j++) {
            if (d[from + j] != name.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private String key(int i) {
        String k = keys[i];
        if (k == null) {
            k = new String(data(), keyFrom[i], valueFrom[i] - 1 - keyFrom[i], StandardCharsets.ISO_8859_1);
            keys[i] = k;
        }
        return k;
    }

    private String value(int i) {
        String v = values[i];
        if (v == null) {
            v = new String(data(), valueFrom[i], valueTo[i] - valueFrom[i], StandardCharsets.ISO_8859_1);
            values[i] = v;
        }
        return v;
    }

    private void readable() {
        if (writeOnly) {
            throw new IllegalStateException(context() + ": a write-only record is not read back");
        }
    }

    private String get(String key) {
        int i = find(key);
        return i < 0 ? null : value(i);
    }

    boolean has(String key) {
        return find(key) >= 0;
    }

    // ---- reading by key

    private int required(String key) {
        if (streaming) {
            return streamed("", key);
        }
        int i = find(key);
        if (i < 0) {
            throw new InvalidStateException(context() + ": missing field '" + key + "'");
        }
        return i;
    }

    String text(String key) {
        return value(required(key));
    }

    /** The same as {@link #text(String)}, for a tag: one of a few texts that recur in every record. */
    String tag(String key) {
        return tagAt(required(key));
    }

    long longValue(String key) {
        return longAt(required(key), "", key);
    }

    int intValue(String key) {
        return intAt(required(key), "", key);
    }

    boolean bool(String key) {
        return bool(text(key), "", key);
    }

    // The value v of the field prefix + name as a boolean: exactly "true" or "false".
    private boolean bool(String v, String prefix, String name) {
        if (!v.equals("true") && !v.equals("false")) {
            throw corrupt(prefix + name, "true or false");
        }
        return v.equals("true");
    }

    BigDecimal decimal(String key) {
        return decimalAt(required(key), "", key);
    }

    Amount amount(String key) {
        return amountAt(required(key), "", key);
    }

    Instant instant(String key) {
        return instantAt(required(key), "", key);
    }

    AccountId account(String key) {
        return accountAt(required(key));
    }

    DeploymentId deployment(String key) {
        return deploymentAt(required(key));
    }

    EventId eventId(String key) {
        int i = required(key);
        EventId known = knownId;
        if (known != null && values[i] == null && textIs(i, known.value())) {
            return known;
        }
        return EventId.of(value(i));
    }

    // An id this record is expected to repeat (replay: a usage command repeats its charge's payment id).
    private EventId knownId;

    /**
     * Names an id that this record probably holds: {@link #eventId(String)} returns it, instead of making and
     * checking the same id again, for a field whose text is exactly the id's. Any other field reads as before.
     * Forgotten by {@link #reread}.
     */
    Fields knowing(EventId id) {
        this.knownId = id;
        return this;
    }

    // Whether field i, still ASCII bytes without escapes, has exactly the text t.
    private boolean textIs(int i, String t) {
        int from = valueFrom[i];
        int n = valueTo[i] - from;
        if (t.length() != n) {
            return false;
        }
        byte[] d = data();
        for (int j = 0; j < n; j++) {
            if (d[from + j] != t.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    // ---- typed values of field i (key: its name, for the error)

    // Accounts and deployments recur in every record: a value still in bytes is looked up by them.
    private static final ByteCache<AccountId> ACCOUNTS = new ByteCache<>(1024, AccountId::of);
    private static final ByteCache<DeploymentId> DEPLOYMENTS = new ByteCache<>(256, DeploymentId::of);

    // Tags (of commands and facts) recur in every record: one still in bytes is looked up by them, so
    // reading it makes no string (and the string's hash, for the switch on it, is taken once).
    private static final ByteCache<String> TAGS = new ByteCache<>(128, t -> t);

    private String tagAt(int i) {
        String v = values[i];
        if (v == null) {
            v = TAGS.get(data(), valueFrom[i], valueTo[i]);
            values[i] = v;
        }
        return v;
    }

    private AccountId accountAt(int i) {
        return values[i] == null ? ACCOUNTS.get(data(), valueFrom[i], valueTo[i]) : AccountId.of(values[i]);
    }

    private DeploymentId deploymentAt(int i) {
        return values[i] == null ? DEPLOYMENTS.get(data(), valueFrom[i], valueTo[i]) : DeploymentId.of(values[i]);
    }

    private long longAt(int i, String prefix, String name) {
        if (values[i] == null) {
            long v = JournalText.plainLong(data(), valueFrom[i], valueTo[i], 18);
            if (v != JournalText.NOT_PLAIN) {
                return v;
            }
        }
        try {
            return Long.parseLong(value(i));
        } catch (NumberFormatException e) {
            throw corrupt(prefix + name, "an integer");
        }
    }

    private int intAt(int i, String prefix, String name) {
        if (values[i] == null) {
            long v = JournalText.plainLong(data(), valueFrom[i], valueTo[i], 9);
            if (v != JournalText.NOT_PLAIN) {
                return (int) v;
            }
        }
        try {
            return Integer.parseInt(value(i));
        } catch (NumberFormatException e) {
            throw corrupt(prefix + name, "an integer");
        }
    }

    private BigDecimal decimalAt(int i, String prefix, String name) {
        if (values[i] == null) {
            BigDecimal v = JournalText.plainDecimal(data(), valueFrom[i], valueTo[i]);
            if (v != null) {
                return v;
            }
        }
        try {
            return new BigDecimal(value(i));
        } catch (NumberFormatException e) {
            throw corrupt(prefix + name, "a decimal");
        }
    }

    private Amount amountAt(int i, String prefix, String name) {
        if (values[i] == null) {
            Amount a = JournalText.amount(data(), valueFrom[i], valueTo[i]);
            if (a != null) {
                return a;
            }
        }
        return amountOf(prefix + name, value(i));
    }

    private Amount amountOf(String key, String v) {
        int second = v.indexOf(':', v.indexOf(':') + 1);
        if (v.indexOf(':') <= 0 || second < 0) {
            throw corrupt(key, "SYMBOL:decimals:value");
        }
        try {
            String prefix = v.substring(0, second);
            Asset asset = JournalText.cachedAsset(prefix);
            if (asset == null) {
                String[] parts = prefix.split(":", 2);
                asset = Asset.of(parts[0], Integer.parseInt(parts[1]));
                JournalText.cacheAsset(prefix, asset);
            }
            return Amount.of(asset, new BigDecimal(v.substring(second + 1)));
        } catch (RuntimeException e) {
            throw corrupt(key, "SYMBOL:decimals:value");
        }
    }

    private Instant instantAt(int i, String prefix, String name) {
        if (values[i] == null) {
            Instant t = JournalText.plainInstant(data(), valueFrom[i], valueTo[i]);
            if (t != null) {
                return t;
            }
        }
        String[] parts = value(i).split("\\.", 2);
        try {
            return Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException e) {
            throw corrupt(prefix + name, "seconds.nanos");
        }
    }

    private InvalidStateException corrupt(String key, String expected) {
        return new InvalidStateException(context() + ": field '" + key + "' = " + get(key) + ": expected " + expected);
    }

    // ---- reading in the canonical order: the field of `prefix + name` is normally the next one, so it is
    // matched in place without building the key; a field elsewhere is found by name, and reading goes on
    // after it.

    private int cursor;

    private int next(String prefix, String name) {
        if (streaming) {
            return streamed(prefix, name);
        }
        readable();
        int i = cursor;
        if (i >= size || !keyIs(i, prefix, name)) {
            i = find(hash(prefix, name), prefix, name);
            if (i < 0) {
                throw new InvalidStateException(context() + ": missing field '" + prefix + name + "'");
            }
        }
        cursor = i + 1;
        return i;
    }

    String text(String prefix, String name) {
        return value(next(prefix, name));
    }

    /** The same as {@link #text(String, String)}, for a tag: one of a few texts that recur in every record. */
    String tag(String prefix, String name) {
        return tagAt(next(prefix, name));
    }

    Amount amount(String prefix, String name) {
        return amountAt(next(prefix, name), prefix, name);
    }

    AccountId account(String prefix, String name) {
        return accountAt(next(prefix, name));
    }

    DeploymentId deployment(String prefix, String name) {
        return deploymentAt(next(prefix, name));
    }

    EventId eventId(String prefix, String name) {
        return EventId.of(text(prefix, name));
    }

    long longValue(String prefix, String name) {
        return longAt(next(prefix, name), prefix, name);
    }

    int intValue(String prefix, String name) {
        return intAt(next(prefix, name), prefix, name);
    }

    boolean bool(String prefix, String name) {
        return bool(value(next(prefix, name)), prefix, name);
    }

    BigDecimal decimal(String prefix, String name) {
        return decimalAt(next(prefix, name), prefix, name);
    }

    Instant instant(String prefix, String name) {
        return instantAt(next(prefix, name), prefix, name);
    }

    // ---- bytes

    byte[] encode() {
        if (out != null) {
            return out.toByteArray();
        }
        JournalBytes b = new JournalBytes(source == null ? size * 24 : source.length + 16);
        for (int i = 0; i < size; i++) {
            b.text(key(i));
            b.ascii('=');
            b.escaped(value(i));
            b.ascii('\n');
        }
        return b.toByteArray();
    }

    static Fields decode(byte[] bytes, String context) {
        return new Fields(context, bytes).parse();
    }

    /**
     * An empty reader for {@link #reread}: one per thread that reads many records one after the other (replay),
     * so that reading a record allocates no record and no per-field arrays. Not thread-safe.
     */
    static Fields reader() {
        return new Fields("journal record 0", new byte[0]);
    }

    /**
     * Reads {@code bytes} into this reader, forgetting the record it held: the same fields, answers and
     * errors as {@link #decode decode(bytes, "journal record " + record)}, which a non-ASCII record still
     * goes through (then that new record is returned). Whatever was read from the record before is
     * unchanged (values are immutable), but this reader must not be asked about the previous record again.
     *
     * @return this reader, or a new record for a record that is not pure ASCII
     */
    Fields reread(byte[] bytes, long record) {
        start(bytes, record);
        this.streaming = false;
        int fields = bytes.length / 24;
        int n = fields <= 8 ? 8 : Integer.highestOneBit(fields) * 2;
        if (keys.length < n || keys.length > 4 * n) {
            // Room for this record; arrays kept from a much larger record are dropped, or every lookup table
            // built for a record of more than a few fields would be sized for that larger one.
            allocate(n);
        }
        return parse();
    }

    private void start(byte[] bytes, long record) {
        if (source == null) {
            throw new IllegalStateException(context() + ": a record being written is not a reader");
        }
        this.context = null;
        this.record = record;
        this.source = bytes;
        this.size = 0;
        this.cursor = 0;
        this.table = null;
        this.knownId = null;
    }

    // ---- streaming: a record read line by line as a codec asks for its fields in the order they were written

    // Whether this reader streams its record (see stream), and the first byte of the lines not read yet.
    private boolean streaming;
    private int scan;

    /**
     * What a streamed record does when it is not exactly as its codec writes it: the record is then read the
     * general way ({@link #reread}). Thrown without a stack (it is control flow, never seen by a caller).
     */
    static final class Deviation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Deviation INSTANCE = new Deviation();

        private Deviation() {
            super("the record is not in its codec's order", null, false, false);
        }
    }

    /**
     * Starts reading {@code bytes} as a stream: no field is split, hashed or indexed ahead; each field asked for
     * reads the record's next line, which must hold exactly that key, or {@link Deviation} is thrown (so is it
     * for a line that is not plain ASCII, is malformed, or for a field asked by name out of order). A codec
     * reading a record it wrote asks for its fields in the order it wrote them, once each, so a stream that
     * reads to the end of the record ({@link #streamedAll}) without a deviation has read every line, each of
     * a distinct key: exactly the fields {@link #reread} would index, with the same values, and no error that
     * {@code reread} would raise. Anything else is read again with {@code reread}, which gives its answer or
     * error exactly ({@link #read}: replay reads every command and facts record this way first, since splitting
     * and indexing each record cost a third of reading it).
     *
     * @return this reader
     */
    Fields stream(byte[] bytes, long record) {
        start(bytes, record);
        this.streaming = true;
        this.scan = 0;
        return this;
    }

    /**
     * Decodes {@code bytes} with {@code codec}, streamed first ({@link #stream}) and read the general way
     * ({@link #reread}) when the stream deviates, so that the answer, or the error, is exactly
     * {@code codec.apply(reread(bytes, record).knowing(known))}'s. How replay reads every command and facts
     * record.
     *
     * @param known an id the record probably repeats ({@link #knowing}), or null
     */
    <T> T read(byte[] bytes, long record, EventId known, java.util.function.Function<Fields, T> codec) {
        try {
            T value = codec.apply(stream(bytes, record).knowing(known));
            if (streamedAll()) {
                return value;
            }
        } catch (RuntimeException deviated) {
            // Read again below, the general way: its answer, or its error.
        }
        return codec.apply(reread(bytes, record).knowing(known));
    }

    /** Whether a streamed record has been read to its end: every line of it was asked for, in order. */
    boolean streamedAll() {
        return scan == source.length;
    }

    // The next line of a streamed record, which must be the field prefix + name.
    private int streamed(String prefix, String name) {
        int start = scan;
        if (scanLine(source, start, false) != LINE) {
            throw Deviation.INSTANCE;
        }
        int i = size;
        if (i == keys.length) {
            grow(2 * i);
        }
        keys[i] = null;
        values[i] = lineEscaped ? JournalText.unescapeAscii(source, lineEq + 1, lineEnd) : null;
        keyFrom[i] = start;
        valueFrom[i] = lineEq + 1;
        valueTo[i] = lineEnd;
        if (!keyIs(i, prefix, name)) {
            throw Deviation.INSTANCE;
        }
        size = i + 1;
        cursor = size;
        scan = lineEnd + 1;
        return i;
    }

    private String context() {
        if (context == null) {
            context = "journal record " + record;
        }
        return context;
    }

    private Fields parse() {
        byte[] bytes = source;
        int start = 0;
        while (start < bytes.length) {
            switch (scanLine(bytes, start, true)) {
                case NOT_ASCII:
                    return decodeText(bytes, context());
                case TRUNCATED:
                    throw new InvalidStateException(context() + ": truncated record");
                case MALFORMED:
                    throw new InvalidStateException(context() + ": malformed line '"
                            + new String(bytes, start, lineEnd - start, StandardCharsets.ISO_8859_1) + "'");
                default:
                    break;
            }
            read(lineHash, start, lineEq, lineEnd,
                    lineEscaped ? JournalText.unescapeAscii(bytes, lineEq + 1, lineEnd) : null);
            start = lineEnd + 1;
        }
        return this;
    }

    // What scanLine found: a line, or why it cannot be read as one (in the order they are checked).
    private static final int LINE = 0;
    private static final int NOT_ASCII = 1;
    private static final int TRUNCATED = 2;
    private static final int MALFORMED = 3;
    // The line scanLine found: its key's hash and end (the '='), its end (the newline), whether it has an escape.
    private int lineHash;
    private int lineEq;
    private int lineEnd;
    private boolean lineEscaped;

    /**
     * Scans the line of {@code bytes} from {@code start}, as both {@link #parse} and {@link #streamed} read one:
     * the key up to its '=' (hashed on the way when {@code hashKey}: a streamed record looks nothing up by hash),
     * then the value, passed over 8 plain bytes at a time up to the
     * first group that may hold its end, an escape or a non-ASCII byte, then byte by byte to the line's end.
     * A non-ASCII byte anywhere sends the whole record the plain way ({@code NOT_ASCII}).
     */
    private int scanLine(byte[] bytes, int start, boolean hashKey) {
        int n = bytes.length;
        int h = 0;
        int eq = start;
        byte c = 0;
        if (hashKey) {
            while (eq < n && (c = bytes[eq]) != '=' && c != '\n' && c >= 0) {
                h = 31 * h + c;
                eq++;
            }
        } else {
            while (eq < n && (c = bytes[eq]) != '=' && c != '\n' && c >= 0) {
                eq++;
            }
        }
        if (c < 0) {
            return NOT_ASCII;
        }
        int end = eq;
        boolean escaped = false;
        if (eq < n && c == '=') {
            end = JournalText.skipPlain(bytes, eq + 1, n);
            while (end < n && (c = bytes[end]) != '\n') {
                if (c < 0) {
                    return NOT_ASCII;
                }
                escaped |= c == '\\';
                end++;
            }
        }
        lineHash = h;
        lineEq = eq;
        lineEnd = end;
        lineEscaped = escaped;
        if (end == n) {
            return TRUNCATED;
        }
        return eq == end || eq == start ? MALFORMED : LINE;
    }

    // Adds a field read from the bytes: key [from, eq), value (eq, end) or the unescaped text given. A second
    // field of its key is searched among the fields before it as it is put in place: by their hashes up to
    // SCAN_LIMIT fields, then on the one probe of the table that inserts it.
    private void read(int h, int from, int eq, int end, String unescaped) {
        int i = slot(h);
        keys[i] = null;
        values[i] = unescaped;
        keyFrom[i] = from;
        valueFrom[i] = eq + 1;
        valueTo[i] = end;
        int len = eq - from;
        if (table == null) {
            for (int k = 0; k < i; k++) {
                if (hashes[k] == h && sameKey(k, from, len)) {
                    throw twice(i);
                }
            }
            end();
            return;
        }
        int mask = table.length - 1;
        int s = spread(h) & mask;
        for (int t; (t = table[s]) != 0; s = (s + 1) & mask) {
            if (hashes[t - 1] == h && sameKey(t - 1, from, len)) {
                throw twice(i);
            }
        }
        table[s] = i + 1;
        size++;
    }

    private IllegalStateException twice(int i) {
        return new IllegalStateException("field written twice: " + key(i));
    }

    private boolean sameKey(int k, int from, int len) {
        int kf = keyFrom[k];
        return valueFrom[k] - 1 - kf == len && Arrays.equals(source, kf, kf + len, source, from, from + len);
    }

    // The plain way, for a record that is not pure ASCII.
    private static Fields decodeText(byte[] bytes, String context) {
        Fields f = new Fields(context, bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw new InvalidStateException(context + ": truncated record");
            }
            int eq = text.indexOf('=', start);
            if (eq <= start || eq >= end) {
                throw new InvalidStateException(context + ": malformed line '" + text.substring(start, end) + "'");
            }
            f.put(text.substring(start, eq), JournalText.unescape(text, eq + 1, end));
            start = end + 1;
        }
        return f;
    }
}
