package dev.backprop.script;

import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import java.util.ArrayList;
import java.util.List;

/** A deep copy of the parameters (values and trainable flags) of a sandbox's networks, for undo. */
public final class Snapshot {
    private record Saved(Network net, List<double[]> values, List<Boolean> trainable) {
    }

    private final List<Saved> saved = new ArrayList<>();

    Snapshot(List<Network> networks) {
        for (Network net : networks) {
            if (saved.stream().anyMatch(s -> s.net == net)) {
                continue;
            }
            List<double[]> values = new ArrayList<>();
            List<Boolean> trainable = new ArrayList<>();
            for (Param p : net.params()) {
                values.add(p.value().toArray());
                trainable.add(p.trainable());
            }
            saved.add(new Saved(net, values, trainable));
        }
    }

    /** The networks this snapshot holds, in the order found. */
    public List<Network> networks() {
        return saved.stream().map(Saved::net).toList();
    }

    /** Whether every saved network still has exactly the saved values and trainable flags. */
    public boolean unchanged() {
        for (Saved s : saved) {
            List<Param> ps = s.net.params();
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i).trainable() != s.trainable.get(i)
                        || !java.util.Arrays.equals(ps.get(i).value().toArray(), s.values.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the saved values back into the same Network objects. */
    void restore() {
        for (Saved s : saved) {
            List<Param> ps = s.net.params();
            for (int i = 0; i < ps.size(); i++) {
                ps.get(i).setAll(s.values.get(i));
                ps.get(i).setTrainable(s.trainable.get(i));
            }
        }
    }
}
