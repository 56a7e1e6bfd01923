package dev.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The kernels ask the account bound to the thread whether to stop: a forward too large for the naive loop,
 * run for an account that was asked to stop, ends with {@link Account.Stopped}; the same forward outside
 * any account, or after {@link Account#resume()}, runs.
 */
class AccountStopTest {
    private static Network wide() {
        return Network.builder(256, 256, 10).activation("relu").seed(7).build(); // 64×256×256: a packed product
    }

    @Test
    void aStoppedAccountEndsAProductWithStopped() {
        Network net = wide();
        Matrix x = Matrix.zeros(64, 256);
        Account account = new Account(0, 0, "", "");
        account.stop();
        assertThrows(Account.Stopped.class, () -> account.runAs(() -> net.forward(x)));
        account.resume();
        account.runAs(() -> net.forward(x));
        net.forward(x);
    }
}
