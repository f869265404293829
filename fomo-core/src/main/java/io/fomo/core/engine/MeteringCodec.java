package io.fomo.core.engine;

import io.fomo.spi.InvalidStateException;

/** The canonical text form of the metering commands, as journaled (alongside {@link CommandCodec}). */
final class MeteringCodec {

    private MeteringCodec() {
    }

    static void encode(Command.Metering c, Fields f) {
        if (c instanceof RecordTokenUsage u) {
            f.put("requestId", u.requestId().value()).put("deployment", u.deployment().value())
                    .put("user", u.user().value()).put("team", u.team().value())
                    .put("tokens.input", u.tokens().input()).put("tokens.cachedInput", u.tokens().cachedInput())
                    .put("tokens.output", u.tokens().output()).put("listCharge", u.listCharge())
                    .put("occurredAt", u.occurredAt());
        } else if (c instanceof TopUpCredits t) {
            f.put("team", t.team().value()).put("amount", t.amount());
        }
    }

    static Command decode(String type, Fields f) {
        switch (type) {
            case JournalTags.RECORD_TOKEN_USAGE:
                return new RecordTokenUsage(f.eventId("requestId"), f.deployment("deployment"), f.account("user"),
                        f.account("team"), new TokenCounts(f.longValue("tokens.input"), f.longValue("tokens.cachedInput"),
                                f.longValue("tokens.output")), f.amount("listCharge"), f.instant("occurredAt"));
            case JournalTags.TOP_UP_CREDITS:
                return new TopUpCredits(f.account("team"), f.amount("amount"));
            default:
                throw new InvalidStateException("journal: unknown command type '" + type + "'");
        }
    }
}
