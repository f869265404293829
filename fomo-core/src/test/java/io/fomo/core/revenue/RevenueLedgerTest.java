package io.fomo.core.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.AccountId;
import io.fomo.spi.Amount;
import io.fomo.spi.Asset;
import io.fomo.spi.DeploymentId;
import io.fomo.spi.ErrorCode;
import io.fomo.spi.EventId;
import io.fomo.spi.FomoException;
import io.fomo.spi.InvalidArgumentException;
import io.fomo.spi.InvalidStateException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevenueLedgerTest {

    static final DeploymentId QWEN = DeploymentId.of("qwen");
    static final DeploymentId LLAMA = DeploymentId.of("llama");
    static final AccountId ALICE = AccountId.of("alice");
    // 2026-01-15T00:00:00Z is UTC day 20468.
    static final long DAY = 20_468;
    static final Instant NOON = Instant.parse("2026-01-15T12:00:00Z");

    static Amount usd(String v) {
        return Amount.parse(Asset.USD, v);
    }

    static UsagePayment pay(String id, DeploymentId d, Amount a, Instant t) {
        return UsagePayment.of(EventId.of(id), d, ALICE, a, t);
    }

    RevenueLedger ledger() {
        return RevenueLedger.builder().openEpoch(DAY).build().register(QWEN).register(LLAMA);
    }

    @Test
    void paymentsOfADayAreRoutedOnceAtTheClose() {
        RevenueLedger l = ledger()
                .record(pay("p1", QWEN, usd("60"), NOON))
                .record(pay("p2", QWEN, Amount.parse(Asset.USDC, "40"), NOON.plusSeconds(3600)))
                .record(pay("p3", LLAMA, usd("1"), Instant.parse("2026-01-15T00:00:00Z")));
        assertEquals(usd("100"), l.grossOf(QWEN));
        assertEquals(2, l.paymentCount(QWEN));
        EpochRevenue closed = l.closeEpoch(Map.of(QWEN, usd("20")));
        assertEquals(DAY, closed.epoch());
        assertEquals(DAY + 1, closed.ledger().epoch());
        RevenueSplit q = closed.splitOf(QWEN);
        assertEquals(usd("80"), q.net());
        assertEquals(usd("32"), q.mtBuyback());
        assertEquals(usd("1"), closed.splitOf(LLAMA).net());
        assertEquals(usd("101"), closed.totalGross());
        assertTrue(closed.ledger().grossOf(QWEN).isZero());
    }

    void rejected(RevenueLedger l, UsagePayment p, ErrorCode code, PaymentRejection reason, String fieldPrefix) {
        FomoException e = assertThrows(FomoException.class, () -> l.record(p));
        assertEquals(code, e.code());
        PaymentRejection got = e instanceof InvalidPaymentException ip ? ip.reason()
                : ((PaymentConflictException) e).reason();
        assertEquals(reason, got);
        assertTrue(e.getMessage().startsWith(fieldPrefix), e.getMessage());
        // the ledger is a value: unchanged, and still accepts a good payment
        assertEquals(usd("5"), l.grossOf(QWEN));
        assertEquals(1, l.paymentsAccepted());
    }

    @Test
    void everyBadPaymentIsRejectedWithItsReasonAndNothingIsRouted() {
        RevenueLedger l = ledger().record(pay("p1", QWEN, usd("5"), NOON));
        rejected(l, pay("p2", QWEN, usd("0"), NOON), ErrorCode.INVALID_ARGUMENT, PaymentRejection.BAD_AMOUNT,
                "payment[p2].amount = 0.000000 USD");
        rejected(l, pay("p2", QWEN, Amount.of(Asset.FLOCK, 1), NOON), ErrorCode.INVALID_ARGUMENT,
                PaymentRejection.WRONG_ASSET, "payment[p2].amount = 1.000000000000000000 FLOCK");
        rejected(l, pay("p2", DeploymentId.of("ghost"), usd("1"), NOON), ErrorCode.INVALID_STATE,
                PaymentRejection.UNKNOWN_DEPLOYMENT, "payment[p2].deployment = ghost");
        rejected(l, pay("p1", QWEN, usd("1"), NOON), ErrorCode.INVALID_STATE, PaymentRejection.DUPLICATE_ID,
                "payment.id = p1");
        rejected(l, pay("p2", QWEN, usd("1"), Instant.parse("2026-01-14T23:59:59.999Z")), ErrorCode.INVALID_STATE,
                PaymentRejection.EPOCH_CLOSED, "payment[p2].time = 2026-01-14T23:59:59.999Z");
        rejected(l, pay("p2", QWEN, usd("1"), Instant.parse("2026-01-16T00:00:00Z")), ErrorCode.INVALID_STATE,
                PaymentRejection.EPOCH_NOT_OPEN, "payment[p2].time = 2026-01-16T00:00:00Z");
        assertEquals(usd("6"), l.record(pay("p2", QWEN, usd("1"), NOON)).grossOf(QWEN));
    }

    @Test
    void anIdStaysTakenAfterItsEpochCloses() {
        RevenueLedger next = ledger().record(pay("p1", QWEN, usd("5"), NOON)).closeEpoch(Map.of()).ledger();
        PaymentConflictException e = assertThrows(PaymentConflictException.class,
                () -> next.record(pay("p1", QWEN, usd("5"), NOON.plusSeconds(86_400))));
        assertEquals(PaymentRejection.DUPLICATE_ID, e.reason());
    }

    @Test
    void closeRejectsCostsOfUnknownDeploymentsOrAssets() {
        RevenueLedger l = ledger();
        assertThrows(InvalidArgumentException.class,
                () -> l.closeEpoch(Map.of(DeploymentId.of("ghost"), usd("1"))));
        assertThrows(InvalidArgumentException.class,
                () -> l.closeEpoch(Map.of(QWEN, Amount.parse(Asset.USDC, "1"))));
        assertEquals(DAY, l.epoch());
    }

    @Test
    void registerAndBuildAreValidated() {
        assertThrows(InvalidStateException.class, () -> ledger().register(QWEN));
        assertThrows(InvalidArgumentException.class,
                () -> RevenueLedger.builder().acceptedAssets(java.util.Set.of(Asset.FLOCK)).build());
        RevenueLedger before = ledger();
        assertSame(before.deployments(), before.deployments());
    }

    @Test
    void epochCalendarCountsUtcDays() {
        EpochCalendar c = EpochCalendar.daily();
        assertEquals(DAY, c.epochOf(NOON));
        assertEquals(-1, c.epochOf(Instant.parse("1969-12-31T23:59:59.5Z")));
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), c.start(DAY));
        assertThrows(InvalidArgumentException.class, () -> EpochCalendar.of(Instant.EPOCH, 0));
    }
}
