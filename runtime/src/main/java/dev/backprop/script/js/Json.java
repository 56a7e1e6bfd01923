package dev.backprop.script.js;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain engine results (maps, lists, arrays) cross to scripts as JSON text that the prelude parses once. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot turn " + value.getClass().getSimpleName() + " into JSON", e);
        }
    }
}
