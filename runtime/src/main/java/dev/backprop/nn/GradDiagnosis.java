package dev.backprop.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link Network#checkGrads}: {@code ok} when every given gradient matches backward's,
 * and per parameter given (in order W1, b1, …) a {@link Verdict}.
 */
public record GradDiagnosis(boolean ok, Map<String, Verdict> params) {

    public GradDiagnosis {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * One parameter's verdict: the status, a sentence explaining it, and the first flat row-major
     * index where the learner's value differs from backward's (-1 when it matches).
     */
    public record Verdict(GradStatus status, String message, int index) {
    }

    /** The verdict for this parameter name, or null when it was not given. */
    public Verdict get(String name) {
        return params.get(name);
    }
}
