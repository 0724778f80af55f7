"""The steps of one warm assessment (compiled engine), for comparing two versions side by side.

Run: .venv/bin/python benchmarks/pieces.py [LABEL] [--n N]
Prints one line: per step min / p50 / p99 wall ms and p50 CPU ms (time.thread_time, which
leaves out the time spent waiting for a core on a busy machine). Uses only what every
version has (load_rules, load_profile, assess, to_json, get_evaluator, compiled_for), so an
older checkout can be timed with the same script:

    git archive <commit> src rules | tar -x -C /tmp/old
    (cd /tmp/old && PYTHONPATH=/tmp/old/src ../path/.venv/bin/python benchmarks/pieces.py before)
    .venv/bin/python benchmarks/pieces.py after

Run the two in turn, twice, and compare min and CPU p50 (docs/performance.md). Never a test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import riskmodel
from riskmodel.api import compiled_for, get_evaluator

EXAMPLE = Path(__file__).resolve().parents[1] / "scenarios/profielen/voorbeeld.yaml"


def measure(fn: Callable[[], object], n: int) -> str:
    for _ in range(20):
        fn()
    walls, cpus = [], []
    for _ in range(n):
        cpu, start = time.thread_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.thread_time() - cpu)
    p99 = statistics.quantiles(walls, n=100, method="inclusive")[98]
    return (f"{min(walls) * 1e3:.2f} / {statistics.median(walls) * 1e3:.2f} / {p99 * 1e3:.2f} / "
            f"{statistics.median(cpus) * 1e3:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("label", nargs="?", default="this version")
    ap.add_argument("--n", type=int, default=400)
    args = ap.parse_args()
    rules = riskmodel.load_rules()
    profile = riskmodel.load_profile(EXAMPLE, rules)
    evaluator = get_evaluator("compiled")
    compiled = compiled_for(rules, profile.peildatum)
    assessment = riskmodel.assess(profile, rules)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("evaluate", lambda: evaluator.evaluate(rules, compiled, profile)),
        ("assess", lambda: riskmodel.assess(profile, rules)),
        ("to_json", assessment.to_json),
        ("assess+to_json", lambda: riskmodel.assess(profile, rules).to_json()),
    ]
    print(args.label, "(min / p50 / p99 wall ms / p50 CPU ms)",
          " | ".join(f"{name} {measure(fn, args.n)}" for name, fn in steps))


if __name__ == "__main__":
    main()
