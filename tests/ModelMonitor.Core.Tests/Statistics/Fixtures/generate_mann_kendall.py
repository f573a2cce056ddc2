"""Golden values for MannKendallTests: scipy.stats.kendalltau(range(n), y, method='asymptotic').

Run with Debian's interpreter (apt-get install python3-scipy): /usr/bin/python3 generate_mann_kendall.py
"""
import json
import os

import numpy as np
from scipy import stats

rng = np.random.default_rng(7)
series = [
    [1, 2, 3, 4, 5, 6, 7],
    [7, 6, 5, 4, 3, 2, 1],
    [0.31, 0.30, 0.30, 0.28, 0.27, 0.27, 0.25],
    [1, 1, 1, 2, 2, 2, 3, 3],
    [5, 3, 4, 3, 5, 4, 3, 5, 4, 3],
    list(np.round(rng.normal(0, 1, 14), 3)),
    list(np.round(10 - 0.2 * np.arange(21) + rng.normal(0, 1, 21), 3)),
    [2, 2, 2, 1],
]
cases = []
for y in series:
    r = stats.kendalltau(np.arange(len(y)), y, method="asymptotic")
    cases.append({"values": [float(v) for v in y], "tau": float(r.statistic), "pValue": float(r.pvalue)})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mann_kendall.json")
with open(path, "w") as f:
    json.dump({"generator": "generate_mann_kendall.py", "scipy": __import__("scipy").__version__, "cases": cases}, f, indent=1)
    f.write("\n")
