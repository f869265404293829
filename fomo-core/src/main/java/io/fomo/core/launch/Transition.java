package io.fomo.core.launch;

import java.util.List;
import java.util.Objects;

/**
 * The result of an accepted action: the RMO after it and the events it produced, in order.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Transition {

    private final Rmo rmo;
    private final List<RmoEvent> events;

    Transition(Rmo rmo, List<RmoEvent> events) {
        this.rmo = rmo;
        this.events = List.copyOf(events);
    }

    /**
     * Returns the RMO after the action.
     *
     * @return the new state
     */
    public Rmo rmo() {
        return rmo;
    }

    /**
     * Returns the events the action produced.
     *
     * @return the events, at least one, unmodifiable
     */
    public List<RmoEvent> events() {
        return events;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Transition t && t.rmo.equals(rmo) && t.events.equals(events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rmo, events);
    }

    @Override
    public String toString() {
        return "Transition[" + events + " -> " + rmo.state() + "]";
    }
}
