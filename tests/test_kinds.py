"""Facts per kind of situation (`soorten`): the model check and the profile warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import riskmodel
from riskmodel.check import check_model
from riskmodel.check.kinds import kind_diagnostics, kinds_of, profile_kind_warnings
from riskmodel.cli import main
from riskmodel.model.conditions import FactTest, walk

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "models" / "find_out"


def _tiny_copy(tmp_path: Path, old: str, new: str) -> Path:
    target = tmp_path / "model"
    if not target.exists():
        shutil.copytree(TINY, target)
    path = target / "regels.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_bundled_model_fits_its_kinds() -> None:
    rules = riskmodel.load_rules()
    assert kind_diagnostics(rules) == []
    # and the kinds say something: not everything applies everywhere
    assert rules.facts["pand_soort"].kinds == ["pand"]
    assert set(rules.facts["evenement_vergunning_aangevraagd"].kinds or ()) >= {"evenement"}
    # the OMG definition is answerable wherever OMG applies (an event linked to a club)
    omg = rules.phenomena["omg"]
    assert omg.definition is not None
    for node in walk(omg.definition.condition):
        if isinstance(node, FactTest):
            assert set(kinds_of(rules.facts[node.fact].kinds)) >= set(kinds_of(omg.kinds))
    assert "evenement" in kinds_of(omg.kinds)
    # every instrument that reads the type of premises is for premises only
    for iv in rules.interventions.values():
        conds = [iv.trigger, *(g.condition for g in iv.legal_gates)]
        if any(isinstance(n, FactTest) and n.fact == "pand_soort" for c in conds
               for n in walk(c)):
            assert iv.kinds == ["pand"], iv.id


def test_gate_reading_a_fact_of_another_kind_is_an_error(tmp_path: Path) -> None:
    # iv applies to wijk, but its gate g1 reads p, a pand-only fact (b is for every kind)
    model = _tiny_copy(tmp_path, "    als: {feit: b, is: true}\n        reden_niet_voldaan",
                       "    als: {feit: p, is: true}\n        reden_niet_voldaan")
    model = _tiny_copy(tmp_path, "  - id: iv\n", "  - id: iv\n    soorten: [wijk, pand]\n")
    rules = riskmodel.load_rules(model)
    diags = kind_diagnostics(rules)
    assert len(diags) == 1
    d = diags[0]
    assert (d.code, d.severity, d.path) == ("kind-mismatch", "error",
                                            "interventies[0].poorten[0].als.feit")
    assert d.line is not None and d.file.endswith("regels.yaml")
    assert "poort 'g1'" in d.message and "'p'" in d.message and "wijk" in d.message
    assert "pand" not in d.message.split("soort", 1)[1].split(";")[0]
    assert "gate 'g1'" in d.message_in("en")
    assert not check_model(rules).ok


def test_definition_trigger_and_flag_are_checked(tmp_path: Path) -> None:
    model = _tiny_copy(tmp_path, "  - id: ph\n", "  - id: ph\n    soorten: [wijk]\n")
    model = _tiny_copy(tmp_path, "    als: {feit: a, is: true}",
                       "    als: {alle: [{feit: a, is: true}, {feit: p, is: true}]}")
    model = _tiny_copy(tmp_path, "voorstellen_als: {niveau: ph, minimaal: L1}",
                       "voorstellen_als: {een_van: [{niveau: ph, minimaal: L1}, "
                       "{feit: p, is: true}]}")
    model = _tiny_copy(tmp_path, "als: {feit: c, is: false}",
                       "als: {alle: [{feit: c, is: false}, {feit: p, is: true}]}")
    rules = riskmodel.load_rules(model)
    found = sorted((d.path, d.message.split("]")[0]) for d in kind_diagnostics(rules))
    assert found == [("fenomenen[0].poort.als.alle[1].feit", "[ph"),
                     ("interventies[0].afwegingen[0].als.alle[1].feit", "[iv"),
                     ("interventies[0].voorstellen_als.een_van[1].feit", "[iv")]
    assert main(["check", str(model)]) == 2


def test_profile_fact_outside_its_kind_is_a_warning_not_a_refusal(
        capsys: pytest.CaptureFixture[str]) -> None:
    rules = riskmodel.load_rules(TINY)
    data = {"id": "w", "soort": "wijk", "gemeente": "Teststad", "peildatum": "2025-01-01",
            "feiten": {"a": True, "p": True}}
    profile = riskmodel.load_profile(data, rules)
    warnings = profile_kind_warnings(profile, rules, "w.yaml")
    assert [(d.code, d.severity, d.path) for d in warnings] == [
        ("kind-mismatch", "warning", "feiten.p")]
    assert "soort 'wijk'" in warnings[0].message and "pand" in warnings[0].message
    # the fact still counts
    (outcome,) = riskmodel.assess_many([data], rules)
    assert outcome.ok and [d.code for d in outcome.diagnostics] == ["kind-mismatch"]
    assert outcome.assessment is not None
    indicator = outcome.assessment.indicator("i4")
    assert indicator is not None and indicator.status == "geraakt"
    # unknown values of a fact of another kind are no warning
    data["feiten"] = {"p": "onbekend"}
    assert profile_kind_warnings(riskmodel.load_profile(data, rules), rules, "w.yaml") == []


def test_cli_assess_prints_the_warning_and_succeeds(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wijk.yaml"
    path.write_text("id: w\nsoort: wijk\ngemeente: Teststad\npeildatum: 2025-01-01\n"
                    "feiten:\n  p: true\n", encoding="utf-8")
    assert main(["assess", str(path), "--rules", str(TINY)]) == 0
    err = capsys.readouterr().err
    assert "waarschuwing" in err and "feiten.p" in err
