  // The prelude, part 04: Dataset, nn.data and plot. One closure in seven files, joined in order by Sandbox (PRELUDE).
  // ---- Dataset and nn.data ------------------------------------------------------------------------
  const hdata = host.data();
  let datasetHost;
  class Dataset {
    #h;
    static {
      datasetHost = (d) => d.#h;
    }
    constructor(token, h) {
      this.#h = handleOf(token, h,
        'datasets are made with nn.data.xor(), nn.data.circle(…), nn.data.csv(…) or nn.data.of(x, y)');
    }
    get x() {
      return new Matrix(SECRET, this.#h.x());
    }
    get y() {
      return new Matrix(SECRET, this.#h.y());
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
      const parts = this.#h.split(fraction, seedOr(seed, 'data.split'));
      return [new Dataset(SECRET, parts[0]), new Dataset(SECRET, parts[1])];
    }
    shuffle(seed) {
      return new Dataset(SECRET, this.#h.shuffle(seedOr(seed, 'data.shuffle')));
    }
    oneHot(k) {
      if (k !== undefined) {
        wholeNumber(k, 'data.oneHot(k): the number of classes k', 1);
      }
      return new Dataset(SECRET, this.#h.oneHot(k === undefined ? 0 : k));
    }
    /** Iterable of { x, y } Matrices (handles: nothing is copied element by element). */
    batches(size, options) {
      const o = checkOptions(options, ['shuffle', 'seed'], 'data.batches');
      wholeNumber(size, 'data.batches(size): the batch size (like 32)', 1);
      const h = this.#h;
      const shuffle = bool(o.shuffle, 'shuffle', 'data.batches', false);
      const seed = seedOr(o.seed, 'data.batches');
      return {
        [SymbolIterator]: guard(function batches() {
          const it = h.batches(size, shuffle, seed);
          let pair = 0, x = null, y = null; // the iterator reuses its matrices: new handles only when they change
          return {
            next: guard(function next() {
              const p = it.advance();
              if (p === 0) {
                return { value: undefined, done: true };
              }
              if (p !== pair) {
                pair = p;
                x = new Matrix(SECRET, it.x());
                y = new Matrix(SECRET, it.y());
              }
              return { value: { x, y }, done: false };
            }),
            [SymbolIterator]() {
              return this;
            },
          };
        }),
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
      return new Dataset(SECRET, hdata.generate(kind, n, number(o, 'noise', 0, 'nn.data.' + kind),
        seedOr(o.seed, 'nn.data.' + kind)));
    };
  }
  function pathArg(p, what) {
    if (typeof p !== 'string') {
      throw new TypeError(what + " expects a file name like 'data/iris.csv', got " + describe(p));
    }
    return p;
  }
  const data = ObjectFreeze(guardAll({
    xor: () => new Dataset(SECRET, hdata.xor()),
    circle: generator('circle'),
    spiral: generator('spiral'),
    gaussian: generator('gaussian'),
    moons: generator('moons'),
    csv(path, options) {
      const o = checkOptions(options, ['target', 'oneHot', 'header'], 'nn.data.csv');
      let target = o.target;
      if (target !== undefined && typeof target !== 'string') {
        if (typeof target !== 'number') {
          throw new TypeError("nn.data.csv's target is a column name or index, got " + describe(target));
        }
        target = wholeNumber(target, "nn.data.csv's target column index (negative counts from the end)", -MAX_INT);
      }
      const oneHot = bool(o.oneHot, 'oneHot', 'nn.data.csv', false);
      const header = bool(o.header, 'header', 'nn.data.csv', true);
      return new Dataset(SECRET, hdata.csv(pathArg(path, 'nn.data.csv'), target === undefined ? null : target,
        oneHot, header));
    },
    idx(imagesPath, labelsPath, options) {
      const o = checkOptions(options, ['scale'], 'nn.data.idx');
      return new Dataset(SECRET, hdata.idx(pathArg(imagesPath, 'nn.data.idx'), pathArg(labelsPath, 'nn.data.idx'),
        number(o, 'scale', 1 / 255, 'nn.data.idx')));
    },
    of(x, y) {
      if ((ArrayIsArray(x) || isTyped(x)) && x.length === 0) {
        throw new ShapeError('nn.data.of needs at least one example, got an empty x; give rows like [[0, 0], [0, 1]]');
      }
      const hx = toHostMatrix(x, 0, 'nn.data.of', 'x');
      return new Dataset(SECRET, hdata.of(hx, toHostTargets(y, hx.rows(), 'nn.data.of')));
    },
  }));
  function accuracy(net, d) {
    if (!(net instanceof Network) || !(d instanceof Dataset)) {
      throw new TypeError('nn.accuracy(net, data) expects a network and a dataset, got ' + describe(net) + ' and '
        + describe(d));
    }
    return hdata.accuracy(networkHost(net), datasetHost(d));
  }

  // ---- plot ----------------------------------------------------------------------------------------
  let chartHost;
  class Chart {
    #h;
    constructor(token, h) {
      this.#h = handleOf(token, h, 'charts are made with plot.line, plot.boundary or plot.histogram');
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
  /** Longest title or series name a chart takes: laying out a longer one took the renderer seconds per 10,000 characters. */
  const MAX_LABEL = 200;
  function label(text, what, name) {
    const t = String(text);
    if (t.length > MAX_LABEL) {
      throw new ValueError(what + "'s " + name + ' is ' + t.length + ' characters long; a chart takes at most '
        + MAX_LABEL + ' (shorten it)');
    }
    return t;
  }
  function titleOf(o, what) {
    return o.title === undefined ? '' : label(o.title, what, 'title');
  }
  const plot = ObjectFreeze(guardAll({
    line(seriesOrObject, options) {
      const o = checkOptions(options, ['title', 'width', 'height'], 'plot.line');
      const title = titleOf(o, 'plot.line');
      const names = [], ys = [];
      if (ArrayIsArray(seriesOrObject) || isTyped(seriesOrObject) || seriesOrObject instanceof Matrix) {
        ArrayPush(names, o.title === undefined ? 'y' : title);
        ArrayPush(ys, numberList(seriesOrObject, 'plot.line'));
      } else if (seriesOrObject !== null && typeof seriesOrObject === 'object') {
        const keys = ObjectKeys(seriesOrObject);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          const v = seriesOrObject[k];
          if ((ArrayIsArray(v) || isTyped(v)) && v.length > 0) {
            ArrayPush(names, label(k, 'plot.line', 'series name'));
            ArrayPush(ys, numberList(v, 'plot.line (' + k + ')'));
          }
        }
      }
      if (names.length === 0) {
        throw new TypeError('plot.line expects an array of numbers or an object of named arrays (like fit\'s history),'
          + ' got ' + describe(seriesOrObject));
      }
      return chart(hdata.line(title, names, ys, size(o, 'width', 60, 'plot.line'),
        size(o, 'height', 15, 'plot.line')));
    },
    boundary(net, d, options) {
      const o = checkOptions(options, ['title', 'width', 'height'], 'plot.boundary');
      if (!(net instanceof Network) || !(d instanceof Dataset)) {
        throw new TypeError('plot.boundary(net, data) expects a network and a dataset, got ' + describe(net) + ' and '
          + describe(d));
      }
      return chart(hdata.boundary(titleOf(o, 'plot.boundary'), networkHost(net), datasetHost(d),
        size(o, 'width', 60, 'plot.boundary'), size(o, 'height', 24, 'plot.boundary')));
    },
    histogram(values, options) {
      const o = checkOptions(options, ['title', 'bins', 'height'], 'plot.histogram');
      const list = values instanceof Param ? copyOf(values.value, values.size) : numberList(values, 'plot.histogram');
      const m = hnn.matrix(1, list.length);
      TypedArraySet(view(m.bytes(), list.length), list);
      return chart(hdata.histogram(titleOf(o, 'plot.histogram'), m, size(o, 'bins', 20, 'plot.histogram'),
        size(o, 'height', 10, 'plot.histogram')));
    },
    save(c, path) {
      if (!(c instanceof Chart)) {
        throw new TypeError('plot.save(chart, path) expects a chart from plot.line, plot.boundary or plot.histogram, got '
          + describe(c));
      }
      hdata.save(chartHost(c), pathArg(path, 'plot.save'));
      return path;
    },
  }));

