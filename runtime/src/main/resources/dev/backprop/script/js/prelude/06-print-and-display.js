  // The prelude, part 06: print, console and the assertions; display, the one formatter of values; the globals. One closure in seven files, joined in order by Sandbox (PRELUDE).
  // ---- print, console, assert, assertClose, args ----------------------------------------------------
  function text(values) {
    let s = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      // charts draw with Unicode and colour when out is a terminal, plain ASCII otherwise
      s += (i === 0 ? '' : ' ') + (typeof v === 'string' ? v : v instanceof Chart ? v.render(host.terminal()) : display(v, false));
    }
    return s + '\n';
  }
  function print(...values) {
    host.write(text(values));
  }
  const console = ObjectFreeze({
    log: print,
    info: print,
    debug: print,
    warn: (...values) => host.writeErr(text(values)),
    error: (...values) => host.writeErr(text(values)),
  });
  function assert(cond, message) {
    if (!cond) {
      throw new AssertionError(message === undefined ? 'assertion failed' : String(message));
    }
  }
  function flatten(v, path, out) {
    if (typeof v === 'number') {
      ArrayPush(out, path, v);
    } else if (v instanceof Matrix) {
      flatten(v.toArray(), path, out);
    } else if (v instanceof Param) {
      flatten(v.toArray(), path, out);
    } else if (ArrayIsArray(v) || isTyped(v)) {
      for (let i = 0; i < v.length; i++) {
        flatten(v[i], path + '[' + i + ']', out);
      }
    } else {
      throw new TypeError('assertClose compares numbers, arrays, Float64Arrays and matrices; got '
        + describe(v) + (path ? ' at ' + path : ''));
    }
    return out;
  }
  function assertClose(actual, expected, tol, message) {
    const t = tol === undefined ? 1e-9 : tol;
    if (typeof t !== 'number' || !(t >= 0)) {
      throw new TypeError('assertClose tolerance must be a number ≥ 0, got ' + describe(tol));
    }
    const prefix = message === undefined ? '' : String(message) + ': ';
    const a = flatten(actual, '', []), e = flatten(expected, '', []);
    if (a.length !== e.length) {
      throw new AssertionError(prefix + 'assertClose: actual has ' + a.length / 2 + ' numbers, expected has '
        + e.length / 2 + ' (actual ' + describe(actual) + ', expected ' + describe(expected) + ')');
    }
    for (let k = 0; k < a.length; k += 2) {
      const av = a[k + 1], ev = e[k + 1];
      if (!(MathAbs(av - ev) <= t * MathMax(1, MathAbs(ev)))) {
        const where = a[k] === '' ? '' : ' at ' + a[k];
        throw new AssertionError(prefix + 'assertClose' + where + ': actual ' + av + ', expected ' + ev
          + ' (differs by ' + MathAbs(av - ev) + ', tolerance ' + t + ' × max(1, |expected|))');
      }
    }
  }
  const args = ObjectFreeze(Array.from({ length: host.argCount() }, (_, i) => host.arg(i)));

  // ---- display: human formatting for print and the shell ----------------------------------------------
  const C = { num: '\x1b[33m', str: '\x1b[32m', dim: '\x1b[90m', name: '\x1b[36m', off: '\x1b[0m' };
  const MAX_ITEMS = 100;
  function paint(s, c, color) {
    return color ? c + s + C.off : s;
  }
  function numbers(v, n, color) {
    const parts = [];
    for (let k = 0; k < MathMin(n, MAX_ITEMS); k++) {
      ArrayPush(parts, paint(String(v[k]), C.num, color));
    }
    if (n > MAX_ITEMS) {
      ArrayPush(parts, paint('… ' + (n - MAX_ITEMS) + ' more', C.dim, color));
    }
    return '[' + ArrayJoin(parts, ', ') + ']';
  }
  function matrixText(rows, color) {
    if (rows.length === 0) {
      return '[]';
    }
    const shown = [];
    for (let i = 0; i < rows.length && i < 20; i++) {
      ArrayPush(shown, numbers(rows[i], rows[i].length, color));
    }
    if (rows.length > 20) {
      ArrayPush(shown, paint('… ' + (rows.length - 20) + ' more rows', C.dim, color));
    }
    return '[' + ArrayJoin(shown, ',\n ') + ']';
  }
  function display(v, color, depth, seen) {
    depth = depth || 0;
    switch (typeof v) {
      case 'number':
      case 'boolean':
      case 'bigint':
        return paint(String(v), C.num, color);
      case 'string':
        return paint("'" + v + "'", C.str, color);
      case 'undefined':
        return paint('undefined', C.dim, color);
      case 'symbol':
        return paint(String(v), C.str, color);
      case 'function':
        return paint(v.prototype && matches(/^class\b/, FunctionToString(v))
          ? '[class ' + (v.name || 'anonymous') + ']' : '[Function ' + (v.name || 'anonymous') + ']', C.name, color);
    }
    if (v === null) {
      return paint('null', C.dim, color);
    }
    if (v instanceof Network) {
      return paint(v.toString(), C.name, color);
    }
    if (v instanceof Matrix) {
      return paint('Matrix [' + v.rows + ', ' + v.cols + ']', C.name, color) + ' ' + matrixText(v.toArray(), color);
    }
    if (v instanceof Param) {
      return paint('Param ' + v.name + ' [' + ArrayJoin(v.shape, ', ') + ']' + (v.trainable ? '' : ' (frozen)'), C.name, color)
        + ' ' + matrixText(v.toArray(), color);
    }
    if (v instanceof Chart) {
      return v.render(color);
    }
    if (v instanceof Dataset) {
      return paint(v.toString(), C.name, color);
    }
    if (v instanceof Walkthrough) {
      return v.toString();
    }
    if (v instanceof Layer) {
      return paint(v.toString(), C.name, color);
    }
    if (v instanceof Optimizer) {
      return paint(optimizerKind(v.kind).title, C.name, color) + ' ' + display(hyper(v.state()), color, depth + 1, seen);
    }
    if (v instanceof Error) {
      return v.name + ': ' + v.message;
    }
    if (isTyped(v)) {
      return paint(TypedArrayTag(v) + '(' + v.length + ')', C.name, color) + ' ' + numbers(v, v.length, color);
    }
    seen = seen || new Set();
    if (SetHas(seen, v)) {
      return paint('[Circular]', C.dim, color);
    }
    if (depth > 4) {
      return paint(ArrayIsArray(v) ? '[Array]' : '[Object]', C.dim, color);
    }
    SetAdd(seen, v);
    try {
      if (ArrayIsArray(v)) {
        let allNumbers = true;
        for (let k = 0; k < v.length && allNumbers; k++) {
          allNumbers = typeof v[k] === 'number';
        }
        if (allNumbers) {
          return numbers(v, v.length, color);
        }
        const parts = [];
        for (let k = 0; k < v.length && k < MAX_ITEMS; k++) {
          ArrayPush(parts, display(v[k], color, depth + 1, seen));
        }
        if (v.length > MAX_ITEMS) {
          ArrayPush(parts, paint('… ' + (v.length - MAX_ITEMS) + ' more', C.dim, color));
        }
        return '[' + ArrayJoin(parts, ', ') + ']';
      }
      if (v instanceof Map) {
        const parts = [];
        MapForEach(v, (e, k) => {
          if (parts.length < MAX_ITEMS) {
            ArrayPush(parts, display(k, color, depth + 1, seen) + ' => ' + display(e, color, depth + 1, seen));
          }
        });
        return 'Map(' + MapSize(v) + ') {' + ArrayJoin(parts, ', ') + '}';
      }
      if (v instanceof Set) {
        const parts = [];
        SetForEach(v, (e) => {
          if (parts.length < MAX_ITEMS) {
            ArrayPush(parts, display(e, color, depth + 1, seen));
          }
        });
        return 'Set(' + SetSize(v) + ') {' + ArrayJoin(parts, ', ') + '}';
      }
      const proto = ObjectGetPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null && typeof v.toString === 'function'
          && v.toString !== Object.prototype.toString) {
        return String(v);
      }
      const keys = ObjectKeys(v);
      if (keys.length === 0) {
        return '{}';
      }
      const parts = [];
      for (let i = 0; i < keys.length && i < MAX_ITEMS; i++) {
        const k = keys[i];
        ArrayPush(parts, (matches(/^[A-Za-z_$][\w$]*$/, k) ? k : "'" + k + "'") + ': '
          + display(v[k], color, depth + 1, seen));
      }
      return '{ ' + ArrayJoin(parts, ', ') + (keys.length > MAX_ITEMS ? ', …' : '') + ' }';
    } finally {
      SetDelete(seen, v);
    }
  }
  function hyper(state) {
    const out = {};
    const keys = ObjectKeys(state);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (typeof state[k] === 'number') {
        out[k] = state[k];
      }
    }
    return out;
  }

  // ---- the globals ------------------------------------------------------------------------------------
  const origLoad = G.load;
  const REMOVED = ['load', 'loadWithNewGlobal', 'print', 'printErr', 'console', 'quit', 'exit', 'read', 'readbuffer',
                   'readline', 'Graal', 'Java', 'Packages', 'java', 'javax', 'Polyglot'];
  for (let i = 0; i < REMOVED.length; i++) {
    const k = REMOVED[i];
    try {
      delete G[k];
    } catch (e) {
      G[k] = undefined;
    }
  }
  const globals = {
    nn: ObjectFreeze(nn),
    print,
    console,
    assert,
    assertClose,
    args,
    plot,
    load: function load(what) {
      throw new SecurityError('load(' + describe(what) + ') is not available in the sandbox: for shared code put a'
        + " .mjs module next to your script and import it; for a network file use nn.load(path), for data"
        + ' nn.data.csv(path)');
    },
    ...ERRORS,
  };
  // One defineProperties call (not one defineProperty per name): see the note on start-up loops above.
  const descriptors = {};
  const globalNames = ObjectKeys(globals);
  for (let i = 0; i < globalNames.length; i++) {
    descriptors[globalNames[i]] = { value: globals[globalNames[i]], writable: true, enumerable: false,
      configurable: true };
  }
  ObjectDefineProperties(G, descriptors);
  void origLoad;

