package dev.backprop.script.js;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.nn.ValueError;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain engine results (maps, lists, arrays) cross to scripts as JSON text that the prelude parses once. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** { "W1": [numbers], … } as a map of flat arrays. */
    static Map<String, double[]> readArrays(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, double[]>>() { });
        } catch (JsonProcessingException e) {
            throw new ValueError("expected an object of flat number arrays like { W1: [0.1, 0.2, …] }: "
                    + e.getOriginalMessage());
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot turn " + value.getClass().getSimpleName() + " into JSON", e);
        }
    }
}
