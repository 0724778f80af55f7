"""riskmodel batch (issue 10): every input format, the template round trip, bad rows named by
row and column while the rest is assessed, results equal to per-profile `assess`, atomic
outputs, resume after an interruption, and the command's exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

import riskmodel
from riskmodel.batch.columns import ROW_COLUMN, summary_columns, summary_row
from riskmodel.batch.read import iter_chunks
from riskmodel.batch.run import assess_table, run_batch
from riskmodel.batch.template import csv_template
from riskmodel.model.ruleset import RuleSet

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).parent / "riskmodel"
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return riskmodel.load_rules()


def scenario_profiles(n: int | None = None) -> list[dict[str, Any]]:
    """The embedded profiles of the scenario files (situations with known outcomes)."""
    out = []
    for path in SCENARIOS[:n]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("profiel"), dict):
            out.append(data["profiel"])
    return out


def as_row(profile: dict[str, Any]) -> dict[str, Any]:
    """A profile mapping as one table row (text cells, lists joined by ';')."""
    row: dict[str, Any] = {k: profile.get(k) for k in ("id", "soort", "gemeente", "wijk")}
    row["peildatum"] = str(profile["peildatum"])
    obj = profile.get("object") or {}
    row["object"] = obj.get("bag_id") or obj.get("referentie")
    for fact, entry in (profile.get("feiten") or {}).items():
        value = entry.get("waarde") if isinstance(entry, dict) else entry
        if isinstance(entry, dict) and entry.get("datum") is not None:
            row[f"{fact}__datum"] = str(entry["datum"])
        if isinstance(value, bool):
            value = "ja" if value else "nee"
        elif isinstance(value, list):
            value = ";".join(value) or ";"  # a lone ';' is the empty list
        row[fact] = None if value is None else str(value)
    return row


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    columns: dict[str, None] = {}
    for r in rows:
        columns.update(dict.fromkeys(r))
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(columns))
        w.writeheader()
        w.writerows(rows)


def expected_summary(profile: dict[str, Any], rules: RuleSet) -> dict[str, Any]:
    a = riskmodel.assess(profile, rules)
    row = summary_row(a, rules, profile.get("wijk"))
    row["peildatum"] = a.receipt.peildatum.isoformat()
    return row


# ---- readers -------------------------------------------------------------------------------

ROWS = [
    {"id": "a-1", "soort": "pand", "gemeente": "Apeldoorn", "peildatum": "2024-02-01",
     "omg_motorcultuur_zichtbaar": "ja", "aangetroffen": "softdrugs;harddrugs",
     "geweldsincidenten_12m": "2"},
    {"id": "a-2", "soort": "wijk", "gemeente": "Deventer", "wijk": "Wijk 04 Centrum",
     "peildatum": "2024-03-01", "omg_motorcultuur_zichtbaar": "onbekend"},
]


def _write(fmt: str, path: Path, rows: list[dict[str, Any]]) -> Path:
    if fmt == "csv":
        write_csv(path, rows)
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif fmt == "parquet":
        pl.DataFrame(rows, infer_schema_length=None).write_parquet(path)
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        columns = list(dict.fromkeys(k for r in rows for k in r))
        book.active.append(columns)
        for r in rows:
            book.active.append([r.get(c) for c in columns])
        book.save(path)
    else:  # a directory of profile files
        path.mkdir()
        for r in rows:
            feiten = {k: v for k, v in r.items()
                      if k not in ("id", "soort", "gemeente", "wijk", "peildatum")}
            prof = {k: r[k] for k in ("id", "soort", "gemeente", "peildatum") if k in r}
            if r.get("wijk"):
                prof["wijk"] = r["wijk"]
            prof["feiten"] = feiten
            (path / f"{r['id']}.yaml").write_text(yaml.safe_dump(prof), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "xlsx", "dir"])
def test_every_format_reads_and_assesses_the_same(fmt: str, tmp_path: Path,
                                                  rules: RuleSet) -> None:
    path = _write(fmt, tmp_path / (f"in.{fmt}" if fmt != "dir" else "profielen"), ROWS)
    result = assess_table(path, rules)
    assert result.failed == 0, [e.format("nl") for e in result.errors]
    assert result.rows == 2
    assert result.summary["id"].to_list() == ["a-1", "a-2"]
    assert result.summary["wijk"].to_list() == [None, "Wijk 04 Centrum"]
    assert list(result.summary.columns) == summary_columns(rules)
    first = {"id": "a-1", "soort": "pand", "gemeente": "Apeldoorn", "peildatum": "2024-02-01",
             "feiten": {"omg_motorcultuur_zichtbaar": True,
                        "aangetroffen": ["softdrugs", "harddrugs"],
                        "geweldsincidenten_12m": 2}}
    assert result.summary.row(0, named=True) == expected_summary(first, rules)


def test_chunks_carry_the_row_numbers_the_file_shows(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("# uitleg\n# meer uitleg\nid,soort,gemeente,peildatum\n"
                    "a,pand,Ede,2024-01-01\n\nb,pand,Ede,2024-01-01\n"
                    "c,pand,Ede,2024-01-01\n", encoding="utf-8")
    chunks = list(iter_chunks(path, chunk_size=2))
    assert [c.frame[ROW_COLUMN].to_list() for c in chunks] == [[4, 6], [7]]
    assert [c.index for c in chunks] == [0, 1]


def test_parquet_typed_columns_become_cells(tmp_path: Path, rules: RuleSet) -> None:
    path = tmp_path / "in.parquet"
    pl.DataFrame({"id": ["t-1"], "soort": ["pand"], "gemeente": ["Ede"],
                  "peildatum": [dt.date(2024, 2, 1)], "omg_motorcultuur_zichtbaar": [True],
                  "geweldsincidenten_12m": [3.0], "aangetroffen": [["softdrugs"]]}
                 ).write_parquet(path)
    result = assess_table(path, rules)
    assert result.failed == 0, [e.format("nl") for e in result.errors]
    expected = expected_summary({"id": "t-1", "soort": "pand", "gemeente": "Ede",
                                 "peildatum": "2024-02-01", "feiten": {
                                     "omg_motorcultuur_zichtbaar": True,
                                     "geweldsincidenten_12m": 3,
                                     "aangetroffen": ["softdrugs"]}}, rules)
    assert result.summary.row(0, named=True) == expected


# ---- the template ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_round_trip(fmt: str, tmp_path: Path, rules: RuleSet) -> None:
    template = tmp_path / f"sjabloon.{fmt}"
    r = subprocess.run([str(EXE), "batch", "--template", fmt, "--output", str(template)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    profiles = scenario_profiles(3)
    rows = [as_row(p) for p in profiles]
    if fmt == "csv":
        text = template.read_text(encoding="utf-8")
        assert "# omg_motorcultuur_zichtbaar:" in text  # the question as a comment line
        header = next(csv.reader([line for line in text.splitlines()
                                  if not line.startswith("#")]))
        with template.open("a", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=header, extrasaction="raise")
            for row in rows:
                w.writerow({k: v for k, v in row.items() if k in header})
    else:
        from openpyxl import load_workbook

        book = load_workbook(template)
        assert book.sheetnames == ["profielen", "toelichting"]
        dropdowns = {str(v.sqref).split(":")[0]: v.formula1
                     for v in book["profielen"].data_validations.dataValidation}
        assert dropdowns["B2"] == '"gemeente,wijk,pand,evenement,groep"'  # soort
        notes = list(book["toelichting"].iter_rows(values_only=True))
        assert notes[0] == ("kolom", "vraag", "type", "toegestane waarden",
                            "gebruikelijke bron")
        assert any(n[0] == "aangetroffen" and "softdrugs" in (n[3] or "") for n in notes)
        sheet = book["profielen"]
        header = [c.value for c in sheet[1]]
        for row in rows:
            sheet.append([row.get(c) for c in header])
        book.save(template)
    out = tmp_path / "uit.csv"
    r = subprocess.run([str(EXE), "batch", str(template), "--output", str(out)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    summary = pl.read_csv(out, infer_schema=False)
    assert summary["id"].to_list() == [p["id"] for p in profiles]
    for i, p in enumerate(profiles):
        expected = {k: v for k, v in expected_summary(p, rules).items()}
        got = summary.row(i, named=True)
        assert got == {k: (None if v is None else str(v)) for k, v in expected.items()}


def test_template_lists_every_fact(rules: RuleSet) -> None:
    text = csv_template(rules)
    header = next(line for line in text.splitlines() if not line.startswith("#")).split(",")
    assert header[:7] == ["id", "soort", "gemeente", "wijk", "peildatum", "omschrijving",
                          "object"]
    assert set(header[7:]) == set(rules.facts)


# ---- bad rows, errors file, equality with assess ------------------------------------------------

def _varied_rows(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """`n` rows from the scenario profiles with random facts made unknown."""
    rng = random.Random(seed)
    base = [as_row(p) for p in scenario_profiles()]
    rows = []
    for i in range(n):
        row = dict(rng.choice(base))
        row["id"] = f"rij-{i:05d}"
        for key in list(row):
            if key not in ("id", "soort", "gemeente", "peildatum") and rng.random() < 0.2:
                row[key] = rng.choice([None, "onbekend"])
        rows.append(row)
    return rows


def test_excel_with_one_percent_bad_rows(tmp_path: Path, rules: RuleSet) -> None:
    rows = _varied_rows(2000)
    bad: dict[int, str] = {}  # index -> column the error must name
    future = (dt.date(2024, 1, 1)).isoformat()
    kinds = ["value", "unknown_column", "personal", "future"]
    for n, i in enumerate(range(50, 2000, 100)):  # 20 rows = 1%
        kind = kinds[n % 4]
        if kind == "value":
            rows[i]["omg_motorcultuur_zichtbaar"] = "misschien"
            bad[i] = "omg_motorcultuur_zichtbaar"
        elif kind == "unknown_column":
            rows[i]["omg_clubhuiz"] = "ja"
            bad[i] = "omg_clubhuiz"
        elif kind == "personal":
            rows[i]["naam"] = "Piet"
            bad[i] = "naam"
        else:
            rows[i]["peildatum"] = "2023-06-01"
            rows[i]["omg_motorcultuur_zichtbaar"] = "ja"
            rows[i]["omg_motorcultuur_zichtbaar__datum"] = future
            bad[i] = "omg_motorcultuur_zichtbaar__datum"
    path = _write("xlsx", tmp_path / "invoer.xlsx", rows)
    out, errors = tmp_path / "uit.parquet", tmp_path / "fouten.csv"
    r = subprocess.run([str(EXE), "batch", str(path), "--output", str(out), "--errors",
                        str(errors), "--chunk-size", "500"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 1, r.stderr  # some rows failed
    assert "invoer.xlsx rij 52, kolom omg_motorcultuur_zichtbaar" in r.stderr
    found = pl.read_csv(errors, infer_schema=False)
    by_row = {int(row["row"]): row for row in found.iter_rows(named=True)}
    assert set(by_row) == {i + 2 for i in bad}  # sheet row: header is row 1
    for i, column in bad.items():
        assert by_row[i + 2]["column"] == column, by_row[i + 2]
        assert by_row[i + 2]["id"] == rows[i]["id"]
    codes = {row["code"] for row in by_row.values()}
    assert codes == {"type", "unknown-fact", "personal-data", "future-observation"}
    summary = pl.read_parquet(out)
    assert summary.height == 2000 - len(bad)
    assert summary["id"].to_list() == [r["id"] for i, r in enumerate(rows) if i not in bad]
    # a sample of rows equals per-profile assess
    rng = random.Random(3)
    for i in rng.sample([i for i in range(2000) if i not in bad], 15):
        row = rows[i]
        profile = _profile_of(row, rules)
        got = summary.filter(pl.col("id") == row["id"]).row(0, named=True)
        want = expected_summary(profile, rules)
        assert got == {k: (None if v is None else str(v)) for k, v in want.items()}


def test_every_scenario_as_a_row_equals_assess(tmp_path: Path, rules: RuleSet) -> None:
    profiles = scenario_profiles()
    path = tmp_path / "alle.jsonl"
    path.write_text("".join(json.dumps(p, default=str) + "\n" for p in profiles),
                    encoding="utf-8")
    result = assess_table(path, rules, chunk_size=37)
    assert result.failed == 0, [e.format("nl") for e in result.errors[:5]]
    assert result.summary.height == len(profiles)
    for i, p in enumerate(profiles):
        want = expected_summary(p, rules)
        assert result.summary.row(i, named=True) == {k: (None if v is None else str(v))
                                                      for k, v in want.items()}, p["id"]


def test_bad_lines_and_duplicates_are_errors_not_losses(tmp_path: Path, rules: RuleSet
                                                        ) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "x", "soort": "pand", "gemeente": "Ede", "peildatum": "2024-01-01"}\n'
                    '{"id": "y", "soort": "pand", "gemeente": "Ede"}\n'
                    "{kapot\n"
                    "[1, 2]\n"
                    '{"id": "x", "soort": "pand", "gemeente": "Ede", "peildatum": "2024-01-01"}\n',
                    encoding="utf-8")
    result = assess_table(path, rules, chunk_size=4)  # bad lines after a bad row in a chunk
    assert result.rows == 5 and result.failed == 4
    assert result.summary["id"].to_list() == ["x"]
    assert [(e.row, e.code, e.column) for e in result.errors] == [
        (2, "missing-key", "peildatum"), (3, "yaml-syntax", None), (4, "type", None),
        (5, "duplicate-id", "id")]


# ---- outputs, resume, exit codes ----------------------------------------------------------------

def test_details_and_errors_files(tmp_path: Path, rules: RuleSet) -> None:
    path = _write("csv", tmp_path / "in.csv", [*ROWS, {"id": "kapot", "soort": "huis",
                                                        "gemeente": "Ede",
                                                        "peildatum": "2024-01-01"}])
    out = tmp_path / "uit.xlsx"
    result = run_batch(path, out, rules, details_dir=tmp_path / "details",
                       errors_path=tmp_path / "fouten.jsonl")
    assert result.failed == 1
    details = sorted(p.name for p in (tmp_path / "details").iterdir())
    assert details == ["a-1.json", "a-2.json"]
    a = json.loads((tmp_path / "details" / "a-1.json").read_text(encoding="utf-8"))
    assert a["receipt"]["profile_id"] == "a-1"
    errors = [json.loads(line) for line in (tmp_path / "fouten.jsonl").read_text().splitlines()]
    assert [(e["row"], e["column"], e["code"]) for e in errors] == [(4, "soort", "unknown-value")]
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]] == summary_columns(rules)
    assert sheet.max_row == 3
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())  # no work dir left


class Crash(Exception):
    pass


def test_interrupted_run_keeps_old_outputs_and_resume_finishes_it(tmp_path: Path,
                                                                   rules: RuleSet) -> None:
    rows = _varied_rows(60, seed=11)
    rows[13]["soort"] = "huis"  # one bad row, so the errors part is exercised too
    path = _write("csv", tmp_path / "in.csv", rows)
    whole = tmp_path / "heel.csv"
    run_batch(path, whole, rules, chunk_size=10)
    out = tmp_path / "uit.csv"
    out.write_text("oud\n", encoding="utf-8")
    seen: list[int] = []

    def crash_after_third(index: int, rows_done: int, failed: int) -> None:
        seen.append(index)
        if index == 2:
            raise Crash

    with pytest.raises(Crash):
        run_batch(path, out, rules, chunk_size=10, on_chunk=crash_after_third)
    assert out.read_text(encoding="utf-8") == "oud\n"  # the old output, untouched
    assert not (tmp_path / "uit.fouten.csv").exists()
    resumed: list[int] = []
    result = run_batch(path, out, rules, chunk_size=10, resume=True,
                       on_chunk=lambda i, r, f: resumed.append(i))
    assert resumed == [3, 4, 5]  # only the chunks after the last completed one
    assert result.resumed_chunks == 3 and result.resumed_rows == 30
    assert result.rows == 60 and result.failed == 1 and not result.resume_refused
    assert out.read_bytes() == whole.read_bytes()
    assert (tmp_path / "uit.fouten.csv").read_text() == (tmp_path / "heel.fouten.csv").read_text()


def test_resume_over_changed_input_starts_anew(tmp_path: Path, rules: RuleSet) -> None:
    rows = _varied_rows(30, seed=5)
    path = _write("csv", tmp_path / "in.csv", rows)
    out = tmp_path / "uit.parquet"

    def crash(index: int, rows_done: int, failed: int) -> None:
        if index == 1:
            raise Crash

    with pytest.raises(Crash):
        run_batch(path, out, rules, chunk_size=10, on_chunk=crash)
    rows[0]["gemeente"] = "Zutphen"
    _write("csv", path, rows)
    done: list[int] = []
    result = run_batch(path, out, rules, chunk_size=10, resume=True,
                       on_chunk=lambda i, r, f: done.append(i))
    assert done == [0, 1, 2] and result.resumed_chunks == 0 and result.resume_refused
    assert pl.read_parquet(out)["gemeente"][0] == "Zutphen"


def test_command_usage_errors_exit_2(tmp_path: Path) -> None:
    cases = [
        ["batch"],
        ["batch", str(tmp_path / "niet-er.csv"), "--output", str(tmp_path / "u.csv")],
        ["batch", str(ROOT / "README.md"), "--output", str(tmp_path / "u.csv")],
        ["batch", str(ROOT / "scenarios" / "profielen"), "--output", str(tmp_path / "u.txt")],
        ["batch", str(ROOT / "scenarios" / "profielen"), "--output", str(tmp_path / "u.csv"),
         "--chunk-size", "0"],
        ["batch", str(ROOT / "scenarios" / "profielen"), "--output",
         str(tmp_path / "geen-map" / "u.csv")],
        ["batch", str(ROOT / "scenarios" / "profielen"), "--output", str(tmp_path / "u.csv"),
         "--details", str(ROOT / "README.md")],
        ["batch", str(ROOT / "scenarios" / "profielen"), "--output", str(tmp_path / "u.csv"),
         "--errors", str(tmp_path / "f.txt")],
    ]
    for args in cases:
        r = subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=120)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr


def test_command_all_rows_assessed_exits_0_and_is_quiet_in_pipes(tmp_path: Path) -> None:
    out = tmp_path / "u.csv"
    r = subprocess.run([str(EXE), "batch", str(ROOT / "scenarios" / "profielen"),
                        "--output", str(out), "--lang", "en"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""  # no progress bar in a pipe
    assert "1 row(s): 1 assessed, 0 failed" in r.stdout
    assert pl.read_csv(out)["id"].to_list() == ["voorbeeld-clubhuis-bedrijventerrein"]


def test_import_riskmodel_does_not_load_polars() -> None:
    code = ("import sys, riskmodel; assert 'polars' not in sys.modules; "
            "f = riskmodel.assess_table; assert 'polars' in sys.modules")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr


def _profile_of(row: dict[str, Any], rules: RuleSet) -> dict[str, Any]:
    """The profile mapping a table row stands for (the test's own reading of a row)."""
    profile: dict[str, Any] = {k: row[k] for k in ("id", "soort", "gemeente", "peildatum")}
    if row.get("wijk") not in (None, "onbekend"):  # an unknown wijk is no wijk
        profile["wijk"] = row["wijk"]
    if row.get("object") not in (None, "onbekend"):
        profile["object"] = {"referentie": row["object"]}
    facts: dict[str, Any] = {}
    for key, value in row.items():
        if key in profile or key in ("wijk", "object") or value in (None, "onbekend"):
            continue
        if key.endswith("__datum"):
            facts.setdefault(key.removesuffix("__datum"), {})["datum"] = value
            continue
        fact = rules.facts[key]
        if fact.type == "bool":
            value = value == "ja"
        elif fact.type == "enum_list":
            value = [v for v in value.split(";") if v]
        elif fact.type == "int":
            value = int(value)
        elif fact.type == "decimal":
            value = float(value)
        facts.setdefault(key, {})["waarde"] = value
    profile["feiten"] = facts
    return profile


def test_summary_without_explanation_equals_the_assessment(tmp_path: Path,
                                                           rules: RuleSet) -> None:
    """Without --details the summary comes from the engine's decisions directly; it must
    equal summary_row of the full assessment on random rows with unknowns, and the output
    with --details (built from full assessments) must be the same file."""
    rows = _varied_rows(250, seed=99)
    path = _write("csv", tmp_path / "in.csv", rows)
    lean, full = tmp_path / "lean.csv", tmp_path / "full.csv"
    run_batch(path, lean, rules, chunk_size=64)
    run_batch(path, full, rules, chunk_size=64, details_dir=tmp_path / "d")
    assert lean.read_bytes() == full.read_bytes()
    summary = pl.read_csv(lean, infer_schema=False)
    assert summary.height == 250
    for i, row in enumerate(rows):
        want = expected_summary(_profile_of(row, rules), rules)
        assert summary.row(i, named=True) == {k: (None if v is None else str(v))
                                              for k, v in want.items()}, row["id"]


def test_atomic_table_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    from riskmodel.report.atomic import write_atomic_with

    target = tmp_path / "uit.parquet"
    target.write_bytes(b"oud")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise Crash

    with pytest.raises(Crash):
        write_atomic_with(target, half_then_fail)
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["uit.parquet"]  # no temporary left


def test_progress_bar_only_when_asked(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from riskmodel.batch import progress

    monkeypatch.setenv("CI", "true")
    assert progress.wanted() is False
    with progress.Progress(False, 10) as bar:
        bar.update(5, 1)
    assert capsys.readouterr().err == ""
    with progress.Progress(True, 10, "en") as bar:
        bar.update(5, 0)
        bar.update(10, 2)
    err = capsys.readouterr().err
    assert "10/10" in err and "2 failed" in err and "rows/s" in err


def test_missing_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from riskmodel.batch import command
    from riskmodel.errors import UserInputError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "distributed" else real(name, *a))
    with pytest.raises(UserInputError) as exc:
        command.need_extra("dask", "nl")
    assert "pip install 'riskmodel[dask]'" in exc.value.diagnostics[0].message


def test_vector_engine_slot_merges_vouched_and_checked_rows(
        tmp_path: Path, rules: RuleSet, monkeypatch: pytest.MonkeyPatch) -> None:
    """The --engine vector slot with a stand-in evaluator that vouches for every other row
    (computed by the reference) and leaves the rest to the reference path: the output must
    equal the reference run, rows in input order, refused rows in the errors file."""
    import types

    from riskmodel.batch.run import BatchOptions, evaluate_frame_reference

    calls: list[list[str]] = []

    def evaluate_frame(df: pl.DataFrame, rules: RuleSet, *, peildatum: Any = None) -> Any:
        calls.append(df.columns)
        valid = [i for i in range(df.height) if i % 2 == 0]
        invalid = [i for i in range(df.height) if i % 2 == 1]
        framed = df.with_columns(pl.int_range(1, df.height + 1).alias(ROW_COLUMN))
        summary, errors, _ = evaluate_frame_reference(framed[valid], rules,
                                                      BatchOptions("x", peildatum))
        assert not errors  # the stand-in only vouches for rows that are valid
        return types.SimpleNamespace(summary=summary.drop(ROW_COLUMN), valid_rows=valid,
                                     invalid_rows=invalid)

    monkeypatch.setitem(sys.modules, "riskmodel.batch.vector",
                        types.SimpleNamespace(evaluate_frame=evaluate_frame))
    rows = _varied_rows(40, seed=8)
    rows[3]["soort"] = "huis"  # odd index: left to the reference path, which refuses it
    path = _write("csv", tmp_path / "in.csv", rows)
    run_batch(path, tmp_path / "ref.csv", rules, chunk_size=16)
    run_batch(path, tmp_path / "vec.csv", rules, chunk_size=16, engine="vector")
    assert calls and all(ROW_COLUMN not in c for c in calls)  # input columns only
    assert (tmp_path / "vec.csv").read_bytes() == (tmp_path / "ref.csv").read_bytes()
    assert (tmp_path / "vec.fouten.csv").read_bytes() == (tmp_path / "ref.fouten.csv").read_bytes()


def test_peildatum_overrides_every_row_as_assess_does(tmp_path: Path, rules: RuleSet) -> None:
    path = _write("csv", tmp_path / "in.csv", ROWS)
    result = assess_table(path, rules, peildatum="2025-06-01")
    assert result.summary["peildatum"].to_list() == ["2025-06-01", "2025-06-01"]
    profile = {"id": "a-2", "soort": "wijk", "gemeente": "Deventer", "wijk": "Wijk 04 Centrum",
               "peildatum": "2024-03-01", "feiten": {}}
    a = riskmodel.assess(profile, rules, peildatum="2025-06-01")
    want = summary_row(a, rules, "Wijk 04 Centrum")
    want["peildatum"] = "2025-06-01"
    assert result.summary.row(1, named=True) == want
