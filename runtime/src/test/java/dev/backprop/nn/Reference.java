package dev.backprop.nn;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the independent reference values: ../shared/reference beside the project, or test resources. */
final class Reference {
    private Reference() {
    }

    static Path path(String name) {
        Path inResources = Path.of("src/test/resources/reference", name);
        if (Files.exists(inResources)) {
            return inResources;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/reference").resolve(name);
            if (Files.exists(p)) {
                return p;
            }
            p = dir.resolve("../shared/reference").resolve(name).normalize();
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("reference file " + name + " not found in src/test/resources/reference or ../shared/reference");
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
