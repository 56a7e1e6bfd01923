package dev.backprop.nn;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of a closed family ({@link Activation}, {@link Loss}) read off its {@code permits} clause: every
 * permitted class with a {@code public static final INSTANCE} is a member, in the order the clauses list them.
 * Adding a member is one new file and its line in {@code permits}; the name lists, lookups and messages derive
 * from here, and so does each member's script name: its class's name in lowerCamelCase ({@code LeakyRelu} is
 * {@code 'leakyRelu'}), so the name is spelled once, as the class; enums' constants likewise ({@link #name(Enum)}).
 */
final class Family {
    private Family() {
    }

    private static final ClassValue<List<?>> MEMBERS = new ClassValue<>() {
        @Override
        protected List<?> computeValue(Class<?> root) {
            List<Object> out = new ArrayList<>();
            collect(root, root, out);
            return List.copyOf(out);
        }
    };

    /** The {@code INSTANCE} of every permitted subclass of {@code root}, nested sealed families included. */
    @SuppressWarnings("unchecked")
    static <T> List<T> members(Class<T> root) {
        return (List<T>) MEMBERS.get(root);
    }

    private static void collect(Class<?> root, Class<?> c, List<Object> out) {
        Class<?>[] permitted = c.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> p : permitted) {
                collect(root, p, out);
            }
        }
        try {
            Field f = c.getField("INSTANCE");
            Object member = f.get(null);
            if (Modifier.isStatic(f.getModifiers()) && root.isInstance(member)) {
                out.add(member);
            } else if (Modifier.isStatic(f.getModifiers())) {
                throw new IllegalStateException(c.getName() + ".INSTANCE is not made yet: read the family after"
                        + " class initialisation");
            }
        } catch (NoSuchFieldException e) {
            // a sealed sub-family or a member made per use (Custom): not a singleton member
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(c.getName() + ".INSTANCE must be public", e);
        }
    }

    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> member) {
            String simple = member.getSimpleName();
            return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        }
    };

    /** The name scripts use for a member: its class's simple name with a lower-case first letter. */
    static String name(Class<?> member) {
        return NAMES.get(member);
    }

    /** The name scripts use for an enum constant: {@code SIGN_FLIPPED} is {@code 'signFlipped'}. */
    static String name(Enum<?> constant) {
        StringBuilder sb = new StringBuilder();
        for (String word : constant.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            sb.append(sb.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return sb.toString();
    }

    /** {@code 'a', 'b' or 'c'}: names as messages list them. */
    static String quotedList(List<String> names) {
        if (names.size() == 1) {
            return "'" + names.get(0) + "'";
        }
        return "'" + String.join("', '", names.subList(0, names.size() - 1)) + "' or '" + names.get(names.size() - 1)
                + "'";
    }
}
