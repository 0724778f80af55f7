"""Soak the durable-rules evaluator: many assessments, 1% injected engine failures, a fresh
evaluator every tenth; prints resident memory at start and end.

    .venv/bin/python benchmarks/soak_durable.py --n 100000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from soak_support import soak  # noqa: E402

from riskmodel import load_rules  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100000)
    parser.add_argument("--fail-every", type=int, default=100)
    args = parser.parse_args()
    started = time.perf_counter()
    result = soak(load_rules(ROOT / "rules"), n=args.n, fail_every=args.fail_every,
                  progress=lambda p: print(json.dumps(p), flush=True))
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
