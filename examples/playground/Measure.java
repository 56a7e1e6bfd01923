import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running playground: java Measure.java PORT [SECONDS] — the lesson script from C = 1 and 8
 * clients for SECONDS each (after as long a warm-up), printing requests/s, p50/p99 latency and the
 * server's median sandbox set-up time. Every answer must be "ok" with the lesson's numbers.
 */
public class Measure {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        HttpClient http = HttpClient.newHttpClient();
        String script = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/examples/lesson.js"))
                .build(), HttpResponse.BodyHandlers.ofString()).body(); // the page's own lesson example
        URI run = URI.create("http://127.0.0.1:" + port + "/run");
        for (int clients : new int[] {1, 8}) {
            load(http, run, script, clients, seconds); // warm-up
            load(http, run, script, clients, seconds).print(clients, seconds);
        }
    }

    record Stats(List<Double> latencies, List<Long> setups) {
        void print(int clients, int seconds) {
            Collections.sort(latencies);
            Collections.sort(setups);
            System.out.printf("%d client(s): %.1f requests/s, p50 %.0f ms, p99 %.0f ms, sandbox set-up p50 %d ms (%d runs)%n",
                    clients, latencies.size() / (double) seconds, pct(latencies, 50), pct(latencies, 99),
                    setups.get(setups.size() / 2), latencies.size());
        }

        static double pct(List<Double> sorted, int p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    static Stats load(HttpClient http, URI run, String script, int clients, int seconds) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> setups = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean going = new AtomicBoolean(true);
        Pattern setup = Pattern.compile("\"setupMs\":(\\d+)");
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (going.get()) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r;
                    try {
                        r = http.send(HttpRequest.newBuilder(run).header("Content-Type", "text/javascript")
                                .POST(HttpRequest.BodyPublishers.ofString(script)).build(), HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200 || !r.body().contains("\"kind\":\"ok\"") || !r.body().contains("0.762")) {
                        throw new IllegalStateException("bad answer: " + r.statusCode() + " " + r.body());
                    }
                    if (going.get()) {
                        latencies.add(ms);
                        Matcher m = setup.matcher(r.body());
                        m.find();
                        setups.add(Long.parseLong(m.group(1)));
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(seconds * 1000L);
        going.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return new Stats(new ArrayList<>(latencies), new ArrayList<>(setups));
    }
}
