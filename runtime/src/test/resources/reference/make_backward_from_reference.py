#!/usr/bin/python3
"""Reference values for net.backwardFrom, net.inputGrad and a custom (swish) activation, computed with
PyTorch autograd in float64 (independent of the runtime).

Run from anywhere:  /usr/bin/python3 make_backward_from_reference.py
It (re)writes backward_from_reference.json beside itself with three cases, each a net with its weights
(drawn here), a batch x and:
  softmax   [3, 4, 5, 3] tanh, relu, softmax output; a gradient g = ∂L/∂ŷ [4, 3] given as is
            (L = Σ ŷ ⊙ g, so nothing is averaged): ∂L/∂p and ∂L/∂x
  mse       [3, 4, 2] sigmoid, identity output, loss 'mse' (torch MSELoss) against y: the batch-mean
            loss's ∂L/∂p and ∂L/∂x (what net.backward and then net.inputGrad give)
  swish     [2, 3, 1] swish (z·σ(z)) hidden, identity output; g [5, 1]: ∂L/∂p and ∂L/∂x
Conventions as make_references.py: W is [outputs, inputs], z = x·Wᵀ + b, everything flattened row-major.
"""
import json
import os

import torch

torch.set_num_threads(1)
D = torch.float64
HERE = os.path.dirname(os.path.abspath(__file__))
GEN = f"PyTorch {torch.__version__} autograd, float64 (make_backward_from_reference.py)"


def flat(t):
    return t.detach().reshape(-1).tolist()


def draw(gen, sizes):
    ps = []
    for i in range(len(sizes) - 1):
        ps.append(((torch.rand(sizes[i + 1], sizes[i], generator=gen, dtype=D) * 2 - 1).requires_grad_(),
                   (torch.rand(sizes[i + 1], generator=gen, dtype=D) * 2 - 1).requires_grad_()))
    return ps


def act(name, z):
    return {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid, "identity": lambda t: t,
            "softmax": lambda t: torch.softmax(t, dim=1), "swish": lambda t: t * torch.sigmoid(t)}[name](z)


def case(seed, sizes, acts, batch, loss):
    gen = torch.Generator().manual_seed(seed)
    ps = draw(gen, sizes)
    x = (torch.rand(batch, sizes[0], generator=gen, dtype=D) * 2 - 1).requires_grad_()
    a = x
    for (W, b), name in zip(ps, acts):
        a = act(name, a @ W.T + b)
    out = {"sizes": sizes, "activations": acts, "x": flat(x),
           "params": {f"{k}{i + 1}": flat(t) for i, (W, b) in enumerate(ps) for k, t in (("W", W), ("b", b))}}
    if loss == "mse":
        y = torch.rand(batch, sizes[-1], generator=gen, dtype=D)
        L = torch.nn.functional.mse_loss(a, y)
        out["y"] = flat(y)
        out["loss"] = L.item()
    else:
        g = torch.rand(batch, sizes[-1], generator=gen, dtype=D) * 2 - 1
        L = (a * g).sum()  # ∂L/∂ŷ = g exactly
        out["grad"] = flat(g)
    L.backward()
    out["yhat"] = flat(a)
    out["grads"] = {f"{k}{i + 1}": flat(t.grad) for i, (W, b) in enumerate(ps) for k, t in (("W", W), ("b", b))}
    out["inputGrad"] = flat(x.grad)
    return out


doc = {
    "generator": GEN,
    "softmax": case(11, [3, 4, 5, 3], ["tanh", "relu", "softmax"], 4, None),
    "mse": case(12, [3, 4, 2], ["sigmoid", "identity"], 6, "mse"),
    "swish": case(13, [2, 3, 1], ["swish", "identity"], 5, None),
}
with open(os.path.join(HERE, "backward_from_reference.json"), "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
