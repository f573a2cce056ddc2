#!/usr/bin/python3
"""Golden p-values for ModelMonitor.Core.Statistics.RateIncreaseTest from SciPy.

Run with the Debian interpreter (it sees python3-scipy):

    /usr/bin/python3 tests/ModelMonitor.Core.Tests/Statistics/Fixtures/generate_rate_fixtures.py

Fisher: scipy.stats.fisher_exact([[kc, nc - kc], [kr, nr - kr]], alternative='greater').
Binomial: scipy.stats.binomtest(k, n, p, alternative='greater').pvalue.
Edge cases: zero counts, all counts, tiny n, empty sides, and hourly-window sizes with rare NaNs.
"""

import json
import os

import scipy
from scipy import stats

OUT = os.path.dirname(os.path.abspath(__file__))


def fisher_cases():
    grid = [
        # (reference successes, reference total, current successes, current total)
        (0, 10, 0, 10), (0, 10, 10, 10), (10, 10, 10, 10), (10, 10, 0, 10), (0, 1, 1, 1), (1, 1, 1, 1),
        (0, 1, 0, 1), (0, 0, 0, 5), (3, 5, 0, 0), (0, 0, 0, 0), (1, 2, 2, 3), (0, 5, 1, 1),
        (42, 10000, 5, 1000), (42, 10000, 9, 1000), (42, 10000, 20, 1000), (0, 10000, 1, 1000),
        (0, 10000, 3, 400), (5, 100000, 40, 4000), (420, 100000, 170, 40000), (4200, 100000, 480, 10000),
        (30000, 100000, 3300, 10000), (30000, 100000, 2800, 10000), (1, 500, 500, 500), (500, 500, 1, 500),
        (12, 50, 7, 20), (100, 1000000, 30, 50000), (0, 2000000, 0, 100000), (250000, 1000000, 30000, 100000),
    ]
    cases = []
    for kr, nr, kc, nc in grid:
        if nr == 0 or nc == 0:
            p = 1.0  # no table to test; the C# side defines it as 1
        else:
            p = float(stats.fisher_exact([[kc, nc - kc], [kr, nr - kr]], alternative="greater")[1])
            p = min(p, 1.0)
        cases.append({"reference_successes": kr, "reference_total": nr, "current_successes": kc, "current_total": nc, "pvalue": p})
    return cases


def binomial_cases():
    grid = [
        (0, 10, 0.1), (10, 10, 0.1), (1, 1, 0.5), (0, 1, 0.5), (3, 100, 0.01), (1, 100, 0.01), (50, 1000, 0.002),
        (5, 1000, 0.002), (2, 1000, 0.002), (7, 4000, 2 / 10001), (600, 10000, 0.05), (480, 10000, 0.05),
        (1, 1, 1e-6), (100, 100, 0.99), (4, 7, 0.3),
    ]
    cases = []
    for k, n, p in grid:
        pv = float(stats.binomtest(k, n, p, alternative="greater").pvalue)
        cases.append({"successes": k, "trials": n, "rate": p, "pvalue": min(pv, 1.0)})
    return cases


def main():
    payload = {"generator": "generate_rate_fixtures.py", "scipy": scipy.__version__,
               "fisher": fisher_cases(), "binomial": binomial_cases()}
    with open(os.path.join(OUT, "rate_increase.json"), "w", encoding="utf-8") as f:
        json.dump(payload, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
