package dev.backprop.nn;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the independent reference values: first the test resources (src/test/resources/reference,
 * written by make_references.py and committed), so tests work on a fresh clone.
 */
final class Reference {
    private Reference() {
    }

    static Path path(String name) {
        URL url = Reference.class.getResource("/reference/" + name);
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("bad resource URL " + url, e);
            }
        }
        Path inResources = Path.of("src/test/resources/reference", name);
        if (Files.exists(inResources)) {
            return inResources;
        }
        throw new IllegalStateException("reference file " + name + " not found in src/test/resources/reference;"
                + " regenerate it with /usr/bin/python3 src/test/resources/reference/make_references.py");
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
