#!/usr/bin/env python3
"""Summarises ExplainExperiment rows (TSV) into the table of docs/methodology.md, "What an explanation finds".

Usage: scripts/explain-table.py rows.tsv [more.tsv ...]
Row: id, condition, verdict, entry, test ms, second run ms (A/A), explain ms, marked, tested, first method, first site.
"""
import statistics
import sys
from collections import defaultdict

rows = defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 11:
            continue
        rows[f[1]].append(f)


def median(values):
    return statistics.median(values) if values else float("nan")


for kind, name in (("V", "VIRTUAL"), ("P", "PLATFORM")):
    for condition, measure in (("-slow", "1 s"), ("-slow3", "3 s")):
        slow = rows.get(kind + condition, [])
        if not slow:
            continue
        failed = [r for r in slow if r[2] == "fail"]
        led = [r for r in failed if "example.explain.Codec.encode()" in r[9]]
        beyond = [r for r in failed if "beyond sampling noise" in r[9] and "Codec.encode()" in r[9]]
        thin = [r for r in failed if r[9].startswith("too few ")]
        print(f"{name} slower encode, measure {measure}: {len(failed)} of {len(slow)} comparisons failed; encode heads"
              f" the time explanation in {len(led)} of {len(failed)}; marked beyond noise in {len(beyond)} of"
              f" {len(failed)}; too few samples for a time explanation in {len(thin)} of {len(failed)}")
    alloc = rows.get(kind + "-alloc", [])
    failed = [r for r in alloc if r[2] == "fail"]
    led = [r for r in failed if "byte[] at example.explain.Codec.encode()" in r[10]]
    print(f"{name} new allocation site: {len(failed)} of {len(alloc)} failed; the site heads the allocation"
          f" explanation in {len(led)} of {len(failed)}")
    aa = rows.get(kind + "-aa", [])
    marked = [r for r in aa if int(r[7]) > 0]
    alarms = [r for r in aa if r[2] == "fail"]
    print(f"{name} A/A, recording on: a method marked beyond noise in {len(marked)} of {len(aa)};"
          f" false alarms {len(alarms)} of {len(aa)}")
    off = rows.get(kind + "-aa-off", [])
    alarms_off = [r for r in off if r[2] == "fail"]
    on2 = [float(r[5]) for r in aa]
    off2 = [float(r[5]) for r in off]
    on1 = [float(r[4]) for r in aa]
    off1 = [float(r[4]) for r in off]
    print(f"{name} A/A test time, recording on / JFR off: first in the JVM median {median(on1):.0f} / {median(off1):.0f} ms"
          f" ({(median(on1) / median(off1) - 1) * 100:+.1f} %), second median {median(on2):.0f} / {median(off2):.0f} ms"
          f" ({(median(on2) / median(off2) - 1) * 100:+.1f} %); false alarms with JFR off {len(alarms_off)} of {len(off)}")
    explained = [float(r[6]) for c in ("-slow", "-slow3", "-alloc") for r in rows.get(kind + c, []) if r[2] == "fail"]
    print(f"{name} explaining a failed comparison's recording: median {median(explained):.0f} ms"
          f" (max {max(explained) if explained else float('nan'):.0f}) of {len(explained)}")
