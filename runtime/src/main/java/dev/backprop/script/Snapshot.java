package dev.backprop.script;

import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import java.util.ArrayList;
import java.util.List;

/** A deep copy of the parameters (values and trainable flags) of a sandbox's networks, for undo. */
public final class Snapshot {
    /** A live network and a copy of it as it was when the snapshot was taken. */
    private record Saved(Network net, Network copy) {
    }

    private final List<Saved> saved = new ArrayList<>();

    Snapshot(List<Network> networks) {
        for (Network net : networks) {
            if (saved.stream().noneMatch(s -> s.net == net)) {
                saved.add(new Saved(net, net.copy()));
            }
        }
    }

    /** The networks this snapshot holds, in the order found. */
    public List<Network> networks() {
        return saved.stream().map(Saved::net).toList();
    }

    /** Whether every saved network still has exactly the saved values and trainable flags. */
    public boolean unchanged() {
        for (Saved s : saved) {
            List<Param> now = s.net.params();
            List<Param> then = s.copy.params();
            for (int i = 0; i < now.size(); i++) {
                if (now.get(i).trainable() != then.get(i).trainable()
                        || !now.get(i).value().sameBits(then.get(i).value())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the saved values back into the same Network objects. */
    void restore() {
        for (Saved s : saved) {
            s.net.copyParamsFrom(s.copy);
        }
    }
}
