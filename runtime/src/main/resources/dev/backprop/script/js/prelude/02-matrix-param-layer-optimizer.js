  // The prelude, part 02: nn.Matrix, Param, Layer and Optimizer, the live views over the engine's storage. One closure in seven files, joined in order by Sandbox (PRELUDE).
  // ---- nn.Matrix ----------------------------------------------------------------------------------
  let matrixHost, matrixHostOrNull;
  class Matrix {
    #h;
    #data = null;
    static {
      matrixHost = (m) => m.#h;
      // the brand check: true only for a Matrix the prelude made (cheaper than instanceof, which walks prototypes)
      matrixHostOrNull = (v) => (v !== null && typeof v === 'object' && #h in v ? v.#h : null);
    }
    constructor(token, h) {
      // handleOf's check, inline: net.forward makes a Matrix per batch, and the interpreter pays for each call
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
      return this.#h.get(i + 0, j + 0); // -0 as 0 (a Java int has none)
    }
    set(i, j, v) {
      checkIndex('matrix.set', i, j);
      if (typeof v !== 'number') {
        badNumber('matrix.set', '(' + i + ', ' + j + ')', v);
      }
      this.#h.set(i + 0, j + 0, v);
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
      this.#h = handleOf(token, h, 'parameters come from a network: net.params() or net.layers[i].W');
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
      return this.#h.get(i + 0, j + 0); // -0 as 0 (a Java int has none)
    }
    set(i, j, v) {
      checkIndex('param.set', i, j);
      if (typeof v !== 'number') {
        badNumber('param.set', this.#h.name() + '(' + i + ', ' + j + ')', v);
      }
      this.#h.set(i + 0, j + 0, v);
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
      if (typeof on !== 'boolean') {
        throw new TypeError(this.#h.name() + '.trainable is true or false, got ' + describe(on));
      }
      this.#h.setTrainable(on);
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
    if (values instanceof Matrix) {
      if (values.rows !== rows || values.cols !== cols) {
        throw new ShapeError(what + ' expects a matrix of shape [' + rows + ', ' + cols + '] for ' + shape + ', got one'
          + ' of shape [' + values.rows + ', ' + values.cols + ']; nothing was written');
      }
      values = values.toArray(); // rows of numbers, checked below like any others
    } else if (!isTyped(values) && !ArrayIsArray(values)) {
      throw new TypeError(what + ' expects ' + rows * cols + ' numbers for ' + shape + ' (a flat array, ' + rows
        + ' rows of ' + cols + ', a Float64Array or an nn.Matrix), got ' + describe(values) + '; nothing was written');
    }
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
      this.#h = handleOf(token, h, 'layers come from a network: net.layers[i]');
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
  // The update rules the engine has (Optimizer.Kind, read off its permits): each gives nn.<name>, its settings
  // with their defaults, and its display name. [{ name, title, settings: [{ name, defaultValue, meaning, example }] }]
  // Finite numbers only (Optimizer.Setting), so plain JSON: parse's reviver, called per value, would count toward
  // compiling it while a sandbox starts.
  const OPTIMIZER_KINDS = JSONParse(hnn.optimizerKinds());
  function optimizerKind(name) {
    for (let i = 0; i < OPTIMIZER_KINDS.length; i++) {
      if (OPTIMIZER_KINDS[i].name === name) {
        return OPTIMIZER_KINDS[i];
      }
    }
    return undefined;
  }
  /** 'nn.sgd({ lr }) or nn.adam()': each rule with the settings a script must give. */
  function optimizerCalls() {
    const calls = [];
    for (let i = 0; i < OPTIMIZER_KINDS.length; i++) {
      const k = OPTIMIZER_KINDS[i], required = [];
      for (let j = 0; j < k.settings.length; j++) {
        if (k.settings[j].defaultValue === null) {
          ArrayPush(required, k.settings[j].name);
        }
      }
      ArrayPush(calls, 'nn.' + k.name + '(' + (required.length === 0 ? '' : '{ ' + ArrayJoin(required, ', ') + ' }')
        + ')');
    }
    return calls.length === 1 ? calls[0] : ArrayJoin(ArraySlice(calls, 0, -1), ', ') + ' or ' + calls[calls.length - 1];
  }
  /** 'nn.sgd({ lr: 0.1 })': the first rule with an example of each setting a script must give. */
  function optimizerExample() {
    const k = OPTIMIZER_KINDS[0], given = [];
    for (let j = 0; j < k.settings.length; j++) {
      const s = k.settings[j];
      if (s.defaultValue === null) {
        ArrayPush(given, s.name + ': ' + s.example);
      }
    }
    return 'nn.' + k.name + '(' + (given.length === 0 ? '' : '{ ' + ArrayJoin(given, ', ') + ' }') + ')';
  }
  function optimizersAreMadeWith() {
    return 'optimizers are made with ' + optimizerCalls();
  }
  let optimizerHost;
  class Optimizer {
    #h;
    static {
      optimizerHost = (o) => o.#h;
    }
    constructor(token, h) {
      this.#h = handleOf(token, h, optimizersAreMadeWith);
    }
    get kind() {
      return this.#h.kind();
    }
    step(net, options) {
      if (!(net instanceof Network)) {
        throw new TypeError('opt.step expects a network, got ' + describe(net));
      }
      return net.step(this, options); // the same call, options ({ reuse }) included
    }
    state() {
      return JSONParse(this.#h.stateJson());
    }
    toString() {
      return display(this, false);
    }
  }

