#!/usr/bin/python3
"""Markdown table of a w1_interleaved.sh output: per configuration the median over rounds of CPU and wall seconds per epoch,
and the ratio of ours to each peer within each round. Usage: w1_summarize.py FILE [cpu|wall]."""
import sys, re, statistics as st
M = sys.argv[2] if len(sys.argv) > 2 else "cpu"
rows = []
for line in open(sys.argv[1]):
    if not line.startswith("round="): continue
    d = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', line))
    impl, algo, dt = d["impl"], d.get("algo", "pcd1"), d["dtype"]
    dt = {"float32": "f32", "float64": "f64"}.get(dt, dt)
    wall = float(d.get("epoch_s_median", d.get("fit_s_median", "nan")))
    rows.append(dict(round=d["round"], key=(impl, algo, dt), wall=wall, cpu=float(d["cpu_s_median"]), interf=float(d["interf_max"]),
                     obj=float(d.get("objective_s_per_epoch", "nan")), gemm=float(d.get("floor_s_per_epoch", d.get("gemm5_s_per_epoch", "nan")))))
keys = []
for r in rows:
    if r["key"] not in keys: keys.append(r["key"])
by = {k: [r for r in rows if r["key"] == k] for k in keys}
def med(xs): return st.median(xs) if xs else float("nan")
print("| implementation | algo | dtype | rounds | CPU s/epoch (median; range) | wall s/epoch (median; range) | interf_max | ours/peer (" + M + "), same round |")
print("|---|---|---|---|---|---|---|---|")
for k in keys:
    rs = by[k]
    cpu = [r["cpu"] for r in rs]; wall = [r["wall"] for r in rs]
    ratio = ""
    if k[0] != "ebm-csharp":
        ours = {r["round"]: r[M] for r in by.get(("ebm-csharp", k[1], k[2]), [])}
        rat = [ours[r["round"]] / r[M] for r in rs if r["round"] in ours]
        if rat: ratio = "%.2f (%s)" % (med(rat), ", ".join("%.2f" % x for x in rat))
    extra = ""
    if k[0] == "ebm-csharp":
        extra = "; objective %.3g, GEMM floor %.3g" % (med([r["obj"] for r in rs]), med([r["gemm"] for r in rs]))
    print(f"| {k[0]} | {k[1]} | {k[2]} | {len(rs)} | {med(cpu):.3g} ({min(cpu):.3g}-{max(cpu):.3g}){extra} | {med(wall):.3g} ({min(wall):.3g}-{max(wall):.3g}) | {max(r['interf'] for r in rs):.2f} | {ratio} |")
