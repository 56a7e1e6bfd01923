package dev.backprop.script.js;

import dev.backprop.nn.Dense;
import dev.backprop.nn.Matrix;
import org.graalvm.polyglot.HostAccess.Export;

/** What scripts reach of a layer: W, b, the cached z, a and δ of the last forward and backward, and its sizes. */
public final class LayerFacade {
    private final Dense d;
    private final ParamFacade w;
    private final ParamFacade b;

    LayerFacade(Dense d) {
        this.d = d;
        this.w = new ParamFacade(d.W());
        this.b = new ParamFacade(d.b());
    }

    @Export
    public int index() {
        return d.index();
    }

    @Export
    public ParamFacade W() {
        return w;
    }

    @Export
    public ParamFacade b() {
        return b;
    }

    @Export
    public MatrixFacade z() {
        return wrap(d.z());
    }

    @Export
    public MatrixFacade a() {
        return wrap(d.a());
    }

    @Export
    public MatrixFacade delta() {
        return wrap(d.delta());
    }

    @Export
    public String activation() {
        return d.activation().name();
    }

    @Export
    public int inputs() {
        return d.inputs();
    }

    @Export
    public int outputs() {
        return d.outputs();
    }

    private static MatrixFacade wrap(Matrix m) {
        return m == null ? null : new MatrixFacade(m);
    }
}
