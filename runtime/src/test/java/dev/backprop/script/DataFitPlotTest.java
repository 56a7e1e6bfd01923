package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/scripting.md's Data, Training helper and Plots sections, through the script binding. */
class DataFitPlotTest {

    @Test
    void datasetsSplitShuffleBatchAndOneHot() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                const xor = nn.data.xor();
                assert(xor.size === 4 && xor.features === 2);
                assertClose(xor.x.toArray(), [[0, 0], [0, 1], [1, 0], [1, 1]], 0);
                const c = nn.data.circle({ n: 100, noise: 0.1, seed: 3 });
                assert(c.size === 100 && c.classes === 2);
                assertClose(nn.data.circle({ n: 100, noise: 0.1, seed: 3 }).x.data, c.x.data, 0);
                for (const g of ['spiral', 'gaussian', 'moons']) assert(nn.data[g]({ n: 10, seed: 1 }).size === 10, g);
                const [train, test] = c.split(0.8, 1);
                assert(train.size === 80 && test.size === 20);
                assert(c.shuffle(2).size === 100);
                const hot = c.oneHot(2);
                assert(hot.y.shape[1] === 2);
                let rows = 0, count = 0;
                for (const b of train.batches(32, { shuffle: true, seed: 4 })) {
                  assert(b.x instanceof nn.Matrix && b.y instanceof nn.Matrix);
                  rows += b.x.rows; count++;
                }
                assert(rows === 80 && count === 3, rows + ' rows in ' + count + ' batches');
                const of = nn.data.of([[1, 2], [3, 4], [5, 6]], [[0], [1], [0]]);
                assert(of.size === 3 && of.features === 2);
                """);
        }
    }

    @Test
    void batchesReuseTheirMatricesAndHoldEachBatchsRows() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                const d = nn.data.of([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]], [[0], [1], [0], [1], [1]]);
                for (let pass = 0; pass < 2; pass++) { // a second pass is a new iterator over the same rows
                  const seen = [];
                  let first = null;
                  for (const b of d.batches(2)) {
                    seen.push([b.x.toArray(), b.y.toArray()]);
                    if (first === null) {
                      first = b;
                    } else if (b.x.rows === 2) {
                      assert(b.x === first.x && b.y === first.y, 'full batches share their matrices');
                    } else {
                      assert(b.x !== first.x && b.y !== first.y, 'the shorter last batch has its own');
                    }
                  }
                  assertClose(seen.map((p) => p[0]), [[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10]]], 0);
                  assertClose(seen.map((p) => p[1]), [[[0], [1]], [[0], [1]], [[1]]], 0);
                }
                const it = d.batches(5)[Symbol.iterator]();
                const one = it.next();
                assert(!one.done && one.value.x.rows === 5, 'one batch of all 5');
                assert(it.next().done && it.next().done, 'done stays done');
                """);
        }
    }

    @Test
    void csvReadsInsideTheRootsAndNamesBadLines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.csv"), "a,b,label\n1,2,yes\n3,4,no\n5,6,yes\n");
        Files.writeString(dir.resolve("bad.csv"), "a,b,label\n1,2,yes\n3,x,no\n");
        try (Scripts s = Scripts.open(dir, dir)) {
            s.eval("""
                const d = nn.data.csv('tiny.csv', { target: 'label' });
                assert(d.size === 3 && d.features === 2 && d.classes === 2);
                assert(d.classNames.join() === 'no,yes');
                """);
            s.failsWith("FormatError", "nn.data.csv('bad.csv')", "3");
        }
    }

    @Test
    void fitLearnsXorAndReportsHistory() {
        try (Scripts s = Scripts.open()) {
            s.eval("""
                const net = nn.net([2, 8, 1], { activation: 'tanh', output: 'sigmoid', loss: 'bce', seed: 2 });
                let seen = 0;
                const h = net.fit(nn.data.xor(), { epochs: 300, batchSize: 4, optimizer: nn.adam({ lr: 0.05 }),
                                                  onEpoch: (epoch, stats) => { seen = epoch; } });
                assert(h.loss.length === 300 && seen === 300);
                assert(h.loss[299] < h.loss[0] && h.loss[299] < 0.1, 'loss ' + h.loss[299]);
                assert(nn.accuracy(net, nn.data.xor()) === 1);
                const early = nn.net([2, 2, 1], { seed: 1 }).fit(nn.data.xor(), { epochs: 50, lr: 0.1, onEpoch: (e) => e < 5 });
                assert(early.loss.length === 5, 'onEpoch returning false stops: ' + early.loss.length);
                """);
        }
    }

    @Test
    void interruptStopsFitBetweenWholeSteps() throws Exception {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(null))) {
            Network net = Network.builder(2, 64, 64, 1).activation("tanh").seed(1).build();
            s.sandbox.put("net", net);
            // interrupted once the first epoch is done, so inside fit; 100000 epochs would never end within the test
            Thread t = s.interruptOnceItPrints("fitting");
            ScriptError e = assertThrows(ScriptError.class, () -> s.eval("net.fit(nn.data.circle({ n: 2000, seed: 1 }),"
                    + " { epochs: 100000, batchSize: 8, lr: 0.1,"
                    + " onEpoch: (epoch) => { if (epoch === 1) print('fitting') } })"));
            t.join();
            assertEquals(ScriptError.Kind.INTERRUPTED, e.kind());
            assertEquals(1, s.eval("net.predict([0.1, 0.2]).length").value().asInt());
        }
    }

    @Test
    void plotsDrawAsTextAndSaveInsideTheWriteRoot(@TempDir Path dir) throws Exception {
        try (Scripts s = Scripts.open(dir, dir)) {
            s.eval("""
                const d = nn.data.gaussian({ n: 40, seed: 1 });
                const net = nn.net([2, 4, 2], { output: 'softmax', loss: 'crossEntropy', seed: 1 });
                const h = net.fit(d, { epochs: 5, lr: 0.5 });
                print(plot.line(h, { title: 'training', width: 30, height: 6 }));
                print(plot.boundary(net, d, { width: 20, height: 8 }));
                print(plot.histogram(net.layers[0].W));
                plot.save(plot.line(h.loss), 'loss.svg');
                plot.save(plot.histogram([1, 2, 2, 3]), 'hist.png');
                """);
            assertTrue(s.out().contains("training"), s.out());
            assertTrue(Files.size(dir.resolve("loss.svg")) > 0 && Files.size(dir.resolve("hist.png")) > 0);
            ScriptError e = assertThrows(ScriptError.class,
                    () -> s.eval("plot.save(plot.histogram([1]), '../escape.svg')"));
            assertEquals("SecurityError", e.errorName());
        }
    }

    @Test
    void printDrawsChartsInColourOnlyOnATerminal() {
        String js = "print(plot.line([1, 3, 2, 5, 4]), 'and', [1, 2]); print(plot.histogram([1, 2, 2, 3]))";
        try (Scripts plain = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)));
                Scripts term = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(60)).terminal(true))) {
            plain.eval(js);
            term.eval(js);
            String p = plain.out();
            assertFalse(p.contains("\u001b"), "redirected output has no escape codes:\n" + p);
            assertTrue(p.chars().allMatch(c -> c == '\n' || (c >= 32 && c < 127)), "plain is ASCII:\n" + p);
            String t = term.out();
            assertTrue(t.contains("\u001b[38;5;"), "a terminal gets colour:\n" + t);
            assertTrue(t.chars().anyMatch(c -> c > 127), "a terminal gets Unicode:\n" + t);
            assertTrue(t.contains(" and [1, 2]"), "other values print as before:\n" + t);
        }
    }

    @Test
    void aTimeLimitStopsALongFit() {
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(1)))) {
            ScriptError e = assertThrows(ScriptError.class, () -> s.eval(
                    "nn.net([2, 64, 64, 1], { seed: 1 }).fit(nn.data.circle({ n: 2000 }), { epochs: 100000, lr: 0.1 })"));
            assertEquals(ScriptError.Kind.LIMIT, e.kind());
            assertTrue(e.getMessage().contains("time limit"), e.getMessage());
        }
    }
}
