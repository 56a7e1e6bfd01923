package dev.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of an exported package has a Javadoc comment (javadoc's own "missing" check is off
 * because it also asks for every parameter of every member; the other checks fail the javadoc build).
 */
class PublicTypesDocumentedTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern EXPORT = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    @Test
    void everyPublicTypeOfAnExportedPackageHasAComment() throws IOException {
        Matcher m = EXPORT.matcher(Files.readString(SOURCES.resolve("module-info.java")));
        List<String> packages = new ArrayList<>();
        while (m.find()) {
            packages.add(m.group(1));
        }
        assertTrue(packages.contains("dev.backprop.script"), "module-info exports " + packages);
        List<String> undocumented = new ArrayList<>();
        int types = 0;
        for (String pkg : packages) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(pkg.replace('.', '/')))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher t = PUBLIC_TYPE.matcher(lines.get(i));
                        if (!t.find()) {
                            continue;
                        }
                        types++;
                        int j = i - 1;
                        while (j >= 0 && (lines.get(j).isBlank() || lines.get(j).strip().startsWith("@"))) {
                            j--;
                        }
                        if (j < 0 || !lines.get(j).strip().endsWith("*/")) {
                            undocumented.add(f.getFileName() + ":" + (i + 1) + " " + t.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(types > 50, "found only " + types + " public types; is the source folder right?");
        assertEquals(List.of(), undocumented, "public types without a Javadoc comment");
    }
}
