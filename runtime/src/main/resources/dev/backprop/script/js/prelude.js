// The JS face of Backprop Sandbox (API.md): wraps the host facades into idiomatic objects.
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
          getOwnPropertyNames: ObjectGetOwnPropertyNames, hasOwn: ObjectHasOwn } = Object;
  const { isArray: ArrayIsArray } = Array;
  const ArrayPush = uncurry(Array.prototype.push);
  const ArrayJoin = uncurry(Array.prototype.join);
  const ArraySlice = uncurry(Array.prototype.slice);
  const ArraySort = uncurry(Array.prototype.sort);
  const ArrayIncludes = uncurry(Array.prototype.includes);
  const StringSlice = uncurry(String.prototype.slice);
  const StringIndexOf = uncurry(String.prototype.indexOf);
  const RegExpExec = uncurry(RegExp.prototype.exec);
  const FunctionToString = uncurry(Function.prototype.toString);
  const { apply: ReflectApply } = Reflect;
  const { isInteger: NumberIsInteger, isSafeInteger: NumberIsSafeInteger } = Number;
  const { abs: MathAbs, min: MathMin, max: MathMax } = Math;
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

  /** A host exception becomes the JS error of the same name; JS errors pass through unchanged. */
  function conv(e) {
    const name = host.errorName(e);
    if (name == null) {
      return e;
    }
    return new (ERRORS[name] || Error)(host.errorMessage(e));
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
  const MAX_LAYER = 268435455;
  /** A count the host takes as a Java int (epochs, a batch size, n, bins…): a whole number from `min` to MAX_INT. */
  function wholeNumber(v, name, min) {
    const range = ' must be a whole number between ' + min + ' and ' + MAX_INT + ', got ';
    if (typeof v !== 'number') {
      throw new TypeError(name + range + describe(v));
    }
    if (!NumberIsInteger(v) || v < min || v > MAX_INT) {
      throw new ValueError(name + range + v);
    }
    return v;
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
    return v;
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
  function checkOptions(o, allowed, what) {
    if (o === undefined || o === null) {
      return {};
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
    return o;
  }
  /** A true/false option; the options object may hold only `name` (strict, as every options object is). */
  function flagOption(options, name, what) {
    const o = checkOptions(options, [name], what);
    const v = o[name];
    if (v === undefined) {
      return false;
    }
    if (typeof v !== 'boolean') {
      throw new TypeError(what + "'s " + name + ' is true or false, got ' + describe(v));
    }
    return v;
  }
  function badNumber(what, where, e) {
    throw new TypeError(what + ' expects numbers, got ' + describe(e) + ' at ' + where);
  }

  // Input forms of API.md: one example (array), rows (array of arrays), a flat Float64Array, an nn.Matrix.
  const SINGLE = 0, ROWS = 1, TYPED = 2, MATRIX = 3;
  /** Up to this many numbers of one example cross the boundary as plain arguments (forwardSmall, backwardSmall). */
  const SMALL = 4;
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
    } else {
      form = formOf(y, 0, what);
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

  // ---- nn.Matrix ----------------------------------------------------------------------------------
  let matrixHost;
  class Matrix {
    #h;
    #data = null;
    static {
      matrixHost = (m) => m.#h;
    }
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('matrices are made with nn.matrix(rows, cols, values?)');
      }
      this.#h = h;
    }
    get shape() {
      return [this.#h.rows(), this.#h.cols()];
    }
    get rows() {
      return this.#h.rows();
    }
    get cols() {
      return this.#h.cols();
    }
    get size() {
      return this.#h.size();
    }
    get data() {
      if (this.#data === null) {
        this.#data = view(this.#h.bytes(), this.#h.size());
        WeakMapSet(VIEW_OWNER, this.#data, this.#h);
      }
      return this.#data;
    }
    get(i, j) {
      checkIndex('matrix.get', i, j);
      try {
        return this.#h.get(i, j);
      } catch (e) {
        throw conv(e);
      }
    }
    set(i, j, v) {
      checkIndex('matrix.set', i, j);
      if (typeof v !== 'number') {
        badNumber('matrix.set', '(' + i + ', ' + j + ')', v);
      }
      try {
        this.#h.set(i, j, v);
      } catch (e) {
        throw conv(e);
      }
      return this;
    }
    row(i) {
      const rows = this.#h.rows(), cols = this.#h.cols();
      if (!isIndex(i) || i >= rows) {
        throw new ShapeError('row ' + describe(i) + ' is outside a [' + rows + ', ' + cols + '] matrix (rows 0..'
          + (rows - 1) + ')');
      }
      const d = this.data, r = new Array(cols);
      for (let j = 0; j < cols; j++) {
        r[j] = d[i * cols + j];
      }
      return r;
    }
    toArray() {
      return nested(this.data, this.#h.rows(), this.#h.cols());
    }
    toString() {
      return display(this, false);
    }
  }

  // ---- Param --------------------------------------------------------------------------------------
  let paramHost;
  class Param {
    #h;
    #value = null;
    #grad = null;
    #read = null;
    static {
      paramHost = (p) => p.#h;
    }
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('parameters come from a network: net.params() or net.layers[i].W');
      }
      this.#h = h;
    }
    get name() {
      return this.#h.name();
    }
    get shape() {
      return [this.#h.rows(), this.#h.cols()];
    }
    get size() {
      return this.#h.size();
    }
    /** Live view; writing to it edits the network (the stale-forward guard sees it). */
    get value() {
      if (this.#value === null) {
        this.#value = view(this.#h.valueBytes(), this.#h.size());
        WeakMapSet(VIEW_OWNER, this.#value, this.#h.valueMatrix());
      }
      return this.#value;
    }
    /** All or nothing: every row width and every value is checked before the first one is written. */
    set value(values) {
      const staged = stageParamValues(values, this.#h.name(), this.#h.rows(), this.#h.cols());
      TypedArraySet(this.value, staged);
      this.#h.touch();
    }
    get grad() {
      if (this.#grad === null) {
        this.#grad = view(this.#h.gradBytes(), this.#h.size());
        WeakMapSet(VIEW_OWNER, this.#grad, this.#h.gradMatrix());
      }
      return this.#grad;
    }
    get(i, j) {
      checkIndex('param.get', i, j);
      try {
        return this.#h.get(i, j);
      } catch (e) {
        throw conv(e);
      }
    }
    set(i, j, v) {
      checkIndex('param.set', i, j);
      if (typeof v !== 'number') {
        badNumber('param.set', this.#h.name() + '(' + i + ', ' + j + ')', v);
      }
      try {
        this.#h.set(i, j, v);
      } catch (e) {
        throw conv(e);
      }
      return this;
    }
    toArray() {
      if (this.#read === null) {
        this.#read = view(this.#h.valueMatrix().bytes(), this.#h.size());
      }
      return nested(this.#read, this.#h.rows(), this.#h.cols());
    }
    get trainable() {
      return this.#h.trainable();
    }
    set trainable(on) {
      this.#h.setTrainable(!!on);
    }
    freeze() {
      this.#h.setTrainable(false);
      return this;
    }
    unfreeze() {
      this.#h.setTrainable(true);
      return this;
    }
    toString() {
      return display(this, false);
    }
  }

  /** `param.value = values` read into a fresh array: [rows, cols] exactly (flat or as rows), every value finite. */
  function stageParamValues(values, name, rows, cols) {
    const what = 'param.value =';
    const shape = name + ' [' + rows + ', ' + cols + ']';
    const form = isTyped(values) ? TYPED : formOf(values, cols, what);
    const fits = form === ROWS ? formRows === rows && formCols === cols : form !== MATRIX && values.length === rows * cols;
    if (!fits) {
      throw new ShapeError(what + ' expects ' + rows * cols + ' values for ' + shape + ' (flat, or ' + rows
        + ' rows of ' + cols + '), got ' + describe(values) + '; nothing was written');
    }
    const staged = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const r = form === ROWS ? values[i] : null;
      if (form === ROWS && (r === null || r === undefined || r.length !== cols)) {
        throw new ShapeError(what + ' expects ' + rows + ' rows of ' + cols + ' values for ' + shape + '; row ' + i
          + ' has ' + (r == null ? 'no values' : r.length) + '; nothing was written');
      }
      for (let j = 0; j < cols; j++) {
        const e = form === ROWS ? r[j] : values[i * cols + j];
        const where = name + (form === ROWS ? '[' + i + '][' + j + ']' : '[' + (i * cols + j) + ']') + ' (row ' + i
          + ', column ' + j + ')';
        if (typeof e !== 'number') {
          throw new TypeError(what + ' expects numbers, got ' + describe(e) + ' at ' + where + '; nothing was written');
        }
        if (e !== e || e === Infinity || e === -Infinity) {
          throw new ValueError(what + ' got ' + e + ' at ' + where + '; parameters must be finite numbers;'
            + ' nothing was written');
        }
        staged[i * cols + j] = e;
      }
    }
    return staged;
  }

  // ---- Layer --------------------------------------------------------------------------------------
  class Layer {
    #h;
    #W;
    #b;
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('layers come from a network: net.layers[i]');
      }
      this.#h = h;
      this.#W = new Param(SECRET, h.W());
      this.#b = new Param(SECRET, h.b());
    }
    get W() {
      return this.#W;
    }
    get b() {
      return this.#b;
    }
    get z() {
      return matrixOrNull(this.#h.z());
    }
    get a() {
      return matrixOrNull(this.#h.a());
    }
    get delta() {
      return matrixOrNull(this.#h.delta());
    }
    get activation() {
      return this.#h.activation();
    }
    get inputs() {
      return this.#h.inputs();
    }
    get outputs() {
      return this.#h.outputs();
    }
    get index() {
      return this.#h.index();
    }
    toString() {
      return 'Layer ' + this.index + ': ' + this.inputs + '→' + this.outputs + ' ' + this.activation;
    }
  }
  function matrixOrNull(h) {
    return h == null ? null : new Matrix(SECRET, h);
  }

  // ---- Optimizer ----------------------------------------------------------------------------------
  let optimizerHost;
  class Optimizer {
    #h;
    static {
      optimizerHost = (o) => o.#h;
    }
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('optimizers are made with nn.sgd({ lr }) or nn.adam({ lr })');
      }
      this.#h = h;
    }
    get kind() {
      return this.#h.kind();
    }
    step(net) {
      if (!(net instanceof Network)) {
        throw new TypeError('opt.step expects a network, got ' + describe(net));
      }
      return net.step(this);
    }
    state() {
      return JSONParse(this.#h.stateJson());
    }
    toString() {
      return display(this, false);
    }
  }

  // ---- Network ------------------------------------------------------------------------------------
  let networkHost, networkHostOrNull;
  class Network {
    #h;
    #inputs;
    #outputs;
    #layers = null;
    #batch = 0;
    #xRows = -1;
    #xCols = -1;
    #x = null;
    #yRows = -1;
    #yCols = -1;
    #y = null;
    #gen = -1;
    #out = null;
    #outRows = 0;
    static {
      networkHost = (n) => n.#h;
      networkHostOrNull = (v) => (v !== null && typeof v === 'object' && #h in v ? v.#h : null);
    }
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('networks are made with nn.net(sizes, options), nn.toy() or net.clone()');
      }
      this.#h = h;
      this.#inputs = h.inputs();
      this.#outputs = h.outputs();
    }
    #stageX(x, what) {
      const form = formOf(x, this.#inputs, what);
      if (form !== MATRIX) {
        const rows = formRows, cols = formCols;
        if (rows !== this.#xRows || cols !== this.#xCols) {
          this.#x = view(this.#h.stageInput(rows, cols), rows * cols);
          this.#xRows = rows;
          this.#xCols = cols;
        }
        fill(this.#x, x, form, rows, cols, what, 'x');
      }
      return form;
    }
    #stageY(y, batch, what, name = 'y') {
      if (typeof y === 'number') {
        y = [y];
      }
      const form = targetForm(y, batch, what);
      const rows = formRows, cols = formCols;
      if (rows !== this.#yRows || cols !== this.#yCols) {
        this.#y = view(this.#h.stageTargets(rows, cols), rows * cols);
        this.#yRows = rows;
        this.#yCols = cols;
      }
      fill(this.#y, y, form, rows, cols, what, name);
    }
    #output(gen) {
      if (gen !== this.#gen) {
        this.#gen = gen;
        this.#outRows = this.#h.outputRows();
        this.#out = view(this.#h.outputBytes(), this.#outRows * this.#outputs);
      }
    }
    /** One example of up to SMALL numbers as plain arguments of one host call; undefined when not all numbers. */
    #forwardSmall(x, n) {
      const x0 = x[0], x1 = n > 1 ? x[1] : 0, x2 = n > 2 ? x[2] : 0, x3 = n > 3 ? x[3] : 0;
      if (typeof x0 !== 'number' || typeof x1 !== 'number' || typeof x2 !== 'number' || typeof x3 !== 'number') {
        return undefined; // not numbers (or rows): the general path stages it or names the bad element
      }
      let y0;
      try {
        y0 = this.#h.forwardSmall(n, x0, x1, x2, x3);
      } catch (e) {
        throw conv(e);
      }
      this.#batch = 1;
      if (this.#outputs === 1) {
        return [y0];
      }
      this.#output(this.#h.outputGeneration());
      return emit(this.#out, 1, this.#outputs, SINGLE);
    }
    /** Targets of one example (a number or up to SMALL numbers) as plain arguments; undefined when not numbers. */
    #backwardSmall(y, accumulate) {
      let n = 1, y0 = y, y1 = 0, y2 = 0, y3 = 0;
      if (typeof y !== 'number') {
        n = y.length;
        y0 = y[0];
        y1 = n > 1 ? y[1] : 0;
        y2 = n > 2 ? y[2] : 0;
        y3 = n > 3 ? y[3] : 0;
        if (typeof y0 !== 'number' || typeof y1 !== 'number' || typeof y2 !== 'number' || typeof y3 !== 'number') {
          return undefined;
        }
      }
      try {
        return this.#h.backwardSmall(n, y0, y1, y2, y3, accumulate);
      } catch (e) {
        throw conv(e);
      }
    }
    /** One example written into the staging view of the same shape; undefined when not all numbers. */
    #forwardStaged(x, n) {
      const v = this.#x;
      for (let k = 0; k < n; k++) {
        const e = x[k];
        if (typeof e !== 'number') {
          return undefined; // not numbers (or rows): the general path stages it or names the bad element
        }
        v[k] = e;
      }
      try {
        this.#output(this.#h.forward());
      } catch (e) {
        throw conv(e);
      }
      this.#batch = 1;
      return emit(this.#out, 1, this.#outputs, SINGLE);
    }
    /** Targets of one example written into the staging view of the same shape; undefined when not all numbers. */
    #backwardStaged(y, n, accumulate) {
      const v = this.#y;
      for (let k = 0; k < n; k++) {
        const e = y[k];
        if (typeof e !== 'number') {
          return undefined; // the general path stages it or names the bad element
        }
        v[k] = e;
      }
      try {
        return this.#h.backward(accumulate);
      } catch (e) {
        throw conv(e);
      }
    }
    forward(x) {
      // The training loop's case first: one example as a plain array of numbers. Up to SMALL of them cross
      // as arguments of one host call; a longer one shaped like the last is written into the staging view.
      if (ArrayIsArray(x)) {
        const n = x.length;
        if (n === this.#inputs && n <= SMALL && n > 0) {
          const out = this.#forwardSmall(x, n);
          if (out !== undefined) {
            return out;
          }
        } else if (this.#xRows === 1 && n === this.#xCols) {
          const out = this.#forwardStaged(x, n);
          if (out !== undefined) {
            return out;
          }
        }
      }
      try {
        const form = this.#stageX(x, 'forward');
        if (form === MATRIX) {
          this.#output(this.#h.forwardMatrix(matrixHost(x)));
          this.#batch = x.rows;
          return new Matrix(SECRET, this.#h.outputCopy());
        }
        this.#output(this.#h.forward());
        this.#batch = this.#xRows;
        return emit(this.#out, this.#outRows, this.#outputs, form);
      } catch (e) {
        throw conv(e);
      }
    }
    backward(y, options) {
      const accumulate = options === undefined ? false : flagOption(options, 'accumulate', 'net.backward');
      // The training loop's case first: targets of one example, a number or a plain array of numbers (up to
      // SMALL as arguments of one host call, longer ones through the staging view when shaped like the last).
      if (this.#batch <= 1) {
        const isArray = ArrayIsArray(y);
        if (typeof y === 'number' || isArray && y.length <= SMALL && y.length > 0) {
          const loss = this.#backwardSmall(y, accumulate);
          if (loss !== undefined) {
            return loss;
          }
        } else if (isArray && this.#yRows === 1 && y.length === this.#yCols) {
          const loss = this.#backwardStaged(y, y.length, accumulate);
          if (loss !== undefined) {
            return loss;
          }
        }
      }
      try {
        if (!ArrayIsArray(y) && !isTyped(y) && y instanceof Matrix) {
          return this.#h.backwardMatrix(matrixHost(y), accumulate);
        }
        if (y === undefined) {
          throw new TypeError('backward expects the targets y, e.g. net.backward([1])');
        }
        this.#stageY(y, this.#batch, 'backward');
        return this.#h.backward(accumulate);
      } catch (e) {
        throw conv(e);
      }
    }
    step(rateOrOptimizer, options) {
      const reuse = options === undefined ? false : flagOption(options, 'reuse', 'net.step');
      try {
        if (typeof rateOrOptimizer === 'number') {
          this.#h.step(rateOrOptimizer, reuse);
        } else if (rateOrOptimizer instanceof Optimizer) {
          this.#h.stepWith(optimizerHost(rateOrOptimizer), reuse);
        } else {
          throw new TypeError('step expects a learning rate like net.step(0.5) or an optimizer like'
            + ' net.step(nn.sgd({ lr: 0.1 })), got ' + describe(rateOrOptimizer));
        }
      } catch (e) {
        throw conv(e);
      }
      return this;
    }
    /**
     * Backpropagates ∂L/∂ŷ of the script's own loss (any target form, [B, outputs] against the latest
     * forward): δ and ∂L/∂p summed over the batch, not averaged. Returns the network.
     */
    backwardFrom(grad, options) {
      const accumulate = options === undefined ? false : flagOption(options, 'accumulate', 'net.backwardFrom');
      if (grad === undefined || grad === null) {
        throw new TypeError('net.backwardFrom expects ∂L/∂ŷ, one number per output for each example of the latest'
          + ' forward, e.g. net.backwardFrom([[0.2], [-0.1]]); got ' + describe(grad));
      }
      try {
        if (!Array.isArray(grad) && !isTyped(grad) && grad instanceof Matrix) {
          this.#h.backwardFromMatrix(matrixHost(grad), accumulate);
        } else {
          this.#stageY(grad, this.#batch, 'backwardFrom', 'grad');
          this.#h.backwardFrom(accumulate);
        }
      } catch (e) {
        throw conv(e);
      }
      return this;
    }
    /** ∂L/∂x [B, inputs] of the latest backward or backwardFrom (a copy), or null before any. */
    get inputGrad() {
      try {
        return matrixOrNull(this.#h.inputGrad());
      } catch (e) {
        throw conv(e);
      }
    }
    predict(x) {
      try {
        const form = x instanceof Matrix ? MATRIX : formOf(x, this.#inputs, 'predict');
        const m = this.#h.predictMatrix(toHostMatrix(x, this.#inputs, 'predict', 'x'));
        return emit(view(m.bytes(), m.size()), m.rows(), m.cols(), form, () => m);
      } catch (e) {
        throw conv(e);
      }
    }
    loss(x, y) {
      try {
        const hx = toHostMatrix(x, this.#inputs, 'loss', 'x');
        return this.#h.lossMatrix(hx, toHostTargets(y, hx.rows(), 'loss'));
      } catch (e) {
        throw conv(e);
      }
    }
    zeroGrad() {
      this.#h.zeroGrad();
      return this;
    }
    get layers() {
      if (this.#layers === null) {
        const ls = [];
        for (let i = 0, n = this.#h.layerCount(); i < n; i++) {
          ArrayPush(ls, new Layer(SECRET, this.#h.layer(i)));
        }
        this.#layers = ObjectFreeze(ls);
      }
      return this.#layers;
    }
    params() {
      const out = [];
      const ls = this.layers;
      for (let i = 0; i < ls.length; i++) {
        ArrayPush(out, ls[i].W, ls[i].b);
      }
      return out;
    }
    get inputs() {
      return this.#inputs;
    }
    get outputs() {
      return this.#outputs;
    }
    gradNorms() {
      const f = this.#h.gradNorms();
      const out = [];
      for (let i = 0; i < f.length; i += 3) {
        ArrayPush(out, { layer: f[i], W: f[i + 1], b: f[i + 2] });
      }
      return out;
    }
    gradCheck(x, y, options) {
      const o = checkOptions(options, ['eps'], 'net.gradCheck');
      try {
        const hx = toHostMatrix(x, this.#inputs, 'gradCheck', 'x');
        const hy = toHostTargets(y, hx.rows(), 'gradCheck');
        return parse(this.#h.gradCheck(hx, hy, number(o, 'eps', 1e-6, 'net.gradCheck')));
      } catch (e) {
        throw conv(e);
      }
    }
    checkGrads(mine, options) {
      const o = checkOptions(options, ['tol', 'lr'], 'net.checkGrads');
      if (mine === null || typeof mine !== 'object') {
        throw new TypeError('net.checkGrads expects your gradients as an object like { W1: [...], b1: [...] }, got '
          + describe(mine));
      }
      const flat = {};
      const keys = ObjectKeys(mine);
      for (let j = 0; j < keys.length; j++) {
        const k = keys[j];
        const values = [];
        const pairs = flatten(mine[k], '', []);
        for (let i = 1; i < pairs.length; i += 2) {
          ArrayPush(values, pairs[i]);
        }
        flat[k] = values;
      }
      try {
        return parse(this.#h.checkGrads(JSONStringify(flat), number(o, 'tol', 1e-6, 'net.checkGrads'),
          o.lr === undefined ? null : number(o, 'lr', 0, 'net.checkGrads')));
      } catch (e) {
        throw conv(e);
      }
    }
    stats() {
      try {
        return parse(this.#h.stats());
      } catch (e) {
        throw conv(e);
      }
    }
    fit(d, options) {
      if (!(d instanceof Dataset)) {
        throw new TypeError('net.fit expects a dataset such as nn.data.xor() or nn.data.of(x, y), got ' + describe(d));
      }
      const o = checkOptions(options, ['epochs', 'batchSize', 'lr', 'optimizer', 'shuffle', 'seed', 'validation',
        'onEpoch'], 'net.fit');
      if (o.optimizer !== undefined && !(o.optimizer instanceof Optimizer)) {
        throw new TypeError("net.fit's optimizer comes from nn.sgd({ lr }) or nn.adam(), got " + describe(o.optimizer));
      }
      if (o.validation !== undefined && !(o.validation instanceof Dataset)) {
        throw new TypeError("net.fit's validation is a dataset, got " + describe(o.validation));
      }
      if (o.onEpoch !== undefined && typeof o.onEpoch !== 'function') {
        throw new TypeError("net.fit's onEpoch is a function (epoch, stats) => …, got " + describe(o.onEpoch));
      }
      if (o.epochs === undefined) {
        throw new ValueError('net.fit needs a number of epochs: net.fit(data, { epochs: 100, lr: 0.5 })');
      }
      const user = o.onEpoch;
      const onEpoch = user === undefined ? null : (epoch, loss, accuracy, valLoss, valAccuracy) =>
        user(epoch, { loss, accuracy, valLoss, valAccuracy }) !== false;
      try {
        return parse(this.#h.fit(datasetHost(d), size(o, 'epochs', 1, 'net.fit'), size(o, 'batchSize', 32, 'net.fit'),
          o.lr === undefined ? null : number(o, 'lr', 0, 'net.fit'),
          o.optimizer === undefined ? null : optimizerHost(o.optimizer), o.shuffle !== false,
          seedOr(o.seed, 'net.fit'), o.validation === undefined ? null : datasetHost(o.validation), onEpoch));
      } catch (e) {
        throw conv(e);
      }
    }
    toJSON() {
      try {
        return JSONParse(this.#h.toJson());
      } catch (e) {
        throw conv(e);
      }
    }
    save(path) {
      if (typeof path !== 'string') {
        throw new TypeError("net.save expects a file name like 'model.json', got " + describe(path));
      }
      try {
        this.#h.save(path);
      } catch (e) {
        throw conv(e);
      }
      return this;
    }
    summary() {
      return this.#h.summary();
    }
    clone() {
      try {
        return new Network(SECRET, this.#h.copy());
      } catch (e) {
        throw conv(e);
      }
    }
    toString() {
      return this.#h.toString();
    }
  }

  // ---- Dataset and nn.data ------------------------------------------------------------------------
  const hdata = host.data();
  let datasetHost;
  class Dataset {
    #h;
    static {
      datasetHost = (d) => d.#h;
    }
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('datasets are made with nn.data.xor(), nn.data.circle(…), nn.data.csv(…) or nn.data.of(x, y)');
      }
      this.#h = h;
    }
    get x() {
      try {
        return new Matrix(SECRET, this.#h.x());
      } catch (e) {
        throw conv(e);
      }
    }
    get y() {
      try {
        return new Matrix(SECRET, this.#h.y());
      } catch (e) {
        throw conv(e);
      }
    }
    get size() {
      return this.#h.size();
    }
    get features() {
      return this.#h.features();
    }
    get classes() {
      return this.#h.classes();
    }
    get classNames() {
      return JSONParse(this.#h.classNamesJson());
    }
    split(fraction, seed) {
      if (typeof fraction !== 'number') {
        throw new TypeError('data.split expects the training fraction, e.g. data.split(0.8, 1), got ' + describe(fraction));
      }
      try {
        const parts = this.#h.split(fraction, seedOr(seed, 'data.split'));
        return [new Dataset(SECRET, parts[0]), new Dataset(SECRET, parts[1])];
      } catch (e) {
        throw conv(e);
      }
    }
    shuffle(seed) {
      try {
        return new Dataset(SECRET, this.#h.shuffle(seedOr(seed, 'data.shuffle')));
      } catch (e) {
        throw conv(e);
      }
    }
    oneHot(k) {
      if (k !== undefined) {
        wholeNumber(k, 'data.oneHot(k): the number of classes k', 1);
      }
      try {
        return new Dataset(SECRET, this.#h.oneHot(k === undefined ? 0 : k));
      } catch (e) {
        throw conv(e);
      }
    }
    /** Iterable of { x, y } Matrices (handles: nothing is copied element by element). */
    batches(size, options) {
      const o = checkOptions(options, ['shuffle', 'seed'], 'data.batches');
      wholeNumber(size, 'data.batches(size): the batch size (like 32)', 1);
      const h = this.#h;
      const shuffle = o.shuffle === true;
      const seed = seedOr(o.seed, 'data.batches');
      return {
        [SymbolIterator]() {
          let it;
          try {
            it = h.batches(size, shuffle, seed);
          } catch (e) {
            throw conv(e);
          }
          return {
            next() {
              if (!it.advance()) {
                return { value: undefined, done: true };
              }
              return { value: { x: new Matrix(SECRET, it.x()), y: new Matrix(SECRET, it.y()) }, done: false };
            },
            [SymbolIterator]() {
              return this;
            },
          };
        },
      };
    }
    toString() {
      return this.#h.toString();
    }
  }
  function seedOr(seed, what) {
    if (seed === undefined) {
      return hnn.seed();
    }
    return seedNumber(seed, what + "'s seed");
  }
  function generator(kind) {
    return function (options) {
      const o = checkOptions(options, ['n', 'noise', 'seed'], 'nn.data.' + kind);
      const n = wholeNumber(o.n === undefined ? 200 : o.n, 'nn.data.' + kind + "'s n (the number of points)", 1);
      try {
        return new Dataset(SECRET, hdata.generate(kind, n, number(o, 'noise', 0, 'nn.data.' + kind),
          seedOr(o.seed, 'nn.data.' + kind)));
      } catch (e) {
        throw conv(e);
      }
    };
  }
  function pathArg(p, what) {
    if (typeof p !== 'string') {
      throw new TypeError(what + " expects a file name like 'data/iris.csv', got " + describe(p));
    }
    return p;
  }
  const data = ObjectFreeze({
    xor: () => new Dataset(SECRET, hdata.xor()),
    circle: generator('circle'),
    spiral: generator('spiral'),
    gaussian: generator('gaussian'),
    moons: generator('moons'),
    csv(path, options) {
      const o = checkOptions(options, ['target', 'oneHot', 'header'], 'nn.data.csv');
      if (o.target !== undefined && typeof o.target !== 'string') {
        if (typeof o.target !== 'number') {
          throw new TypeError("nn.data.csv's target is a column name or index, got " + describe(o.target));
        }
        wholeNumber(o.target, "nn.data.csv's target column index", 0);
      }
      try {
        return new Dataset(SECRET, hdata.csv(pathArg(path, 'nn.data.csv'), o.target === undefined ? null : o.target,
          o.oneHot === true, o.header !== false));
      } catch (e) {
        throw conv(e);
      }
    },
    idx(imagesPath, labelsPath, options) {
      const o = checkOptions(options, ['scale'], 'nn.data.idx');
      try {
        return new Dataset(SECRET, hdata.idx(pathArg(imagesPath, 'nn.data.idx'), pathArg(labelsPath, 'nn.data.idx'),
          number(o, 'scale', 1 / 255, 'nn.data.idx')));
      } catch (e) {
        throw conv(e);
      }
    },
    of(x, y) {
      try {
        const hx = toHostMatrix(x, 0, 'nn.data.of', 'x');
        return new Dataset(SECRET, hdata.of(hx, toHostTargets(y, hx.rows(), 'nn.data.of')));
      } catch (e) {
        throw conv(e);
      }
    },
  });
  function accuracy(net, d) {
    if (!(net instanceof Network) || !(d instanceof Dataset)) {
      throw new TypeError('nn.accuracy(net, data) expects a network and a dataset, got ' + describe(net) + ' and '
        + describe(d));
    }
    try {
      return hdata.accuracy(networkHost(net), datasetHost(d));
    } catch (e) {
      throw conv(e);
    }
  }

  // ---- plot ----------------------------------------------------------------------------------------
  let chartHost;
  class Chart {
    #h;
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('charts are made with plot.line, plot.boundary or plot.histogram');
      }
      this.#h = h;
    }
    static {
      chartHost = (c) => c.#h;
    }
    get title() {
      return this.#h.title();
    }
    render(terminal) {
      return this.#h.render(!!terminal);
    }
    toString() {
      return this.#h.render(false);
    }
  }
  function chart(h) {
    return new Chart(SECRET, h);
  }
  function size(o, k, dflt, what) {
    return wholeNumber(o[k] === undefined ? dflt : o[k], what + "'s " + k, 1);
  }
  function numberList(v, what) {
    if (v instanceof Matrix) {
      return copyOf(v.data, v.size);
    }
    if (!(ArrayIsArray(v) || isTyped(v))) {
      throw new TypeError(what + ' expects an array of numbers, got ' + describe(v));
    }
    const out = copyOf(v, v.length);
    for (let k = 0; k < out.length; k++) {
      if (typeof out[k] !== 'number') {
        throw new TypeError(what + ' expects an array of numbers, got ' + describe(v));
      }
    }
    return out;
  }
  const plot = ObjectFreeze({
    line(seriesOrObject, options) {
      const o = checkOptions(options, ['title', 'width', 'height'], 'plot.line');
      const names = [], ys = [];
      if (ArrayIsArray(seriesOrObject) || isTyped(seriesOrObject) || seriesOrObject instanceof Matrix) {
        ArrayPush(names, o.title === undefined ? 'y' : String(o.title));
        ArrayPush(ys, numberList(seriesOrObject, 'plot.line'));
      } else if (seriesOrObject !== null && typeof seriesOrObject === 'object') {
        const keys = ObjectKeys(seriesOrObject);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          const v = seriesOrObject[k];
          if ((ArrayIsArray(v) || isTyped(v)) && v.length > 0) {
            ArrayPush(names, k);
            ArrayPush(ys, numberList(v, 'plot.line (' + k + ')'));
          }
        }
      }
      if (names.length === 0) {
        throw new TypeError('plot.line expects an array of numbers or an object of named arrays (like fit\'s history),'
          + ' got ' + describe(seriesOrObject));
      }
      try {
        return chart(hdata.line(o.title === undefined ? '' : String(o.title), names, ys, size(o, 'width', 60, 'plot.line'),
          size(o, 'height', 15, 'plot.line')));
      } catch (e) {
        throw conv(e);
      }
    },
    boundary(net, d, options) {
      const o = checkOptions(options, ['title', 'width', 'height'], 'plot.boundary');
      if (!(net instanceof Network) || !(d instanceof Dataset)) {
        throw new TypeError('plot.boundary(net, data) expects a network and a dataset, got ' + describe(net) + ' and '
          + describe(d));
      }
      try {
        return chart(hdata.boundary(o.title === undefined ? '' : String(o.title), networkHost(net), datasetHost(d),
          size(o, 'width', 60, 'plot.boundary'), size(o, 'height', 24, 'plot.boundary')));
      } catch (e) {
        throw conv(e);
      }
    },
    histogram(values, options) {
      const o = checkOptions(options, ['title', 'bins', 'height'], 'plot.histogram');
      const list = values instanceof Param ? copyOf(values.value, values.size) : numberList(values, 'plot.histogram');
      try {
        const m = hnn.matrix(1, list.length);
        TypedArraySet(view(m.bytes(), list.length), list);
        return chart(hdata.histogram(o.title === undefined ? '' : String(o.title), m, size(o, 'bins', 20, 'plot.histogram'),
          size(o, 'height', 10, 'plot.histogram')));
      } catch (e) {
        throw conv(e);
      }
    },
    save(c, path) {
      if (!(c instanceof Chart)) {
        throw new TypeError('plot.save(chart, path) expects a chart from plot.line, plot.boundary or plot.histogram, got '
          + describe(c));
      }
      try {
        hdata.save(chartHost(c), pathArg(path, 'plot.save'));
      } catch (e) {
        throw conv(e);
      }
      return path;
    },
  });

  // ---- the nn namespace ---------------------------------------------------------------------------
  function net(sizes, options) {
    if (!ArrayIsArray(sizes)) {
      throw new TypeError('nn.net expects layer sizes as an array like [2, 2, 1], got ' + describe(sizes));
    }
    // read once into a fresh array: the host sees exactly the values checked here
    const checkedSizes = copyOf(sizes, sizes.length);
    for (let i = 0; i < checkedSizes.length; i++) {
      const s = checkedSizes[i];
      if (!NumberIsInteger(s) || s < 1) {
        throw new ShapeError('layer sizes must be whole numbers of at least 1; sizes[' + i + '] is ' + describe(s));
      }
      if (s > MAX_LAYER) {
        throw new LimitError('sizes[' + i + '] is ' + s + '; a layer has at most ' + MAX_LAYER
          + ' units (one matrix holds at most that many elements)');
      }
    }
    const o = checkOptions(options, ['activation', 'output', 'loss', 'init', 'seed'], 'nn.net');
    const given = o.activation === undefined ? 'sigmoid' : o.activation;
    const activation = ArrayIsArray(given) ? copyOf(given, given.length) : given;
    let names = typeof activation === 'string' || ArrayIsArray(activation);
    for (let i = 0; names && typeof activation !== 'string' && i < activation.length; i++) {
      names = typeof activation[i] === 'string';
    }
    if (!names) {
      throw new TypeError("nn.net's activation is a name like 'relu' or an array of names, one per hidden layer; got "
        + describe(given));
    }
    const NAMED = ['output', 'loss', 'init'];
    for (let i = 0; i < NAMED.length; i++) {
      const k = NAMED[i];
      if (o[k] !== undefined && typeof o[k] !== 'string') {
        throw new TypeError("nn.net's " + k + ' is a name, got ' + describe(o[k]));
      }
    }
    if (o.seed !== undefined) {
      seedNumber(o.seed, "nn.net's seed");
    }
    try {
      return new Network(SECRET, hnn.net(checkedSizes, activation, o.output === undefined ? null : o.output,
        o.loss === undefined ? 'squared' : o.loss, o.init === undefined ? null : o.init,
        o.seed === undefined ? null : o.seed));
    } catch (e) {
      throw conv(e);
    }
  }
  function toy(options) {
    const o = checkOptions(options, ['trainBiases'], 'nn.toy');
    try {
      return new Network(SECRET, hnn.toy(o.trainBiases === true));
    } catch (e) {
      throw conv(e);
    }
  }
  function matrix(rows, cols, values) {
    if (!isIndex(rows) || !isIndex(cols)) {
      throw new TypeError('nn.matrix expects whole-number rows and cols, got (' + describe(rows) + ', '
        + describe(cols) + ')');
    }
    if (rows > MAX_INT || cols > MAX_INT) {
      throw new LimitError('nn.matrix(' + rows + ', ' + cols + '): ' + (rows > MAX_INT ? 'rows' : 'cols')
        + ' is larger than any matrix can be; one matrix holds at most 268435455 elements');
    }
    let h;
    try {
      h = hnn.matrix(rows, cols);
    } catch (e) {
      throw conv(e);
    }
    const m = new Matrix(SECRET, h);
    if (values !== undefined) {
      const form = formOf(values, cols, 'nn.matrix');
      if (form === MATRIX || formRows * formCols !== rows * cols || form === ROWS && formCols !== cols) {
        throw new ShapeError('nn.matrix(' + rows + ', ' + cols + ') needs ' + rows * cols + ' values (flat or as '
          + rows + ' rows of ' + cols + '), got ' + describe(values));
      }
      fill(m.data, values, form, formRows, formCols, 'nn.matrix', 'values');
    }
    return m;
  }
  function fromJSON(textOrObject) {
    const text = typeof textOrObject === 'string' ? textOrObject : JSONStringify(textOrObject);
    if (typeof text !== 'string') {
      throw new TypeError('nn.fromJSON expects JSON text or the object net.toJSON() returns, got '
        + describe(textOrObject));
    }
    try {
      return new Network(SECRET, hnn.fromJson(text));
    } catch (e) {
      throw conv(e);
    }
  }
  function load(path) {
    if (typeof path !== 'string') {
      throw new TypeError("nn.load expects a file name like 'model.json', got " + describe(path));
    }
    try {
      return new Network(SECRET, hnn.load(path));
    } catch (e) {
      throw conv(e);
    }
  }
  function number(o, k, dflt, what) {
    const v = o[k] === undefined ? dflt : o[k];
    if (typeof v !== 'number') {
      throw new TypeError(what + "'s " + k + ' must be a number, got ' + describe(v));
    }
    return v;
  }
  function sgd(options) {
    const o = checkOptions(options, ['lr', 'momentum', 'weightDecay'], 'nn.sgd');
    if (o.lr === undefined) {
      throw new ValueError('nn.sgd needs a learning rate: nn.sgd({ lr: 0.1 })');
    }
    try {
      return new Optimizer(SECRET, hnn.sgd(number(o, 'lr', 0, 'nn.sgd'), number(o, 'momentum', 0, 'nn.sgd'),
        number(o, 'weightDecay', 0, 'nn.sgd')));
    } catch (e) {
      throw conv(e);
    }
  }
  function adam(options) {
    const o = checkOptions(options, ['lr', 'beta1', 'beta2', 'eps'], 'nn.adam');
    try {
      return new Optimizer(SECRET, hnn.adam(number(o, 'lr', 0.001, 'nn.adam'), number(o, 'beta1', 0.9, 'nn.adam'),
        number(o, 'beta2', 0.999, 'nn.adam'), number(o, 'eps', 1e-8, 'nn.adam')));
    } catch (e) {
      throw conv(e);
    }
  }
  function seed(n) {
    if (n === undefined) {
      return hnn.seed();
    }
    hnn.setSeed(seedNumber(n, 'nn.seed(n): the seed'));
    return n;
  }
  function axpy(alpha, x, y) {
    if (typeof alpha !== 'number') {
      throw new TypeError('nn.axpy(alpha, x, y) expects a number alpha, got ' + describe(alpha));
    }
    const hx = WeakMapGet(VIEW_OWNER, x), hy = WeakMapGet(VIEW_OWNER, y);
    if (hx !== undefined && hy !== undefined) {
      try {
        hnn.axpy(alpha, hx, hy);
      } catch (e) {
        throw conv(e);
      }
      return y;
    }
    if (!(isTyped(x) || ArrayIsArray(x)) || !(isTyped(y) || ArrayIsArray(y)) || x.length !== y.length) {
      throw new ShapeError('nn.axpy(alpha, x, y) needs x and y as arrays or views of the same length, got '
        + describe(x) + ' and ' + describe(y));
    }
    for (let k = 0; k < x.length; k++) {
      y[k] += alpha * x[k]; // y ← y + α·x
    }
    return y;
  }

  // ---- nn.activation: an element-wise activation written in JS ---------------------------------------
  /**
   * Defines an activation from f(z) and df(z, a) (a = f(z)), usable by name in nn.net and nn.load. The
   * engine calls one of the two loops below once per layer; they run over live views of the layer.
   */
  function activation(name, fns) {
    if (typeof name !== 'string') {
      throw new TypeError("nn.activation expects a name like 'swish', got " + describe(name));
    }
    if (fns === undefined || fns === null) {
      throw new TypeError("nn.activation('" + name + "', { f, df }) needs the function and its derivative, e.g."
        + " nn.activation('" + name + "', { f: (z) => z / (1 + Math.exp(-z)), df: (z, a) => … })");
    }
    const o = checkOptions(fns, ['f', 'df'], 'nn.activation');
    const f = o.f, df = o.df;
    if (typeof f !== 'function' || typeof df !== 'function') {
      throw new TypeError("nn.activation('" + name + "', { f, df }) needs two functions, f(z) and df(z, a) with"
        + ' a = f(z); got f = ' + describe(f) + ', df = ' + describe(df));
    }
    function bad(which, v, args) {
      if (typeof v !== 'number') {
        throw new TypeError("activation '" + name + "': " + which + args + ' returned ' + describe(v)
          + '; it must return a number');
      }
      throw new ValueError("activation '" + name + "': " + which + args + ' returned ' + v + '; ' + which
        + ' must return finite numbers (guard large |z|, e.g. Math.exp of a big number is Infinity)');
    }
    function forward(zBytes, aBytes, n) {
      const z = view(zBytes, n), a = view(aBytes, n);
      for (let k = 0; k < n; k++) {
        const v = f(z[k]);
        if (typeof v !== 'number' || v - v !== 0) { // v − v is 0 only for finite numbers
          bad('f', v, '(' + z[k] + ')');
        }
        a[k] = v; // a = f(z)
      }
    }
    function backward(zBytes, aBytes, gaBytes, gzBytes, n) {
      const z = view(zBytes, n), a = view(aBytes, n), ga = view(gaBytes, n), gz = view(gzBytes, n);
      for (let k = 0; k < n; k++) {
        const d = df(z[k], a[k]);
        if (typeof d !== 'number' || d - d !== 0) {
          bad('df', d, '(' + z[k] + ', ' + a[k] + ')');
        }
        gz[k] = ga[k] * d; // ∂L/∂z = ∂L/∂a ⊙ f'(z)
      }
    }
    try {
      hnn.defineActivation(name, forward, backward);
    } catch (e) {
      throw conv(e);
    }
    return name;
  }

  /** nn.explain's result: `steps` are the beats as plain data, toString() the readable text. */
  class Walkthrough {
    #text;
    constructor(token, h) {
      if (token !== SECRET) {
        throw new TypeError('walkthroughs are made with nn.explain(net, x, y, { lr })');
      }
      this.#text = h.toString();
      this.title = h.title();
      this.steps = deepFreeze(parse(h.steps()));
      ObjectFreeze(this);
    }
    toString() {
      return this.#text;
    }
  }
  function deepFreeze(v) {
    if (v !== null && typeof v === 'object') {
      const values = ObjectValues(v);
      for (let i = 0; i < values.length; i++) {
        deepFreeze(values[i]);
      }
      ObjectFreeze(v);
    }
    return v;
  }
  function explain(net, x, y, options) {
    if (!(net instanceof Network)) {
      throw new TypeError('nn.explain(net, x, y, { lr }) expects a network first, got ' + describe(net));
    }
    if (x === undefined || y === undefined) {
      throw new TypeError('nn.explain(net, x, y, { lr }) needs one example x and its target y, e.g.'
        + ' nn.explain(net, [0.5, 0.9], 1)');
    }
    const o = checkOptions(options, ['lr'], 'nn.explain');
    const lr = number(o, 'lr', 0.5, 'nn.explain');
    try {
      const hx = toHostMatrix(x, net.inputs, 'nn.explain', 'x');
      return new Walkthrough(SECRET, hnn.explain(networkHost(net), hx, toHostTargets(y, hx.rows(), 'nn.explain')
        , lr));
    } catch (e) {
      throw conv(e);
    }
  }

  const API_CLASSES = [Matrix, Param, Layer, Optimizer, Network, Dataset, Chart, Walkthrough];
  for (let i = 0; i < API_CLASSES.length; i++) {
    ObjectFreeze(API_CLASSES[i].prototype);
    ObjectFreeze(API_CLASSES[i]);
  }
  const nn = {
    net, toy, matrix, sgd, adam, seed, axpy, fromJSON, load, data, accuracy, explain, activation,
    Matrix, Network, Layer, Param, Optimizer, Dataset, Chart, Walkthrough,
  };
  ObjectAssign(nn, ERRORS);

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
      return paint(v.kind === 'sgd' ? 'SGD' : 'Adam', C.name, color) + ' ' + display(hyper(v.state()), color, depth + 1, seen);
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
    members,
    globalKind,
    globalValue,
    chainMembers,
    networks,
    builtins: () => ArraySlice(BUILTIN),
    errorClass: (name) => ERRORS[name],
  });
})
