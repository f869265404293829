package io.fomo.examples.vectors.ops;

import io.fomo.core.engine.Fact;
import io.fomo.core.engine.FactFold;
import io.fomo.examples.vectors.MalformedVectorException;
import io.fomo.examples.vectors.OpCatalog;
import io.fomo.examples.vectors.VectorInput;
import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The vector op of the journal of facts: {@code journal.fold}, the books (balances and supplies) as the
 * fold of movement facts, through {@link FactFold}. Fields and rules are documented in docs/vectors.md.
 */
public final class JournalOps {

    private JournalOps() {
    }

    /**
     * Registers the op.
     *
     * @param r the catalog's registrar
     */
    public static void register(OpCatalog.Registrar r) {
        r.add("journal.fold", JournalOps::fold);
    }

    private static Map<String, Object> fold(VectorInput in) {
        Map<String, Asset> assets = new TreeMap<>();
        VectorInput declared = in.object("assets");
        for (String symbol : declared.keys()) {
            assets.put(symbol, Asset.of(symbol, declared.integer(symbol)));
        }
        List<VectorInput> given = in.list("facts");
        List<Fact> facts = new ArrayList<>();
        for (VectorInput f : given) {
            facts.add(fact(f, assets));
        }
        FactFold books = FactFold.of(facts);
        Map<String, Object> balances = new TreeMap<>();
        Map<String, Object> supplies = new TreeMap<>();
        for (Asset asset : assets.values()) {
            Amount supply = books.supply(asset);
            supplies.put(asset.symbol(), supply);
        }
        for (VectorInput f : given) {
            for (String role : new String[] {"to", "from", "trader", "pool"}) {
                if (f.has(role)) {
                    AccountId account = AccountId.of(f.string(role));
                    Map<String, Object> held = new TreeMap<>();
                    for (Asset asset : assets.values()) {
                        Amount a = books.balance(account, asset);
                        if (!a.isZero()) {
                            held.put(asset.symbol(), a);
                        }
                    }
                    if (!held.isEmpty()) {
                        balances.put(account.value(), held);
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("balances", balances);
        out.put("supplies", supplies);
        out.put("hash", books.hash());
        return out;
    }

    private static Fact fact(VectorInput f, Map<String, Asset> assets) {
        String tag = f.string("fact");
        switch (tag) {
            case "minted":
                return new Fact.Minted(AccountId.of(f.string("to")), amount(f, "amount", assets));
            case "burned":
                return new Fact.Burned(AccountId.of(f.string("from")), amount(f, "amount", assets));
            case "moved":
                return new Fact.Moved(AccountId.of(f.string("from")), AccountId.of(f.string("to")),
                        amount(f, "amount", assets));
            case "swapped":
                return new Fact.Swapped(AccountId.of(f.string("trader")), AccountId.of(f.string("pool")),
                        amount(f.object("in"), "amount", assets), amount(f.object("out"), "amount", assets));
            default:
                throw InvalidArgumentException.of(f.path() + ".fact", tag,
                        "expected one of the movement facts: minted, burned, moved, swapped");
        }
    }

    private static Amount amount(VectorInput f, String key, Map<String, Asset> assets) {
        String symbol = f.string("asset");
        Asset asset = assets.get(symbol);
        if (asset == null) {
            throw new MalformedVectorException(f.path() + ".asset", symbol + " is not declared in assets");
        }
        return f.amount(key, asset);
    }
}
