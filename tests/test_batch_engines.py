"""`riskmodel batch --engine vector` (the default) gives byte-identical outputs to
`--engine reference` on real batch input (CSV text, Parquet typed, XLSX, JSONL), and the
vector path really does the work: only rows it cannot vouch for go row by row."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_batch import _varied_rows, _write, as_row, scenario_profiles
from test_vector import frame

import riskmodel
from riskmodel.batch.columns import ROW_COLUMN
from riskmodel.batch.read import iter_chunks
from riskmodel.batch.run import assess_table, run_batch
from riskmodel.batch.vector import evaluate_frame
from riskmodel.model.ruleset import RuleSet


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return riskmodel.load_rules()


def both_engines(path: Path, tmp_path: Path, rules: RuleSet, **kw: Any) -> None:
    """Run both engines on `path`: the summary and the errors file must be the same bytes."""
    for engine in ("reference", "vector"):
        run_batch(path, tmp_path / f"{engine}.csv", rules, engine=engine, **kw)
    assert (tmp_path / "vector.csv").read_bytes() == (tmp_path / "reference.csv").read_bytes()
    assert (tmp_path / "vector.fouten.csv").read_bytes() == \
        (tmp_path / "reference.fouten.csv").read_bytes()


def vouched(path: Path, rules: RuleSet) -> tuple[int, list[int]]:
    """(rows, the file's row numbers the vector path leaves to the reference path)."""
    rows, left = 0, []
    for chunk in iter_chunks(path, 100_000):
        result = evaluate_frame(chunk.frame.drop(ROW_COLUMN), rules)
        rows += chunk.frame.height
        left += [int(chunk.frame[ROW_COLUMN][i]) for i in result.invalid_rows]
    return rows, left


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_every_scenario_as_a_row_both_engines(fmt: str, tmp_path: Path, rules: RuleSet
                                              ) -> None:
    """Scenario profiles as the analyst's table gives them (ja/nee, `a;b`, object column)."""
    rows = [as_row(p) for p in scenario_profiles()]
    path = _write(fmt, tmp_path / f"in.{fmt}", rows)
    both_engines(path, tmp_path, rules, chunk_size=40)
    n, left = vouched(path, rules)
    assert n == len(rows) and left == []


def test_typed_parquet_both_engines(tmp_path: Path, rules: RuleSet) -> None:
    """Parquet with a type per column (booleans, integers, dates, lists)."""
    from test_vector import scenario_rows

    from riskmodel.batch.columns import input_columns

    rows = scenario_rows(rules, Path(__file__).resolve().parents[1] / "scenarios")
    df = frame(rows, rules, typed=True)
    assert any(dtype == pl.Boolean for dtype in df.schema.values())
    assert set(df.columns) <= set(input_columns(rules, with_source=True))
    path = tmp_path / "typed.parquet"
    df.write_parquet(path)
    both_engines(path, tmp_path, rules)
    n, left = vouched(path, rules)
    assert n == len(rows) and left == []


def test_excel_one_percent_bad_rows_both_engines(tmp_path: Path, rules: RuleSet) -> None:
    """The 2,000-row sheet of test_batch with 1% bad rows: same bytes out, and exactly the bad
    rows (sheet row = index + 2) leave the vector path."""
    rows = _varied_rows(2000)
    bad = list(range(50, 2000, 100))
    for n, i in enumerate(bad):
        kind = n % 4
        if kind == 0:
            rows[i]["omg_motorcultuur_zichtbaar"] = "misschien"
        elif kind == 1:
            rows[i]["omg_clubhuiz"] = "ja"
        elif kind == 2:
            rows[i]["naam"] = "Piet"
        else:
            rows[i]["peildatum"] = "2023-06-01"
            rows[i]["omg_motorcultuur_zichtbaar"] = "ja"
            rows[i]["omg_motorcultuur_zichtbaar__datum"] = "2024-01-01"
    path = _write("xlsx", tmp_path / "invoer.xlsx", rows)
    both_engines(path, tmp_path, rules, chunk_size=700)
    n, left = vouched(path, rules)
    assert n == 2000 and left == [i + 2 for i in bad]
    errors = pl.read_csv(tmp_path / "vector.fouten.csv", infer_schema=False)
    assert sorted({int(r) for r in errors["row"]}) == [i + 2 for i in bad]


#: cells a table may hold besides the clean ones: every one either read by both paths alike
#: or left to the reference path, which accepts or refuses it
MESSY = ["ja", "NEE", " ja", "1", "0", "j", "waar", "misschien", "", "onbekend", " Onbekend ",
         "12.0", "1,5", "+7", "-1", "1e3", "x;;y", ";", "2024-1-1", "20240101", "Ede ", "Pand"]


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000))
def test_random_messy_tables_both_engines(seed: int, rules: RuleSet,
                                          tmp_path_factory: pytest.TempPathFactory) -> None:
    rng = random.Random(seed)
    rows = _varied_rows(60, seed=seed)
    for row in rows:
        for key in list(row):
            if key != "id" and rng.random() < 0.05:
                row[key] = rng.choice(MESSY)
        if rng.random() < 0.05:
            row["id"] = rng.choice(["rij-00001", "Rij 9", "casus-123456782"])
        if rng.random() < 0.03:
            row[rng.choice(["opmerking", "omschrijving", "object"])] = rng.choice(
                ["x", "Loods", "0612345678", "0200010000123456"])
    tmp = tmp_path_factory.mktemp("messy")
    path = _write("csv", tmp / "in.csv", rows)
    ref = assess_table(path, rules, engine="reference", chunk_size=25)
    vec = assess_table(path, rules, engine="vector", chunk_size=25)
    assert vec.summary.equals(ref.summary)
    assert vec.errors == ref.errors
    assert (vec.rows, vec.failed) == (ref.rows, ref.failed)
