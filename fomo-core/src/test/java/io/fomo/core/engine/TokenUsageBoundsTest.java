package io.fomo.core.engine;

import static io.fomo.core.engine.EngineFixture.CAROL;
import static io.fomo.core.engine.EngineFixture.DEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.LimitExceededException;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounds of a metered call ({@link RecordTokenUsage}), like those of {@link Command.RecordUsage}: no
 * accepted call may make a later call or a close impossible. A refused call changes nothing.
 */
class TokenUsageBoundsTest {

    private static final AccountId TEAM = AccountId.of("team-x");
    private static final long MAX = EngineLimits.MAX_TOKENS_PER_CALL;

    private static RecordTokenUsage call(LivenessHarness h, TokenCounts tokens, Amount list) {
        return new RecordTokenUsage(h.nextId(), DEP, CAROL, TEAM, tokens, list, h.clock.now());
    }

    private static Amount usd(String v) {
        return Amount.of(Asset.USD, new BigDecimal(v));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(new TokenCounts(MAX + 1, 0, 0), "1", LimitExceededException.class, "tokens.input"),
                Arguments.of(new TokenCounts(Long.MAX_VALUE, 0, 0), "1", LimitExceededException.class, "tokens.input"),
                Arguments.of(new TokenCounts(Long.MAX_VALUE, Long.MAX_VALUE, 0), "1", LimitExceededException.class,
                        "tokens.input"),
                Arguments.of(new TokenCounts(0, 0, MAX + 1), "1", LimitExceededException.class, "tokens.output"),
                Arguments.of(new TokenCounts(0, 0, Long.MAX_VALUE), "1", LimitExceededException.class, "tokens.output"),
                Arguments.of(new TokenCounts(1, 0, 1), "1000000000.000001", LimitExceededException.class, "listCharge"),
                Arguments.of(new TokenCounts(1, 0, 1), "1e70", LimitExceededException.class, "listCharge"),
                Arguments.of(new TokenCounts(MAX, MAX, MAX), "1000000001", LimitExceededException.class, "listCharge"),
                Arguments.of(new TokenCounts(MAX + 1, 0, MAX + 1), "1", LimitExceededException.class, "tokens.input"));
    }

    @ParameterizedTest(name = "{0} for {1} USD: {3}")
    @MethodSource("refused")
    void aCallBeyondTheBoundsIsRefusedNamingItsFieldAndChangesNothing(TokenCounts tokens, String list,
            Class<? extends FomoException> type, String field) {
        LivenessHarness h = new LivenessHarness();
        String hash = h.protocol.stateHash();
        long sequence = h.protocol.sequence();
        int records = h.journal.read(1).size();
        FomoException e = assertThrows(FomoException.class, () -> h.run(call(h, tokens, usd(list))));
        assertEquals(type, e.getClass(), e.toString());
        assertEquals(field, e.field(), e.toString());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertEquals(hash, h.protocol.stateHash());
        assertEquals(sequence, h.protocol.sequence());
        assertEquals(records, h.journal.read(1).size());
        assertFalse(h.close().isDuplicate());
    }

    @Test
    void callsAtTheBoundsAreAcceptedAndLaterCallsAndClosesStillSucceed() {
        LivenessHarness h = new LivenessHarness();
        for (int i = 0; i < 3; i++) {
            h.run(call(h, new TokenCounts(MAX, MAX, MAX), usd(EngineLimits.MAX_CHARGE_PER_PAYMENT.toPlainString())));
        }
        MeterTotals t = h.protocol.meterTotals().get(DEP);
        assertEquals(3 * MAX, t.inputTokens());
        assertEquals(3 * MAX, t.outputTokens());
        assertFalse(h.close().isDuplicate());
        h.run(new Command.ClaimRewards(CAROL));
        h.run(call(h, new TokenCounts(10, 0, 10), usd("0.01")));
        assertFalse(h.close().isDuplicate());
    }

    @Test
    void theTotalsSaturateInsteadOfOverflowingSoNoCallIsRefusedForTheCallsBeforeIt() {
        MeterTotals nearlyFull = new MeterTotals(Long.MAX_VALUE - 1, Long.MAX_VALUE - 5, 0, Long.MAX_VALUE,
                usd("0"), usd("0"), Long.MAX_VALUE);
        MeterTotals next = nearlyFull.plus(new TokenCounts(MAX, 3, MAX), usd("1"), usd("1"), true);
        assertEquals(Long.MAX_VALUE, next.calls());
        assertEquals(Long.MAX_VALUE, next.inputTokens());
        assertEquals(3, next.cachedTokens());
        assertEquals(Long.MAX_VALUE, next.outputTokens());
        assertEquals(Long.MAX_VALUE, next.late());
        assertEquals(usd("1"), next.revenue());
    }

    @Test
    void aRefusedCallLeavesItsRequestIdFreeForTheCorrectedCall() {
        LivenessHarness h = new LivenessHarness();
        EventId request = EventId.of("chatcmpl-huge");
        RecordTokenUsage bad = new RecordTokenUsage(request, DEP, CAROL, TEAM, new TokenCounts(MAX + 1, 0, 0),
                usd("1"), h.clock.now());
        assertThrows(LimitExceededException.class, () -> h.protocol.submit(bad.commandId(), bad));
        RecordTokenUsage good = new RecordTokenUsage(request, DEP, CAROL, TEAM, new TokenCounts(MAX, 0, 0),
                usd("1"), h.clock.now());
        assertFalse(h.protocol.submit(good.commandId(), good).isDuplicate());
    }
}
