package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thrown values built to hang or break error reporting (getters and traps that loop or throw, on
 * message, name, stack, toString, the prototype): each ends as a {@link ScriptError} with a
 * script-level name within the sandbox's time limit, and the sandbox stays usable. The preemptive
 * timeout is only a guard so a hang fails instead of stopping the build; no timing is asserted.
 */
class HostileValuesTest {
    /** A name a learner knows from JS or the API: no Java class, no polyglot wording. */
    private static final Pattern SCRIPT_NAME = Pattern.compile("[A-Z][A-Za-z]*(Error|Exception)?");
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static Sandbox sandbox() {
        return Sandbox.builder().timeLimit(Duration.ofSeconds(2)).out(new ByteArrayOutputStream())
                .err(new ByteArrayOutputStream()).build();
    }

    /** Throws {@code code}'s value and checks the error that comes out; returns it. */
    private static ScriptError thrown(String code) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Sandbox sb = sandbox()) {
                ScriptError e = assertThrows(ScriptError.class, () -> sb.eval(code, "hostile.js"));
                String name = e.errorName();
                assertTrue(name != null && SCRIPT_NAME.matcher(name).matches() && !name.contains("Polyglot"),
                        "a script-level name, got " + name + " (" + e.getMessage() + ")");
                String m = String.valueOf(e.getMessage());
                assertFalse(m.contains("dev.backprop") || m.contains("java.") || m.contains("org.graalvm")
                        || m.contains("PolyglotException") || m.contains("Execution got interrupted"), m);
                assertEquals(2, sb.eval("1 + 1", "after.js").value().asInt(), "the sandbox is still usable");
                return e;
            }
        });
    }

    @Test
    void aMessageGetterThatLoops() {
        thrown("throw { get message() { for (;;) {} } };");
    }

    @Test
    void aProxyWhoseEveryTrapLoops() {
        thrown("throw new Proxy({}, { get() { for (;;) {} } });");
    }

    @Test
    void aProxyWhosePrototypeTrapLoops() {
        thrown("throw new Proxy(new Error('x'), { getPrototypeOf() { for (;;) {} } });");
    }

    @Test
    void aToStringThatLoops() {
        thrown("throw { toString() { for (;;) {} } };");
    }

    @Test
    void aNameGetterThatLoops() {
        thrown("const e = new Error('x'); Object.defineProperty(e, 'name', { get() { for (;;) {} } }); throw e;");
    }

    @Test
    void aStackGetterThatLoops() {
        thrown("const e = new Error('x'); Object.defineProperty(e, 'stack', { get() { for (;;) {} } }); throw e;");
    }

    @Test
    void aToPrimitiveThatLoops() {
        thrown("throw { [Symbol.toPrimitive]() { for (;;) {} } };");
    }

    @Test
    void aMessageGetterThatThrowsAValueWhoseGetterLoops() {
        thrown("throw { get message() { throw { get message() { for (;;) {} } }; } };");
    }

    @Test
    void aMessageGetterThatThrows() {
        thrown("throw { get message() { throw new Error('inner'); } };");
    }

    @Test
    void aNameGetterThatThrows() {
        thrown("const e = new Error('x'); Object.defineProperty(e, 'name', { get() { throw 1; } }); throw e;");
    }

    @Test
    void aToStringThatThrows() {
        thrown("throw { toString() { throw new TypeError('no'); } };");
    }

    @Test
    void aRevokedProxy() {
        thrown("const p = Proxy.revocable({}, {}); p.revoke(); throw p.proxy;");
    }

    @Test
    void displayOfAValueWithALoopingGetterFallsBack() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (Sandbox sb = sandbox()) {
                var v = sb.eval("({ get x() { for (;;) {} } })", "hostile.js").value();
                String shown = sb.display(v, false);
                assertTrue(shown.contains("getter that did not return"), shown);
                assertEquals(2, sb.eval("1 + 1", "after.js").value().asInt(), "the sandbox is still usable");
            }
        });
    }
}
