"""What-if against hand-worked cases: the tiny model of tests/models/find_out and one
bundled example, worked out by reading the rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import riskmodel
from riskmodel.cli import main
from riskmodel.model.ruleset import RuleSet
from riskmodel.whatif import render_whatif

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "models" / "find_out"
EXAMPLE = ROOT / "scenarios" / "profielen" / "voorbeeld.yaml"


@pytest.fixture(scope="module")
def tiny() -> RuleSet:
    return riskmodel.load_rules(TINY)


def _profile(**facts: Any) -> dict[str, Any]:
    return {"id": "t", "soort": "pand", "gemeente": "Teststad", "peildatum": "2025-01-01",
            "feiten": facts}


def test_knowing_c_recommends_the_instrument(tiny: RuleSet) -> None:
    # a, b true: definition met, g1 met; i1 = b AND c waits for c. c true: i1 hit, certain
    # score 10 -> L1 (possible stays 30 -> L2), trigger (level >= L1) true, g1 met, flag
    # f1 (c false) absent -> aanbevolen.
    w = riskmodel.whatif(_profile(a=True, b=True), {"c": True}, tiny)
    d = w.to_dict()
    assert d["changes"] == [{"fact": "c", "before": None, "after": True}]
    assert d["levels"] == [{"phenomenon": "ph", "before": "L0", "before_possible": "L2",
                            "after": "L1", "after_possible": "L2"}]
    assert d["indicators"] == [{"id": "i1", "before": "onbepaald", "after": "geraakt"}]
    assert d["interventions"] == [{"id": "iv", "before": "onvoldoende_gegevens",
                                   "after": "aanbevolen"}]
    assert d["gates"] == [] and d["definitions"] == []


def test_a_failing_gate_makes_the_instrument_impossible(tiny: RuleSet) -> None:
    # b false: i1 not hit (possible 20 -> still L2, level unchanged), g1 fails ->
    # juridisch_niet_mogelijk even though the trigger is still open
    w = riskmodel.whatif(_profile(a=True), {"b": False}, tiny)
    assert w.levels == [] and w.definitions == []
    assert [(c.id, c.before, c.after) for c in w.indicators] == [
        ("i1", "onbepaald", "niet_geraakt")]
    assert [(c.id, c.before, c.after) for c in w.gates] == [("iv/g1", "onbepaald",
                                                             "niet_voldaan")]
    assert [(c.id, c.before, c.after) for c in w.interventions] == [
        ("iv", "onvoldoende_gegevens", "juridisch_niet_mogelijk")]


def test_no_definition_and_the_instrument_disappears(tiny: RuleSet) -> None:
    # a false: definition not met, nothing counts: possible level L2 -> L0, the trigger
    # becomes false and iv is no longer listed (its gate with it); the indicators' own
    # statuses do not depend on a
    w = riskmodel.whatif(_profile(), {"a": False}, tiny)
    assert [(c.id, c.before, c.after) for c in w.definitions] == [
        ("ph", "onbepaald", "niet_voldaan")]
    assert [(lv.before, lv.before_possible, lv.after, lv.after_possible)
            for lv in w.levels] == [("L0", "L2", "L0", "L0")]
    assert w.indicators == []
    assert [(c.id, c.before, c.after) for c in w.interventions] == [
        ("iv", "onvoldoende_gegevens", None)]
    assert [(c.id, c.before, c.after) for c in w.gates] == [("iv/g1", "onbepaald", None)]


def test_unknown_undoes_a_fact(tiny: RuleSet) -> None:
    w = riskmodel.whatif(_profile(a=True, b=True, c=True), {"c": "onbekend"}, tiny)
    assert [(c.fact, c.before, c.after) for c in w.changes] == [("c", True, None)]
    assert [(c.id, c.before, c.after) for c in w.interventions] == [
        ("iv", "aanbevolen", "onvoldoende_gegevens")]
    assert [(lv.before, lv.after) for lv in w.levels] == [("L1", "L0")]


def test_nothing_changes(tiny: RuleSet) -> None:
    w = riskmodel.whatif(_profile(a=False), {"k": "x"}, tiny)
    # i3 is hit, but without the definition nothing else moves
    assert [(c.id, c.after) for c in w.indicators] == [("i3", "geraakt")]
    w = riskmodel.whatif(_profile(a=False, k="x"), {"k": "x"}, tiny)
    assert not w.changed
    assert "Er verandert niets" in render_whatif(w)
    assert "Nothing changes" in render_whatif(w, "en")


def test_bundled_example_premises_is_a_dwelling() -> None:
    # voorbeeld.yaml leaves pand_soort open. A dwelling: art. 174 (publiek_toegankelijk:
    # pand_soort is publiek_lokaal) fails; the 13b, 13b-voorbereiding and 174a premises
    # gates are met, but those instruments keep other open gates; hr_drugs_wapens_horeca
    # needs a public premises.
    w = riskmodel.whatif(EXAMPLE, {"pand_soort": "woning"})
    assert [(c.id, c.before, c.after) for c in w.indicators] == [
        ("hr_drugs_wapens_horeca", "onbepaald", "niet_geraakt")]
    assert [(c.id, c.before, c.after) for c in w.interventions] == [
        ("bevel_174", "onvoldoende_gegevens", "juridisch_niet_mogelijk")]
    assert sorted((c.id, c.before, c.after) for c in w.gates) == [
        ("bevel_174/publiek_toegankelijk", "onbepaald", "niet_voldaan"),
        ("sluiting_13b/woning_lokaal_of_erf", "onbepaald", "voldaan"),
        ("sluiting_13b_voorbereiding/woning_lokaal_of_erf", "onbepaald", "voldaan"),
        ("sluiting_174a/woning_niet_publiek_lokaal_erf", "onbepaald", "voldaan")]
    assert w.levels == [] and w.definitions == []


def test_bad_changes_are_located_with_suggestions(tiny: RuleSet) -> None:
    with pytest.raises(riskmodel.UserInputError) as info:
        riskmodel.whatif(_profile(), {"cc": True, "n": "veel", "k": "xx", "b": "ja"}, tiny)
    found = {(d.path, d.code, d.suggestion) for d in info.value.diagnostics}
    assert found == {("zet.cc", "unknown-fact", "c"), ("zet.n", "type", None),
                     ("zet.k", "unknown-value", "x"), ("zet.b", "type", "true")}


def test_cli_text_json_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    rules = str(TINY)
    path = ROOT / "tests" / "models" / "find_out" / "profiel.yaml"
    assert main(["whatif", str(path), "--rules", rules, "--zet", "c=true"]) == 0
    out = capsys.readouterr().out
    assert "Interventie iv: onvoldoende gegevens -> aanbevolen" in out
    assert "Fenomeen ph: niveau L0 (mogelijk L2) -> L1 (mogelijk L2)" in out
    assert main(["whatif", str(path), "--rules", rules, "--zet", "c=true", "--zet", "n=7",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["fact"] for c in data["changes"]] == ["c", "n"]
    assert main(["whatif", str(path), "--rules", rules, "--zet", "c=true", "--lang", "en"]) == 0
    assert "Intervention iv: insufficient" in capsys.readouterr().out
    assert main(["whatif", str(path), "--rules", rules, "--zet", "zz"]) == 2
    assert "feit=waarde" in capsys.readouterr().err
    assert main(["whatif", str(path), "--rules", rules, "--zet", "c=true",
                 "--zet", "c=false"]) == 2
    assert "twee keer" in capsys.readouterr().err
    assert main(["whatif", str(path), "--rules", rules, "--zet", "q=1"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "onbekend feit 'q'" in err
