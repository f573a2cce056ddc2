#!/usr/bin/python3
"""Generate golden fixtures for ModelMonitor.Core.Statistics from SciPy/NumPy.

Run with the Debian interpreter (it sees python3-scipy / python3-numpy):

    /usr/bin/python3 tests/ModelMonitor.Core.Tests/Statistics/Fixtures/generate_fixtures.py

Every random input comes from numpy.random.default_rng with a fixed seed, but the .NET side
cannot reproduce NumPy's generators, so inputs are stored in the JSON files themselves.
Large samples are rounded to 4 decimals to keep files small (the rounding also creates
many ties, which is a useful stress on the KS tie handling).

Where SciPy has no function for a quantity (PSI, KL with the epsilon floor, quantile bins,
Benjamini-Hochberg, Wilson/Wald intervals, the pooled two-proportion z-test), the reference
is a short NumPy transcription of the documented formula, using scipy.stats.norm for the
normal distribution; statsmodels is not required.
"""

import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance
from scipy.stats import distributions
from scipy.stats._stats_py import _attempt_exact_2kssamp  # private, used only to cross-check D -> p

OUT = os.path.dirname(os.path.abspath(__file__))
MAX_AUTO_N = 10000


def write(name, payload):
    payload = {"generator": "generate_fixtures.py", "scipy": scipy.__version__, "numpy": np.__version__, **payload}
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")
    print(f"{name}: {os.path.getsize(path) / 1024:.0f} KiB")


def floats(a):
    return [float(v) for v in a]


def rounded(a, decimals=4):
    return [float(v) for v in np.round(np.asarray(a, dtype=float), decimals)]


# ---------------------------------------------------------------------------------------------
# Kolmogorov-Smirnov


def ks_dispatch(d, n1, n2):
    """ks_2samp(method='auto', alternative='two-sided') p-value dispatch given D (mirrors SciPy 1.10).

    Returns (p, method) where method records whether the exact attempt succeeded ("exact") or SciPy fell back to
    the kstwo distribution ("asymptotic"), e.g. when the exact closed form rounds to slightly above 1.
    """
    if max(n1, n2) <= MAX_AUTO_N:
        ok, d, p = _attempt_exact_2kssamp(n1, n2, math.gcd(n1, n2), d, "two-sided")
        if ok:
            return float(np.clip(p, 0, 1)), "exact"
    m, n = sorted([float(n1), float(n2)], reverse=True)
    en = m * n / (m + n)
    return float(np.clip(distributions.kstwo.sf(d, np.round(en)), 0, 1)), "asymptotic"


def ks_pvalue_from_d(d, n1, n2):
    return ks_dispatch(d, n1, n2)[0]


def ks_case(name, x, y, store=floats):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    x = np.asarray(store(x))
    y = np.asarray(store(y))
    r = stats.ks_2samp(x, y, alternative="two-sided", method="auto")
    # The D -> p helper used for the weighted/sketch fixtures must agree with ks_2samp itself.
    p, method = ks_dispatch(float(r.statistic), len(x), len(y))
    assert abs(p - r.pvalue) < 1e-15, name
    return {"name": name, "x": floats(x), "y": floats(y), "statistic": float(r.statistic),
            "pvalue": float(r.pvalue), "method": method}


def ks_small():
    rng = np.random.default_rng(20240401)
    cases = []
    for n1, n2 in [(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 3), (2, 3), (3, 5)]:
        cases.append(ks_case(f"tiny_{n1}x{n2}", rng.normal(size=n1), rng.normal(size=n2)))
    cases.append(ks_case("tiny_3x3_disjoint", [0.1, 0.2, 0.3], [1.1, 1.2, 1.3]))
    cases.append(ks_case("tiny_1x1_equal", [2.5], [2.5]))
    cases.append(ks_case("ties_int_30x40", rng.integers(0, 5, 30), rng.integers(0, 5, 40)))
    cases.append(ks_case("ties_int_50x50", rng.integers(0, 4, 50), rng.integers(1, 5, 50)))
    cases.append(ks_case("ties_int_7x13", rng.integers(0, 3, 7), rng.integers(0, 3, 13)))
    same = rng.integers(0, 6, 40)
    cases.append(ks_case("ties_identical_multiset_40x80", same, np.concatenate([same, same])))
    cases.append(ks_case("ties_across_samples_25x35", np.round(rng.normal(size=25), 1), np.round(rng.normal(size=35), 1)))
    cases.append(ks_case("constant_same_20x30", np.full(20, 3.0), np.full(30, 3.0)))
    cases.append(ks_case("constant_different_20x30", np.full(20, 3.0), np.full(30, 4.0)))
    cases.append(ks_case("constant_vs_spread_25x25", np.full(25, 0.0), rng.normal(size=25)))
    cases.append(ks_case("shift_0.5_100x120", rng.normal(size=100), rng.normal(0.5, size=120)))
    cases.append(ks_case("shift_0.2_200x200", rng.normal(size=200), rng.normal(0.2, size=200)))
    cases.append(ks_case("shift_scale_500x1000", rng.normal(size=500), rng.normal(0, 1.3, size=1000)))
    cases.append(ks_case("null_37x1000", rng.normal(size=37), rng.normal(size=1000)))
    cases.append(ks_case("null_999x1001", rng.normal(size=999), rng.normal(size=1001)))
    cases.append(ks_case("gcd12_60x84", rng.normal(size=60), rng.normal(0.3, size=84)))
    cases.append(ks_case("double_100x200", rng.normal(size=100), rng.normal(0.25, size=200)))
    cases.append(ks_case("double_200x100", rng.normal(size=200), rng.normal(size=100)))
    cases.append(ks_case("equal_250x250", rng.normal(size=250), rng.normal(0.15, size=250)))
    cases.append(ks_case("equal_250x250_null", rng.normal(size=250), rng.normal(size=250)))
    cases.append(ks_case("gcd150_300x450", rng.exponential(size=300), rng.exponential(1.2, size=450)))
    cases.append(ks_case("triple_1000x3000", rng.normal(size=1000), rng.normal(0.05, size=3000)))
    cases.append(ks_case("one_vs_many_1x500", [0.3], rng.normal(size=500)))
    cases.append(ks_case("extreme_shift_40x60", rng.normal(size=40), rng.normal(10, size=60)))
    write("ks_small.json", {"cases": cases})


def ks_large():
    rng = np.random.default_rng(7)
    cases = [
        ks_case("exact_equal_10000x10000", rng.normal(size=10000), rng.normal(0.03, size=10000), rounded),
        ks_case("exact_coprime_10000x9999", rng.normal(size=10000), rng.normal(0.02, size=9999), rounded),
        ks_case("exact_double_10000x5000", rng.normal(size=10000), rng.normal(size=5000), rounded),
        ks_case("exact_extreme_10000x1", rng.normal(size=10000), [0.5], rounded),
        ks_case("asymp_10001x10000", rng.normal(size=10001), rng.normal(0.03, size=10000), rounded),
        ks_case("asymp_10001x10001", rng.normal(size=10001), rng.normal(size=10001), rounded),
        ks_case("asymp_tiny_3x10001", rng.normal(size=3), rng.normal(size=10001), rounded),
        ks_case("asymp_small_50x20000", rng.normal(0.4, size=50), rng.normal(size=20000), rounded),
    ]
    write("ks_switch.json", {"cases": cases})
    big = [ks_case("asymp_50000x60000_null", rng.normal(size=50000), rng.normal(size=60000), rounded)]
    write("ks_very_large.json", {"cases": big})
    big = [ks_case("asymp_50000x60000_shift", rng.normal(size=50000), rng.normal(0.02, size=60000), rounded)]
    write("ks_very_large_shift.json", {"cases": big})


def kstwo_grid():
    """Survival function of the one-sample two-sided KS distribution (asymptotic branch of ks_2samp)."""
    points = []
    ns = [1, 2, 3, 4, 5, 7, 10, 20, 50, 100, 139, 140, 141, 200, 500, 1000, 2500, 5000, 5001,
          10000, 27273, 99999, 100000, 100001, 250000, 2000000]
    for n in ns:
        ds = {0.5 / n, 0.75 / n, 1.0 / n, 1.5 / n, 0.3, 0.5, 0.6, 0.9, 1.0, max(0.0, 1 - 1.0 / n), 1 - 0.5 / n}
        for z in [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.868, 0.9, 1.0, 1.1, 1.2, 1.358,
                  1.48, 1.6, 1.8, 2.0, 2.5, 3.0, 4.0, 6.0]:
            ds.add(z / math.sqrt(n))
        for d in sorted(ds):
            if 0 < d <= 1:
                points.append({"n": n, "d": float(d), "sf": float(distributions.kstwo.sf(d, n))})
    write("kstwo_sf.json", {"points": points})


def ks_pvalues_from_d():
    """p-values for arbitrary D (not a multiple of 1/lcm), as a sketch would produce."""
    rng = np.random.default_rng(99)
    points = []
    sizes = [(5, 7), (20, 20), (100, 250), (1000, 1000), (800, 10000), (10000, 10000),
             (10000, 10001), (12345, 54321), (200000, 300000), (3, 40000)]
    for n1, n2 in sizes:
        for d in np.concatenate([rng.uniform(0, 0.2, 4), rng.uniform(0, 1, 2), [1.0 / math.sqrt(min(n1, n2))]]):
            d = float(min(d, 1.0))
            p, method = ks_dispatch(d, n1, n2)
            points.append({"d": d, "n1": n1, "n2": n2, "pvalue": p, "method": method})
    # Edge points: h = 1 on the n = m lattice, where the exact closed form gives 1 + 2^-52 and SciPy falls back
    # to the asymptotic distribution; D = 0; D = 1 for tiny and large samples.
    for d, n1, n2 in [(1e-4, 10000, 10000), (0.1, 10, 10), (0.0, 50, 70), (1.0, 1, 1), (1.0, 3, 4), (1.0, 20000, 30000)]:
        p, method = ks_dispatch(d, n1, n2)
        points.append({"d": d, "n1": n1, "n2": n2, "pvalue": p, "method": method})
    write("ks_pvalue_from_d.json", {"points": points})


def weighted_ecdf_d(xv, xw, yv, yw):
    allv = np.unique(np.concatenate([xv, yv]))
    cx = np.concatenate([[0.0], np.cumsum(xw)])
    cy = np.concatenate([[0.0], np.cumsum(yw)])
    fx = cx[np.searchsorted(xv, allv, side="right")] / cx[-1]
    fy = cy[np.searchsorted(yv, allv, side="right")] / cy[-1]
    return float(np.max(np.abs(fx - fy)))


def ks_weighted():
    rng = np.random.default_rng(31)
    cases = []
    # Integer weights: D and p must equal ks_2samp on the expanded samples.
    for name, nx, ny, shift in [("int_weights_null", 40, 55, 0.0), ("int_weights_shift", 60, 45, 0.6),
                                ("int_weights_small", 3, 4, 0.0), ("int_weights_large", 300, 400, 0.1)]:
        xv = np.unique(np.round(rng.normal(size=nx), 2))
        yv = np.unique(np.round(rng.normal(shift, size=ny), 2))
        xw = rng.integers(1, 6, len(xv)).astype(float)
        yw = rng.integers(1, 6, len(yv)).astype(float)
        r = stats.ks_2samp(np.repeat(xv, xw.astype(int)), np.repeat(yv, yw.astype(int)))
        assert abs(weighted_ecdf_d(xv, xw, yv, yw) - r.statistic) < 1e-14
        cases.append({"name": name, "x": floats(xv), "x_weights": floats(xw), "y": floats(yv), "y_weights": floats(yw),
                      "statistic": float(r.statistic), "pvalue": float(r.pvalue),
                      "n1": int(xw.sum()), "n2": int(yw.sum())})
    # Fractional weights (sketch-like): NumPy weighted ECDFs; p from the same dispatch.
    for name, nx, ny, shift in [("frac_weights_null", 150, 180, 0.0), ("frac_weights_shift", 200, 220, 0.3)]:
        xv = np.sort(rng.normal(size=nx))
        yv = np.sort(rng.normal(shift, size=ny))
        xw = rng.uniform(1, 50, nx)
        yw = rng.uniform(1, 50, ny)
        d = weighted_ecdf_d(xv, xw, yv, yw)
        n1, n2 = int(round(xw.sum())), int(round(yw.sum()))
        cases.append({"name": name, "x": floats(xv), "x_weights": floats(xw), "y": floats(yv), "y_weights": floats(yw),
                      "statistic": d, "pvalue": ks_pvalue_from_d(d, n1, n2), "n1": n1, "n2": n2})
    write("ks_weighted.json", {"cases": cases})


# ---------------------------------------------------------------------------------------------
# Chi-square test of homogeneity


def chi2_case(name, ref, cur):
    table = np.array([ref, cur], dtype=float)
    keep = table.sum(axis=0) > 0
    reduced = table[:, keep]
    if reduced.shape[1] < 2 or np.any(reduced.sum(axis=1) == 0):
        # SciPy raises (zero expected frequency) or returns dof 0; our documented result.
        stat, dof, p = 0.0, 0, 1.0
        if reduced.shape[1] == 1 and np.all(reduced.sum(axis=1) > 0):
            r = stats.chi2_contingency(reduced, correction=False)
            assert r[0] == 0.0 and r[1] == 1.0 and r[2] == 0
    else:
        stat, p, dof, _ = stats.chi2_contingency(reduced, correction=False)
    return {"name": name, "reference": floats(ref), "current": floats(cur), "statistic": float(stat),
            "dof": int(dof), "pvalue": float(p)}


def chi2():
    rng = np.random.default_rng(5)
    cases = [
        chi2_case("two_categories", [30, 70], [45, 55]),
        chi2_case("three_categories_null", [100, 200, 300], [110, 190, 305]),
        chi2_case("zero_in_current_row", [50, 30, 20], [60, 40, 0]),
        chi2_case("zero_in_reference_row", [50, 30, 0], [60, 40, 5]),
        chi2_case("zero_both_rows_dropped", [50, 0, 30, 20], [60, 0, 35, 10]),
        chi2_case("single_nonempty_category", [0, 40, 0], [0, 25, 0]),
        chi2_case("all_empty", [0, 0], [0, 0]),
        chi2_case("empty_current_window", [10, 20, 30], [0, 0, 0]),
        chi2_case("unequal_totals", [5, 7, 9, 11], [500, 700, 900, 1300]),
        chi2_case("strong_shift_tiny_p", [5000, 3000, 2000], [2000, 3000, 5000]),
        chi2_case("huge_shift_underflow_region", [90000, 10000], [10000, 90000]),
        chi2_case("fractional_counts", [10.5, 20.25, 3.75], [11.0, 15.5, 8.5]),
        chi2_case("many_categories",
                  rng.integers(0, 50, 60).astype(float).tolist(), rng.integers(0, 50, 60).astype(float).tolist()),
        chi2_case("tiny_counts", [1, 0, 1], [0, 1, 1]),
    ]
    write("chi2.json", {"cases": cases})


# ---------------------------------------------------------------------------------------------
# Distribution distances

EPS = 1e-4


def smooth(p):
    p = np.asarray(p, dtype=float)
    p = p / p.sum()
    p = np.maximum(p, EPS)
    return p / p.sum()


def psi(ref, cur):
    r, c = smooth(ref), smooth(cur)
    return float(np.sum((c - r) * np.log(c / r)))


def kl(p, q):
    p, q = smooth(p), smooth(q)
    return float(np.sum(p * np.log(p / q)))


def distances():
    rng = np.random.default_rng(11)
    pairs = [
        ("identical", [0.25, 0.25, 0.5], [0.25, 0.25, 0.5]),
        ("counts_not_normalized", [10, 20, 30, 40], [12, 18, 33, 37]),
        ("disjoint_support", [1, 0], [0, 1]),
        ("zero_in_current", [0.2, 0.3, 0.5], [0.0, 0.5, 0.5]),
        ("zero_in_reference", [0.0, 0.4, 0.6], [0.1, 0.4, 0.5]),
        ("scipy_doc_example", [1.0, 0.0], [0.5, 0.5]),
        ("binary", [0.9, 0.1], [0.8, 0.2]),
        ("ten_bins_random", rng.dirichlet(np.ones(10)).tolist(), rng.dirichlet(np.ones(10)).tolist()),
        ("fifty_bins_sparse", (rng.integers(0, 3, 50) * rng.integers(0, 100, 50)).tolist(),
         (rng.integers(0, 3, 50) * rng.integers(0, 100, 50)).tolist()),
    ]
    cases = []
    for name, p, q in pairs:
        cases.append({"name": name, "reference": floats(p), "current": floats(q),
                      "jensen_shannon": float(distance.jensenshannon(p, q)),
                      "psi": psi(p, q), "kl_reference_current": kl(p, q), "kl_current_reference": kl(q, p)})
    write("distances.json", {"epsilon": EPS, "cases": cases})


def quantile_edges(sorted_ref, bins):
    n = len(sorted_ref)
    # Inverted-CDF ("type 1") quantile with exact integer arithmetic: x_(ceil(k n / B)).
    edges = [float(sorted_ref[(k * n + bins - 1) // bins - 1]) for k in range(1, bins)]
    out = []
    for e in edges:
        if not out or e > out[-1]:
            out.append(e)
    return out


def binning():
    rng = np.random.default_rng(13)
    cases = []
    specs = [
        ("normal_10_bins", np.round(rng.normal(size=1000), 3), np.round(rng.normal(0.3, size=800), 3), 10),
        ("ties_5_bins", rng.integers(0, 4, 200).astype(float), rng.integers(0, 5, 150).astype(float), 5),
        ("constant_reference", np.full(100, 2.0), np.round(rng.normal(2, 0.1, 50), 2), 10),
        ("constant_both", np.full(100, 2.0), np.full(40, 2.0), 10),
        ("small_reference", np.array([3.0, 1.0, 2.0]), np.array([0.5, 1.0, 2.5, 3.0, 9.0]), 10),
        ("current_outside_range", np.round(rng.uniform(0, 1, 300), 3), np.round(rng.uniform(2, 3, 100), 3), 4),
    ]
    for name, ref, cur, bins in specs:
        sref = np.sort(ref)
        edges = quantile_edges(sref, bins)
        # Right-closed bins (e_{k-1}, e_k], open at both ends: index = #edges strictly below x.
        ref_counts = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1)
        cur_counts = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1)
        rp = ref_counts / ref_counts.sum()
        cp = cur_counts / cur_counts.sum()
        cases.append({"name": name, "reference": floats(ref), "current": floats(cur), "bins": bins,
                      "edges": edges, "reference_proportions": floats(rp), "current_proportions": floats(cp),
                      "psi": psi(rp, cp), "jensen_shannon": float(distance.jensenshannon(rp, cp))})
    write("binning.json", {"epsilon": EPS, "cases": cases})


# ---------------------------------------------------------------------------------------------
# Wasserstein-1


def wasserstein():
    rng = np.random.default_rng(17)
    cases = []

    def add(name, u, v, uw=None, vw=None, store=floats):
        u, v = np.asarray(store(u)), np.asarray(store(v))
        w = stats.wasserstein_distance(u, v, uw, vw)
        std = float(np.sqrt(np.cov(u, aweights=uw, ddof=0))) if uw is not None else float(np.std(u))
        cases.append({"name": name, "u": floats(u), "v": floats(v),
                      "u_weights": None if uw is None else floats(uw), "v_weights": None if vw is None else floats(vw),
                      "distance": float(w), "reference_std": std, "normalized": float(w / max(std, 0.001))})

    add("scipy_doc_1", [0, 1, 3], [5, 6, 8])
    add("scipy_doc_weighted", [0, 1], [0, 1], [3, 1], [2, 2])
    add("scipy_doc_weighted_2", [3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5])
    add("tiny_1x1", [1.5], [4.0])
    add("ties", rng.integers(0, 5, 30), rng.integers(0, 5, 45))
    add("shift_normal", rng.normal(size=500), rng.normal(0.7, size=700))
    add("constant_reference_same", np.full(10, 2.0), np.full(20, 2.0))
    add("constant_reference_shift", np.full(10, 2.0), np.full(20, 2.5))
    add("constant_reference_tiny_shift", np.full(10, 2.0), np.full(20, 2.0001))
    add("weighted_random", rng.normal(size=200), rng.normal(0.2, size=150), rng.uniform(0, 5, 200), rng.uniform(0.1, 3, 150))
    add("large_unequal", rng.normal(size=20000), rng.normal(0.05, 1.1, size=30000), store=rounded)
    write("wasserstein.json", {"std_floor": 0.001, "cases": cases})


# ---------------------------------------------------------------------------------------------
# Two-proportion z-test, multiple testing, confidence intervals


def ztests():
    cases = []
    for ref_s, ref_n, cur_s, cur_n in [(50, 100, 60, 100), (10, 1000, 25, 1000), (480, 1000, 520, 1000),
                                       (0, 10, 3, 10), (1, 1, 0, 1), (300, 400, 100, 400), (5, 200, 5, 50),
                                       (49999, 100000, 50500, 100000), (1, 1000000, 900000, 1000000)]:
        p_ref, p_cur = ref_s / ref_n, cur_s / cur_n
        pooled = (ref_s + cur_s) / (ref_n + cur_n)
        se = math.sqrt(pooled * (1 - pooled) * (1 / ref_n + 1 / cur_n))
        z = (p_cur - p_ref) / se
        p = float(stats.norm.sf(abs(z)) * 2)
        cases.append({"reference_successes": ref_s, "reference_total": ref_n, "current_successes": cur_s,
                      "current_total": cur_n, "z": z, "pvalue": p})
    write("ztest.json", {"cases": cases})


def bh(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="mergesort")
    ecdf = np.arange(1, m + 1) / float(m)
    raw = p[order] / ecdf
    adj = np.minimum.accumulate(raw[::-1])[::-1]
    adj = np.minimum(adj, 1.0)
    out = np.empty(m)
    out[order] = adj
    return out


def multiple_testing():
    rng = np.random.default_rng(23)
    inputs = [
        [0.01, 0.04, 0.03, 0.005],
        [0.5],
        [0.001, 0.001, 0.2, 0.2, 0.9],
        [0.04, 0.03, 0.02, 0.01, 0.05, 0.06],
        [1.0, 0.0, 0.5, 0.5],
        rng.uniform(0, 0.1, 25).tolist(),
        rng.uniform(0, 1, 50).tolist(),
    ]
    cases = [{"pvalues": floats(p), "bonferroni": floats(np.minimum(np.asarray(p) * len(p), 1.0)),
              "benjamini_hochberg": floats(bh(p))} for p in inputs]
    write("multiple_testing.json", {"cases": cases})


def proportion_cis():
    cases = []
    for s, n, conf in [(81, 263, 0.95), (0, 10, 0.95), (10, 10, 0.95), (1, 2, 0.9), (15, 148, 0.99),
                       (500, 1000, 0.95), (3, 30, 0.8), (1, 1, 0.95)]:
        alpha = 1 - conf
        z = float(stats.norm.isf(alpha / 2))
        q = s / n
        se = math.sqrt(q * (1 - q) / n)
        wald = (max(0.0, q - z * se), min(1.0, q + z * se))
        denom = 1 + z * z / n
        center = (q + z * z / (2 * n)) / denom
        half = z * math.sqrt(q * (1 - q) / n + z * z / (4 * n * n)) / denom
        wilson = (center - half, center + half)
        cases.append({"successes": s, "trials": n, "confidence": conf, "z": z,
                      "wilson": list(wilson), "wald": list(wald)})
    write("proportion_ci.json", {"cases": cases})


def main():
    if not scipy.__version__.startswith("1.10"):
        print(f"warning: fixtures were validated against SciPy 1.10; found {scipy.__version__}", file=sys.stderr)
    ks_small()
    ks_large()
    kstwo_grid()
    ks_pvalues_from_d()
    ks_weighted()
    chi2()
    distances()
    binning()
    wasserstein()
    ztests()
    multiple_testing()
    proportion_cis()


if __name__ == "__main__":
    main()
