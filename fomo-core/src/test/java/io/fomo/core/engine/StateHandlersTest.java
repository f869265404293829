package io.fomo.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every command has exactly one handler: a new command without one fails here, not at run time. */
class StateHandlersTest {

    @Test
    void everyPermittedCommandHasAHandler() {
        State s = new State(ProtocolParameters.builder(EngineFixture.T0).build());
        // The concrete commands: those of the sealed sub-interface Command.Metering included.
        assertEquals(Set.copyOf(JournalTagsTest.concrete(Command.class)), Set.copyOf(s.handledCommands()));
    }
}
