package dev.backprop.data;

/** The two parts of {@link Dataset#split}: the first {@code fraction} of the shuffled examples, and the rest. */
public record Split(Dataset train, Dataset test) {
}
