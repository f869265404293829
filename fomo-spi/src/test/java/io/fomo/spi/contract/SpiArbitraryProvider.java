package io.fomo.spi.contract;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.IntentId;
import io.fomo.spi.JournalEntry;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * Lets {@code @ForAll} generate the SPI's value types ({@link Asset}, {@link Amount}, {@link AccountId},
 * {@link EventId}, {@link IntentId}, {@link JournalEntry}) with {@link SpiArbitraries}. Registered in
 * {@code META-INF/services/net.jqwik.api.providers.ArbitraryProvider}, so it is active wherever the test
 * jar is on the class path.
 */
public final class SpiArbitraryProvider implements ArbitraryProvider {

    private static final Map<Class<?>, Supplier<Arbitrary<?>>> ARBITRARIES = Map.of(
            Asset.class, SpiArbitraries::assets,
            Amount.class, SpiArbitraries::amounts,
            AccountId.class, SpiArbitraries::accountIds,
            EventId.class, SpiArbitraries::eventIds,
            IntentId.class, SpiArbitraries::intentIds,
            JournalEntry.class, SpiArbitraries::journalEntries);

    /** Creates the provider; jqwik calls this through the service loader. */
    public SpiArbitraryProvider() {
    }

    @Override
    public boolean canProvideFor(TypeUsage targetType) {
        return ARBITRARIES.keySet().stream().anyMatch(targetType::isOfType);
    }

    @Override
    public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
        return ARBITRARIES.entrySet().stream()
                .filter(e -> targetType.isOfType(e.getKey()))
                .map(e -> e.getValue().get())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
