"""Golden normalized Wasserstein distances for the sketch-path accuracy test (SketchWassersteinAccuracyTests).

The samples are not stored: both sides regenerate them from SplitMix64 streams and closed-form inverse CDFs, so the
fixture holds only the case definitions and SciPy's exact value, wasserstein_distance(ref, cur) / std(ref) (ddof 0).
Python's math and .NET's Math call the same C library on Linux, so the regenerated samples agree to the last bit or
within an ulp, far below the tolerances compared.

Run with Debian's interpreter (apt-get install python3-scipy): /usr/bin/python3 generate_sketch_wasserstein.py
"""
import json
import math
import os

import numpy as np
from scipy import stats

MASK = (1 << 64) - 1
N = 100_000


def uniforms(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        yield (z >> 11) * (1.0 / (1 << 53))


def normal(u):
    return math.sqrt(-2.0 * math.log(1.0 - next(u))) * math.cos(2.0 * math.pi * next(u))


def draw(dist, a, b, u):
    if dist == "lognormal":      # a = log-mean, b = log-sd
        return math.exp(a + b * normal(u))
    if dist == "lomax":          # a = shape, b = scale
        return b * (math.pow(1.0 - next(u), -1.0 / a) - 1.0)
    if dist == "exponential":    # b = scale
        return -b * math.log(1.0 - next(u))
    if dist == "weibull":        # a = shape, b = scale
        return b * math.pow(-math.log(1.0 - next(u)), 1.0 / a)
    if dist == "normal":         # a = mean, b = sd
        return a + b * normal(u)
    if dist == "uniform":        # [a, a + b)
        return a + b * next(u)
    if dist == "student":        # a = degrees of freedom (integer), b = location; normal over sqrt(chi-square / a)
        z = normal(u)
        chi2 = sum(normal(u) ** 2 for _ in range(int(a)))
        return b + z / math.sqrt(chi2 / a)
    if dist == "bimodal":        # 30% N(-3, 1) and 70% N(2, 1), moved by b
        low = next(u) < 0.3
        return b + (normal(u) - 3.0 if low else normal(u) + 2.0)
    if dist == "counts":         # floor of an exponential with scale b: a discrete, repeated-value feature
        return math.floor(-b * math.log(1.0 - next(u)))
    raise ValueError(dist)


def sample(dist, a, b, seed):
    u = uniforms(seed)
    return np.array([draw(dist, a, b, u) for _ in range(N)])


CASES = [
    # name, dist, reference (a, b), current (a, b)
    ("lognormal, log-mean +0.05", "lognormal", (0.0, 1.0), (0.05, 1.0)),
    ("lognormal, same", "lognormal", (0.0, 1.0), (0.0, 1.0)),
    ("lognormal, log-sd 1.5, log-mean +0.2", "lognormal", (0.0, 1.5), (0.2, 1.5)),
    ("lomax 2.5, scale x1.05", "lomax", (2.5, 1.0), (2.5, 1.05)),
    ("lomax 2.5, same", "lomax", (2.5, 1.0), (2.5, 1.0)),
    ("lomax 3.5, scale x1.2", "lomax", (3.5, 1.0), (3.5, 1.2)),
    ("exponential, scale x1.05", "exponential", (0.0, 1.0), (0.0, 1.05)),
    ("weibull 0.7, scale x1.1", "weibull", (0.7, 1.0), (0.7, 1.1)),
    ("normal, mean +0.05", "normal", (0.0, 1.0), (0.05, 1.0)),
    ("normal, same", "normal", (0.0, 1.0), (0.0, 1.0)),
    ("uniform, +0.02", "uniform", (0.0, 1.0), (0.02, 1.0)),
    ("counts, scale 3 -> 3.3", "counts", (0.0, 3.0), (0.0, 3.3)),
    ("student-t 5, same", "student", (5.0, 0.0), (5.0, 0.0)),
    ("student-t 5, location +0.05", "student", (5.0, 0.0), (5.0, 0.05)),
    ("student-t 3, same", "student", (3.0, 0.0), (3.0, 0.0)),
    ("student-t 3, location +0.1", "student", (3.0, 0.0), (3.0, 0.1)),
    ("bimodal, same", "bimodal", (0.0, 0.0), (0.0, 0.0)),
    ("bimodal, +0.05", "bimodal", (0.0, 0.0), (0.0, 0.05)),
    ("normal, same (seed 2)", "normal", (0.0, 1.0), (0.0, 1.0)),
    ("normal, same (seed 3)", "normal", (0.0, 1.0), (0.0, 1.0)),
    ("normal, sd x1.05", "normal", (0.0, 1.0), (0.0, 1.05)),
    ("uniform, same", "uniform", (0.0, 1.0), (0.0, 1.0)),
    ("uniform, same (seed 2)", "uniform", (0.0, 1.0), (0.0, 1.0)),
    ("exponential, same", "exponential", (0.0, 1.0), (0.0, 1.0)),
    ("counts, same", "counts", (0.0, 3.0), (0.0, 3.0)),
    ("lognormal, log-mean +0.05 (seed 2)", "lognormal", (0.0, 1.0), (0.05, 1.0)),
    ("lomax 2.5, scale x1.05 (seed 2)", "lomax", (2.5, 1.0), (2.5, 1.05)),
]


def main():
    out = []
    for index, (name, dist, ref, cur) in enumerate(CASES):
        ref_seed, cur_seed = 1000 + 2 * index, 1001 + 2 * index
        r = sample(dist, ref[0], ref[1], ref_seed)
        c = sample(dist, cur[0], cur[1], cur_seed)
        out.append({
            "name": name, "dist": dist, "n": N,
            "reference": {"a": ref[0], "b": ref[1], "seed": ref_seed},
            "current": {"a": cur[0], "b": cur[1], "seed": cur_seed},
            "referenceMean": float(r.mean()), "referenceStd": float(r.std()),
            "wassersteinNormalized": float(stats.wasserstein_distance(r, c) / r.std()),
        })
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sketch_wasserstein.json")
    with open(path, "w") as f:
        json.dump({"generator": "generate_sketch_wasserstein.py", "scipy": __import__("scipy").__version__, "cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
