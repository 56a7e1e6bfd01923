package dev.backprop.optim;

import dev.backprop.nn.Network;
import dev.backprop.nn.Param;
import dev.backprop.nn.ValueError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An update rule over a network's trainable parameters, in PyTorch's formulation; the family is
 * closed ("sorted in order of increasing complexity": {@link Sgd}, {@link Adam}). Each rule's class
 * carries its {@link Kind} (script name, display name, settings with their defaults) in a
 * {@code public static final Kind KIND}; {@link #kinds()} reads them off {@code permits}, so adding a
 * rule is one new file and its line there: the script binding makes {@code nn.<name>} and its display
 * from the table.
 */
public sealed interface Optimizer extends dev.backprop.nn.UpdateRule permits Sgd, Adam {

    /**
     * One rule as scripts know it: {@code nn.<name>({ settings })}, shown as {@code <title> { lr: …, … }};
     * {@code make} takes the settings' values in the order of {@code settings}.
     */
    record Kind(String name, String title, List<Setting> settings, Function<double[], Optimizer> make) {
        public Kind {
            settings = List.copyOf(settings);
        }

        /** A rule made from {@code values}, one per setting in order (the constructor checks their ranges). */
        public Optimizer make(double... values) {
            if (values.length != settings.size()) {
                throw new ValueError(name + " takes " + settings.size() + " settings ("
                        + String.join(", ", settings.stream().map(Setting::name).toList()) + "), got " + values.length);
            }
            return make.apply(values.clone());
        }
    }

    /**
     * One hyper-parameter: its name, its default ({@code null}: the script must give it) and, for a
     * required one, what it is and an example value, for the message when it is missing.
     */
    record Setting(String name, Double defaultValue, String meaning, double example) {
        /** Finite numbers only: the binding reads the table as plain JSON. */
        public Setting {
            if (defaultValue != null && !Double.isFinite(defaultValue) || !Double.isFinite(example)) {
                throw new IllegalArgumentException(name + ": a setting's default and example are finite numbers");
            }
        }

        /** A setting with a default. */
        public static Setting of(String name, double defaultValue) {
            return new Setting(name, defaultValue, name, defaultValue);
        }

        /** A setting the script must give: {@code nn.sgd needs a learning rate: nn.sgd({ lr: 0.1 })}. */
        public static Setting required(String name, String meaning, double example) {
            return new Setting(name, null, meaning, example);
        }
    }

    /** The rules there are, read off {@code permits} in its order: adding one is a new file and its line there. */
    static List<Kind> kinds() {
        List<Kind> out = new ArrayList<>();
        for (Class<?> c : Optimizer.class.getPermittedSubclasses()) {
            try {
                out.add((Kind) c.getField("KIND").get(null));
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(c.getName() + " needs a public static final Kind KIND", e);
            }
        }
        return List.copyOf(out);
    }

    /** The rule with this script name; the error lists the names there are. */
    static Kind kind(String name) {
        List<Kind> all = kinds();
        for (Kind k : all) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new ValueError("unknown optimizer '" + name + "'; use "
                + String.join(", ", all.stream().map(k -> "'" + k.name() + "'").toList()));
    }

    /** This rule's {@link Kind}: its name, display name and settings. */
    Kind kind();

    /**
     * Updates each parameter in place from its gradient and returns ‖Δp‖ per parameter. Called by
     * {@link Network#step(dev.backprop.nn.UpdateRule)}, which checks the gradients are fresh and marks the change.
     */
    default double[] update(List<Param> trainable) {
        double[] norms = new double[trainable.size()];
        update(trainable, norms);
        return norms;
    }

    /** As {@link #update(List)}, writing ‖Δp‖ into {@code norms[i]}; allocates nothing in steady state. */
    @Override
    default void update(List<Param> trainable, double[] norms) {
        for (int i = 0; i < trainable.size(); i++) {
            norms[i] = update(trainable.get(i));
        }
    }

    /**
     * This rule's update of one parameter, in one pass over it (SGD through {@link Param#descend}, Adam its own
     * loop); returns ‖Δp‖.
     */
    double update(Param p);

    /** One step on {@code net}: the same as {@code net.step(this)}. */
    default void step(Network net) {
        net.step(this);
    }

    /** Hyper-parameters and per-parameter state, for inspection; {@code type} is {@code kind().name()}. */
    Map<String, Object> state();

    /** This rule's setting values, one per {@link Kind#settings} entry, in that order. */
    double[] settingValues();

    /** {@code type} and every setting under its name from {@link Kind#settings}: how each {@link #state()} begins. */
    default Map<String, Object> settingsState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", kind().name());
        double[] values = settingValues();
        for (int i = 0; i < values.length; i++) {
            s.put(kind().settings().get(i).name(), values[i]);
        }
        return s;
    }
}
