package dev.backprop.script;

import org.graalvm.polyglot.Value;

/** The completion value of an evaluation; valid until the sandbox closes. */
public record Result(Value value) {
}
