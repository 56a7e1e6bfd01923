package dev.backprop.script.js;

import dev.backprop.optim.Optimizer;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of an optimizer: its kind and its state (as JSON text the prelude parses). */
public record OptimizerFacade(Optimizer optimizer) {
    /** Its script name ({@link Optimizer.Kind#name()}): the prelude finds the rest in {@code optimizerKinds}. */
    @Export
    public String kind() {
        return optimizer.kind().name();
    }

    @Export
    public String stateJson() {
        return Json.write(optimizer.state());
    }
}
