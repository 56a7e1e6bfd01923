// The JS face of Backprop Sandbox (docs/scripting.md): wraps the host facades into idiomatic objects.
// Evaluated once per sandbox as an internal source (hidden from stack traces). The host objects stay
// in this closure; scripts only ever see the JS classes below. No numerics here: every number is
// computed by the engine, this file only moves values in and out of live Float64Array views.
(function (host) {
  'use strict';
  // ---- the built-ins, taken before any script runs --------------------------------------------------
  // A script may replace any built-in afterwards (WeakMap.prototype.set, Array.prototype.push, JSON.parse,
  // Function.prototype.call, the array iterator…). The prelude calls only the copies taken here, as plain
  // functions (`ArrayPush(a, v)`, never `a.push(v)`), so a replaced built-in never sees a host object or a
  // collection that holds one, and the API keeps working. The constructors' names shadow the globals.
  const G = globalThis;
  const { Object, Array, ArrayBuffer, Float64Array, WeakMap, Map, Set, JSON, Number, String, Math,
          Symbol, Error, TypeError, RangeError, Reflect, Function, RegExp } = G;
  const uncurry = Function.prototype.bind.bind(Function.prototype.call); // uncurry(f)(self, …a) = f.call(self, …a)
  const { keys: ObjectKeys, values: ObjectValues, freeze: ObjectFreeze, assign: ObjectAssign,
          getPrototypeOf: ObjectGetPrototypeOf, defineProperty: ObjectDefineProperty,
          defineProperties: ObjectDefineProperties, getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
          getOwnPropertyNames: ObjectGetOwnPropertyNames, hasOwn: ObjectHasOwn,
          getOwnPropertyDescriptors: ObjectGetOwnPropertyDescriptors } = Object;
  const { isArray: ArrayIsArray } = Array;
  const ArrayPush = uncurry(Array.prototype.push);
  const ArrayJoin = uncurry(Array.prototype.join);
  const ArraySlice = uncurry(Array.prototype.slice);
  const ArraySort = uncurry(Array.prototype.sort);
  const ArrayIncludes = uncurry(Array.prototype.includes);
  const StringSlice = uncurry(String.prototype.slice);
  const StringIndexOf = uncurry(String.prototype.indexOf);
  const StringReplace = uncurry(String.prototype.replace);
  const StringReplaceAll = uncurry(String.prototype.replaceAll);
  const StringRepeat = uncurry(String.prototype.repeat);
  const NumberToPrecision = uncurry(Number.prototype.toPrecision);
  const NumberToExponential = uncurry(Number.prototype.toExponential);
  const RegExpExec = uncurry(RegExp.prototype.exec);
  const FunctionToString = uncurry(Function.prototype.toString);
  const { apply: ReflectApply } = Reflect;
  const { isInteger: NumberIsInteger, isSafeInteger: NumberIsSafeInteger } = Number;
  const { abs: MathAbs, min: MathMin, max: MathMax, round: MathRound } = Math;
  const { parse: JSONParse, stringify: JSONStringify } = JSON;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Float64Array.prototype);
  const TypedArraySet = uncurry(TypedArrayPrototype.set);
  const TypedArrayTag = uncurry(ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get);
  const WeakMapGet = uncurry(WeakMap.prototype.get);
  const WeakMapSet = uncurry(WeakMap.prototype.set);
  const SetAdd = uncurry(Set.prototype.add);
  const SetHas = uncurry(Set.prototype.has);
  const SetDelete = uncurry(Set.prototype.delete);
  const SetForEach = uncurry(Set.prototype.forEach);
  const SetSize = uncurry(ObjectGetOwnPropertyDescriptor(Set.prototype, 'size').get);
  const MapForEach = uncurry(Map.prototype.forEach);
  const MapSize = uncurry(ObjectGetOwnPropertyDescriptor(Map.prototype, 'size').get);
  const SymbolIterator = Symbol.iterator;
  /** Whether `re` matches `s`, without RegExp.prototype.test (which looks up a replaceable `exec`). */
  function matches(re, s) {
    re.lastIndex = 0;
    return RegExpExec(re, s) !== null;
  }
  /** `a` with `v` appended as an own data property: no setter of Array.prototype runs. */
  function append(a, v) {
    ObjectDefineProperty(a, a.length, { __proto__: null, value: v, writable: true, enumerable: true,
      configurable: true });
    return a;
  }
  /** A fresh array of the first `n` elements of `a` (an array, a typed array or a matrix view). */
  function copyOf(a, n) {
    const out = [];
    for (let k = 0; k < n; k++) {
      append(out, a[k]);
    }
    return out;
  }
  const hnn = host.nn();
  const SECRET = Symbol('backprop');

  /**
   * The engine handle an API object wraps, once `token` shows that the prelude is the one making it; a script's
   * own `new nn.Dataset()` gets the TypeError that says how such objects are made (`how`, or the text `how()`
   * gives, worked out only then).
   */
  function handleOf(token, h, how) {
    if (token !== SECRET) {
      throw new TypeError(typeof how === 'function' ? how() : how);
    }
    return h;
  }

  // ---- errors: the engine's names as real JS Error subclasses ------------------------------------
  function errorClass(name) {
    const C = class extends Error {};
    ObjectDefineProperties(C, {
      name: { value: name },
      prototype: { value: ObjectDefineProperties(C.prototype,
        { name: { value: name, writable: true, configurable: true } }) },
    });
    return C;
  }
  const ERRORS = { __proto__: null };
  // Start-up loops index arrays instead of using for…of: the array iterator they would share counts toward
  // Truffle's compilation threshold, and one compilation at start-up costs a one-line script about a second
  // while the optimizing compiler boots (docs/PERFORMANCE.md, start-up).
  const ERROR_NAMES = ['ShapeError', 'ValueError', 'StaleForwardError', 'StaleGradientError', 'FormatError',
                       'LimitError', 'AssertionError', 'SecurityError', 'IOError', 'InternalError'];
  for (let i = 0; i < ERROR_NAMES.length; i++) {
    ERRORS[ERROR_NAMES[i]] = errorClass(ERROR_NAMES[i]);
  }
  const { ShapeError, ValueError, AssertionError, SecurityError, LimitError } = ERRORS;
  ERRORS.RangeError = RangeError; // host→script→host calls nested too deeply, like JS's own stack overflow

  /**
   * A TypeError the engine's interop raised for a host call whose argument Java could not take (a length past
   * 2³¹, -0 where an int belongs, a Proxy's odd length) names Java classes and the host method: said instead in the
   * script's terms. Any other error comes back as it was.
   */
  const INTEROP = /^(?:invokeMember|execute|readMember|writeMember|instantiate)\b[\s\S]*?(?:to Java type '([\w.$]+)')?/;
  function fromInterop(e) {
    const message = e.message;
    if (typeof message !== 'string' || !(StringIndexOf(message, 'dev.backprop') >= 0
        || StringIndexOf(message, 'java.') >= 0 || StringIndexOf(message, 'com.oracle') >= 0)) {
      return e;
    }
    const m = RegExpExec(INTEROP, message);
    const type = m === null ? undefined : m[1];
    const needs = type === 'int' ? 'a whole number between -2147483648 and 2147483647 (sizes, indices and counts)'
      : type === 'long' ? 'a whole number within ±(2⁵³ − 1)' : type === 'double' ? 'a number'
        : type === 'boolean' ? 'true or false' : type === 'java.lang.String' ? 'a string' : 'a value of another kind';
    return new TypeError('a value given to the API could not be taken: it needs ' + needs + '; check the sizes,'
      + ' lengths and indices you pass (an array longer than 2147483647, or -0, cannot be one)');
  }
  /** A LimitError of the API's own (an uncaught one ends a run as a limit, exit code 3; a script's own does not). */
  function limitError(message) {
    host.limitRaised();
    return new LimitError(message);
  }
  /** A host exception becomes the JS error of the same name; JS errors pass through unchanged. */
  function conv(e) {
    const name = host.errorName(e);
    if (name == null) {
      return e instanceof TypeError ? fromInterop(e) : e;
    }
    return new (ERRORS[name] || Error)(host.errorMessage(e));
  }
  /**
   * `f` with the engine's exceptions turned into the script's errors (conv): the one place the API does this.
   * The API is defined without try/catch and guarded where it is handed out: guardMethods for the classes,
   * guardAll for the namespaces. Keeps f's name; like a method, it cannot be called with `new`.
   */
  function guard(f) {
    return { [f.name](...args) {
      try {
        return ReflectApply(f, this, args);
      } catch (e) {
        throw conv(e);
      }
    } }[f.name];
  }
  /**
   * The training loop's net.forward, net.backward and net.step catch and convert inline (try/catch costs nothing
   * until something throws): the wrapper's extra call made the interpreted toy step ~15% slower.
   */
  const HOT_PATH = { __proto__: null, forward: true, backward: true, step: true };
  /**
   * Guards every method, getter and setter a class's prototype defines (but HOT_PATH's when `hot`). One read and
   * one write of all descriptors: a built-in called once per method at start-up would count toward compiling it.
   */
  function guardMethods(C, hot) {
    const proto = C.prototype;
    const ds = ObjectGetOwnPropertyDescriptors(proto);
    const names = ObjectGetOwnPropertyNames(proto);
    const out = { __proto__: null };
    for (let i = 0; i < names.length; i++) {
      const d = ds[names[i]];
      if (names[i] !== 'constructor' && !(hot && HOT_PATH[names[i]] === true)) {
        if (typeof d.value === 'function') {
          d.value = guard(d.value);
        }
        if (d.get !== undefined) {
          d.get = guard(d.get);
        }
        if (d.set !== undefined) {
          d.set = guard(d.set);
        }
        out[names[i]] = d;
      }
    }
    ObjectDefineProperties(proto, out);
  }
  /** `o`, a namespace object of plain functions (no classes), with each of them guarded. */
  function guardAll(o) {
    const names = ObjectKeys(o);
    for (let i = 0; i < names.length; i++) {
      if (typeof o[names[i]] === 'function') {
        o[names[i]] = guard(o[names[i]]);
      }
    }
    return o;
  }

  // ---- values crossing the boundary ---------------------------------------------------------------
  const VIEW_OWNER = new WeakMap(); // live view → host matrix facade, so nn.axpy runs on the host
  function view(buf, n) {
    return new Float64Array(new ArrayBuffer(buf), 0, n);
  }
  /** Whether x is a typed array (its toStringTag getter answers only for those): no replaceable lookup. */
  function isTyped(x) {
    return TypedArrayTag(x) !== undefined;
  }
  function describe(v) {
    if (typeof v === 'string') {
      return "'" + (v.length > 40 ? StringSlice(v, 0, 40) + '…' : v) + "'";
    }
    if (v === null || v === undefined || typeof v !== 'object' && typeof v !== 'function') {
      return String(v);
    }
    const s = display(v, false);
    return s.length > 60 ? StringSlice(s, 0, 60) + '…' : s;
  }
  function isIndex(i) {
    return NumberIsInteger(i) && i >= 0;
  }
  /** The largest index or size the host takes (a Java int). */
  const MAX_INT = 2147483647;
  /** The most units one layer can have: its bias row is one matrix (Matrix.MAX_ELEMENTS). */
  const MAX_LAYER = host.matrixElements();
  /** A count the host takes as a Java int (epochs, a batch size, n, bins…): a whole number from `min` to MAX_INT. */
  function wholeNumber(v, name, min) {
    const range = ' must be a whole number between ' + min + ' and ' + MAX_INT + ', got ';
    if (typeof v !== 'number') {
      throw new TypeError(name + range + describe(v));
    }
    if (!NumberIsInteger(v) || v < min || v > MAX_INT) {
      throw new ValueError(name + range + v);
    }
    return v + 0; // -0 as 0: the host takes a Java int, which has no -0
  }
  /** A seed the host takes as a Java long: a whole number that JS numbers hold exactly. */
  function seedNumber(v, name) {
    const range = ' must be a whole number between -9007199254740991 and 9007199254740991 (2⁵³ − 1), got ';
    if (typeof v !== 'number') {
      throw new TypeError(name + range + describe(v));
    }
    if (!NumberIsSafeInteger(v)) {
      throw new ValueError(name + range + v);
    }
    return v + 0; // -0 as 0: the host takes a Java long, which has no -0
  }
  function checkIndex(what, i, j) {
    if (!isIndex(i) || !isIndex(j)) {
      throw new TypeError(what + ' expects whole-number indices (i, j) from 0, got (' + describe(i) + ', '
        + describe(j) + ')');
    }
    if (i > MAX_INT || j > MAX_INT) {
      throw new RangeError(what + ': ' + (i > MAX_INT ? 'row index i = ' + i : 'column index j = ' + j)
        + ' is far outside any matrix; indices run from 0 to rows − 1 and cols − 1');
    }
  }
  /**
   * The options of a call, each read once into a fresh object without a prototype: the code after the checks sees
   * exactly the values it checked (a getter does not run twice), and nothing comes from Object.prototype.
   */
  function checkOptions(o, allowed, what) {
    const out = { __proto__: null };
    if (o === undefined || o === null) {
      return out;
    }
    if (typeof o !== 'object') {
      throw new TypeError(what + ' expects an options object like { ' + allowed[0] + ': … }, got ' + describe(o));
    }
    const keys = ObjectKeys(o);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!ArrayIncludes(allowed, k)) {
        throw new ValueError(what + " has no option '" + k + "'; the options are " + ArrayJoin(allowed, ', '));
      }
    }
    for (let i = 0; i < keys.length; i++) {
      out[keys[i]] = o[keys[i]];
    }
    return out;
  }
  /** A true/false option; the options object may hold only `name` (strict, as every options object is). */
  function flagOption(options, name, what) {
    return bool(checkOptions(options, [name], what)[name], name, what, false);
  }
  /** A true/false value `v` of option `name` (read once by the caller): `absent` when undefined, else a boolean. */
  function bool(v, name, what, absent) {
    if (v === undefined) {
      return absent;
    }
    if (typeof v !== 'boolean') {
      throw new TypeError(what + "'s " + name + ' is true or false, got ' + describe(v));
    }
    return v;
  }
  function badNumber(what, where, e) {
    throw new TypeError(what + ' expects numbers, got ' + describe(e) + ' at ' + where);
  }

  // Input forms (docs/scripting.md): one example (array), rows (array of arrays), a flat Float64Array, an nn.Matrix.
  const SINGLE = 0, ROWS = 1, TYPED = 2, MATRIX = 3;
  /** Up to this many numbers of one example cross the boundary as plain arguments (forwardSmall, backwardSmall). */
  const SMALL = host.smallExample(); // NetworkFacade.SMALL
  let formRows = 0, formCols = 0;
  function formOf(x, perRow, what) {
    // plain and typed arrays first: `instanceof` costs more than the whole staging of a small example
    if (ArrayIsArray(x)) {
      const first = x[0];
      if (x.length > 0 && (ArrayIsArray(first) || isTyped(first))) {
        formRows = x.length;
        formCols = first.length;
        return ROWS;
      }
      formRows = 1;
      formCols = x.length;
      return SINGLE;
    }
    if (isTyped(x)) {
      if (perRow <= 0 || x.length % perRow !== 0 || x.length === 0) {
        throw new ShapeError(what + ' got a Float64Array of ' + x.length + ' values; a batch needs B·' + perRow
          + ' values (' + perRow + ' per example, row after row)');
      }
      formRows = x.length / perRow;
      formCols = perRow;
      return TYPED;
    }
    if (x instanceof Matrix) {
      return MATRIX;
    }
    throw new TypeError(what + ' expects one example as an array like [0.5, 0.9], a batch as an array of arrays,'
      + ' a Float64Array or an nn.Matrix; got ' + describe(x));
  }
  function fill(v, x, form, rows, cols, what, name) {
    if (form === SINGLE) {
      // a flat array may hold a whole batch (targets): rows·cols values, row after row
      for (let k = 0, n = rows * cols; k < n; k++) {
        const e = x[k];
        if (typeof e !== 'number') {
          badNumber(what, name + '[' + k + ']', e);
        }
        v[k] = e;
      }
    } else if (form === ROWS) {
      for (let i = 0; i < rows; i++) {
        const r = x[i];
        if (r === null || r === undefined || r.length !== cols) {
          throw new ShapeError(what + ': row ' + i + ' of ' + name + ' has ' + (r == null ? 'no' : r.length)
            + ' values but row 0 has ' + cols + '; every example needs the same number of values');
        }
        for (let j = 0; j < cols; j++) {
          const e = r[j];
          if (typeof e !== 'number') {
            badNumber(what, name + '[' + i + '][' + j + ']', e);
          }
          v[i * cols + j] = e;
        }
      }
    } else {
      TypedArraySet(v, x);
    }
  }
  /** Reads a host matrix into the script's form: array, array of rows, Float64Array or nn.Matrix. */
  function emit(v, rows, cols, form, matrixFacade) {
    if (form === SINGLE) {
      const r = new Array(cols);
      for (let k = 0; k < cols; k++) {
        r[k] = v[k];
      }
      return r;
    }
    if (form === ROWS) {
      const out = new Array(rows);
      for (let i = 0; i < rows; i++) {
        const r = new Array(cols);
        for (let j = 0; j < cols; j++) {
          r[j] = v[i * cols + j];
        }
        out[i] = r;
      }
      return out;
    }
    if (form === TYPED) {
      return new Float64Array(v);
    }
    return new Matrix(SECRET, matrixFacade());
  }
  /** JSON from the host; NaN and ±Infinity arrive as strings and become numbers again. */
  function parse(text) {
    return JSONParse(text, (k, v) => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity'
      ? -Infinity : v));
  }
  /**
   * The shape of targets against a batch of `batch` examples: a flat array or Float64Array of B·k values
   * is B rows of k (k = 1: one class index or one target per example); anything else keeps its own shape.
   * Sets formRows/formCols and returns the form.
   */
  function targetForm(y, batch, what) {
    let form;
    if (isTyped(y)) {
      if (y.length === 0) {
        throw new ShapeError(what + ' got an empty Float64Array of targets; give B·outputs values (row after row)'
          + ' or B class indices');
      }
      form = TYPED;
      formRows = 1;
      formCols = y.length;
    } else if (ArrayIsArray(y) || y instanceof Matrix) {
      form = formOf(y, 0, what);
    } else {
      throw new TypeError(what + (y === undefined ? ' needs the targets y as well' : ' expects the targets y')
        + ': a number, an array like [1], rows like [[0], [1]], a Float64Array or an nn.Matrix; got ' + describe(y));
    }
    if ((form === SINGLE || form === TYPED) && batch > 1 && formCols % batch === 0) {
      formRows = batch;
      formCols = formCols / batch;
    }
    return form;
  }
  /** Targets in any accepted form as a host matrix, shaped against a batch of `batch` examples. */
  function toHostTargets(y, batch, what) {
    if (y instanceof Matrix) {
      return matrixHost(y);
    }
    const yy = typeof y === 'number' ? [y] : y;
    const form = targetForm(yy, batch, what);
    const rows = formRows, cols = formCols;
    const m = hnn.matrix(rows, cols);
    fill(view(m.bytes(), rows * cols), yy, form, rows, cols, what, 'y');
    return m;
  }
  function nested(v, rows, cols) {
    return emit(v, rows, cols, ROWS);
  }
  /** Any accepted input form as a host matrix; `perRow` shapes flat arrays (0: one row). */
  function toHostMatrix(x, perRow, what, name) {
    if (x instanceof Matrix) {
      return matrixHost(x);
    }
    if (typeof x === 'number') {
      x = [x];
    }
    let form = formOf(x, perRow, what);
    let rows = formRows, cols = formCols;
    if (form === SINGLE && perRow > 0 && cols !== perRow && cols % perRow === 0 && cols > 0) {
      rows = cols / perRow;
      cols = perRow;
      form = TYPED;
    }
    const m = hnn.matrix(rows, cols);
    fill(view(m.bytes(), rows * cols), x, form, rows, cols, what, name);
    return m;
  }

