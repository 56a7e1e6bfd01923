package dev.backprop.script;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A sandbox for tests: output captured, roots given, a generous time limit so a hung test fails. */
final class Scripts implements AutoCloseable {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Sandbox sandbox;

    Scripts(SandboxBuilder b) {
        sandbox = b.out(out).err(err).build();
    }

    static Scripts open() {
        return new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)));
    }

    static Scripts open(Path read, Path write) {
        return new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)).readRoot(read).writeRoot(write));
    }

    Result eval(String code) {
        return sandbox.eval(code, "test.js");
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
