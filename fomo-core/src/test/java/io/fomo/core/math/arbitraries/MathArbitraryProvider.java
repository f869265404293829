package io.fomo.core.math.arbitraries;

import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * Lets {@code @ForAll} generate the math package's test domain types, {@link AllocationCase} and
 * {@link WaterfallCase}, with {@link MathArbitraries}. Registered in
 * {@code META-INF/services/net.jqwik.api.providers.ArbitraryProvider}. It provides no SPI value type
 * ({@code Asset}, {@code Amount}), so it cannot compete with the SPI's own provider.
 */
public final class MathArbitraryProvider implements ArbitraryProvider {

    /** Creates the provider; jqwik calls this through the service loader. */
    public MathArbitraryProvider() {
    }

    @Override
    public boolean canProvideFor(TypeUsage targetType) {
        return targetType.isOfType(AllocationCase.class) || targetType.isOfType(WaterfallCase.class);
    }

    @Override
    public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
        if (targetType.isOfType(AllocationCase.class)) {
            return Set.of(MathArbitraries.allocationCases());
        }
        return Set.of(MathArbitraries.waterfallCases());
    }
}
