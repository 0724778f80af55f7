"""Throughput of every engine and CLI wall time for one model and one profile.

Run: .venv/bin/python benchmarks/bench_assess.py [--rules DIR] [--profile FILE] [--n N]
Prints figures; never asserts on time (targets live here, not in unit tests). Handy for a
model of your own; the full table with goals, percentiles, scaling and peers is
benchmarks/run.py (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import riskmodel
from riskmodel.api import ENGINE_NAMES, get_evaluator

ROOT = Path(__file__).resolve().parents[1]


def throughput(engine: str, profile: riskmodel.model.profile.Profile,
               rules: riskmodel.model.ruleset.RuleSet, n: int) -> float:
    evaluator = get_evaluator(engine)  # type: ignore[arg-type]
    riskmodel.assess(profile, rules, engine=evaluator)  # warm-up: compile and register
    start = time.perf_counter()
    for _ in range(n):
        riskmodel.assess(profile, rules, engine=evaluator)
    return n / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", type=Path, default=ROOT / "rules")
    ap.add_argument("--profile", type=Path, default=ROOT / "scenarios/profielen/voorbeeld.yaml")
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    rules = riskmodel.load_rules(args.rules)
    profile = riskmodel.load_profile(args.profile, rules)
    print(f"model {rules.manifest.model} {rules.manifest.version}: {len(rules.facts)} feiten, "
          f"{len(rules.indicators)} indicatoren, {len(rules.interventions)} interventies")
    for engine in ENGINE_NAMES:
        rate = throughput(engine, profile, rules, args.n)
        print(f"{engine:8s} {rate:8.1f} beoordelingen/s  ({1000 / rate:.2f} ms per beoordeling)")
    tracemalloc.start()
    riskmodel.assess(profile, rules)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"piekgeheugen (Python-heap) per beoordeling: {peak / 1024:.0f} KiB")
    exe = Path(sys.executable).parent / "riskmodel"
    for fmt in ("json", "text"):
        start = time.perf_counter()
        subprocess.run([str(exe), "assess", str(args.profile), "--rules", str(args.rules),
                        "--format", fmt], check=True, capture_output=True)
        print(f"riskmodel assess --format {fmt}: {time.perf_counter() - start:.2f} s wandkloktijd")


if __name__ == "__main__":
    main()
