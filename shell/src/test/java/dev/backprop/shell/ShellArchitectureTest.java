package dev.backprop.shell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.backprop.script.Sandbox;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shell's package rules (ARCHITECTURE.md, "Rules"), checked on the compiled classes by every
 * {@code ./mvnw verify}. The shell runs the runtime from the class path, where module exports are not
 * enforced; this test enforces them: the shell is a client of the runtime's API like any embedding.
 */
class ShellArchitectureTest {
    private static JavaClasses classes;
    /** The packages the runtime's module-info exports to everyone, read from the runtime's own module-info.class. */
    private static Set<String> exported;

    @BeforeAll
    static void importClasses() throws Exception {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.backprop");
        Path runtime = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = ModuleFinder.of(runtime).findAll().stream().map(ModuleReference::descriptor)
                .findFirst().orElseThrow(() -> new AssertionError("no module-info.class in " + runtime));
        exported = module.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertTrue(exported.contains("dev.backprop.script"), "the runtime exports " + exported);
    }

    @Test
    void theShellUsesOnlyTheRuntimesExportedPackages() {
        DescribedPredicate<JavaClass> unexported = DescribedPredicate.describe(
                "are runtime classes outside the packages it exports " + exported.stream().sorted().toList(),
                c -> c.getPackageName().startsWith("dev.backprop.") && !c.getPackageName().startsWith("dev.backprop.shell")
                        && !exported.contains(c.getPackageName()));
        noClasses().that().resideInAPackage("dev.backprop.shell..")
                .should().dependOnClassesThat(unexported)
                .because("the shell is a client of the runtime's API (e.g. Sandbox.runtimeInfo(), not kernel.KernelConfig)")
                .check(classes);
    }

    @Test
    void shellPackagesFormNoCycles() {
        slices().matching("dev.backprop.shell.(**)").should().beFreeOfCycles().check(classes);
    }
}
