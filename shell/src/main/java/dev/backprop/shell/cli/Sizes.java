package dev.backprop.shell.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Command-line values people type: durations ("30s", "2m", "500ms", "none") and byte counts ("16M", "1G"). */
final class Sizes {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
    private static final Pattern BYTES = Pattern.compile("(\\d+)([kKmMgG]i?[bB]?|[bB])?");

    private Sizes() {
    }

    /** "30s", "2m", "1h", "500ms", a plain number of seconds, or "none" for no limit (null); zero is an error. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("none")) {
                return null;
            }
            Matcher m = DURATION.matcher(t);
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; write e.g. 30s, 2m,"
                        + " 500ms, 1h, or none");
            }
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double ms = switch (unit) {
                case "ms" -> n;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                default -> n * 1000;
            };
            if (Math.round(ms) <= 0) {
                throw new CommandLine.TypeConversionException("'" + text + "' would stop the script before it starts;"
                        + " write none for no limit (the default), or a time such as 30s or 10m");
            }
            return Duration.ofMillis(Math.round(ms));
        }
    }

    /** A whole number of at least 1, or "0"/"none" for no limit (0); negative numbers are usage errors. */
    static final class CountConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String t = text.strip().replace("_", "");
            if (t.equalsIgnoreCase("none")) {
                return 0L;
            }
            try {
                long n = Long.parseLong(t);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new CommandLine.TypeConversionException("'" + text + "' is not a count; write a whole number such"
                    + " as 50000000, or none (or 0) for no limit");
        }
    }

    /** "1048576", "512K", "16M", "1G" (binary units), or "0"/"none" for no limit (0). */
    static final class BytesConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String t = text.strip();
            if (t.equalsIgnoreCase("none")) {
                return 0L;
            }
            Matcher m = BYTES.matcher(t);
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a size in bytes; write e.g."
                        + " 1000000, 512K, 16M, 1G, or none");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            return switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
                case 'k' -> n << 10;
                case 'm' -> n << 20;
                case 'g' -> n << 30;
                default -> n;
            };
        }
    }
}
