package dev.backprop.script.js;

import dev.backprop.optim.Optimizer;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of an optimizer: its kind and its state (as JSON text the prelude parses). */
public final class OptimizerFacade {
    private final Optimizer opt;

    OptimizerFacade(Optimizer opt) {
        this.opt = opt;
    }

    public Optimizer optimizer() {
        return opt;
    }

    /** Its script name ({@link Optimizer.Kind#name()}): the prelude finds the rest in {@code optimizerKinds}. */
    @Export
    public String kind() {
        return opt.kind().name();
    }

    @Export
    public String stateJson() {
        return Json.write(opt.state());
    }
}
