"""riskmodel batch benchmark: a generated Parquet of scenario-profile variations through the
real batch path, end to end (read Parquet, validate and evaluate vectorised, rows the vector
path cannot vouch for row by row, summary Parquet written), printed as Markdown.

Run: .venv/bin/python benchmarks/batch.py [--rows 100000] [--reference-rows 5000]
     [--engine vector|reference] [--chunk-size 50000] [--dask local --workers 2]

The input has `--rows` rows: each a scenario profile (scenarios/*.yaml) with a new id and
each fact made unknown with probability 0.2, as text cells (what an analyst's sheet holds:
ja/nee, `a;b` lists, premises references). Reported: reading alone; the vectorised
evaluation alone (`evaluate_frame` on the read chunks: validation, encoding, evaluation,
summary frame) and its decision step (`evaluate_encoded`); `riskmodel batch` end to end
(`run_batch` in this process, after the data of the earlier steps is freed, and the command
as a whole process with start-up, rule loading and compiling); and the reference engine end
to end on the first `--reference-rows` rows for comparison. Never a
timed test: figures depend on the machine (docs/batch.md and docs/performance.md have the
latest, with the load average).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import resource
import subprocess
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
    ap.add_argument("--reference-rows", type=int, default=5_000,
                    help="rows for the reference engine's figure (0: skip it)")
    ap.add_argument("--engine", default="vector")
    ap.add_argument("--chunk-size", type=int, default=None)
    ap.add_argument("--dask", default=None)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args(argv)

    import riskmodel
    from riskmodel.batch.columns import ROW_COLUMN
    from riskmodel.batch.read import DEFAULT_CHUNK_SIZE, iter_chunks
    from riskmodel.batch.run import run_batch
    from riskmodel.batch.vector import evaluate_encoded, evaluate_frame
    from riskmodel.batch.vector_cells import encode_frame

    chunk_size = args.chunk_size or DEFAULT_CHUNK_SIZE
    rules = riskmodel.load_rules()
    load_before = os.getloadavg()
    lines: list[str] = []

    clock: list[float] = []

    def start() -> None:
        clock[:] = [time.perf_counter(), time.process_time()]

    def line(step: str, rows: int) -> None:
        """Wall time, and CPU time of this process (all its threads): on a shared machine
        rows per CPU-second says what the code does, rows per second what the load left."""
        wall = time.perf_counter() - clock[0]
        cpu = time.process_time() - clock[1]
        lines.append(f"| {step} | {rows:,} | {wall:.2f} | {rows / wall:,.0f} | {cpu:.2f} | "
                     f"{rows / cpu:,.0f} |")

    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "invoer.parquet"
        start()
        generate(full, args.rows)
        line("generate Parquet", args.rows)

        start()
        frames = [c.frame.drop(ROW_COLUMN) for c in iter_chunks(full, chunk_size)]
        line("read Parquet to chunks", sum(f.height for f in frames))

        evaluate_frame(frames[0].head(1000), rules)  # compile once, outside the timing
        start()
        left = 0
        for f in frames:
            left += len(evaluate_frame(f, rules).invalid_rows)
        line("vector: validate + encode + evaluate + summary", args.rows)
        encoded = [encode_frame(f, rules) for f in frames]
        start()
        for enc in encoded:
            evaluate_encoded(enc, rules)
        line("vector: evaluation step alone (encoded)", args.rows)
        # the end-to-end run starts as `riskmodel batch` does: without the chunks and codes
        # of the steps above in memory
        del frames, encoded
        gc.collect()

        out = Path(tmp) / "samenvatting.parquet"
        start()
        result = run_batch(full, out, rules, chunk_size=chunk_size, engine=args.engine,
                           dask=args.dask, workers=args.workers)
        where = f", dask {args.dask}" if args.dask else ""
        line(f"end to end `riskmodel batch`, engine {args.engine}{where}, chunks of "
             f"{chunk_size:,}", result.rows)

        if not args.dask:
            # the command as a whole process: interpreter, imports, rules, compiling
            # included (CPU: the child's, all its threads)
            cmd = [sys.executable, "-c", "import sys; from riskmodel.cli import main; "
                   "sys.exit(main(sys.argv[1:]))", "batch", str(full), "--output",
                   str(Path(tmp) / "cli.parquet"), "--engine", args.engine,
                   "--chunk-size", str(chunk_size)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - wall0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            lines.append(f"| `riskmodel batch` as a whole process (start-up, rules, compile "
                         f"included) | {args.rows:,} | {wall:.2f} | {args.rows / wall:,.0f} | "
                         f"{cpu:.2f} | {args.rows / cpu:,.0f} |")

        if args.reference_rows > 0:
            part = Path(tmp) / "deel.parquet"
            pl.read_parquet(full).head(args.reference_rows).write_parquet(part)
            start()
            ref = run_batch(part, Path(tmp) / "ref.parquet", rules, engine="reference",
                            chunk_size=chunk_size)
            line("end to end, engine reference (first rows)", ref.rows)
    load_after = os.getloadavg()
    print(f"# riskmodel batch benchmark ({platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores, {sys.platform})\n")
    print("| step | rows | seconds | rows/s | CPU seconds | rows per CPU-second |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(lines))
    print(f"\nrows left to the reference path by the vector path: {left:,}; rows failed: "
          f"{result.failed}; summary rows: {result.summary.height}")
    print(f"load average (1 min) before: {load_before[0]:.2f}, after: {load_after[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
