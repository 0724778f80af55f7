"""Throughput of the vectorised batch evaluator (issue 10).

Run: .venv/bin/python benchmarks/vector.py [--rows 100000] [--batch 10000] [--repeat 5]
Prints figures; never asserts on time. Goals: >= 100,000 profiles/s for the evaluation step
on 10,000-row batches and >= 50,000 profiles/s end to end (Parquet file in, summary table
out) on 2 cores.

The table: every scenario profile of scenarios/ in turn, each fact made unknown with
probability 0.3, ids made unique; typed columns as Parquet holds them. A text (CSV-like) copy
of the same batch is timed too, since text cells cost more to validate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

import riskmodel
from riskmodel.batch.columns import LIST_SEPARATOR
from riskmodel.batch.vector import evaluate_encoded, evaluate_frame
from riskmodel.batch.vector_cells import encode_frame
from riskmodel.batch.vector_logic import programs_for
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios import load_scenario

ROOT = Path(__file__).resolve().parents[1]


def scenario_rows(rules: RuleSet) -> list[dict[str, Any]]:
    rows = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        p = load_scenario(path, rules).profile
        row: dict[str, Any] = {"id": p.id, "soort": p.kind, "gemeente": p.municipality,
                               "wijk": p.district, "peildatum": p.peildatum}
        for fid, entry in p.facts.items():
            row[fid] = entry.value
        rows.append(row)
    return rows


def table(rules: RuleSet, n: int, seed: int = 1) -> pl.DataFrame:
    rng = random.Random(seed)
    base = scenario_rows(rules)
    facts = sorted({k for r in base for k in r if k in rules.facts})
    rows = []
    for i in range(n):
        src = base[i % len(base)]
        row = {k: src[k] for k in ("soort", "gemeente", "wijk", "peildatum")}
        row["id"] = f"{src['id']}.r{i}"  # "-{i}" could join a date into a BSN-like run
        for fid in facts:
            value = src.get(fid)
            row[fid] = None if value is None or rng.random() < 0.3 else value
        rows.append(row)
    schema: dict[str, Any] = {"id": pl.String, "soort": pl.String, "gemeente": pl.String,
                              "wijk": pl.String, "peildatum": pl.Date}
    for fid in facts:
        schema[fid] = {"bool": pl.Boolean, "int": pl.Int64, "decimal": pl.Float64,
                       "date": pl.Date, "enum": pl.String,
                       "enum_list": pl.List(pl.String)}[rules.facts[fid].type]
    return pl.DataFrame(rows, schema=schema)


def as_text(df: pl.DataFrame) -> pl.DataFrame:
    """The same table as a CSV reader gives it: every column text."""
    out = []
    for name, dtype in df.schema.items():
        c = pl.col(name)
        if dtype == pl.Boolean:
            out.append(pl.when(c).then(pl.lit("true")).when(~c).then(pl.lit("false")).alias(name))
        elif isinstance(dtype, pl.List):
            out.append(c.list.join(LIST_SEPARATOR).alias(name))
        else:
            out.append(c.cast(pl.String).alias(name))
    return df.select(out)


def rate(n: int, times: tuple[list[float], list[float]]) -> str:
    """Wall-clock rate (median and best) and the rate per CPU-second (all threads)."""
    wall, cpu = times
    return (f"{n / statistics.median(wall):>10,.0f} profiles/s wall (median of {len(wall)}, "
            f"best {n / min(wall):,.0f}/s; {n / statistics.median(cpu):,.0f} per CPU-second)")


def timed(fn: Any, repeat: int) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rules = riskmodel.load_rules()
    print(f"polars {pl.__version__}, {pl.thread_pool_size()} threads, {os.cpu_count()} cpus; "
          f"model {rules.manifest.model} {rules.manifest.version}: {len(rules.facts)} facts, "
          f"{len(rules.indicators)} indicators, {len(rules.interventions)} interventions")
    full = table(rules, args.rows)
    batch = full.head(args.batch)
    evaluate_frame(batch, rules)  # warm-up: compile the programs of every stretch of days
    days = batch.get_column("peildatum").n_unique()
    print(f"batch of {args.batch:,} rows ({days} peildata, "
          f"{len(programs_for(rules).programs)} distinct compiled models):")

    enc = encode_frame(batch, rules)

    def logic_only() -> None:
        evaluate_encoded(enc, rules)

    print("  evaluation (masks, levels, statuses)    ",
          rate(args.batch, timed(logic_only, args.repeat)))
    one_day = batch.with_columns(pl.lit(dt.date(2024, 6, 1)).alias("peildatum"))
    enc_one = encode_frame(one_day, rules)
    evaluate_encoded(enc_one, rules)
    print("  evaluation, all rows on one peildatum   ",
          rate(args.batch, timed(lambda: evaluate_encoded(enc_one, rules), args.repeat)))
    print("  validate + encode + evaluate + summary  ",
          rate(args.batch, timed(lambda: evaluate_frame(batch, rules), args.repeat)))
    text = as_text(batch)
    evaluate_frame(text, rules)
    print("  the same from text cells (CSV-like)     ",
          rate(args.batch, timed(lambda: evaluate_frame(text, rules), args.repeat)))

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.parquet", Path(tmp) / "summary.parquet"
        full.write_parquet(src)

        def end_to_end(chunk: int) -> None:
            df = pl.read_parquet(src)
            parts = [evaluate_frame(df.slice(i, chunk), rules).summary
                     for i in range(0, df.height, chunk)]
            pl.concat(parts).write_parquet(dst)

        size = src.stat().st_size / 1e6
        print(f"end to end, {args.rows:,} rows, Parquet ({size:.1f} MB) -> summary Parquet:")
        for chunk in (args.batch, args.rows):
            seconds = timed(lambda chunk=chunk: end_to_end(chunk), max(1, args.repeat // 2))
            print(f"  in {chunk:>7,}-row chunks                 ", rate(args.rows, seconds))
    print(f"(date {dt.date.today().isoformat()}; figures depend on the machine and its load)")


if __name__ == "__main__":
    main()
