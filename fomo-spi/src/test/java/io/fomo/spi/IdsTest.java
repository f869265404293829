package io.fomo.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    /** The id types that share the general rules, with the field name their errors carry. */
    static List<Arguments> idTypes() {
        return List.of(
                Arguments.of("accountId", (Function<String, Object>) AccountId::of),
                Arguments.of("eventId", (Function<String, Object>) EventId::of),
                Arguments.of("intentId", (Function<String, Object>) IntentId::of));
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void validTextsAreKeptAsGiven(String field, Function<String, Object> of) {
        for (String text : new String[] {"a", "alice", "cmd 42", "ünïcödé-€", "x".repeat(128)}) {
            assertEquals(text, of.apply(text).toString(), field);
        }
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void blankIsRejected(String field, Function<String, Object> of) {
        for (String text : new String[] {"", " ", "   "}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> of.apply(text));
            assertEquals(field + " = \"" + text + "\": must not be blank", e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void controlCharactersAreRejectedWithTheirIndex(String field, Function<String, Object> of) {
        for (String text : new String[] {"a\nb", "a\tb", "a\u0000b", "a\u007fb", "a\u2028b", "a\u00a0b", "a\u200bb", "a\ufeffb"}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> of.apply(text));
            assertTrue(e.getMessage().startsWith(field + " = \""), e.getMessage());
            assertTrue(e.getMessage().contains("(at index 1)"), e.getMessage());
            assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), "message is printable");
        }
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void tooLongIsRejectedWithTheLength(String field, Function<String, Object> of) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> of.apply("y".repeat(129)));
        assertEquals(field + " = \"" + "y".repeat(16) + "...\": must be at most 128 characters, was 129",
                e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void surroundingSpacesAreRejected(String field, Function<String, Object> of) {
        for (String text : new String[] {" a", "a "}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> of.apply(text));
            assertEquals(field + " = \"" + text + "\": must not start or end with a space", e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("idTypes")
    void nullIsANullPointer(String field, Function<String, Object> of) {
        NullPointerException e = assertThrows(NullPointerException.class, () -> of.apply(null));
        assertEquals(field, e.getMessage());
    }

    @Test
    void idsAreValuesOrderedByText() {
        assertEquals(AccountId.of("bob"), AccountId.of("bob"));
        assertEquals(AccountId.of("bob").hashCode(), AccountId.of("bob").hashCode());
        assertNotEquals(AccountId.of("bob"), AccountId.of("Bob"));
        assertTrue(AccountId.of("alice").compareTo(AccountId.of("bob")) < 0);
        assertTrue(EventId.of("e-10").compareTo(EventId.of("e-9")) < 0, "text order, not numeric");
        assertTrue(IntentId.of("b").compareTo(IntentId.of("a")) > 0);
        assertEquals("alice", AccountId.of("alice").value());
        assertNotEquals((Object) AccountId.of("x"), EventId.of("x"), "different id types are never equal");
    }

    @Test
    void deploymentIdsMustFitATokenSymbol() {
        assertEquals("llama-7b.v2_1", DeploymentId.of("llama-7b.v2_1").value());
        assertEquals(29, DeploymentId.of("d".repeat(29)).value().length());
        for (String text : new String[] {"d".repeat(30), "-lead", ".lead", "has space", "slash/no", "é"}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> DeploymentId.of(text));
            assertTrue(e.getMessage().startsWith("deploymentId = \"" + text + "\":"), e.getMessage());
        }
        assertThrows(InvalidArgumentException.class, () -> DeploymentId.of(""));
        assertThrows(InvalidArgumentException.class, () -> DeploymentId.of("a\tb"));
    }
}
