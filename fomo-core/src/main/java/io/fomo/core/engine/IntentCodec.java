package io.fomo.core.engine;

import io.fomo.spi.TokenIntent;

/** The journaled form of an intent (the outbox). */
final class IntentCodec {

    private IntentCodec() {
    }

    static byte[] encode(TokenIntent intent) {
        Fields f = new Fields("intent");
        f.put("id", intent.id().value()).put("kind", intent.kind().name());
        intent.from().ifPresent(a -> f.put("from", a.value()));
        intent.to().ifPresent(a -> f.put("to", a.value()));
        f.put("amount", intent.amount());
        intent.secondAmount().ifPresent(a -> f.put("second", a));
        return f.encode();
    }
}
