  // The prelude, part 05: the nn namespace and nn.activation. One closure in seven files, joined in order by Sandbox (PRELUDE).
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
        throw limitError('sizes[' + i + '] is ' + s + '; a layer has at most ' + MAX_LAYER
          + ' units (one matrix holds at most that many elements)');
      }
    }
    const o = checkOptions(options, ['activation', 'output', 'loss', 'init', 'seed'], 'nn.net');
    const given = o.activation;
    const activation = ArrayIsArray(given) ? copyOf(given, given.length) : given === undefined ? null : given;
    let names = given === undefined || typeof activation === 'string' || ArrayIsArray(activation);
    for (let i = 0; names && ArrayIsArray(activation) && i < activation.length; i++) {
      names = typeof activation[i] === 'string';
    }
    if (!names) {
      throw new TypeError("nn.net's activation is a name (" + hnn.hiddenActivationNames() + ') or an array of names,'
        + ' one per hidden layer; got ' + describe(given));
    }
    const NAMED = ['output', 'loss', 'init'];
    for (let i = 0; i < NAMED.length; i++) {
      const k = NAMED[i];
      if (o[k] !== undefined && typeof o[k] !== 'string') {
        throw new TypeError("nn.net's " + k + ' is a name, got ' + describe(o[k]));
      }
    }
    const seed = o.seed === undefined ? null : seedNumber(o.seed, "nn.net's seed");
    return new Network(SECRET, hnn.net(checkedSizes, activation, o.output === undefined ? null : o.output,
      o.loss === undefined ? null : o.loss, o.init === undefined ? null : o.init, seed));
  }
  function toy(options) {
    const o = checkOptions(options, ['trainBiases'], 'nn.toy');
    return new Network(SECRET, hnn.toy(bool(o.trainBiases, 'trainBiases', 'nn.toy', false)));
  }
  function matrix(rows, cols, values) {
    if (!isIndex(rows) || !isIndex(cols)) {
      throw new TypeError('nn.matrix expects whole-number rows and cols, got (' + describe(rows) + ', '
        + describe(cols) + ')');
    }
    if (rows > MAX_INT || cols > MAX_INT) {
      throw limitError('nn.matrix(' + rows + ', ' + cols + '): ' + (rows > MAX_INT ? 'rows' : 'cols')
        + ' is larger than any matrix can be; one matrix holds at most ' + MAX_LAYER + ' elements');
    }
    rows += 0; // -0 as 0 (a Java int has none)
    cols += 0;
    const h = hnn.matrix(rows, cols);
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
    return new Network(SECRET, hnn.fromJson(text));
  }
  function load(path) {
    if (typeof path !== 'string') {
      throw new TypeError("nn.load expects a file name like 'model.json', got " + describe(path));
    }
    return new Network(SECRET, hnn.load(path));
  }
  function number(o, k, dflt, what) {
    const v = o[k] === undefined ? dflt : o[k];
    if (typeof v !== 'number') {
      throw new TypeError(what + "'s " + k + ' must be a number, got ' + describe(v));
    }
    return v;
  }
  /** nn.<name>(options) for one update rule of the engine: its settings checked, defaults filled in. */
  function optimizerMaker(kind) {
    const what = 'nn.' + kind.name, settings = kind.settings, names = new Array(settings.length);
    for (let i = 0; i < settings.length; i++) {
      names[i] = settings[i].name;
    }
    return { [kind.name](options) {
      const o = checkOptions(options, names, what);
      const values = [];
      for (let i = 0; i < settings.length; i++) {
        const st = settings[i];
        if (st.defaultValue === null && o[st.name] === undefined) {
          throw new ValueError(what + ' needs ' + st.meaning + ': ' + what + '({ ' + st.name + ': ' + st.example + ' })');
        }
        append(values, number(o, st.name, st.defaultValue, what));
      }
      return new Optimizer(SECRET, hnn.optimizer(kind.name, values));
    } }[kind.name];
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
      hnn.axpy(alpha, hx, hy);
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
    hnn.defineActivation(name, forward, backward);
    return name;
  }

  /** nn.explain's result: `steps` are the beats as plain data, toString() the readable text. */
  class Walkthrough {
    #text;
    constructor(token, h) {
      handleOf(token, h, 'walkthroughs are made with nn.explain(net, x, y, { lr })');
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
    const hx = toHostMatrix(x, net.inputs, 'nn.explain', 'x');
    return new Walkthrough(SECRET, hnn.explain(networkHost(net), hx, toHostTargets(y, hx.rows(), 'nn.explain')
      , lr));
  }

  const API_CLASSES = [Matrix, Param, Layer, Optimizer, Network, Dataset, Chart, Walkthrough];
  for (let i = 0; i < API_CLASSES.length; i++) {
    guardMethods(API_CLASSES[i], API_CLASSES[i] === Network);
    ObjectFreeze(API_CLASSES[i].prototype);
    ObjectFreeze(API_CLASSES[i]);
  }
  const nn = { net, toy, matrix };
  for (let i = 0; i < OPTIMIZER_KINDS.length; i++) {
    nn[OPTIMIZER_KINDS[i].name] = optimizerMaker(OPTIMIZER_KINDS[i]);
  }
  ObjectAssign(nn, { seed, axpy, fromJSON, load });
  guardAll(nn);
  ObjectAssign(nn, { data, accuracy: guard(accuracy), explain: guard(explain), activation: guard(activation),
    Matrix, Network, Layer, Param, Optimizer, Dataset, Chart, Walkthrough });
  ObjectAssign(nn, ERRORS);

