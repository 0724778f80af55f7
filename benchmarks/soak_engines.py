"""Soak any engine: many assessments in one process with 1% failing profiles (a profile that
is refused: unknown fact, personal data, bad value), printing resident memory along the way.

    .venv/bin/python benchmarks/soak_engines.py --engine compiled --n 100000

The durable-rules engine has its own soak with injected engine failures
(benchmarks/soak_durable.py). Never a timed test: figures only.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

import riskmodel
from riskmodel import UserInputError

ROOT = Path(__file__).resolve().parent.parent
BAD = [
    {"onbekend_feit_xyz": True},
    {"omg_groepssymbolen": "misschien"},
    {"clubhuis_status": 42},
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default="compiled", choices=("compiled", "durable", "python"))
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--fail-every", type=int, default=100)
    args = parser.parse_args()
    rules = riskmodel.load_rules()
    good = riskmodel.load_profile(ROOT / "scenarios" / "profielen" / "voorbeeld.yaml", rules)
    data = good.model_dump(mode="json", by_alias=True)
    riskmodel.assess(good, rules, engine=args.engine).to_json()  # warm: compile, register
    gc.collect()
    start_rss, failures, started = rss_mb(), 0, time.perf_counter()
    print(json.dumps({"engine": args.engine, "n": args.n, "rss_mb_start": round(start_rss, 1)}),
          flush=True)
    for i in range(1, args.n + 1):
        if i % args.fail_every == 0:
            bad = dict(data, feiten={**data["feiten"], **BAD[i % len(BAD)]})
            try:
                riskmodel.assess(bad, rules, engine=args.engine)
            except UserInputError:
                failures += 1
            else:
                raise SystemExit(f"profile {i} should have been refused")
        else:
            riskmodel.assess(good, rules, engine=args.engine).to_json()
        if i % 10_000 == 0:
            print(json.dumps({"done": i, "failures": failures, "rss_mb": round(rss_mb(), 1)}),
                  flush=True)
    gc.collect()
    print(json.dumps({"engine": args.engine, "n": args.n, "failures": failures,
                      "rss_mb_start": round(start_rss, 1), "rss_mb_end": round(rss_mb(), 1),
                      "seconds": round(time.perf_counter() - started, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
