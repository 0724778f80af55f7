"""riskmodel batch benchmark: a generated Parquet of scenario-profile variations through the
batch path, end to end (read, validate, assess, summary table written), printed as Markdown.

Run: .venv/bin/python benchmarks/batch.py [--rows 100000] [--limit 0] [--engine reference]
     [--chunk-size 5000] [--dask local --workers 2]

The input has `--rows` rows: each a scenario profile (scenarios/*.yaml) with a new id and
each fact made unknown with probability 0.2. All rows are run end to end (read, validate,
decide, summary written) unless `--limit N` times only the first N (a quick look on a slow
machine). Reading alone is timed over every row. Never a timed test: figures depend on the
machine (docs/batch.md has the latest).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl
import yaml

ROOT = Path(__file__).resolve().parents[1]


def scenario_rows() -> list[dict[str, Any]]:
    from riskmodel.batch.read import flatten_profile

    out = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("profiel"), dict):
            out.append(flatten_profile(data["profiel"]))
    return out


def generate(path: Path, rows: int, seed: int = 1) -> None:
    """`rows` variations of the scenario profiles, written as one Parquet file."""
    rng = random.Random(seed)
    base = scenario_rows()
    columns = list(dict.fromkeys(c for r in base for c in r))
    data: dict[str, list[str | None]] = {c: [] for c in columns}
    for i in range(rows):
        row = rng.choice(base)
        for c in columns:
            value = row.get(c)
            if c == "id":
                value = f"bench-{i:07d}"
            elif c not in ("soort", "gemeente", "peildatum") and value is not None \
                    and rng.random() < 0.2:
                value = None
            data[c].append(value)
    pl.DataFrame(data, schema={c: pl.String for c in columns}).write_parquet(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--limit", type=int, default=0,
                    help="rows timed end to end (0: all rows)")
    ap.add_argument("--engine", default="reference")
    ap.add_argument("--chunk-size", type=int, default=5_000)
    ap.add_argument("--dask", default=None)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args(argv)

    import riskmodel
    from riskmodel.batch.read import iter_chunks
    from riskmodel.batch.run import run_batch

    rules = riskmodel.load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "invoer.parquet"
        started = time.perf_counter()
        generate(full, args.rows)
        gen_s = time.perf_counter() - started
        started = time.perf_counter()
        n_read = sum(c.frame.height for c in iter_chunks(full, args.chunk_size))
        read_s = time.perf_counter() - started
        timed = full
        n = args.rows if args.limit <= 0 else min(args.limit, args.rows)
        if n < args.rows:
            timed = Path(tmp) / "deel.parquet"
            pl.read_parquet(full).head(n).write_parquet(timed)
        out = Path(tmp) / "samenvatting.parquet"
        started = time.perf_counter()
        result = run_batch(timed, out, rules, chunk_size=args.chunk_size, engine=args.engine,
                           dask=args.dask, workers=args.workers)
        run_s = time.perf_counter() - started
    print(f"# riskmodel batch benchmark ({platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores, {sys.platform})\n")
    print("| step | rows | seconds | rows/s |")
    print("|---|---:|---:|---:|")
    print(f"| generate Parquet | {args.rows:,} | {gen_s:.2f} | {args.rows / gen_s:,.0f} |")
    print(f"| read to text chunks | {n_read:,} | {read_s:.2f} | {n_read / read_s:,.0f} |")
    where = f", dask {args.dask}" if args.dask else ""
    print(f"| end to end, engine {args.engine}{where} | {result.rows:,} | {run_s:.2f} | "
          f"{result.rows / run_s:,.0f} |")
    print(f"\nrows failed: {result.failed}; summary rows: {result.summary.height}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
