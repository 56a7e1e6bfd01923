package dev.backprop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's package rules (ARCHITECTURE.md, "Rules"), checked on the compiled classes by every
 * {@code ./mvnw verify}: a change that breaks one fails the build with the offending dependency named.
 */
class ArchitectureTest {
    private static JavaClasses runtime;

    @BeforeAll
    static void importRuntime() {
        runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.backprop");
    }

    /** The packages below the sandbox: everything a Java program can use without a script. */
    private static final String[] ENGINE = {"dev.backprop.nn..", "dev.backprop.optim..", "dev.backprop.kernel..",
        "dev.backprop.io..", "dev.backprop.data..", "dev.backprop.train..", "dev.backprop.plot..", "dev.backprop.explain.."};

    /** No class in {@code packages} depends on a class in {@code forbidden} (ArchUnit package syntax: "x.." is x and below). */
    private static void noDependency(String[] packages, String forbidden, String because) {
        noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(because)
                .check(runtime);
    }

    @Test
    void theEngineDoesNotKnowTheSandbox() {
        noDependency(ENGINE, "dev.backprop.script..", "the sandbox is built on the engine, never the reverse");
    }

    @Test
    void networksDoNotKnowTheOptimizers() {
        noDependency(new String[] {"dev.backprop.nn"}, "dev.backprop.optim..",
                "an optimizer is an UpdateRule the network applies; Optimizer depends on nn, not the reverse");
    }

    @Test
    void theBindingDoesNotKnowTheSandboxAroundIt() {
        noDependency(new String[] {"dev.backprop.script.js"}, "dev.backprop.script",
                "the sandbox hands the binding what it needs (Confinement, Host); the binding never reaches back");
    }

    @Test
    void packagesFormNoCycles() {
        // (**): every package its own slice, so script and script.js are two and may not depend on each other both ways
        slices().matching("dev.backprop.(**)").should().beFreeOfCycles()
                .because("layers point down only: a package never depends on one that depends on it")
                .check(runtime);
    }
}
