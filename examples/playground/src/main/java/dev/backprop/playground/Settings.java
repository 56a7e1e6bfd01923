package dev.backprop.playground;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The server's settings, from its command line.
 *
 * @param host the address to listen on (127.0.0.1 unless told)
 * @param port the port (0: any free one; the chosen one is printed)
 * @param pool how many scripts run at once
 * @param queue how many more may wait for a slot; beyond that a run gets 503 at once
 * @param queueWait how long a run waits for a slot before it gets 503
 * @param defaultTime the time limit of a run that asks for none
 * @param maxTime the largest time limit a run may ask for
 * @param data the sample-data folder scripts may read
 * @param maxScriptBytes the largest script accepted
 * @param maxOutputBytes output of one run
 * @param maxElements the largest network or matrix of one run
 * @param maxAllocatedBytes memory one run may keep
 */
record Settings(String host, int port, int pool, int queue, Duration queueWait, Duration defaultTime, Duration maxTime,
        Path data, int maxScriptBytes, long maxOutputBytes, long maxElements, long maxAllocatedBytes) {

    static final String USAGE = """
            usage: run [--port N] [--host ADDR] [--pool N] [--queue N] [--queue-wait 30s] [--time 5s] [--max-time 10s] [--data DIR]
              --port N        port to listen on (default 8080; 0 picks a free one)
              --host ADDR     address to listen on (default 127.0.0.1)
              --pool N        scripts that run at once (default: the number of cores, at least 2)
              --queue N       runs that may wait for a slot (default 4 × pool); more get 503
              --queue-wait T  how long a run waits for a slot before 503 (default 30s)
              --time T        time limit of a run that asks for none (default 5s)
              --max-time T    the largest time limit a run may ask for with ?timeLimit= (default 10s)
              --data DIR      the sample-data folder scripts may read (default ./sample-data)""";

    static Settings parse(String[] args) {
        String host = "127.0.0.1";
        int port = 8080;
        int pool = Math.max(2, Runtime.getRuntime().availableProcessors());
        int queue = -1;
        Duration queueWait = Duration.ofSeconds(30);
        Duration time = Duration.ofSeconds(5);
        Duration maxTime = Duration.ofSeconds(10);
        Path data = Path.of("sample-data");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--host" -> host = v;
                case "--port" -> port = number(a, v, 0, 65535);
                case "--pool" -> pool = number(a, v, 1, 1024);
                case "--queue" -> queue = number(a, v, 0, 100_000);
                case "--queue-wait" -> queueWait = duration(a, v);
                case "--time" -> time = duration(a, v);
                case "--max-time" -> maxTime = duration(a, v);
                case "--data" -> data = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("the sample-data folder " + data.toAbsolutePath() + " does not exist;"
                    + " give one with --data DIR");
        }
        long heap = Runtime.getRuntime().maxMemory();
        return new Settings(host, port, pool, queue < 0 ? 4 * pool : queue, queueWait,
                time.compareTo(maxTime) > 0 ? maxTime : time, maxTime, data.toAbsolutePath().normalize(),
                256 * 1024, 256 * 1024, 2_000_000, Math.max(32L << 20, heap / (pool + 1)));
    }

    /**
     * A duration as people write it: {@code 2s}, {@code 1500ms}, {@code 0.5s}, {@code 1m}, {@code 1h}, or a bare number
     * of seconds; it must be more than zero.
     */
    static Duration duration(String what, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        double factor = 1000;
        if (t.endsWith("ms")) {
            factor = 1;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 60_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            factor = 3_600_000;
            t = t.substring(0, t.length() - 1);
        }
        double ms;
        try {
            ms = Double.parseDouble(t) * factor;
        } catch (NumberFormatException e) {
            ms = Double.NaN;
        }
        if (!(ms >= 1 && ms <= 24 * 3_600_000.0)) {
            throw new IllegalArgumentException(what + " must be a duration such as 2s, 500ms or 1m (at least 1ms),"
                    + " got '" + text + "'");
        }
        return Duration.ofMillis(Math.round(ms));
    }

    private static int number(String what, String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a whole number from " + min + " to " + max + ", got '"
                + text + "'");
    }
}
