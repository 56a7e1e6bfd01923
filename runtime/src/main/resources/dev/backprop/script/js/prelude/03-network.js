  // The prelude, part 03: Network: forward, backward, backwardFrom, step and the rest of a network's API. One closure in seven files, joined in order by Sandbox (PRELUDE).
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
      this.#h = handleOf(token, h, 'networks are made with nn.net(sizes, options), nn.toy() or net.clone()');
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
      if (typeof x === 'number') {
        return this.forward([x]); // a bare number: one example of a 1-input network
      }
      const xh = matrixHostOrNull(x); // a batch from dataset.batches(): one host call, no staging
      if (xh !== null) {
        try {
          this.#output(this.#h.forwardMatrix(xh));
          this.#batch = xh.rows();
          return new Matrix(SECRET, this.#h.outputCopy());
        } catch (e) {
          throw conv(e);
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
        const yh = matrixHostOrNull(y);
        if (yh !== null) {
          return this.#h.backwardMatrix(yh, accumulate);
        }
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
            + ' net.step(' + optimizerExample() + '), got ' + describe(rateOrOptimizer));
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
      if (!Array.isArray(grad) && !isTyped(grad) && grad instanceof Matrix) {
        this.#h.backwardFromMatrix(matrixHost(grad), accumulate);
      } else {
        this.#stageY(grad, this.#batch, 'backwardFrom', 'grad');
        this.#h.backwardFrom(accumulate);
      }
      return this;
    }
    /** ∂L/∂x [B, inputs] of the latest backward or backwardFrom (a copy), or null before any. */
    get inputGrad() {
      return matrixOrNull(this.#h.inputGrad());
    }
    predict(x) {
      if (typeof x === 'number') {
        x = [x]; // a bare number: one example of a 1-input network
      }
      const form = x instanceof Matrix ? MATRIX : formOf(x, this.#inputs, 'predict');
      const m = this.#h.predictMatrix(toHostMatrix(x, this.#inputs, 'predict', 'x'));
      if (form === SINGLE && m.rows() > 1) { // a flat array holding a batch: the outputs flat, row after row
        return emit(view(m.bytes(), m.size()), 1, m.size(), SINGLE);
      }
      return emit(view(m.bytes(), m.size()), m.rows(), m.cols(), form, () => m);
    }
    loss(x, y) {
      const hx = toHostMatrix(x, this.#inputs, 'loss', 'x');
      return this.#h.lossMatrix(hx, toHostTargets(y, hx.rows(), 'loss'));
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
      const hx = toHostMatrix(x, this.#inputs, 'gradCheck', 'x');
      const hy = toHostTargets(y, hx.rows(), 'gradCheck');
      return parse(this.#h.gradCheck(hx, hy, number(o, 'eps', 1e-6, 'net.gradCheck')));
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
          const v = pairs[i];
          if (v !== v || v === Infinity || v === -Infinity) {
            throw new ValueError('net.checkGrads: your ' + k + pairs[i - 1] + ' is ' + v + '; every value of your'
              + ' gradients must be a finite number (a NaN usually comes from a 0/0 or a log of 0 in your formula)');
          }
          ArrayPush(values, v);
        }
        flat[k] = values;
      }
      return parse(this.#h.checkGrads(JSONStringify(flat), number(o, 'tol', 1e-6, 'net.checkGrads'),
        o.lr === undefined ? null : number(o, 'lr', 0, 'net.checkGrads')));
    }
    stats() {
      return parse(this.#h.stats());
    }
    fit(d, options) {
      if (!(d instanceof Dataset)) {
        throw new TypeError('net.fit expects a dataset such as nn.data.xor() or nn.data.of(x, y), got ' + describe(d));
      }
      const o = checkOptions(options, ['epochs', 'batchSize', 'lr', 'optimizer', 'shuffle', 'seed', 'validation',
        'onEpoch'], 'net.fit');
      if (o.optimizer !== undefined && !(o.optimizer instanceof Optimizer)) {
        throw new TypeError("net.fit's optimizer comes from " + optimizerCalls() + ', got ' + describe(o.optimizer));
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
      return parse(this.#h.fit(datasetHost(d), size(o, 'epochs', 1, 'net.fit'), size(o, 'batchSize', 32, 'net.fit'),
        o.lr === undefined ? null : number(o, 'lr', 0, 'net.fit'),
        o.optimizer === undefined ? null : optimizerHost(o.optimizer), bool(o.shuffle, 'shuffle', 'net.fit', true),
        seedOr(o.seed, 'net.fit'), o.validation === undefined ? null : datasetHost(o.validation), onEpoch));
    }
    toJSON() {
      return JSONParse(this.#h.toJson());
    }
    save(path) {
      if (typeof path !== 'string') {
        throw new TypeError("net.save expects a file name like 'model.json', got " + describe(path));
      }
      this.#h.save(path);
      return this;
    }
    summary() {
      return this.#h.summary();
    }
    clone() {
      return new Network(SECRET, this.#h.copy());
    }
    toString() {
      return this.#h.toString();
    }
  }

