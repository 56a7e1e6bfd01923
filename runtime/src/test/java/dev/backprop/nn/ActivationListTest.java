package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An activation list has exactly one name per hidden layer; without an init each layer gets its own default. */
class ActivationListTest {
    @Test
    void aOneElementListIsNotStretchedOverThreeHiddenLayers() {
        ValueError e = assertThrows(ValueError.class,
                () -> Network.builder(2, 4, 4, 4, 1).activations(List.of("relu")).build());
        assertTrue(e.getMessage().contains("exactly one name per hidden layer: 3") && e.getMessage().contains("got 1"),
                e.getMessage());
        // a single name still applies to every layer
        Network n = Network.builder(2, 4, 4, 4, 1).activation("relu").build();
        assertEquals(List.of("relu", "relu", "relu", "relu"), n.layers().stream().map(d -> d.activation().name()).toList());
    }

    @Test
    void defaultInitIsChosenPerHiddenLayer() {
        // W1 is 3×2 (fan-in 2, fan-out 3): he bound √(6/2) ≈ 1.732, xavier bound √(6/5) ≈ 1.095.
        // Each W is drawn from the same Rng in order, so layer 1 of [tanh, relu] matches an all-xavier net's
        // layer 1 and layer 2 matches an all-he net's layer 2 (the draws before it are equal in number).
        Network mixed = Network.builder(2, 3, 3, 1).activations(List.of("tanh", "relu")).seed(7).build();
        Network xavier = Network.builder(2, 3, 3, 1).activation("tanh").init("xavier").seed(7).build();
        Network he = Network.builder(2, 3, 3, 1).activation("relu").init("he").seed(7).build();
        assertTrue(java.util.Arrays.equals(xavier.layers().get(0).W().value().toArray(),
                mixed.layers().get(0).W().value().toArray()), "layer 1 (tanh) is xavier");
        assertTrue(java.util.Arrays.equals(he.layers().get(1).W().value().toArray(),
                mixed.layers().get(1).W().value().toArray()), "layer 2 (relu) is he");
        // the output layer follows the last hidden layer (relu → he), its activation defaults to sigmoid
        assertTrue(java.util.Arrays.equals(he.layers().get(2).W().value().toArray(),
                mixed.layers().get(2).W().value().toArray()), "output layer is initialised like layer 2");
        assertEquals("sigmoid", mixed.layers().get(2).activation().name());
    }
}
