#!/usr/bin/python3
"""Markdown table of a w3_interleaved.sh output: per implementation (and thread count) the median over rounds of the
flip attempts per second, and the ratio of the multi-spin kernel (one thread, all threads) to each row within each
round. Usage: w3_summarize.py FILE."""
import re, statistics as st, sys

rows = []
for line in open(sys.argv[1]):
    if not line.startswith("round="):
        continue
    d = dict(re.findall(r'(\w+)=(\S+)', line))
    impl = d["impl"] + ("" if d["impl"] != "c-ref-seq" else "/always_draw=" + d.get("always_draw", "0"))
    key = impl + (" threads=" + d["threads"] if "threads" in d else "")
    rows.append(dict(round=d["round"], key=key, rate=float(d["flips_per_s_median"])))
keys = list(dict.fromkeys(r["key"] for r in rows))
by = {k: {r["round"]: r["rate"] for r in rows if r["key"] == k} for k in keys}
ours = [k for k in keys if k.startswith("ebm-multispin")]
print("| implementation | rounds | flips/s (median; range) | " + " | ".join("%s / row (per round)" % k for k in ours) + " |")
print("|---|---|---|" + "---|" * len(ours))
for k in keys:
    rates = list(by[k].values())
    cells = []
    for o in ours:
        ratio = [by[o][r] / by[k][r] for r in by[k] if r in by[o]]
        cells.append("%.2f (%s)" % (st.median(ratio), ", ".join("%.2f" % x for x in ratio)) if ratio and o != k else "")
    print("| %s | %d | %.3g (%.3g-%.3g) | %s |" % (k, len(rates), st.median(rates), min(rates), max(rates), " | ".join(cells)))
