"""`riskmodel beeld` reads the tables `riskmodel batch` reads (CSV, XLSX, Parquet) through
the batch readers and the one row rule: the same profiles as from the profile files, bad rows
reported by row and column, never stopping the picture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_batch import _varied_rows, _write, as_row, scenario_profiles

import riskmodel
from riskmodel.batch.columns import summary_row
from riskmodel.beeld import read_pairs
from riskmodel.cli import main
from riskmodel.model.ruleset import RuleSet


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return riskmodel.load_rules()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_a_table_gives_the_same_pairs_as_the_profiles(fmt: str, tmp_path: Path,
                                                      rules: RuleSet) -> None:
    profiles = scenario_profiles(30)
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text("".join(json.dumps(p, default=str) + "\n" for p in profiles),
                     encoding="utf-8")
    table = _write(fmt, tmp_path / f"p.{fmt}", [as_row(p) for p in profiles])
    want = read_pairs(jsonl, rules)
    got = read_pairs(table, rules)
    assert not want.problems and not got.problems, got.diagnostics[:3]
    assert [p.id for p, _ in got.pairs] == [p["id"] for p in profiles]
    for (p1, a1), (p2, a2) in zip(want.pairs, got.pairs, strict=True):
        assert (p1.id, p1.peildatum, p1.district) == (p2.id, p2.peildatum, p2.district)
        # the rows carry no `__bron` columns (as_row), so compare what the picture counts
        assert summary_row(a1, rules) == summary_row(a2, rules)


def test_bad_rows_are_reported_by_row_and_column(tmp_path: Path, rules: RuleSet) -> None:
    rows = _varied_rows(12, seed=4)
    rows[2]["omg_motorcultuur_zichtbaar"] = "misschien"
    rows[5]["naam"] = "Piet"
    rows[8]["id"] = rows[7]["id"]  # one situation twice at one peildatum
    rows[8]["peildatum"] = rows[7]["peildatum"]
    path = _write("csv", tmp_path / "t.csv", rows)
    read = read_pairs(path, rules)
    assert len(read.pairs) == 9
    where = {(d.line, d.code) for d in read.diagnostics}
    assert {(4, "type"), (7, "personal-data"), (10, "duplicate-id")} <= where
    assert {d.line for d in read.diagnostics} == {4, 7, 10}  # CSV line: header is line 1
    assert all(d.file.endswith("t.csv") for d in read.diagnostics)


def test_beeld_command_on_a_parquet_table(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    rows = _varied_rows(20, seed=5)
    rows[3]["soort"] = "huis"
    path = _write("parquet", tmp_path / "regio.parquet", rows)
    out = tmp_path / "beeld.json"
    assert main(["beeld", str(path), "--output", str(out), "--k", "2"]) == 2
    err = capsys.readouterr().err
    assert "regio.parquet" in err and "Traceback" not in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profiles"] == 19  # assessed; the refused row is listed, with its position
    assert len(data["rejected"]) == 1
    assert data["rejected"][0]["source"].endswith("regio.parquet:4")
    assert data["rejected"][0]["codes"] == ["unknown-value"]
