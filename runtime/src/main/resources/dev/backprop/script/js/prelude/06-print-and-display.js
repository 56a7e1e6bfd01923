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
  const args = ObjectFreeze(Array.from(host.args()));

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

  // ---- the shell's layout of a result: the same formatter, laid out for a person at the prompt -----------
  // Numbers to six significant digits, vectors on one line, number grids as right-aligned tables elided in the
  // middle, a network as its summary, a parameter or matrix as a table under its name and shape; what has no
  // layout of its own (layers, datasets, charts, optimizers, errors, maps…) is shown by display above.
  const SHELL = { maxRows: 12, edgeRows: 5, maxCols: 10, edgeCols: 4, maxVector: 20, edgeVector: 8, maxMembers: 12,
    yellow: '\x1b[33m', green: '\x1b[32m', cyan: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', off: '\x1b[0m' };
  function style(s, c, color) {
    return color && s.length > 0 && !matches(/^\s*$/, s) ? c + s + SHELL.off : s;
  }
  /** 3, 0.761811, -0.0432286, 1.5e-7, 12345678 → 1.23457e+7. */
  function sixDigits(v) {
    if (v !== v || v === Infinity || v === -Infinity) {
      return String(v);
    }
    const abs = MathAbs(v);
    if (v === MathRound(v) && abs < 1e15) {
      return String(v);
    }
    if (abs >= 1e-4 && abs < 1e7) {
      return String(Number(NumberToPrecision(v, 6))); // rounded from the exact value, shown without trailing zeros
    }
    // d.ddddde±x rounded half up from the shortest digits that name v, as Java's %.5e does
    let shortest = NumberToExponential(abs);
    if (StringIndexOf(shortest, '.') < 0) {
      shortest = NumberToExponential(abs, 1); // Java's Double.toString keeps two digits: 4.9e-324, not 5e-324
    }
    const at = StringIndexOf(shortest, 'e');
    let digits = StringReplace(StringSlice(shortest, 0, at), '.', '');
    let exp = Number(StringSlice(shortest, at + 1));
    if (digits.length > 6) {
      const up = digits[6] >= '5';
      digits = StringSlice(digits, 0, 6);
      if (up) {
        const n = String(Number(digits) + 1);
        exp += n.length - 6;
        digits = StringSlice(n, 0, 6);
      }
    }
    let rest = StringSlice(digits, 1);
    while (rest.length > 0 && rest[rest.length - 1] === '0') {
      rest = StringSlice(rest, 0, -1);
    }
    return (v < 0 ? '-' : '') + digits[0] + (rest === '' ? '' : '.' + rest) + 'e' + (exp < 0 ? '-' : '+')
      + MathAbs(exp);
  }
  /** 0..n-1, or the first and last `edge` with −1 marking the elided middle. */
  function shownIndices(n, max, edge) {
    const out = [];
    for (let k = 0; k < n; k++) {
      if (n <= max || k < edge || k >= n - edge) {
        append(out, k);
      } else if (k === edge) {
        append(out, -1);
      }
    }
    return out;
  }
  /** [a, b, c], or the first and last few with … and the length when long. */
  function vectorText(v, n) {
    const ks = shownIndices(n, SHELL.maxVector, SHELL.edgeVector), parts = [];
    for (let i = 0; i < ks.length; i++) {
      append(parts, ks[i] < 0 ? '…' : sixDigits(v[ks[i]]));
    }
    return '[' + ArrayJoin(parts, ', ') + ']' + (n > SHELL.maxVector ? '  (length ' + n + ')' : '');
  }
  /** Rows of numbers as right-aligned columns inside brackets, rows and columns elided in the middle. */
  function tableLines(rows) {
    const n = rows.length, m = n === 0 ? 0 : rows[0].length;
    if (n > 0 && !(ArrayIsArray(rows[0]) || isTyped(rows[0]))) {
      return [vectorText(rows, n)];
    }
    const is = shownIndices(n, SHELL.maxRows, SHELL.edgeRows), js = shownIndices(m, SHELL.maxCols, SHELL.edgeCols);
    const cells = [], width = [];
    for (let r = 0; r < is.length; r++) {
      const row = [];
      for (let c = 0; c < js.length; c++) {
        const i = is[r], j = js[c];
        const cell = i < 0 ? (j < 0 ? '⋱' : '⋮') : j < 0 ? '…' : sixDigits(rows[i][j]);
        append(row, cell);
        width[c] = MathMax(width[c] || 0, cell.length);
      }
      append(cells, row);
    }
    const lines = [];
    for (let r = 0; r < cells.length; r++) {
      let line = r === 0 ? '[[' : ' [';
      for (let c = 0; c < cells[r].length; c++) {
        line += (c === 0 ? '' : ', ') + StringRepeat(' ', width[c] - cells[r][c].length) + cells[r][c];
      }
      append(lines, line + (r === cells.length - 1 ? ']]' : '],'));
    }
    return lines;
  }
  function isNumberVector(v) {
    const n = v.length;
    if (n === 0 || n > MAX_INT) {
      return false;
    }
    const ks = shownIndices(n, SHELL.maxVector, SHELL.edgeVector);
    for (let i = 0; i < ks.length; i++) {
      if (ks[i] >= 0 && typeof v[ks[i]] !== 'number') {
        return false;
      }
    }
    return true;
  }
  /** An array of at least two equally long arrays whose cells the table shows are all numbers. */
  function isNumberGrid(v) {
    const n = v.length, first = v[0];
    if (n < 2 || n > MAX_INT || !(ArrayIsArray(first) || isTyped(first)) || first.length === 0) {
      return false;
    }
    const cols = first.length;
    for (let i = 1; i < n; i++) {
      const row = v[i];
      if (!(ArrayIsArray(row) || isTyped(row)) || row.length !== cols) {
        return false;
      }
    }
    const is = shownIndices(n, SHELL.maxRows, SHELL.edgeRows), js = shownIndices(cols, SHELL.maxCols, SHELL.edgeCols);
    for (let r = 0; r < is.length; r++) {
      for (let c = 0; is[r] >= 0 && c < js.length; c++) {
        if (js[c] >= 0 && typeof v[is[r]][js[c]] !== 'number') {
          return false;
        }
      }
    }
    return true;
  }
  function shapeText(shape) {
    return '[' + shape[0] + ', ' + shape[1] + ']';
  }
  /** What the shell shows for an evaluation's value: '' for undefined, else lines. */
  function shown(v, color) {
    if (v === undefined) {
      return '';
    }
    let lines;
    if (v instanceof Network) {
      return v.summary();
    } else if (v instanceof Param) {
      lines = [style('Param ' + v.name, SHELL.bold, color) + ' ' + shapeText(v.shape) + (v.trainable ? '' : ' (frozen)')];
    } else if (v instanceof Matrix) {
      lines = [style('Matrix', SHELL.bold, color) + ' ' + shapeText(v.shape)];
    } else if (ArrayIsArray(v) && isNumberGrid(v)) {
      lines = [style(v.length + '×' + v[0].length, SHELL.dim, color)];
    } else {
      return inline(v, 0, color, []);
    }
    const table = tableLines(ArrayIsArray(v) ? v : v.toArray());
    for (let i = 0; i < table.length; i++) {
      append(lines, table[i]);
    }
    return ArrayJoin(lines, '\n');
  }
  /** One value on one line for the shell; `seen` holds the arrays and objects being shown around it (cycles). */
  function inline(v, depth, color, seen) {
    if (v === null || v === undefined) {
      return style(String(v), SHELL.dim, color);
    }
    if (typeof v === 'boolean') {
      return style(String(v), SHELL.yellow, color);
    }
    if (typeof v === 'number') {
      return style(sixDigits(v), SHELL.yellow, color);
    }
    if (typeof v === 'string') {
      return depth === 0 && StringIndexOf(v, '\n') >= 0 ? v
        : style("'" + StringReplaceAll(StringReplaceAll(StringReplaceAll(v, "'", "\\'"), '\n', '\\n'), '\r', '\\r')
          + "'", SHELL.green, color);
    }
    if (typeof v === 'function') {
      const d = ObjectGetOwnPropertyDescriptor(v, 'name');
      const name = d !== undefined && typeof d.value === 'string' && d.value !== '' ? ': ' + d.value : ' (anonymous)';
      return style('[Function' + name + ']', SHELL.cyan, color);
    }
    if (ArrayIsArray(v) || isTyped(v)) {
      const n = v.length;
      if (isNumberVector(v)) {
        return vectorText(v, n);
      }
      if (ArrayIncludes(seen, v)) {
        return style('[Circular]', SHELL.dim, color);
      }
      if (depth > 2) {
        return '[Array(' + n + ')]';
      }
      const ks = shownIndices(n, SHELL.maxVector, SHELL.edgeVector), parts = [];
      ArrayPush(seen, v);
      for (let i = 0; i < ks.length; i++) {
        append(parts, ks[i] < 0 ? '…' : inline(v[ks[i]], depth + 1, color, seen));
      }
      seen.length--;
      return '[' + ArrayJoin(parts, ', ') + ']';
    }
    const proto = typeof v === 'object' ? ObjectGetPrototypeOf(v) : undefined;
    if (proto === Object.prototype || proto === null) {
      if (ArrayIncludes(seen, v)) {
        return style('[Circular]', SHELL.dim, color);
      }
      if (depth > 2) {
        return '[Object]';
      }
      const keys = ObjectKeys(v), parts = [];
      ArrayPush(seen, v);
      for (let k = 0; k < keys.length && k < SHELL.maxMembers; k++) {
        append(parts, keys[k] + ': ' + inline(v[keys[k]], depth + 1, color, seen));
      }
      seen.length--;
      const more = keys.length > SHELL.maxMembers ? ', … ' + (keys.length - SHELL.maxMembers) + ' more' : '';
      return keys.length === 0 ? '{}' : '{ ' + ArrayJoin(parts, ', ') + more + ' }';
    }
    return display(v, color);
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

