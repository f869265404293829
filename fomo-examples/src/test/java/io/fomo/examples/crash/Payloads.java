package io.fomo.examples.crash;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.IntentId;
import io.fomo.spi.IntentKind;
import io.fomo.spi.JournalEntry;
import io.fomo.spi.TokenIntent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads journal payloads in the engine's documented record form (UTF-8 lines {@code key=value}, with
 * backslash, newline and carriage return escaped), written here from that description rather than by
 * calling the engine's package-private codec.
 */
final class Payloads {

    private Payloads() {
    }

    static Map<String, String> fields(JournalEntry entry) {
        String text = new String(entry.payload(), StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new AssertionError("malformed payload line '" + line + "' in " + entry);
            }
            StringBuilder v = new StringBuilder();
            for (int i = eq + 1; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char n = line.charAt(++i);
                    v.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                } else {
                    v.append(c);
                }
            }
            out.put(line.substring(0, eq), v.toString());
        }
        return out;
    }

    static String field(JournalEntry entry, String key) {
        String v = fields(entry).get(key);
        if (v == null) {
            throw new AssertionError("no field '" + key + "' in " + entry + ": " + fields(entry));
        }
        return v;
    }

    /** Decodes a journaled intent (fields id, kind, from, to, amount, second). */
    static TokenIntent intent(JournalEntry entry) {
        Map<String, String> f = fields(entry);
        IntentId id = IntentId.of(f.get("id"));
        AccountId from = f.containsKey("from") ? AccountId.of(f.get("from")) : null;
        AccountId to = f.containsKey("to") ? AccountId.of(f.get("to")) : null;
        Amount amount = amount(f.get("amount"));
        switch (IntentKind.valueOf(f.get("kind"))) {
            case MINT: return TokenIntent.mint(id, to, amount);
            case BURN: return TokenIntent.burn(id, from, amount);
            case TRANSFER: return TokenIntent.transfer(id, from, to, amount);
            case ADD_LIQUIDITY: return TokenIntent.addLiquidity(id, from, to, amount, amount(f.get("second")));
            case SWAP: return TokenIntent.swap(id, from, to, amount, amount(f.get("second")));
            default: throw new AssertionError("unknown intent kind in " + f);
        }
    }

    private static Amount amount(String text) {
        String[] parts = text.split(":", 3);
        return Amount.of(Asset.of(parts[0], Integer.parseInt(parts[1])), new BigDecimal(parts[2]));
    }
}
