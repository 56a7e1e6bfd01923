package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Array.prototype methods the sandbox runs as JS loops over long arrays (so a time limit can stop them)
 * give what the language says, checked against hand-written loops over the same arrays and against the
 * engine's own methods on short ones.
 */
class ArrayLoopsTest {
    private static String run(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Sandbox sb = Sandbox.builder().timeLimit(Duration.ofSeconds(120)).out(out).build()) {
            sb.eval(code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void longArraysAndArrayLikesGiveTheSpecifiedResults() {
        String printed = run("""
                const n = (1 << 20) + 7;
                const a = new Array(n); // holes everywhere but every third index
                for (let i = 0; i < n; i += 3) a[i] = i % 7;
                const like = { length: n }; for (let i = 0; i < n; i += 3) like[i] = i % 7;
                function byHand(o) {
                  let sum = 0, count = 0, first = -1, last = -1, firstBig = -1;
                  for (let i = 0; i < o.length; i++) {
                    if (!(i in o)) continue;
                    sum += o[i]; count++;
                    if (o[i] === 5 && first < 0) first = i;
                    if (o[i] === 5) last = i;
                    if (o[i] > 5 && firstBig < 0) firstBig = i;
                  }
                  return [sum, count, first, last, firstBig].join(' ');
                }
                function viaMethods(o) {
                  const AP = Array.prototype;
                  let sum = 0, count = 0;
                  AP.forEach.call(o, (v) => { sum += v; count++; });
                  const reduced = AP.reduce.call(o, (s, v) => s + v, 0);
                  const right = AP.reduceRight.call(o, (s, v) => s + v);
                  const mapped = AP.map.call(o, (v) => v * 2);
                  const filtered = AP.filter.call(o, (v) => v > 5);
                  return [sum, count, AP.indexOf.call(o, 5), AP.lastIndexOf.call(o, 5), AP.findIndex.call(o, (v) => v > 5),
                          reduced === sum, right === sum, mapped.length === o.length, 1 in mapped, mapped[3] === 6,
                          filtered.length, AP.some.call(o, (v) => v === 6), AP.every.call(o, (v) => v < 7),
                          AP.indexOf.call(o, 5, -10), AP.lastIndexOf.call(o, 5, 100), AP.indexOf.call(o, 5, n)].join(' ');
                }
                print(byHand(a));
                print(viaMethods(a));
                print(viaMethods(like));
                const short = [3, , 5, 1];
                print([short.indexOf(5), short.lastIndexOf(3), short.map((v) => v + 1).join(), short.reduce((s, v) => s + v)].join(' '));
                print(Array.prototype.forEach.length, Array.prototype.reduce.length, Array.prototype.forEach.name);
                """);
        String[] lines = printed.split("\n");
        String[] hand = lines[0].split(" ");
        int filtered = 0;
        // independent count of the values above 5 at every third index below n
        int n = (1 << 20) + 7;
        for (int i = 0; i < n; i += 3) {
            filtered += i % 7 > 5 ? 1 : 0;
        }
        int fromEnd = -1; // indexOf(5, -10): the first index ≥ n − 10 holding 5
        for (int i = n - 10; i < n && fromEnd < 0; i++) {
            fromEnd = i % 3 == 0 && i % 7 == 5 ? i : -1;
        }
        int upTo100 = -1; // lastIndexOf(5, 100): the last index ≤ 100 holding 5
        for (int i = 100; i >= 0 && upTo100 < 0; i--) {
            upTo100 = i % 3 == 0 && i % 7 == 5 ? i : -1;
        }
        String expected = hand[0] + " " + hand[1] + " " + hand[2] + " " + hand[3] + " " + hand[4]
                + " true true true false true " + filtered + " true true " + fromEnd + " " + upTo100 + " -1";
        assertEquals(expected, lines[1]);
        assertEquals(expected, lines[2]);
        assertEquals("2 0 4,,6,2 9", lines[3]);
        assertEquals("1 1 forEach", lines[4]);
    }
}
