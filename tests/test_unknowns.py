"""What to find out first: hand-worked cases on a tiny model, and the incremental ranking held
to a full re-evaluation (and, on the tiny model, to full re-assessments over wide value
ranges)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import riskmodel
from riskmodel.api import compiled_for, get_evaluator
from riskmodel.compile.ir import CompiledModel
from riskmodel.evaluate.base import Evaluation
from riskmodel.evaluate.kleene import Tri, evaluate
from riskmodel.evaluate.scoring import derive
from riskmodel.explain.status import intervention_status
from riskmodel.explain.unknowns import FindOutRanker, _index, _patches, find_out
from riskmodel.model.assessment import Assessment
from riskmodel.model.ruleset import RuleSet

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "models" / "find_out"


@pytest.fixture(scope="module")
def tiny() -> RuleSet:
    return riskmodel.load_rules(TINY)


def _profile(soort: str = "pand", **facts: Any) -> dict[str, Any]:
    return {"id": "t", "soort": soort, "gemeente": "Teststad", "peildatum": "2025-01-01",
            "feiten": facts}


def _ranked(a: Assessment) -> list[tuple[str, int, list[str]]]:
    assert a.find_out is not None
    return [(f.fact, f.outcomes, f.decides) for f in a.find_out]


def test_everything_unknown_worked_by_hand(tiny: RuleSet) -> None:
    # definition a, indicators i1 = b AND c (10), i2 = n >= 5 (10), i3 = k in [x] (5),
    # i4 = p (5, pand only); iv: trigger level >= L1, gate g1 = b, flag f1 = not c.
    # Everything unknown: definition, i1..i4, trigger, g1 and f1 undecided; iv
    # onvoldoende_gegevens; certain level L0 (definition undecided).
    a = riskmodel.assess(_profile(), tiny, find_out=True)
    assert _ranked(a) == [
        # b false: i1 false, g1 fails -> juridisch_niet_mogelijk; b true decides only g1
        ("b", 3, ["gate:iv/g1", "indicator:i1", "status:iv"]),
        # a false: no definition -> trigger false -> iv not listed; a true: the score is
        # still 0 for certain, so the certain level stays L0
        ("a", 2, ["definition:ph", "status:iv"]),
        # c alone can only make i1 false (b is unknown), and decides the flag; the status
        # stays onvoldoende_gegevens because the trigger stays open
        ("c", 2, ["flag:iv/f1", "indicator:i1"]),
        # i3 and i2 decided, but with the definition open no level or status moves
        ("k", 1, ["indicator:i3"]),
        ("n", 1, ["indicator:i2"]),
        ("p", 1, ["indicator:i4"]),
    ]


def test_facts_outside_the_kind_are_not_asked(tiny: RuleSet) -> None:
    # p applies to pand only: a wijk is never asked about it
    a = riskmodel.assess(_profile("wijk"), tiny, find_out=True)
    assert [f.fact for f in a.find_out or []] == ["b", "a", "c", "k", "n"]


def test_definition_known_worked_by_hand(tiny: RuleSet) -> None:
    # a and b true: definition met, g1 met, i1 waits for c; certain score 0 -> L0,
    # possible 30 -> L2; trigger open; iv onvoldoende_gegevens.
    a = riskmodel.assess(_profile(a=True, b=True), tiny, find_out=True)
    assert _ranked(a) == [
        # c true: i1 hit, certain 10 -> L1, trigger true, f1 false -> aanbevolen;
        # c false: i1 not hit, f1 holds
        ("c", 4, ["flag:iv/f1", "indicator:i1", "level:ph", "status:iv"]),
        # n >= 5: i2 hit, L1 certain, trigger true, f1 open -> te_overwegen
        ("n", 3, ["indicator:i2", "level:ph", "status:iv"]),
        # i3 and i4 are worth 5: even hit, the certain score stays below L1
        ("k", 1, ["indicator:i3"]),
        ("p", 1, ["indicator:i4"]),
    ]


def test_nothing_left_to_find_out(tiny: RuleSet) -> None:
    a = riskmodel.assess(_profile(a=False), tiny, find_out=True)
    # no definition: nothing of the phenomenon counts, iv is not listed; the indicators
    # still read their facts
    assert [(f.fact, f.outcomes) for f in a.find_out or []] == [
        ("b", 1), ("c", 1), ("k", 1), ("n", 1), ("p", 1)]
    a = riskmodel.assess(_profile(a=True, b=True, c=True, n=1, k="y", p=False), tiny, find_out=True)
    assert a.find_out == []


# ---- the same answers by brute force --------------------------------------------------

def _status(compiled: CompiledModel, iv_id: str, phase2: dict[Any, Tri]) -> str | None:
    ci = compiled.interventions[iv_id]
    return intervention_status(
        available=ci.available, trigger=phase2[("trig", iv_id)],
        gates=[phase2[("igate", iv_id, g.id)] for g in ci.gates] if ci.available else [],
        flags=[phase2[("flag", iv_id, f.id)] for f in ci.flags] if ci.available else [])


def _outcomes(compiled: CompiledModel, before: Evaluation, after: Evaluation) -> set[str]:
    out: set[str] = set()
    for key, value in before.phase1.items():
        if after.phase1[key] is not value:
            out.add(("indicator:" if key[0] == "ind" else "definition:") + key[1])
    for ph, (certain, _) in before.derived.levels.items():
        if after.derived.levels[ph][0] != certain:
            out.add(f"level:{ph}")
    for iv in compiled.interventions:
        old, new = _status(compiled, iv, before.phase2), _status(compiled, iv, after.phase2)
        if old != new:
            out.add(f"status:{iv}")
        if old is None:
            continue
        for key, value in before.phase2.items():
            if key[1] == iv and key[0] in ("igate", "flag") and after.phase2[key] is not value:
                out.add(("gate:" if key[0] == "igate" else "flag:") + f"{iv}/{key[2]}")
    return out


def _full(compiled: CompiledModel, env: dict[str, int | str]) -> Evaluation:
    """Every condition of the model, evaluated by the Kleene interpreter."""
    phase1 = {k: evaluate(n, env) for k, n in compiled.phase1_conditions().items()}
    derived = derive(compiled, phase1)
    phase2 = {k: evaluate(n, env, derived) for k, n in compiled.phase2_conditions().items()}
    return Evaluation(env, phase1, derived, phase2)


#: the example, some hand-picked kinds, and every seventh scenario (all kinds, many dates)
PROFILES = sorted({"scenarios/profielen/voorbeeld.yaml", "scenarios/cuijk_evenement_2013.yaml",
                   "scenarios/grotendeels_onbekend.yaml", "scenarios/rising_stars_wijk.yaml",
                   *(str(p.relative_to(ROOT)) for p in
                     sorted((ROOT / "scenarios").glob("*.yaml"))[::7])})


def _scenario_profile(path: str, rules: RuleSet) -> riskmodel.Profile:
    from riskmodel.scenarios.model import load_scenario

    if "profielen" in path:
        return riskmodel.load_profile(ROOT / path, rules)
    return load_scenario(ROOT / path, rules).profile


@pytest.mark.parametrize("path", PROFILES)
def test_ranking_equals_a_full_re_evaluation(path: str) -> None:
    rules = riskmodel.load_rules()
    profile = _scenario_profile(path, rules)
    compiled = compiled_for(rules, profile.peildatum)
    ev = get_evaluator().evaluate(rules, compiled, profile)
    ranker = FindOutRanker(rules, compiled, profile, ev)
    idx = _index(compiled)
    candidates = ranker.candidates()
    assert candidates
    for fact in candidates:
        expected: set[str] = set()
        for patch in _patches(rules, idx, fact, compiled.peildatum_ordinal):
            expected |= _outcomes(compiled, ev, _full(compiled, {**ev.env, **patch}))
        assert ranker.decides(fact) == expected, fact
    everything = sorted(((f, ranker.decides(f)) for f in candidates),
                        key=lambda x: (-len(x[1]), x[0]))
    top = [(f, len(d)) for f, d in everything if d][:10]
    assert [(f.fact, f.outcomes) for f in find_out(rules, compiled, profile, ev)] == top


def test_value_domain_is_complete_on_the_tiny_model(tiny: RuleSet) -> None:
    """Every value a profile could carry, assessed in full, decides nothing the ranking
    missed (and the ranking claims nothing no value decides)."""
    domains: dict[str, list[Any]] = {"a": [True, False], "b": [True, False],
                                     "c": [True, False], "n": list(range(0, 101)),
                                     "k": ["x", "y", "z"], "p": [True, False]}
    for known in ({}, {"a": True, "b": True}, {"a": True, "n": 9}, {"c": False}):
        base = riskmodel.assess(_profile(**known), tiny, find_out=True)
        claimed = {f.fact: set(f.decides) for f in base.find_out or []}
        for fact, values in domains.items():
            if fact in known:
                continue
            seen: set[str] = set()
            for value in values:
                after = riskmodel.assess(_profile(**{**known, fact: value}), tiny, find_out=True)
                seen |= _diff(base, after)
            assert claimed.get(fact, set()) == seen, (known, fact)


def _diff(before: Assessment, after: Assessment) -> set[str]:
    out: set[str] = set()
    for old in before.indicators:
        new = after.indicator(old.id)
        assert new is not None
        if old.status == "onbepaald" and new.status != "onbepaald":
            out.add(f"indicator:{old.id}")
    for oph in before.phenomena:
        nph = after.phenomenon(oph.id)
        assert nph is not None
        if oph.definition == "onbepaald" and nph.definition != "onbepaald":
            out.add(f"definition:{oph.id}")
        if oph.level.id != nph.level.id:
            out.add(f"level:{oph.id}")
    for oiv in before.interventions:
        niv = after.intervention(oiv.id)
        if niv is None or niv.status != oiv.status:
            out.add(f"status:{oiv.id}")
        if niv is None:  # not listed any more: its gates and flags are not outcomes
            continue
        new_gates = {g.id: g.status for g in niv.legal_gates}
        for g in oiv.legal_gates:
            if g.status == "onbepaald" and new_gates.get(g.id, "onbepaald") != "onbepaald":
                out.add(f"gate:{oiv.id}/{g.id}")
        new_flags = {f.id for f in niv.flags if f.status == "onbepaald"}
        for f in oiv.flags:
            if f.status == "onbepaald" and f.id not in new_flags:
                out.add(f"flag:{oiv.id}/{f.id}")
    return out


def test_json_carries_the_top_ten_and_reports_show_five() -> None:
    rules = riskmodel.load_rules()
    a = riskmodel.assess(ROOT / "scenarios/profielen/voorbeeld.yaml", rules, find_out=True)
    assert a.find_out is not None and len(a.find_out) == 10
    counts = [f.outcomes for f in a.find_out]
    assert counts == sorted(counts, reverse=True)
    assert all(f.outcomes == len(f.decides) for f in a.find_out)
    text = riskmodel.render(a, "text", rules=rules)
    section = text.split("Eerst uitzoeken:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(section) == 5
    assert section[0].startswith("- " + rules.facts[a.find_out[0].fact].question.nl)  # type: ignore[union-attr]
    english = riskmodel.render(a, "text", lang="en", rules=rules)
    assert "Find out first:" in english
