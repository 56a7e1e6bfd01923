package dev.backprop.io;

import dev.backprop.nn.Network;
import java.nio.file.Path;

/**
 * A process that saves one of two networks to a file, over and over, until it is killed: the child of
 * {@link KilledSaveTest}. Prints {@code ready} once its first save completed.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    /** The two documents the file may hold: big enough that a save takes a while (≈ 80,000 parameters). */
    static Network network(long seed) {
        return Network.builder(200, 300, 60).seed(seed).build();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Network[] nets = {network(1), network(2)};
        NetworkJson.save(nets[0], file);
        System.out.println("ready");
        System.out.flush();
        for (int i = 1; ; i++) {
            NetworkJson.save(nets[i % 2], file);
        }
    }
}
