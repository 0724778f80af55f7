"""The non-discrimination lint: a fact, value or indicator about a protected ground is an
error of `riskmodel check`, unless it is marked as victim protection with a justification."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from model_copies import MINI, mutated_model

from riskmodel import RuleError, load_rules
from riskmodel.check import check_model
from riskmodel.check.grounds import Term, bundled_grounds, findings, words_of
from riskmodel.model.ruleset import RuleSet

NATIONALITY = """feiten:
  - id: nationaliteit
    type: enum
    label: {nl: Nationaliteit van de eigenaar, en: Nationality of the owner}
    waarden: [nl, anders]
"""
JUSTIFIED = NATIONALITY + (
    "    slachtofferbescherming: {toelichting: \"Alleen om slachtoffers van uitbuiting in hun "
    "eigen taal te kunnen informeren; weegt nooit mee in een niveau.\"}\n")


def model_with(tmp_path: Path, rule_file: str, manifest_extra: str = "") -> Path:
    folder = tmp_path / "regio"
    folder.mkdir(parents=True)
    (folder / "model.yaml").write_text(
        "model: regio\nversie: 1.0.0\nlabel: {nl: Regio, en: Region}\n"
        f"basis: {MINI.resolve()}\nbestanden: [extra.yaml]\n{manifest_extra}",
        encoding="utf-8")
    (folder / "extra.yaml").write_text(rule_file, encoding="utf-8")
    return folder


def ground_errors(rules: RuleSet) -> list[tuple[str, int | None, str]]:
    report = check_model(rules)
    return [(Path(d.file).name, d.line, d.path) for d in report.diagnostics
            if d.code == "protected-ground"]


def test_a_nationality_fact_is_refused_with_its_location(tmp_path: Path) -> None:
    rules = load_rules(model_with(tmp_path, NATIONALITY))
    report = check_model(rules)
    (d,) = [d for d in report.diagnostics if d.code == "protected-ground"]
    assert d.severity == "error" and not report.ok
    assert Path(d.file).name == "extra.yaml" and d.line == 2 and d.path == "feiten[0]"
    assert "nationaliteit" in d.message and "slachtofferbescherming" in (d.expected or "")
    assert "nationality" in d.format("en")


def test_with_a_written_justification_it_passes(tmp_path: Path) -> None:
    rules = load_rules(model_with(tmp_path, JUSTIFIED))
    report = check_model(rules)
    assert ground_errors(rules) == []
    assert report.stats["slachtofferbescherming"] == 1


def test_a_justification_must_say_something(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as info:
        load_rules(model_with(tmp_path, NATIONALITY + "    slachtofferbescherming: {toelichting: ja}\n"))
    assert [d.code for d in info.value.diagnostics] == ["range"]


def test_cli_check_refuses_the_model(tmp_path: Path) -> None:
    folder = model_with(tmp_path, NATIONALITY)
    r = subprocess.run([sys.executable, "-m", "riskmodel.cli", "check", str(folder), "--format",
                        "json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 2, r.stderr
    codes = [d["code"] for d in json.loads(r.stdout)["diagnostics"]]
    assert "protected-ground" in codes


def test_values_and_indicators_are_checked_too(tmp_path: Path) -> None:
    rules = load_rules(model_with(tmp_path, """feiten:
  - id: bewonersgroep
    type: enum
    label: {nl: Groep bewoners, en: Group of residents}
    waarden:
      - {id: woonwagenbewoners, label: {nl: Woonwagenbewoners, en: Caravan dwellers}}
      - {id: overig}
indicatoren:
  - id: moskee_in_de_buurt
    fenomeen: omg
    label: {nl: Moskee in de buurt, en: Mosque nearby}
    als: {feit: motorclub_aanwezig, is: true}
    punten: 1
    bron: [{titel: test}]
"""))
    found = {(f.what, f.subject, f.ground) for f in findings(rules)}
    assert ("value", "bewonersgroep.woonwagenbewoners", "gemeenschap") in found
    assert ("indicator", "moskee_in_de_buurt", "religie") in found
    paths = {p for _, _, p in ground_errors(rules)}
    assert "feiten[0].waarden[0]" in paths and "indicatoren[0]" in paths


def test_word_boundaries_avoid_false_hits() -> None:
    ras = Term.parse("ras")
    assert ras.matches(["ras"]) and not ras.matches(["terras"]) and not ras.matches(["rasp"])
    assert Term.parse("*migranten").matches(words_of("kwetsbare_arbeidsmigranten")[0])
    assert Term.parse("nationalit*").matches(words_of("Nationality of the owner")[0])
    assert Term.parse("land van herkomst").matches(words_of("land_van_herkomst_eigenaar")[0])
    assert not Term.parse("land van herkomst").matches(words_of("herkomst van het land")[0])
    jewish = [t for t in bundled_grounds()["religie"].terms if t.text in ("jew", "jewish")]
    assert jewish and not any(t.matches(words_of("Jewellery shop")[0]) for t in jewish)


def test_a_region_adds_terms(tmp_path: Path) -> None:
    rule = "feiten:\n  - id: roots_eigenaar\n    type: bool\n    label: {nl: Roots, en: Roots}\n"
    assert ground_errors(load_rules(model_with(tmp_path / "a", rule))) == []
    rules = load_rules(model_with(tmp_path / "b", rule, "beschermde_gronden: {afkomst_regio: [roots]}\n"))
    assert [(f.ground, f.term) for f in findings(rules)] == [("afkomst_regio", "roots")]


def test_the_bundled_model_does_not_trip_it(bundled_rules: RuleSet) -> None:
    found = list(findings(bundled_rules))
    assert found, "the bundled model names labour migrants as victims; the lint must see it"
    assert all(f.justified for f in found), [f for f in found if not f.justified]


def test_removing_the_marker_in_the_bundled_copy_is_an_error(tmp_path: Path) -> None:
    model = mutated_model(tmp_path, "feiten.yaml", "label: {nl: Motorclub aanwezig",
                          "label: {nl: Motorclub met religieuze signatuur aanwezig")
    errors = ground_errors(load_rules(model))
    assert errors == [("feiten.yaml", 2, "feiten[0]")]
