package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidStateException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The books are the fold of the journaled facts: balance for balance, supply for supply. */
class FactFoldProperties {

    @Property(tries = 30)
    void foldingAJournalsFactsGivesTheEnginesBooks(@ForAll(supplier = EngineProperties.Scripts.class) List<EngineProperties.Step> script) {
        EngineFixture f = new EngineFixture().graduated();
        int n = 0;
        for (EngineProperties.Step s : script) {
            try {
                f.protocol.submit(EventId.of("p" + n), EngineProperties.command(f, s, n));
            } catch (FomoException e) {
                // rejected: no facts
            }
            n++;
        }
        FactFold books = FactFold.of(FactFold.factsOf(f.journal));
        Map<String, Amount> balances = f.protocol.stateForTest().tokens.sortedBalances();
        balances.forEach((key, amount) -> {
            AccountId a = AccountId.of(key.substring(0, key.lastIndexOf('|')));
            assertEquals(amount, books.balance(a, amount.asset()), key);
        });
        f.protocol.stateForTest().tokens.sortedSupplies().forEach((symbol, supply) ->
                assertEquals(supply, books.supply(supply.asset()), symbol));
        // The same books from the same facts folded one by one: the hash is a function of the facts.
        FactFold again = FactFold.empty();
        FactFold.factsOf(f.journal).forEach(again::apply);
        assertEquals(books.hash(), again.hash());
    }

    @Test
    void aFactTakingMoreThanAnAccountHoldsIsRejected() {
        AccountId a = AccountId.of("a");
        AccountId b = AccountId.of("b");
        FactFold f = FactFold.of(List.of(new Fact.Minted(a, Amount.of(Asset.FLOCK, 5))));
        String before = f.hash();
        InvalidStateException x = assertThrows(InvalidStateException.class,
                () -> f.apply(new Fact.Moved(a, b, Amount.of(Asset.FLOCK, 6))));
        assertEquals("moved.from = a: holds 5.000000000000000000 FLOCK, less than the 6.000000000000000000 FLOCK taken",
                x.getMessage());
        assertEquals(before, f.hash());
        assertEquals(Amount.of(Asset.FLOCK, 5), f.supply(Asset.FLOCK));
    }
}
