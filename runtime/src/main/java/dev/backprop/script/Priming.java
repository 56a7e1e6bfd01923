package dev.backprop.script;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Class initialisation done once per JVM, on the engine's first (shallow) stack, instead of for the first time
 * deep inside a script's recursion: there a stack overflow in a static initialiser would leave the class
 * unusable ("Could not initialize class …") for every later sandbox of the JVM. Initialised here: every class
 * of the runtime itself, and the JavaScript built-ins a warm-up script touches. It narrows that attack to
 * classes of GraalJS and the libraries that neither reaches; docs/sandbox.md says so.
 */
final class Priming {
    /** Built-ins and paths most scripts reach: their node and object classes are initialised by running them. */
    static final String WARM_UP = """
            (() => {
              const s = new String('abc'); s.length; s.slice(1); 'abc'.padStart(5).trim().split('').reverse().join('');
              String(new Error('x').message); new Number(1).toFixed(2); new Boolean(true).valueOf(); Object(Symbol('s'));
              [3, 1, 2].map((x) => x * 2).filter((x) => x > 1).sort((a, b) => a - b).indexOf(4);
              [1, [2, [3]]].flat(2).includes(3); Array.from({ length: 3 }, (_, i) => i).reduce((a, b) => a + b, 0);
              JSON.parse(JSON.stringify({ a: [1, 'x', null, true], b: { c: 1.5 } }));
              const m = new Map([[1, 2]]); m.get(1); m.forEach(() => {}); new Set([1]).has(1); new WeakMap().set({}, 1);
              /a+(b)?/g.exec('aab'); 'a-b'.replace(/-/g, '+'); new Date(0).toISOString(); Math.max(1, 2, Math.sqrt(2));
              new Float64Array(4).fill(1).subarray(1).map((v) => v + 1); new Int32Array(2); new ArrayBuffer(8);
              new Proxy({}, { get: () => 1 }).x; Reflect.ownKeys({ a: 1 }); Object.freeze(Object.entries({ a: 1 }));
              try { null.x; } catch (e) { String(e); e.stack; }
              try { undefinedName; } catch (e) { String(e); }
              try { throw new RangeError('r'); } catch (e) { String(e); }
              `${1}${'a'}`; (function* () { yield 1; })().next(); Promise.resolve(1).then((v) => v);
              class A { #x = 1; get x() { return this.#x; } static of() { return new A(); } } A.of().x;
              BigInt(2) ** 3n; Number.isInteger(2 ** 31); parseFloat('1.5e3'); (1e21).toString(36);
              Object.getOwnPropertyDescriptors({ get g() { return 1; } }); Symbol.iterator in [];
              const { a, ...rest } = { a: 1, b: 2 }; [...'ab']; typeof structuredClone;
            })();
            """;

    /** The script API's common paths and its errors, each step on its own so that one failing stops no other. */
    static final String WARM_UP_API = """
            const t = (f) => { try { return f(); } catch (e) { return String(e && e.message); } };
            const xor = t(() => nn.data.xor());
            const net = t(() => nn.net([2, 3, 1], { seed: 1 }));
            t(() => { net.forward(xor.x); net.backward(xor.y); net.step(0.1); });
            t(() => net.fit(xor, { epochs: 1, lr: 0.1, onEpoch: () => {} }));
            t(() => nn.fromJSON(net.toJSON()).predict(xor.x));
            for (const bad of ['{}', '{', '[]', '{"format": 1}', 'null', '{"format": "backprop-sandbox-network"}']) {
              t(() => nn.fromJSON(bad));
            }
            t(() => nn.net([2, 0]));
            t(() => nn.net([2, 2], { activation: 'nope' }));
            t(() => net.forward([1, 2, 3]));
            t(() => net.backward([[1, 2]]));
            t(() => nn.data.csv('missing.csv'));
            t(() => nn.data.idx('missing.idx'));
            t(() => nn.load('missing.json'));
            t(() => net.save('x.json'));
            t(() => nn.adam({ lr: 0.01 }).step(net));
            t(() => nn.sgd({ lr: 0.1, momentum: 0.9 }));
            t(() => nn.matrix(2, 2));
            t(() => net.gradCheck(xor.x, xor.y));
            t(() => net.stats());
            t(() => plot.line([1, 2, 3]));
            t(() => nn.data.circle({ n: 20, seed: 1 }).split(0.5));
            t(() => nn.data.moons({ n: 20, seed: 1 }).batches(4));
            net;
            """;

    /** How many of the runtime's classes {@link #initialiseRuntimeClasses} initialised (for the tests). */
    static volatile int initialised;

    private Priming() {
    }

    /** Loads and initialises every class of the runtime (the Vector API kernel only where its module is there). */
    static void initialiseRuntimeClasses() {
        ClassLoader loader = Priming.class.getClassLoader();
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        for (String name : runtimeClassNames()) {
            if (!vector && name.contains("Vector")) {
                continue; // would fail to link without jdk.incubator.vector, and is never used then
            }
            try {
                Class.forName(name, true, loader);
                initialised++;
            } catch (ClassNotFoundException | LinkageError e) {
                // optional parts (e.g. a kernel for another platform): they fail the same way when used
            }
        }
    }

    private static List<String> runtimeClassNames() {
        List<String> names = new ArrayList<>();
        try {
            Path where = Path.of(Priming.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                Path root = where.resolve("dev/backprop");
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(className(where, p)));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("dev/backprop/") && n.endsWith(".class"))
                            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
                }
            }
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
            return List.of(); // no code source to list (an unusual class loader): nothing primed ahead
        }
        names.removeIf(n -> n.endsWith("module-info") || n.endsWith("package-info"));
        return names;
    }

    private static String className(Path base, Path file) {
        String rel = base.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        return rel.substring(0, rel.length() - ".class".length());
    }
}
