/**
 * Backprop Sandbox runtime: the engine (networks, losses, optimizers) and the scripting sandbox.
 * Only the API packages are exported; the kernels and the JS binding's host facades ({@code script.js})
 * stay private. GraalJS reaches the facades through the sandbox's own lookup
 * ({@code HostAccess.Builder.useModuleLookup}), so no GraalVM module needs an export either: a qualified
 * {@code exports dev.backprop.script.js to org.graalvm.truffle} would not do, as Truffle then uses the public
 * lookup, which sees unqualified exports only (tried on GraalVM 25.0.3: "Unknown identifier: nn"). NamedModuleTest
 * runs a script with the runtime as this named module and checks the exports.
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
}
