#!/usr/bin/env python3
"""Writes W2PlainF.java, the float[] twin of W2Plain.java, from W2Plain.java: the same loops with float for double
(one source for both, so they cannot drift apart), the weights narrowed from the float64 init files once.
usage: python3 w2/float_twin.py OUT_DIR   (then javac OUT_DIR/W2PlainF.java; see ../README.md)"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# (old, new, how many times): every edit must apply exactly as often as stated, or the twin is not written
EDITS = [
    ("W2Plain.java", "W2PlainF.java", 1),
    ("W2Plain ", "W2PlainF ", 2),
    ("static final double LR = 0.1;", "static final float LR = 0.1f;", 1),
    ("double[]", "float[]", 16),
    ("new double[", "new float[", 22),
    ("double a = ", "float a = ", 2),
    ("ci + n, 0.0)", "ci + n, 0f)", 1),
    ("cp + n, 0.0)", "cp + n, 0f)", 1),
    ("fill(db[l], 0.0)", "fill(db[l], 0f)", 1),
    ("double mx = Double.NEGATIVE_INFINITY", "float mx = Float.NEGATIVE_INFINITY", 1),
    ("double e = Math.exp(z3[i * 10 + j] - mx)", "float e = (float) Math.exp(z3[i * 10 + j] - mx)", 1),
    ("-= 1.0;", "-= 1.0f;", 1),
    ("] = (xtr[i] & 0xff) / 255.0;", "] = (float) ((xtr[i] & 0xff) / 255.0);", 1),
    ("] = (xte[i] & 0xff) / 255.0;", "] = (float) ((xte[i] & 0xff) / 255.0);", 1),
    ("W[l] = new float[S[l] * S[l + 1]]; le(\"W\" + (l + 1) + \".f64\").asDoubleBuffer().get(W[l]);",
     "W[l] = narrow(le(\"W\" + (l + 1) + \".f64\"), S[l] * S[l + 1]);", 1),
    ("b[l] = new float[S[l + 1]]; le(\"b\" + (l + 1) + \".f64\").asDoubleBuffer().get(b[l]);",
     "b[l] = narrow(le(\"b\" + (l + 1) + \".f64\"), S[l + 1]);", 1),
    ("    static void transpose(", "    static float[] narrow(ByteBuffer bb, int n) {\n"
     "        double[] d = new double[n]; bb.asDoubleBuffer().get(d);\n"
     "        float[] f = new float[n]; for (int i = 0; i < n; i++) f[i] = (float) d[i];\n"
     "        return f;\n    }\n\n    static void transpose(", 1),
    ("\" double, 1 thread\"", "\" float, 1 thread\"", 1),
    ("// W2 Fashion-MNIST", "// W2PlainF: float[] twin of W2Plain.java (generated from it by a text substitution; same loops).\n"
     "// W2 Fashion-MNIST", 1),
]


def twin(source):
    out = source
    for old, new, times in EDITS:
        found = out.count(old)
        if found != times:
            raise SystemExit(f"float_twin.py: W2Plain.java has {found} of {old!r}, expected {times}: update EDITS")
        out = out.replace(old, new)
    return out


if __name__ == "__main__":
    with open(os.path.join(HERE, "W2Plain.java")) as f:
        text = twin(f.read())
    os.makedirs(sys.argv[1], exist_ok=True)
    with open(os.path.join(sys.argv[1], "W2PlainF.java"), "w") as f:
        f.write(text)
