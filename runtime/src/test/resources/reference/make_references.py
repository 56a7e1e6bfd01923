#!/usr/bin/python3
"""Independent reference values for the runtime's tests, computed with PyTorch autograd in float64.

Run from anywhere:  /usr/bin/python3 make_references.py
It (re)writes, beside itself:
  toy_reference.json        the lesson's 2-2-1 sigmoid net: one forward/backward/step, and 1000 XOR steps
                            (bench/peers/check_toy.py checks the peers against it too)
  optimizer_reference.json  a 3-layer net [3, 5, 4, 2] (tanh, relu, sigmoid output, loss mse) trained for
                            3 steps on 3 fixed batches by torch.optim.SGD (momentum; momentum + weight decay)
                            and torch.optim.Adam; the loss before each step and every parameter after it
  deep_reference.json       forward/backward of 4-layer nets with batch 5: z, a, per-example δ, ∂L/∂p, lossValue
  rng_reference.json        SplitMix64 written out here from the published algorithm, and the first weights
                            it gives a seeded network (xavier and he uniform), for the determinism test

Conventions (as the runtime and PyTorch's nn.Linear): W is [outputs, inputs], z = x·Wᵀ + b, flattened
row-major. Losses: 'squared' = mean over the batch of ½Σ(ŷ−y)²; 'mse' = torch MSELoss (mean over all
elements); 'bce' = BCEWithLogitsLoss on z; 'crossEntropy' = torch CrossEntropyLoss on z (softmax fused).
Per-example δ = ∂Lᵢ/∂zᵢ = B·∂L/∂z for a batch-mean loss L. Weights are drawn here (torch.Generator,
seeded) and stored in the JSON, so the Java tests load them and never depend on matching torch's RNG.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
D = torch.float64
HERE = os.path.dirname(os.path.abspath(__file__))
GEN = f"PyTorch {torch.__version__} autograd, float64 (make_references.py)"


def write(name, doc):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def flat(t):
    return t.detach().reshape(-1).tolist()


# ---------------------------------------------------------------- toy (the lesson)
def toy():
    init = dict(W1=[[0.15, 0.20], [0.25, 0.30]], b1=[0.35, 0.35], W2=[0.40, 0.45], b2=0.60)
    lr = 0.5

    def params():
        return {k: torch.tensor(v, dtype=D, requires_grad=True) for k, v in init.items()}

    def fwd(p, x, y):
        h = torch.sigmoid(p["W1"] @ x + p["b1"])
        yhat = torch.sigmoid(p["W2"] @ h + p["b2"])
        return yhat, 0.5 * (yhat - y) ** 2

    p = params()
    x, y = torch.tensor([0.5, 0.9], dtype=D), torch.tensor(1.0, dtype=D)
    yhat, loss = fwd(p, x, y)
    loss.backward()
    ref = {"yhat": yhat.item(), "loss": loss.item(),
           "dW1": p["W1"].grad.flatten().tolist(), "db1": p["b1"].grad.tolist(),
           "dW2": p["W2"].grad.tolist(), "db2": p["b2"].grad.item()}
    with torch.no_grad():
        p["W1"] -= lr * p["W1"].grad
        p["W2"] -= lr * p["W2"].grad
        y2, l2 = fwd(p, x, y)
    ref["yhat_after"], ref["loss_after"] = y2.item(), l2.item()

    p = params()
    xor = [([0.0, 0.0], 0.0), ([0.0, 1.0], 1.0), ([1.0, 0.0], 1.0), ([1.0, 1.0], 0.0)]
    data = [(torch.tensor(a, dtype=D), torch.tensor(b, dtype=D)) for a, b in xor]
    for s in range(1000):
        xx, yy = data[s % 4]
        _, loss = fwd(p, xx, yy)
        for t in p.values():
            t.grad = None
        loss.backward()
        with torch.no_grad():
            for t in p.values():
                t -= lr * t.grad
    with torch.no_grad():
        ref["xor_1000"] = sum(fwd(p, xx, yy)[1].item() for xx, yy in data) / 4
    ref["_generated_by"] = f"PyTorch {torch.__version__} autograd, float64"
    write("toy_reference.json", ref)


# ---------------------------------------------------------------- general nets
ACT = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
       "leakyRelu": lambda z: F.leaky_relu(z, 0.01), "identity": lambda z: z,
       "softmax": lambda z: torch.softmax(z, dim=1)}


def draw_weights(sizes, gen):
    ws = []
    for i in range(len(sizes) - 1):
        bound = 1.0 / math.sqrt(sizes[i])
        ws.append((torch.rand(sizes[i + 1], sizes[i], generator=gen, dtype=D) * 2 - 1) * bound)
        ws.append((torch.rand(sizes[i + 1], generator=gen, dtype=D) * 2 - 1) * bound)
    return ws


def forward(params, acts, x):
    zs, As = [], []
    a = x
    for l, act in enumerate(acts):
        z = a @ params[2 * l].T + params[2 * l + 1]
        z.retain_grad()
        a = ACT[act](z)
        zs.append(z)
        As.append(a)
    return zs, As


def loss_of(name, z, a, y):
    if name == "squared":
        return 0.5 * ((a - y) ** 2).sum(dim=1).mean()
    if name == "mse":
        return F.mse_loss(a, y)
    if name == "bce":
        return F.binary_cross_entropy_with_logits(z, y)
    if name == "crossEntropy":
        return F.cross_entropy(z, y.argmax(dim=1))
    raise ValueError(name)


def net_doc(sizes, acts, loss, params):
    return {"sizes": sizes, "activations": acts, "loss": loss,
            "init": {("W" if i % 2 == 0 else "b") + str(i // 2 + 1): flat(p) for i, p in enumerate(params)}}


# ---------------------------------------------------------------- optimizers
def optimizers():
    gen = torch.Generator().manual_seed(2024)
    sizes, acts, loss = [3, 5, 4, 2], ["tanh", "relu", "sigmoid"], "mse"
    init = draw_weights(sizes, gen)
    batches = [(torch.rand(4, 3, generator=gen, dtype=D) * 2 - 1, torch.rand(4, 2, generator=gen, dtype=D))
               for _ in range(3)]
    doc = {"net": net_doc(sizes, acts, loss, init),
           "batches": [{"x": flat(x), "y": flat(y), "rows": 4} for x, y in batches],
           "runs": []}
    setups = [
        ("sgd", dict(lr=0.1, momentum=0.9, weight_decay=0.0)),
        ("sgd", dict(lr=0.1, momentum=0.9, weight_decay=0.01)),
        ("adam", dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
    ]
    for kind, opts in setups:
        params = [p.clone().requires_grad_(True) for p in init]
        opt = torch.optim.SGD(params, **opts) if kind == "sgd" else torch.optim.Adam(params, **opts)
        steps = []
        for x, y in batches:
            opt.zero_grad()
            zs, As = forward(params, acts, x)
            l = loss_of(loss, zs[-1], As[-1], y)
            l.backward()
            opt.step()
            steps.append({"loss": l.item(),
                          "params": {("W" if i % 2 == 0 else "b") + str(i // 2 + 1): flat(p)
                                     for i, p in enumerate(params)}})
        options = {k: (list(v) if isinstance(v, tuple) else v) for k, v in opts.items()}
        doc["runs"].append({"optimizer": kind, "options": options, "steps": steps})
    doc["_generated_by"] = GEN
    write("optimizer_reference.json", doc)


# ---------------------------------------------------------------- deeper nets
def deep():
    gen = torch.Generator().manual_seed(7)
    cases = [
        ("softmaxCrossEntropy", [4, 6, 5, 4, 3], ["tanh", "relu", "leakyRelu", "softmax"], "crossEntropy"),
        ("sigmoidBce", [4, 6, 5, 4, 3], ["sigmoid", "tanh", "identity", "sigmoid"], "bce"),
    ]
    doc = {"cases": []}
    for name, sizes, acts, loss in cases:
        params = [p.requires_grad_(True) for p in draw_weights(sizes, gen)]
        x = torch.randn(5, sizes[0], generator=gen, dtype=D)
        if loss == "crossEntropy":
            classes = torch.tensor([0, 2, 1, 2, 0])
            y = F.one_hot(classes, sizes[-1]).to(D)
        else:
            classes = None
            y = (torch.rand(5, sizes[-1], generator=gen, dtype=D) > 0.5).to(D)
        zs, As = forward(params, acts, x)
        l = loss_of(loss, zs[-1], As[-1], y)
        l.backward()
        case = net_doc(sizes, acts, loss, params)
        case.update({"name": name, "rows": 5, "x": flat(x), "y": flat(y), "lossValue": l.item(),
                     "z": [flat(z) for z in zs], "a": [flat(a) for a in As],
                     "delta": [flat(z.grad * 5) for z in zs],
                     "grads": {("W" if i % 2 == 0 else "b") + str(i // 2 + 1): flat(p.grad)
                               for i, p in enumerate(params)}})
        if classes is not None:
            case["classes"] = classes.tolist()
        doc["cases"].append(case)
    doc["_generated_by"] = GEN
    write("deep_reference.json", doc)


# ---------------------------------------------------------------- SplitMix64
MASK = (1 << 64) - 1


class SplitMix64:
    """Steele, Lea, Flood (2014); constants from the paper / java.util.SplittableRandom."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53


def signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v


def rng():
    r = SplitMix64(42)
    longs = [signed(r.next_long()) for _ in range(5)]
    r = SplitMix64(42)
    doubles = [r.next_double() for _ in range(5)]
    nets = []
    for sizes, init, seed in [([2, 3, 1], "xavier", 7), ([3, 4, 2], "he", 123456789)]:
        r = SplitMix64(seed)
        weights = {}
        for l in range(len(sizes) - 1):
            fan_in, fan_out = sizes[l], sizes[l + 1]
            a = math.sqrt(6.0 / (fan_in + fan_out)) if init == "xavier" else math.sqrt(6.0 / fan_in)
            weights["W" + str(l + 1)] = [-a + (a - -a) * r.next_double() for _ in range(fan_in * fan_out)]
        nets.append({"sizes": sizes, "init": init, "seed": seed, "weights": weights})
    write("rng_reference.json", {"seed42": {"longs": longs, "doubles": doubles}, "nets": nets,
                                 "_generated_by": "SplitMix64 in plain Python (make_references.py)"})


if __name__ == "__main__":
    toy()
    optimizers()
    deep()
    rng()
