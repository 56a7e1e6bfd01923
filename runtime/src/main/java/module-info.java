/**
 * Backprop Sandbox runtime: the engine (networks, losses, optimizers) and the scripting sandbox.
 * Only the API packages are exported; kernels and other internals stay private.
 */
module dev.backprop.runtime {
    requires transitive org.graalvm.polyglot;
    requires com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.jfree.jfreechart;
    requires org.jfree.svg;
    requires java.desktop;
    requires java.management;
    requires jdk.management;
    // optional: the Vector API microkernel is used only when the JVM runs with --add-modules jdk.incubator.vector
    requires static jdk.incubator.vector;

    exports dev.backprop.nn;
    exports dev.backprop.optim;
    exports dev.backprop.io;
    exports dev.backprop.data;
    exports dev.backprop.train;
    exports dev.backprop.plot;
    exports dev.backprop.explain;
    exports dev.backprop.script;
    exports dev.backprop.script.js;
}
