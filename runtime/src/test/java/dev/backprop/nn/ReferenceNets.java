package dev.backprop.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Builds the networks described in the reference JSON files (sizes, activations, loss, weights from Python). */
final class ReferenceNets {
    private ReferenceNets() {
    }

    static JsonNode read(String name) throws IOException {
        return new ObjectMapper().readTree(Files.readString(Reference.path(name)));
    }

    static Network build(JsonNode spec) {
        int[] sizes = new int[spec.get("sizes").size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = spec.get("sizes").get(i).asInt();
        }
        List<String> acts = new ArrayList<>();
        spec.get("activations").forEach(a -> acts.add(a.asText()));
        Network net = Network.builder(sizes).activations(acts.subList(0, acts.size() - 1)).output(acts.get(acts.size() - 1))
                .loss(spec.get("loss").asText()).init("zeros").build();
        for (Param p : net.params()) {
            p.setAll(Reference.doubles(spec.get("init").get(p.name())));
        }
        return net;
    }

    static Matrix matrix(JsonNode values, int rows) {
        double[] v = Reference.doubles(values);
        return Matrix.of(rows, v.length / rows, v);
    }
}
