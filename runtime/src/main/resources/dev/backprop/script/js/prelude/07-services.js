  // The prelude, part 07: what the sandbox (Java) calls: completion, network discovery; interruptible array loops; the kit. One closure in seven files, joined in order by Sandbox (PRELUDE).
  // ---- what the sandbox (Java) uses -----------------------------------------------------------------
  // An array, not a Set: filling a Set of ~100 names at start-up was enough to wake the optimizing compiler.
  const BUILTIN = ObjectFreeze(ObjectGetOwnPropertyNames(G));
  function members(v) {
    if (v === null || v === undefined) {
      return [];
    }
    const names = new Set();
    for (let o = Object(v); o !== null && o !== Object.prototype && o !== Function.prototype;
         o = ObjectGetPrototypeOf(o)) {
      const own = ObjectGetOwnPropertyNames(o);
      for (let i = 0; i < own.length; i++) {
        const k = own[i];
        if (k !== 'constructor' && !matches(/^\d+$/, k)) {
          SetAdd(names, k);
        }
      }
    }
    const out = [];
    SetForEach(names, (k) => ArrayPush(out, k));
    return ArraySort(out);
  }
  // Completion walks a chain like `net.layers[0].W` without running user code: only data properties
  // are followed, plus the getters of the prelude's own classes; a user getter ends the walk.
  const TRUSTED = new Set([Network.prototype, Matrix.prototype, Layer.prototype, Param.prototype,
    Optimizer.prototype, Dataset.prototype, Chart.prototype, Walkthrough.prototype]);
  /** 'data', 'accessor' or 'none' for a property of the global object. */
  function globalKind(name) {
    const d = ObjectGetOwnPropertyDescriptor(G, name);
    return d === undefined ? 'none' : ObjectHasOwn(d, 'value') ? 'data' : 'accessor';
  }
  function globalValue(name) {
    return ObjectGetOwnPropertyDescriptor(G, name).value;
  }
  function chainMembers(v, path) {
    const keys = [];
    for (let from = 0, at; path !== '' && from <= path.length; from = at + 1) {
      at = StringIndexOf(path, '\u0000', from);
      at = at < 0 ? path.length : at;
      ArrayPush(keys, StringSlice(path, from, at));
    }
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (v === null || v === undefined) {
        return [];
      }
      let d;
      let owner = Object(v);
      while (owner !== null && (d = ObjectGetOwnPropertyDescriptor(owner, k)) === undefined) {
        owner = ObjectGetPrototypeOf(owner);
      }
      if (d === undefined) {
        return [];
      }
      if (ObjectHasOwn(d, 'value')) {
        v = d.value;
      } else if (d.get !== undefined && SetHas(TRUSTED, owner)) {
        v = ReflectApply(d.get, v, []);
      } else {
        return [];
      }
    }
    return members(v);
  }
  function networks(...roots) {
    const found = [];
    const seen = new Set();
    function walk(v, depth) {
      if (v === null || typeof v !== 'object' || SetHas(seen, v) || depth > 4) {
        return;
      }
      SetAdd(seen, v);
      const h = networkHostOrNull(v);
      if (h !== null) {
        append(found, h); // the host network: no built-in of the script's may see it
      } else if (ArrayIsArray(v)) {
        for (let i = 0; i < v.length; i++) {
          walk(v[i], depth + 1);
        }
      } else if (v instanceof Map) {
        MapForEach(v, (e) => walk(e, depth + 1));
      } else if (ObjectGetPrototypeOf(v) === Object.prototype || ObjectGetPrototypeOf(v) === null) {
        // data properties only: finding networks for a snapshot never runs a getter
        const keys = ObjectKeys(v);
        for (let i = 0; i < keys.length; i++) {
          const d = ObjectGetOwnPropertyDescriptor(v, keys[i]);
          if (d !== undefined && 'value' in d) {
            walk(d.value, depth + 1);
          }
        }
      }
    }
    for (let i = 0; i < roots.length; i++) {
      walk(roots[i], 0);
    }
    return found;
  }
  // ---- built-in loops that a time limit can stop ------------------------------------------------------
  // GraalJS runs Array.prototype.forEach, indexOf, some … over an array-like such as { length: 2 ** 53 - 1 }
  // in a native loop that reaches no safepoint: neither a time limit nor interrupt() could end it. Over more
  // than LONG elements these methods take the same steps (ECMA-262, Array.prototype) as a loop in JS, which
  // the watchdog can stop; below that, the engine's own method runs, as fast as ever.
  (function interruptibleArrayLoops() {
    const LONG = 1 << 20;
    const AP = Array.prototype;
    const { trunc: MathTrunc } = Math;
    const MAX_LENGTH = 2 ** 53 - 1;
    function integer(x) { // ToIntegerOrInfinity
      const n = Number(x);
      return n !== n ? 0 : MathTrunc(n);
    }
    function lengthOf(o) { // ToLength
      const n = integer(o.length);
      return n <= 0 ? 0 : MathMin(n, MAX_LENGTH);
    }
    function callable(f, name) {
      if (typeof f !== 'function') {
        throw new TypeError('Array.prototype.' + name + ': the callback is not a function');
      }
    }
    function define(a, k, v) {
      ObjectDefineProperty(a, k, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
    }
    function wrap(name, slow) {
      const native = AP[name];
      const m = {
        [name](...args) {
          if (this === null || this === undefined) {
            return ReflectApply(native, this, args);
          }
          const o = Object(this);
          const len = lengthOf(o);
          return len > LONG ? slow(o, len, args) : ReflectApply(native, this, args);
        },
      }[name];
      ObjectDefineProperty(m, 'length', { __proto__: null, value: native.length, configurable: true });
      ObjectDefineProperty(AP, name, { __proto__: null, value: m, writable: true, enumerable: false,
        configurable: true });
    }
    wrap('forEach', (o, len, [cb, self]) => {
      callable(cb, 'forEach');
      for (let k = 0; k < len; k++) {
        if (k in o) {
          ReflectApply(cb, self, [o[k], k, o]);
        }
      }
      return undefined;
    });
    wrap('some', (o, len, [cb, self]) => {
      callable(cb, 'some');
      for (let k = 0; k < len; k++) {
        if (k in o && ReflectApply(cb, self, [o[k], k, o])) {
          return true;
        }
      }
      return false;
    });
    wrap('every', (o, len, [cb, self]) => {
      callable(cb, 'every');
      for (let k = 0; k < len; k++) {
        if (k in o && !ReflectApply(cb, self, [o[k], k, o])) {
          return false;
        }
      }
      return true;
    });
    wrap('map', (o, len, [cb, self]) => {
      callable(cb, 'map');
      if (len > 2 ** 32 - 1) {
        throw new RangeError('Invalid array length');
      }
      const a = new Array(len);
      for (let k = 0; k < len; k++) {
        if (k in o) {
          define(a, k, ReflectApply(cb, self, [o[k], k, o]));
        }
      }
      return a;
    });
    wrap('filter', (o, len, [cb, self]) => {
      callable(cb, 'filter');
      const a = [];
      let n = 0;
      for (let k = 0; k < len; k++) {
        if (k in o) {
          const v = o[k];
          if (ReflectApply(cb, self, [v, k, o])) {
            define(a, n++, v);
          }
        }
      }
      return a;
    });
    function reduceWith(name, from, step) {
      return (o, len, args) => {
        const cb = args[0];
        callable(cb, name);
        let k = from(len);
        let acc;
        if (args.length >= 2) {
          acc = args[1];
        } else {
          while (k >= 0 && k < len && !(k in o)) {
            k += step;
          }
          if (k < 0 || k >= len) {
            throw new TypeError('Reduce of empty array with no initial value');
          }
          acc = o[k];
          k += step;
        }
        for (; k >= 0 && k < len; k += step) {
          if (k in o) {
            acc = ReflectApply(cb, undefined, [acc, o[k], k, o]);
          }
        }
        return acc;
      };
    }
    wrap('reduce', reduceWith('reduce', () => 0, 1));
    wrap('reduceRight', reduceWith('reduceRight', (len) => len - 1, -1));
    wrap('indexOf', (o, len, args) => {
      const n = integer(args[1]);
      for (let k = n >= 0 ? n : MathMax(len + n, 0); k < len; k++) {
        if (k in o && o[k] === args[0]) {
          return k;
        }
      }
      return -1;
    });
    wrap('lastIndexOf', (o, len, args) => {
      const n = args.length > 1 ? integer(args[1]) : len - 1;
      for (let k = n >= 0 ? MathMin(n, len - 1) : len + n; k >= 0; k--) {
        if (k in o && o[k] === args[0]) {
          return k;
        }
      }
      return -1;
    });
  })();

  return ObjectFreeze({
    wrapNet: (h) => new Network(SECRET, h),
    hostOfNet: (v) => networkHostOrNull(v),
    display: (v, color) => display(v, !!color),
    shown: (v, color) => shown(v, !!color),
    members,
    globalKind,
    globalValue,
    chainMembers,
    networks,
    builtins: () => ArraySlice(BUILTIN),
    errorClass: (name) => ERRORS[name],
  });
})
