"""`riskmodel beeld` from the command line: real profiles assessed by the engine, bad input
reported (never stopping the picture), user mistakes as exit 2 without a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from model_copies import EXAMPLE_PROFILE

from riskmodel.beeld import read_pairs
from riskmodel.cli import main
from riskmodel.model.ruleset import RuleSet


def _profile(pid: str, gemeente: str = "Enschede", peildatum: str = "2026-11-01",
             **extra: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(yaml.safe_load(EXAMPLE_PROFILE.read_text(encoding="utf-8")),
                                 default=str))
    data.update(id=pid, gemeente=gemeente, peildatum=peildatum, **extra)
    data["object"] = {"referentie": f"ref-{pid}"}
    return data


def _jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                            for r in rows), encoding="utf-8")
    return path


def test_a_directory_with_a_bad_profile_still_gives_the_picture(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"p{i}.json").write_text(json.dumps(_profile(f"p{i}")), encoding="utf-8")
    (d / "kapot.yaml").write_text("id: kapot\nsoort: pand\ngemeente: Enschede\n"
                                  "peildatum: 2026-11-01\nfeiten: {clubhuis_statu: x}\n",
                                  encoding="utf-8")
    out = tmp_path / "beeld.json"
    assert main(["beeld", str(d), "--output", str(out), "--k", "2"]) == 2
    err = capsys.readouterr().err
    assert "kapot.yaml" in err and "Traceback" not in err
    assert "3 profielen, 1 niet beoordeeld" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profiles"] == 3 and data["k"] == 2
    assert [p["source"].endswith("kapot.yaml") for p in data["rejected"]] == [True]
    assert data["rejected"][0]["codes"] == ["unknown-fact"]


def test_jsonl_input_names_the_bad_lines(tmp_path: Path, bundled_rules: RuleSet) -> None:
    src = _jsonl(tmp_path / "p.jsonl", [_profile("a"), "{not json", "[1, 2]", _profile("b"),
                                        _profile("a")])
    read = read_pairs(src, bundled_rules)
    assert [p.id for p, _ in read.pairs] == ["a", "b"]
    assert [(d.line, d.code) for d in read.diagnostics] == [
        (2, "yaml-syntax"), (3, "type"), (5, "duplicate-id")]


def test_two_peildata_of_one_id_give_the_change_section(tmp_path: Path) -> None:
    early = _profile("a", peildatum="2026-01-01")
    early["feiten"] = {}
    src = _jsonl(tmp_path / "p.jsonl", [early, _profile("a")])
    out = tmp_path / "beeld.json"
    assert main(["beeld", str(src), "--output", str(out), "--k", "1"]) == 0
    change = json.loads(out.read_text(encoding="utf-8"))["change"]
    assert change["profiles"] == 1 and change["basis"] == "peildata"
    assert any(m["id"] == "a" and m["direction"] == "omhoog" for m in change["moves"])


def test_vergelijk_buren_and_zonder_ids(tmp_path: Path) -> None:
    before = _profile("h1", gemeente="Hengelo", peildatum="2026-09-01")
    before["feiten"] = {}
    then = _jsonl(tmp_path / "toen.jsonl", [before])
    now = _jsonl(tmp_path / "nu.jsonl", [_profile("e1"),
                                         _profile("h1", gemeente="Hengelo",
                                                  peildatum="2026-12-15")])
    out = tmp_path / "beeld.json"
    args = ["beeld", str(now), "--output", str(out), "--vergelijk", str(then),
            "--buren", "oost-nederland", "--venster", "120"]
    assert main(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["change"]["basis"] == "vergelijk" and data["change"]["moves"]
    assert data["waterbed_window"] == 120
    assert any(s["municipality"] == "Enschede" and s["neighbour"] == "Hengelo"
               and s["rise_ids"] == ["h1"] for s in data["waterbed"])
    assert main([*args, "--zonder-ids"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["ids"] is False and data["change"]["moves"] == []
    assert all(s["rise_ids"] == [] for s in data["waterbed"])


@pytest.mark.parametrize("extra, _code", [
    (["--output", "beeld.txt"], "unknown-value"),
    (["--output", "beeld.html", "--k", "0"], "range"),
    (["--output", "beeld.html", "--venster", "-1"], "range"),
    (["--output", "beeld.html", "--buren", "geen-bestand.csv"], "not-found"),
    (["--output", "beeld.html", "--vergelijk", "geen-map"], "not-found"),
])
def test_user_mistakes_exit_2_without_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], _code: str
) -> None:
    extra = [str(tmp_path / e) if e.startswith(("beeld.", "geen-")) else e for e in extra]
    assert main(["beeld", str(EXAMPLE_PROFILE), *extra]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    assert not (tmp_path / "beeld.html").exists()


@pytest.mark.parametrize("output, options, code", [
    ("beeld.txt", {}, "unknown-value"),
    ("beeld.html", {"k": 0}, "range"),
    ("beeld.html", {"venster": -1}, "range"),
    ("beeld.html", {"buren": "geen-bestand.csv"}, "not-found"),
    ("beeld.html", {"vergelijk": Path("geen-map")}, "not-found"),
])
def test_user_mistakes_carry_their_code(tmp_path: Path, bundled_rules: RuleSet, output: str,
                                        options: dict[str, Any], code: str) -> None:
    from riskmodel.beeld.run import run_beeld
    from riskmodel.errors import UserInputError

    with pytest.raises(UserInputError) as exc:
        run_beeld(EXAMPLE_PROFILE, tmp_path / output, bundled_rules, **options)
    assert [d.code for d in exc.value.diagnostics] == [code]
    assert list(tmp_path.iterdir()) == []


def test_html_and_markdown_in_english(tmp_path: Path) -> None:
    out = tmp_path / "beeld.md"
    assert main(["beeld", str(EXAMPLE_PROFILE), "--output", str(out), "--lang", "en"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Regional undermining picture")
    out = tmp_path / "beeld.html"
    assert main(["beeld", str(EXAMPLE_PROFILE), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
