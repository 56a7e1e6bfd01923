package dev.backprop.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script replaces every built-in after start-up; the API still works (the same output as in a clean
 * sandbox) and no value a replaced built-in is handed, nor anything reachable from the globals, is a
 * host object. Two attacks: spies that record everything they see (this, arguments, results) and then
 * do the real work, and saboteurs that throw, so any built-in the prelude still calls live is named.
 */
class PoisonedBuiltinsTest {
    /** Before the attack: values the exercise needs that only built-ins can make. */
    private static final String SETUP = """
            var MAP = new Map(); MAP.set('a', 1);
            var SET = new Set(); SET.add(2);
            var F64 = new Float64Array(3);
            """;

    /**
     * Every function-valued property (string and symbol keys) of the intrinsics, their prototypes and the
     * iterator prototypes, and every global constructor, replaced by `make(original, name)`; accessors
     * (typed arrays' length, Map's size…) get a recording getter when SPY is on.
     */
    private static final String POISON = """
            (function () {
              const Err = Error, R = Reflect, apply = R.apply, construct = R.construct, def = Object.defineProperty;
              const names = Object.getOwnPropertyNames, symbols = Object.getOwnPropertySymbols;
              const desc = Object.getOwnPropertyDescriptor, proto = Object.getPrototypeOf;
              const seen = [];
              let busy = false;
              function record(v) {
                if (!busy && (typeof v === 'object' && v !== null || typeof v === 'function')) {
                  seen[seen.length] = v; // no built-in runs here: a spy may record from inside any other
                }
              }
              function spy(orig) {
                return function (...args) {
                  record(this);
                  for (let i = 0; i < args.length; i++) {
                    record(args[i]);
                  }
                  const out = new.target ? construct(orig, args, new.target) : apply(orig, this, args);
                  record(out);
                  return out;
                };
              }
              function saboteur(orig, name) {
                return function () {
                  throw new Err('poisoned ' + name + ' was called');
                };
              }
              const make = globalThis.SABOTAGE ? saboteur : spy;
              const GLOBALS = ['Object', 'Array', 'Function', 'String', 'Number', 'Boolean', 'Symbol', 'Math', 'JSON',
                'Reflect', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'ArrayBuffer', 'DataView', 'Float64Array',
                'Float32Array', 'Int32Array', 'Uint8Array', 'Error', 'TypeError', 'RangeError', 'RegExp', 'Date',
                'BigInt', 'Proxy'];
              const targets = [];
              for (let i = 0; i < GLOBALS.length; i++) {
                const g = globalThis[GLOBALS[i]];
                if (g !== undefined) {
                  targets[targets.length] = [g, GLOBALS[i]];
                  if (g.prototype !== undefined) {
                    targets[targets.length] = [g.prototype, GLOBALS[i] + '.prototype'];
                  }
                }
              }
              const TypedArray = proto(Float64Array);
              targets[targets.length] = [TypedArray, 'TypedArray'];
              targets[targets.length] = [TypedArray.prototype, 'TypedArray.prototype'];
              const arrayIterator = proto([][Symbol.iterator]());
              targets[targets.length] = [arrayIterator, 'ArrayIterator'];
              targets[targets.length] = [proto(arrayIterator), 'Iterator'];
              targets[targets.length] = [proto(new Map()[Symbol.iterator]()), 'MapIterator'];
              targets[targets.length] = [proto(new Set()[Symbol.iterator]()), 'SetIterator'];
              targets[targets.length] = [proto(''[Symbol.iterator]()), 'StringIterator'];
              const replaced = [];
              for (let t = 0; t < targets.length; t++) {
                const o = targets[t][0], where = targets[t][1];
                const keys = names(o), syms = symbols(o);
                for (let k = 0; k < syms.length; k++) {
                  keys[keys.length] = syms[k];
                }
                for (let k = 0; k < keys.length; k++) {
                  const key = keys[k];
                  if (key === 'constructor' || key === '__proto__' || key === 'prototype' || key === 'caller'
                      || key === 'arguments') {
                    continue;
                  }
                  const d = desc(o, key);
                  if (!d.configurable && !d.writable) {
                    continue;
                  }
                  const name = where + '.' + String(key);
                  if (typeof d.value === 'function') {
                    def(o, key, { value: make(d.value, name), writable: true, configurable: true });
                    replaced[replaced.length] = name;
                  } else if (!globalThis.SABOTAGE && typeof d.get === 'function' && d.configurable) {
                    def(o, key, { get: spy(d.get), set: d.set, configurable: true });
                    replaced[replaced.length] = name;
                  }
                }
              }
              for (let i = 0; i < GLOBALS.length; i++) {
                const g = globalThis[GLOBALS[i]];
                if (typeof g === 'function') {
                  globalThis[GLOBALS[i]] = make(g, GLOBALS[i]);
                }
              }
              globalThis.SEEN = seen;
              globalThis.REPLACED = replaced.length;
              // after the exercise: open every collection a spy saw with the original methods, as an attacker would
              globalThis.OPEN = function (views) {
                busy = true;
                const n = seen.length;
                for (let i = 0; i < n; i++) {
                  const v = seen[i];
                  for (let j = 0; j < views.length; j++) {
                    try {
                      const h = apply(ORIGINAL.weakMapGet, v, [views[j]]);
                      if (h !== undefined) {
                        seen[seen.length] = h;
                      }
                    } catch (e) {
                      // not a WeakMap
                    }
                  }
                  try {
                    apply(ORIGINAL.mapForEach, v, [(e, k) => { seen[seen.length] = e; seen[seen.length] = k; }]);
                  } catch (e) {
                    // not a Map
                  }
                  try {
                    apply(ORIGINAL.setForEach, v, [(e) => { seen[seen.length] = e; }]);
                  } catch (e) {
                    // not a Set
                  }
                }
                busy = false;
              };
            })();
            """;

    /** The originals an attacker keeps to open what the spies saw. */
    private static final String KEEP = """
            var ORIGINAL = { weakMapGet: WeakMap.prototype.get, mapForEach: Map.prototype.forEach,
                             setForEach: Set.prototype.forEach };
            """;

    /** The whole API, in syntax only (no built-in is called here): nets, training, data, plots, printing, errors. */
    private static final String EXERCISE = """
            function fails(what, f) {
              try {
                f();
                print(what, 'did not fail');
              } catch (e) {
                print(what, '->', e.name + ': ' + e.message);
              }
            }
            nn.seed(7);
            var net = nn.net([2, 3, 1], { activation: 'tanh' });
            print(net.forward([0.5, 0.9]));
            print(net.backward([1]));
            net.step(0.1);
            print(net.forward([[0.5, 0.9], [0.1, 0.2]]));
            print(net.backward([[1], [0]]));
            net.step(nn.sgd({ lr: 0.1, momentum: 0.9 }));
            var W = net.layers[0].W;
            W.value = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]];
            W.set(0, 0, 0.25);
            print(W.get(0, 0), W.shape, W.toArray(), W.value, W.grad);
            print(W);
            print(net.layers[1], net.params().length, net.gradNorms());
            print(net);
            print(net.summary());
            var xor = nn.data.xor();
            var history = net.fit(xor, { epochs: 3, batchSize: 2, lr: 0.5, seed: 1,
              onEpoch: (e, s) => { print('epoch', e, s.loss); } });
            print(history);
            for (const b of xor.batches(2, { shuffle: true, seed: 2 })) {
              print(b.x, b.y);
            }
            var m = nn.matrix(2, 2, [1, 2, 3, 4]);
            print(m, m.get(1, 1), m.row(0), m.shape, m.data);
            nn.axpy(2, m.data, m.data);
            print(m.toArray());
            var circle = nn.data.circle({ n: 20, seed: 3 });
            var parts = circle.split(0.5, 1);
            print(parts[0].size, parts[1].size, circle.features, circle.classes, circle.x.shape, circle.y.shape);
            var net2 = nn.net([2, 4, 2], { output: 'softmax', loss: 'crossEntropy', seed: 2 });
            print(net2.loss(circle.x, circle.y), nn.accuracy(net2, circle));
            print(net2.predict([[0.1, 0.2], [0.3, 0.4]]));
            print(net2.fit(circle.oneHot(), { epochs: 2, optimizer: nn.adam({ lr: 0.01 }), seed: 4 }));
            print(plot.line([1, 2, 3], { title: 'a', width: 20, height: 5 }));
            print(plot.line({ loss: [3, 2, 1], acc: [0.1, 0.5, 0.9] }, { width: 20, height: 5 }).title);
            print(plot.histogram(W, { bins: 4, height: 4 }));
            print(plot.boundary(net2, circle, { width: 12, height: 6 }));
            print(plot.save(plot.line([1, 2]), 'line.svg'));
            print(net.gradCheck([0.5, 0.9], [1]));
            print(net.stats());
            var copy = nn.fromJSON(net.toJSON());
            print(copy.forward([0.5, 0.9]), net.clone().forward([0.5, 0.9]));
            net.save('net.json');
            print(nn.load('net.json').forward([0.5, 0.9]));
            var adam = nn.adam({ lr: 0.01 });
            net.forward([0.5, 0.9]);
            net.backward([1]);
            print(net.checkGrads({ W1: W.grad }, { tol: 1e9 }));
            net.step(adam);
            print(adam, adam.kind);
            var walk = nn.explain(net, [0.5, 0.9], 1, { lr: 0.5 });
            print(walk.title, walk.steps.length);
            print({ a: 1, b: [1, 'x', null], c: { d: W } }, MAP, SET, [m, W], F64);
            assertClose([1, 2], [1, 2 + 1e-12], 1e-9);
            console.log('console', 1, [2]);
            fails('forward', () => net.forward([1, 2, 3]));
            fails('get', () => m.get(5, 0));
            fails('value', () => { W.value = [[1, 2], [3, NaN], [5, 6]]; });
            fails('net', () => nn.net('x'));
            fails('batches', () => xor.batches(0));
            fails('load', () => nn.load('missing.json'));
            fails('fit', () => net.fit(xor, { epochs: 1, bogus: 1 }));
            fails('assert', () => assert(false, 'stop'));
            fails('assertClose', () => assertClose([1], [2]));
            fails('axpy', () => nn.axpy(1, [1], [1, 2]));
            fails('load()', () => load('x.js'));
            fails('new Matrix', () => new nn.Matrix(1, 2));
            print(args);
            """;

    @Test
    void spiesSeeNoHostObjectAndTheApiWorksAsInACleanSandbox(@TempDir Path dir) {
        String clean = run(dir.resolve("clean"), null);
        assertFalse(clean.contains("did not fail"), clean);
        assertFalse(clean.contains("dev.backprop") || clean.contains("java."), clean);
        assertTrue(clean.contains("forward -> ShapeError"), clean);
        String spied = run(dir.resolve("spied"), (s, view) -> {
            assertTrue(s.sandbox.eval("REPLACED", "check.js").value().asInt() > 300, "the attack replaced its built-ins");
            int grew = s.sandbox.eval("var before = SEEN.length; [W].push(m); SEEN.length - before", "check.js").value()
                    .asInt();
            assertTrue(grew >= 2, "the spies are live: a push showed them " + grew + " values");
        });
        assertEquals(clean, spied);
    }

    @Test
    void saboteursDoNotStopTheApi(@TempDir Path dir) {
        String clean = run(dir.resolve("clean"), null);
        String sabotaged = run(dir.resolve("sabotaged"), (s, view) -> { });
        assertEquals(clean, sabotaged);
    }

    private interface Check {
        void after(Scripts s, String variant);
    }

    /** Runs the exercise in a fresh sandbox (clean, spied or sabotaged) and returns what it printed. */
    private static String run(Path dir, Check check) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean sabotage = dir.getFileName().toString().equals("sabotaged");
        try (Scripts s = new Scripts(Sandbox.builder().timeLimit(Duration.ofSeconds(120)).readRoot(dir).writeRoot(dir)
                .args(List.of("one", "two")))) {
            s.sandbox.eval(SETUP, "setup.js");
            if (check != null) {
                s.sandbox.eval(KEEP + (sabotage ? "var SABOTAGE = true;\n" : "") + POISON, "poison.js");
            }
            s.sandbox.eval(EXERCISE, "exercise.js");
            if (check != null) {
                // the shell and the embedding API run the prelude's helpers in the same poisoned context
                s.sandbox.snapshot();
                s.sandbox.getNetwork("net");
                s.sandbox.members("net.layers[0].W");
                s.sandbox.members("MAP");
                s.sandbox.globals();
                s.sandbox.display(s.sandbox.eval("[net, W, m, MAP, SET, { x: [1, 'a'] }]", "show.js").value(), true);
                check.after(s, dir.getFileName().toString());
                if (!sabotage) {
                    s.sandbox.eval("OPEN([W.value, W.grad, m.data, net.layers[1].b.value])", "open.js");
                    List<String> hosts = new ArrayList<>();
                    hostObjects(s.sandbox.eval("SEEN", "seen.js").value(), "SEEN", 0, new HashMap<>(), hosts);
                    assertEquals(List.of(), hosts, "host objects handed to the script's replaced built-ins");
                }
            }
            List<String> hosts = new ArrayList<>();
            for (String name : s.sandbox.globals()) {
                hostObjects(s.sandbox.eval("globalThis[" + quote(name) + "]", "global.js").value(), name, 0,
                        new HashMap<>(), hosts);
            }
            assertEquals(List.of(), hosts, "host objects reachable from the globals");
            return (s.out() + s.err()).replace(dir.toString(), "<dir>");
        }
    }

    private static String quote(String name) {
        return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Every host object (a Java object the script could hold) within four steps of {@code v}. */
    private static void hostObjects(Value v, String path, int depth, Map<Object, Boolean> seen, List<String> out) {
        if (v.isHostObject() || v.isProxyObject()) {
            out.add(path + " = " + v.getMetaObject());
            return;
        }
        if (depth > 4 || v.isNull() || v.isString() || v.isNumber() || v.isBoolean()) {
            return;
        }
        if (seen.put(v, Boolean.TRUE) != null || seen.size() > 20_000) {
            return;
        }
        if (v.hasArrayElements()) {
            for (long i = 0; i < Math.min(v.getArraySize(), 2_000); i++) {
                hostObjects(v.getArrayElement(i), path + "[" + i + "]", depth + 1, seen, out);
            }
        }
        if (v.hasMembers() && !v.canExecute() && !v.hasBufferElements()) {
            for (String k : v.getMemberKeys()) {
                hostObjects(v.getMember(k), path + "." + k, depth + 1, seen, out);
            }
        }
    }
}
