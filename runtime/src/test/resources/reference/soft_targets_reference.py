#!/usr/bin/python3
"""Independent reference for losses with soft targets, computed with PyTorch autograd in float64.

Run from anywhere:  /usr/bin/python3 soft_targets_reference.py
It (re)writes soft_targets_reference.json beside itself: for each case the logits z [B, K], the targets
y [B, K], the batch-mean loss L and the per-example delta B·∂L/∂z (row-major), for
  crossEntropy  torch.nn.functional.cross_entropy(z, y) with probability targets (rows summing to 1 or not)
  bce           torch.nn.functional.binary_cross_entropy_with_logits(z, y) with targets in [0, 1]
"""
import json
import os

import torch
import torch.nn.functional as F

D = torch.float64
HERE = os.path.dirname(os.path.abspath(__file__))

Z = [[0.3, -1.2, 2.0], [-0.5, 0.0, 0.7], [4.0, -3.0, 0.1], [1.0, 1.0, 1.0]]
CASES = [
    ("crossEntropy", "probabilities", Z, [[0.2, 0.3, 0.5], [0.7, 0.2, 0.1], [0, 0.25, 0.75], [1 / 3, 1 / 3, 1 / 3]]),
    ("crossEntropy", "rows not summing to 1", Z, [[0.5, 0.5, 0.5], [0, 0, 0], [2.0, 0, 0.1], [0.1, 0.2, 0.3]]),
    ("bce", "soft targets", Z, [[0.2, 0.9, 0.5], [0.7, 0.0, 1.0], [0.25, 0.5, 0.75], [0.5, 0.5, 0.5]]),
]


def case(loss, name, z_rows, y_rows):
    z = torch.tensor(z_rows, dtype=D, requires_grad=True)
    y = torch.tensor(y_rows, dtype=D)
    if loss == "crossEntropy":
        value = F.cross_entropy(z, y)
    else:
        value = F.binary_cross_entropy_with_logits(z, y)
    value.backward()
    batch = z.shape[0]
    return {
        "loss": loss,
        "name": name,
        "rows": batch,
        "cols": z.shape[1],
        "z": [v for r in z_rows for v in r],
        "y": [v for r in y_rows for v in r],
        "value": value.item(),
        "delta": (batch * z.grad).flatten().tolist(),
    }


doc = {
    "generator": f"PyTorch {torch.__version__} autograd, float64 (soft_targets_reference.py)",
    "cases": [case(*c) for c in CASES],
}
with open(os.path.join(HERE, "soft_targets_reference.json"), "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
