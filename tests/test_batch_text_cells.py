"""The fast paths of `riskmodel batch` change no output.

* Text columns are encoded once per distinct cell (`vector_cells._distinct_exprs`: a chain of
  comparisons or one hash lookup per cell): the codes, the rows left to the reference path
  and the days must equal encoding every cell on its own, on messy text, on columns with
  many distinct cells, on categorical columns and on a second chunk that reuses the lookups.
* Text cells and typed cells give the same summary; bad cells give the reference path's
  diagnostics (row, column, expected) byte for byte.
* The input's last chunk gets no resume part (the outputs follow at once): an interruption
  after it redoes only that chunk, and a resumed run still equals an uninterrupted one.
* Repeated ids are refused with the earlier row named, within a chunk and across chunks.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_batch import _varied_rows, _write, as_row, scenario_profiles
from test_batch_engines import MESSY, both_engines
from test_vector import frame, scenario_rows

import riskmodel
from riskmodel.batch import vector_cells
from riskmodel.batch.run import assess_table, run_batch
from riskmodel.batch.vector import evaluate_frame
from riskmodel.batch.vector_cells import EncodedFrame, encode_frame
from riskmodel.model.ruleset import RuleSet

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return riskmodel.load_rules()


def _cell_by_cell(df: pl.DataFrame, schema: pl.Schema, distinct: vector_cells.Distinct,
                  lookups: vector_cells.Lookups) -> list[pl.Expr]:
    """What `_distinct_exprs` replaces: every cell through its expression."""
    return [expr for _, expr in distinct.values()]


def assert_same_encoding(a: EncodedFrame, b: EncodedFrame) -> None:
    assert a.n == b.n
    assert np.array_equal(a.invalid, b.invalid)
    assert np.array_equal(a.day, b.day)
    assert a.facts.keys() == b.facts.keys()
    for fid, fa in a.facts.items():
        fb = b.facts[fid]
        assert fa.values == fb.values, fid
        assert len(fa.codes) == len(fb.codes), fid
        for ca, cb in zip(fa.codes, fb.codes, strict=True):
            assert np.array_equal(ca, cb), fid


def both_encodings(df: pl.DataFrame, rules: RuleSet, monkeypatch: pytest.MonkeyPatch
                   ) -> tuple[EncodedFrame, EncodedFrame]:
    fast = encode_frame(df, rules)
    with monkeypatch.context() as m:
        m.setattr(vector_cells, "_distinct_exprs", _cell_by_cell)
        slow = encode_frame(df, rules)
    return fast, slow


def messy_table(rules: RuleSet, seed: int, n: int) -> pl.DataFrame:
    """Scenario variations as text with messy cells in every kind of column, a decimal
    column of mostly distinct cells and an int column with many different codes."""
    rng = random.Random(seed)
    rows = _varied_rows(n, seed=seed)
    decimals = [f for f, fact in rules.facts.items() if fact.type == "decimal"]
    ints = [f for f, fact in rules.facts.items() if fact.type == "int"]
    for i, row in enumerate(rows):
        for key in list(row):
            if key != "id" and rng.random() < 0.08:
                row[key] = rng.choice(MESSY)
        if decimals:
            row[decimals[0]] = f"{i}.{rng.randrange(10_000):04d}" if i % 7 else " 1,5"
        if ints:
            row[ints[0]] = str(rng.randrange(40)) if i % 5 else rng.choice(["+3", "x", ""])
        if rng.random() < 0.1:
            row["peildatum"] = rng.choice(["2024-02-30", "onbekend", " 2024-01-01", "2023-12-31"])
    return pl.DataFrame(rows, schema={c: pl.String for r in rows for c in r})


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), n=st.sampled_from([7, 40, 300]))
def test_distinct_cells_encode_as_every_cell_alone(seed: int, n: int, rules: RuleSet,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    df = messy_table(rules, seed, n)
    fast, slow = both_encodings(df, rules, monkeypatch)
    assert_same_encoding(fast, slow)
    again = encode_frame(df, rules)  # the lookups remembered from the first chunk
    assert_same_encoding(again, slow)


def test_both_lookup_forms_and_categorical_columns(rules: RuleSet,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Few codes: a chain of comparisons; many: one hash lookup; the cells of categorical
    columns as their text."""
    df = messy_table(rules, 3, 400)
    ints = [f for f, fact in rules.facts.items() if fact.type == "int"]
    assert df[ints[0]].n_unique() > vector_cells.CHAIN_CODES  # the hash lookup
    assert_same_encoding(*both_encodings(df, rules, monkeypatch))
    bools = [f for f in df.columns if f in rules.facts and rules.facts[f].type == "bool"]
    categorical = df.with_columns([pl.col(c).cast(pl.Categorical) for c in bools[:20]])
    fast, _ = both_encodings(categorical, rules, monkeypatch)
    assert_same_encoding(fast, encode_frame(df, rules))


def test_wide_columns_of_distinct_cells_are_read_cell_by_cell(
        rules: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    """A column whose cells are mostly all different is not worth a lookup table; the
    result is the same either way."""
    df = messy_table(rules, 5, 200)
    decimals = [f for f, fact in rules.facts.items() if fact.type == "decimal"]
    assert df[decimals[0]].n_unique() > 200 * vector_cells.DISTINCT_SHARE
    seen: list[int] = []
    real = vector_cells._distinct_exprs

    def spy(df: pl.DataFrame, schema: pl.Schema, distinct: vector_cells.Distinct,
            lookups: vector_cells.Lookups) -> list[pl.Expr]:
        out = real(df, schema, distinct, lookups)
        seen.append(sum(expr is distinct[decimals[0]][1] for expr in out))
        return out

    monkeypatch.setattr(vector_cells, "_distinct_exprs", spy)
    fast = encode_frame(df, rules)
    assert seen == [1]  # the decimal column went cell by cell
    monkeypatch.setattr(vector_cells, "_distinct_exprs", _cell_by_cell)
    assert_same_encoding(fast, encode_frame(df, rules))


def test_text_and_typed_cells_give_the_same_summary(tmp_path: Path, rules: RuleSet) -> None:
    """A typed Parquet table and the same table as text cells (as the batch reader writes
    typed cells: `true`, `a;b`, a lone `;` for the empty list, ISO dates)."""
    from riskmodel.batch.columns import ROW_COLUMN
    from riskmodel.batch.read import iter_chunks

    rows = scenario_rows(rules, ROOT / "scenarios")
    typed = frame(rows, rules, typed=True)
    typed.write_parquet(tmp_path / "typed.parquet")
    text = pl.concat([c.frame for c in iter_chunks(tmp_path / "typed.parquet")]).drop(ROW_COLUMN)
    assert any(dtype != pl.String for dtype in typed.schema.values())
    assert all(dtype == pl.String for dtype in text.schema.values())
    a, b = evaluate_frame(typed, rules), evaluate_frame(text, rules)
    assert a.invalid_rows == b.invalid_rows == []
    assert a.summary.equals(b.summary)
    text.write_csv(tmp_path / "text.csv")
    run_batch(tmp_path / "typed.parquet", tmp_path / "uit-typed.parquet", rules)
    run_batch(tmp_path / "text.csv", tmp_path / "uit-text.parquet", rules)
    assert pl.read_parquet(tmp_path / "uit-typed.parquet").equals(
        pl.read_parquet(tmp_path / "uit-text.parquet"))


BAD_CELLS: list[tuple[str, Any]] = [
    ("omg_motorcultuur_zichtbaar", "misschien"),       # no yes/no word
    ("omg_motorcultuur_zichtbaar__bron", "roddel"),    # no source kind
    ("omg_motorcultuur_zichtbaar__datum", "2024-13-01"),  # no date
    ("omg_motorcultuur_zichtbaar__datum", "2099-01-01"),  # after the peildatum
    ("peildatum", "2024-02-30"),                       # no date
    ("soort", "huis"),                                 # no kind
]


def test_bad_cells_give_the_reference_diagnostics(tmp_path: Path, rules: RuleSet) -> None:
    rows = _varied_rows(120, seed=21)
    ints = [f for f, fact in rules.facts.items() if fact.type == "int"]
    enums = [f for f, fact in rules.facts.items() if fact.type == "enum"]
    cells = [*BAD_CELLS, (ints[0], "1,5"), (ints[0], "veel"), (enums[0], "onbekende_waarde")]
    bad = list(range(3, 120, 12))
    for n, i in enumerate(bad):
        column, value = cells[n % len(cells)]
        rows[i][column] = value
    path = _write("csv", tmp_path / "in.csv", rows)
    both_engines(path, tmp_path, rules, chunk_size=50)
    errors = pl.read_csv(tmp_path / "vector.fouten.csv", infer_schema=False)
    assert sorted({int(r) for r in errors["row"]}) == [i + 2 for i in bad]  # header is row 1
    assert errors["column"].null_count() == 0


def test_last_chunk_has_no_resume_part(tmp_path: Path, rules: RuleSet) -> None:
    rows = _varied_rows(30, seed=8)
    path = _write("parquet", tmp_path / "in.parquet", rows)
    whole = tmp_path / "heel.parquet"
    run_batch(path, whole, rules, chunk_size=10)
    out = tmp_path / "uit.parquet"
    work = tmp_path / ".uit.parquet.batch"

    class Crash(Exception):
        pass

    def crash_at_last(index: int, rows_done: int, failed: int) -> None:
        if index == 2:
            raise Crash

    with pytest.raises(Crash):
        run_batch(path, out, rules, chunk_size=10, on_chunk=crash_at_last)
    state = orjson.loads((work / "state.json").read_bytes())
    assert state["chunks"] == 2 and state["rows"] == 20
    assert sorted(p.name for p in work.glob("summary-*")) == ["summary-000000.parquet",
                                                             "summary-000001.parquet"]
    assert not out.exists()
    done: list[int] = []
    result = run_batch(path, out, rules, chunk_size=10, resume=True,
                       on_chunk=lambda i, r, f: done.append(i))
    assert done == [2] and result.resumed_chunks == 2 and result.rows == 30
    assert out.read_bytes() == whole.read_bytes()
    assert not work.exists()


@pytest.mark.parametrize("fmt", ["csv", "parquet", "dir"])
def test_readers_mark_the_last_chunk(fmt: str, tmp_path: Path, rules: RuleSet) -> None:
    from riskmodel.batch.read import iter_chunks

    rows = [as_row(p) for p in scenario_profiles(25)]
    path = _write(fmt, tmp_path / ("in" if fmt == "dir" else f"in.{fmt}"), rows)
    for size in (7, 25, 100):
        chunks = list(iter_chunks(path, size))
        assert [c.last for c in chunks[:-1]] == [False] * (len(chunks) - 1)
        if size != 25 or fmt != "csv":  # a full chunk at the end of a CSV: not known
            assert chunks[-1].last


def test_repeated_ids_within_and_across_chunks(tmp_path: Path, rules: RuleSet) -> None:
    rows = _varied_rows(30, seed=4)
    rows[14]["id"] = rows[2]["id"]    # across chunks
    rows[17]["id"] = rows[16]["id"]   # within a chunk
    rows[25]["id"] = rows[2]["id"]    # a third time
    path = _write("parquet", tmp_path / "in.parquet", rows)
    for engine in ("vector", "reference"):
        result = assess_table(path, rules, chunk_size=10, engine=engine)
        dup = [(e.row, e.id, e.column) for e in result.errors if e.code == "duplicate-id"]
        assert dup == [(15, rows[2]["id"], "id"), (18, rows[16]["id"], "id"),
                       (26, rows[2]["id"], "id")]
        messages = [e.message for e in result.errors if e.code == "duplicate-id"]
        assert "3" in messages[0] and "17" in messages[1] and "3" in messages[2]
        assert result.summary.height == 27 and result.failed == 3
