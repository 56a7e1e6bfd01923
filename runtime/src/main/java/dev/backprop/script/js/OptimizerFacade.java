package dev.backprop.script.js;

import dev.backprop.optim.Adam;
import dev.backprop.optim.Optimizer;
import dev.backprop.optim.Sgd;
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

    @Export
    public String kind() {
        return switch (opt) {
            case Sgd s -> "sgd";
            case Adam a -> "adam";
        };
    }

    @Export
    public String stateJson() {
        return Json.write(opt.state());
    }
}
