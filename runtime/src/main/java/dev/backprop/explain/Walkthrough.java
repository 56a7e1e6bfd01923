package dev.backprop.explain;

import static dev.backprop.explain.Numbers.fmt;
import static dev.backprop.explain.Numbers.list;
import static dev.backprop.explain.Numbers.subscript;

import dev.backprop.nn.Checks;
import dev.backprop.nn.Dense;
import dev.backprop.nn.Matrix;
import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import dev.backprop.nn.ShapeError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The beats of one full training step on one example, computed on a copy of the network (the
 * caller's network is not changed): forward per layer, the loss, δ at the output and the output
 * weights' gradients, δ back through each hidden layer with its gradients, the update, and a
 * second forward with the new output and loss. {@link #toString()} is the readable text.
 */
public final class Walkthrough {
    private final String network;
    private final int[] sizes;
    private final double[] x;
    private final double[] y;
    private final double lr;
    private final List<Beat> beats;

    private Walkthrough(String network, int[] sizes, double[] x, double[] y, double lr, List<Beat> beats) {
        this.network = network;
        this.sizes = sizes;
        this.x = x;
        this.y = y;
        this.lr = lr;
        this.beats = List.copyOf(beats);
    }

    /** Walks one step of plain gradient descent with learning rate lr on the example (x [1, inputs], y [1, outputs]). */
    public static Walkthrough of(Network net, Matrix x, Matrix y, double lr) {
        Checks.positive("explain's learning rate", lr);
        if (x.rows() != 1) {
            throw new ShapeError("explain walks through one example: x must be one row [1, " + net.inputs()
                    + "], got " + x.shapeString() + "; pick one example, e.g. x.row(0)");
        }
        Network c = net.copy();
        Names names = new Names(c.layers().size());
        List<Beat> beats = new ArrayList<>();
        int n = c.layers().size();

        c.forward(x);
        for (Dense d : c.layers()) {
            beats.add(forwardBeat(d, names, n));
        }
        double[] yhat = c.layers().get(n - 1).a().toArray();
        double loss = c.backward(y);
        beats.add(lossBeat(c, names, yhat, y.toArray(), loss));
        for (int l = n; l >= 1; l--) {
            beats.add(deltaBeat(c, l, names));
            beats.add(gradientBeat(c, l, names));
        }

        List<Beat.Change> changes = new ArrayList<>();
        List<double[]> before = new ArrayList<>();
        for (Param p : c.params()) {
            before.add(p.value().toArray());
        }
        c.step(lr);
        for (int i = 0; i < c.params().size(); i++) {
            Param p = c.params().get(i);
            changes.add(new Beat.Change(p.name(), p.trainable(), before.get(i), p.value().toArray()));
        }
        beats.add(new Beat.Update(lr, changes, updateNarration(lr, changes, names)));

        c.forward(x);
        List<double[]> a = new ArrayList<>();
        for (Dense d : c.layers()) {
            a.add(d.a().toArray());
        }
        double[] newYhat = a.get(n - 1);
        double newLoss = c.loss(x, y);
        beats.add(new Beat.Recheck(a, newYhat, newLoss, loss, recheckNarration(yhat, newYhat, loss, newLoss)));
        return new Walkthrough(net.toString(), net.sizes(), x.toArray(), y.toArray(), lr, beats);
    }

    /** The beats in order. */
    public List<Beat> beats() {
        return beats;
    }

    /** Layer sizes, inputs first. */
    public int[] sizes() {
        return sizes.clone();
    }

    public double[] x() {
        return x.clone();
    }

    public double[] y() {
        return y.clone();
    }

    public double lr() {
        return lr;
    }

    /** The first line of the text: which network, which example, which learning rate. */
    public String title() {
        return "One step of backprop on " + network + " with x = " + list(x, false) + ", y = " + list(y, true)
                + ", η = " + plain(lr);
    }

    /** The title, then one numbered line per beat with its direction and narration. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(title()).append('\n');
        int width = Integer.toString(beats.size()).length();
        for (int i = 0; i < beats.size(); i++) {
            Beat b = beats.get(i);
            String num = Integer.toString(i + 1);
            sb.append(" ".repeat(width - num.length())).append(num).append(". ")
                    .append(String.format(Locale.ROOT, "%-11s", b.direction().header())).append(' ')
                    .append(b.narration()).append('\n');
        }
        return sb.toString();
    }

    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().replace('-', '−');
    }

    private static Beat forwardBeat(Dense d, Names names, int n) {
        int l = d.index();
        double[] z = d.z().toArray();
        double[] a = d.a().toArray();
        String act = d.activation().name();
        String text;
        if (l == n) {
            text = "Forward · output: ŷ = " + list(a, true) + ", the " + act + " of z = W" + subscript(l) + "·"
                    + names.input(l) + " + b" + subscript(l) + " = " + list(z, true) + ".";
        } else {
            text = "Forward · " + names.title(l) + ": " + names.activation(l) + " = " + list(a, false) + ", the " + act
                    + " of z = W" + subscript(l) + "·" + names.input(l) + " + b" + subscript(l) + " = "
                    + list(z, false) + ".";
        }
        return new Beat.Forward(l, z, a, text);
    }

    private static Beat lossBeat(Network c, Names names, double[] yhat, double[] y, double loss) {
        String text = "Loss: L = " + fmt(loss) + ", the " + c.loss().name() + " loss of ŷ = " + list(yhat, true)
                + " against y = " + list(y, true);
        if (yhat.length == 1 && y.length == 1) {
            if (yhat[0] < y[0]) {
                text += "; the prediction is below the target, so there is error to fix.";
            } else if (yhat[0] > y[0]) {
                text += "; the prediction is above the target, so there is error to fix.";
            } else {
                text += "; the prediction is exactly right, so every gradient will be zero.";
            }
        } else {
            text += ".";
        }
        return new Beat.Loss(c.layers().size(), yhat, y, loss, text);
    }

    private static Beat deltaBeat(Network c, int l, Names names) {
        int n = c.layers().size();
        Dense d = c.layer(l);
        double[] delta = d.delta().toArray();
        String text;
        if (l == n) {
            text = "δ at the output: " + names.delta(l) + " = " + list(delta, true) + " = ∂L/∂z at the output";
            if (delta.length == 1 && delta[0] != 0) {
                text += delta[0] < 0 ? "; negative because raising ŷ would lower the loss."
                        : "; positive because lowering ŷ would lower the loss.";
            } else {
                text += ".";
            }
        } else {
            text = "δ back to " + names.title(l) + ": " + names.delta(l) + " = " + list(delta, false) + " = (W"
                    + subscript(l + 1) + "ᵀ·" + names.delta(l + 1) + ") ⊙ " + d.activation().name()
                    + "'(z), the output error sent back along the wires it came in on.";
        }
        return new Beat.Delta(l, l == n, delta, text);
    }

    private static Beat gradientBeat(Network c, int l, Names names) {
        int n = c.layers().size();
        Dense d = c.layer(l);
        double[] dW = d.W().grad().toArray();
        double[] db = d.b().grad().toArray();
        String what = l == n ? "Output weights" : l == 1 ? "Input weights" : "Weights into " + names.title(l);
        String shape = d.W().rows() > 1 && d.W().cols() > 1
                ? " (" + d.W().rows() + "×" + d.W().cols() + ", row-major)" : "";
        String text = what + ": ∂L/∂W" + subscript(l) + " = " + list(dW, false) + " = " + names.delta(l) + " ⊗ "
                + names.input(l) + shape + ", one gradient per " + names.wire(l) + " wire; ∂L/∂b" + subscript(l)
                + " = " + list(db, true) + ".";
        return new Beat.Gradient(l, d.W().rows(), d.W().cols(), dW, db, text);
    }

    private static String updateNarration(double lr, List<Beat.Change> changes, Names names) {
        List<String> moved = new ArrayList<>();
        List<String> frozen = new ArrayList<>();
        for (Beat.Change ch : changes) {
            String name = names.param(ch.name());
            if (ch.trainable()) {
                moved.add(name + " = " + list(ch.after(), true));
            } else {
                frozen.add(name);
            }
        }
        String text = "Update (η = " + plain(lr) + "): w ← w − η·∂L/∂w gives " + String.join(", ", moved);
        if (!frozen.isEmpty()) {
            text += "; " + String.join(", ", frozen) + (frozen.size() == 1 ? " is" : " are")
                    + " frozen and keep" + (frozen.size() == 1 ? "s its value" : " their values");
        }
        return text + ".";
    }

    private static String recheckNarration(double[] yhat, double[] newYhat, double loss, double newLoss) {
        String text = "Did it help? Forward again with the new weights: ŷ ≈ " + list(newYhat, true) + " (was "
                + list(yhat, true) + ") and L ≈ " + fmt(newLoss) + " (was " + fmt(loss) + ")";
        if (newLoss < loss) {
            return text + ": the loss went down.";
        }
        if (newLoss > loss) {
            return text + ": the loss went up, so the step overshot; try a smaller learning rate.";
        }
        return text + ": the loss did not move.";
    }

    /** The lesson's names for layers, activations and δ, generalised to any depth. */
    private record Names(int layers) {
        String title(int l) {
            return l == layers ? "output" : layers == 2 ? "hidden" : "hidden " + l;
        }

        /** a for the lesson's one hidden layer, a₁, a₂, … for deeper networks. */
        String activation(int l) {
            return l == layers ? "ŷ" : layers == 2 ? "a" : "a" + subscript(l);
        }

        String input(int l) {
            return l == 1 ? "x" : activation(l - 1);
        }

        String delta(int l) {
            return l == layers ? "δ_o" : layers == 2 ? "δ_h" : "δ_h" + subscript(l);
        }

        String wire(int l) {
            return (l == 1 ? "input" : title(l - 1)) + "→" + title(l);
        }

        /** W1 → W₁, as the lesson writes it. */
        String param(String name) {
            int i = 0;
            while (i < name.length() && !Character.isDigit(name.charAt(i))) {
                i++;
            }
            return i == name.length() ? name : name.substring(0, i) + subscript(Integer.parseInt(name.substring(i)));
        }
    }
}
