"""Measured limits of durable-rules' C core (issue 9 item 3): models that used to fail with
error 113 (too many junctions in a pattern) or 303 (alpha stack full) now run, agree with the
Kleene interpreter, and every plan passes check_plan."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskmodel.compile.ir import And, Atom, Node, Or
from riskmodel.evaluate.durable.evaluator import DurableEvaluator
from riskmodel.evaluate.durable.limits import (
    MAX_ALPHA_NODES,
    MAX_JUNCTIONS_PER_PATTERN,
    alpha_nodes,
    check_plan,
    junctions,
)
from riskmodel.evaluate.durable.translate import plan_phase
from riskmodel.evaluate.kleene import evaluate


def atom(i: int) -> Atom:
    return Atom(f"f{i}", f"f{i}", "eq", 1)


def known(i: int) -> Atom:
    return Atom(f"f{i}", f"f{i}", "known")


#: each failed before at registration (113) or at assert (303), for every profile
PROBES: dict[str, dict[tuple[str, ...], Node]] = {
    "alle_14_tests": {("ind", "a"): And(tuple(atom(i) for i in range(14)))},
    "alle_5_een_van_pairs": {("ind", "a"): And(tuple(Or((atom(2 * i), atom(2 * i + 1)))
                                                     for i in range(5)))},
    "een_van_6_alle_pairs": {("ind", "a"): Or(tuple(And((atom(2 * i), atom(2 * i + 1)))
                                                    for i in range(6)))},
    "three_een_van_60_bekend": {("ind", f"i{k}"): Or(tuple(known(i) for i in range(60)))
                                for k in range(3)},
    "alle_100_tests": {("ind", "a"): And(tuple(atom(i) for i in range(100)))},
    "gate_13b_combined": {("igate", "sluiting_13b", "g"): Or((
        Atom("pand", "pand_soort", "eq", "publiek_lokaal"),
        Atom("pand", "pand_soort", "in", ("woning", "niet_publiek_lokaal", "erf")),
        And((Or((atom(1), atom(2), And((known(3), atom(3))))),
             And((known(4), atom(4))),
             Or((Atom("f5", "f5", "gt", 5), And((known(6), atom(6))), atom(7))))),
    ))},
}


@pytest.mark.parametrize("name", sorted(PROBES))
def test_probe_plans_stay_inside_the_limits(name: str) -> None:
    plan = plan_phase("feiten", "profiel", PROBES[name])
    assert check_plan(plan) == []
    for rs in plan.rulesets:
        assert alpha_nodes(rs.definition) <= MAX_ALPHA_NODES
        for rule in rs.definition.values():
            assert junctions(rule["all"][0]["m"]) <= MAX_JUNCTIONS_PER_PATTERN


@pytest.mark.parametrize("name", sorted(PROBES))
def test_probe_runs_with_every_fact_known(name: str) -> None:
    conditions = PROBES[name]
    env: dict[str, int | str] = {f"f{i}": 1 for i in range(100)}
    env["pand"] = "woning"
    got = DurableEvaluator().decide("feiten", conditions, env, None)
    assert got == {k: evaluate(n, env, None) for k, n in conditions.items()}


_value = st.one_of(st.none(), st.sampled_from([0, 1, 6]))


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(sorted(PROBES)),
       values=st.lists(_value, min_size=100, max_size=100),
       pand=st.sampled_from([None, "woning", "publiek_lokaal", "gebied"]))
def test_durable_agrees_with_kleene_on_probe_models(name: str, values: list[Any],
                                                    pand: str | None) -> None:
    conditions = PROBES[name]
    env: dict[str, int | str] = {f"f{i}": v for i, v in enumerate(values) if v is not None}
    if pand is not None:
        env["pand"] = pand
    got = DurableEvaluator().decide("feiten", conditions, env, None)
    assert got == {k: evaluate(n, env, None) for k, n in conditions.items()}


# ---- riskmodel check proves it; an engine refusal is a located model error ---------------------


def wide_model(root: Any, facts: int = 60, indicators: int = 3) -> Any:
    """Indicators each een_van over the same `bekend` facts (error 303 before)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "model.yaml").write_text(
        "model: breed\nversie: 0.0.1\nlabel: {nl: b, en: b}\n"
        "bestanden: [inhoud.yaml]\n", encoding="utf-8")
    feiten = "".join(f"  - {{id: f{n}, type: int, label: {{nl: f{n}, en: f{n}}}}}\n"
                     for n in range(facts))
    tests = ", ".join(f"{{feit: f{n}, bekend: true}}" for n in range(facts))
    inds = "".join(
        f"  - {{id: i{k}, fenomeen: gen, label: {{nl: i{k}, en: i{k}}}, "
        f"als: {{een_van: [{tests}]}}, punten: 1, bron: [{{titel: t}}]}}\n"
        for k in range(indicators))
    (root / "inhoud.yaml").write_text(
        "feiten:\n" + feiten +
        "fenomenen:\n  - id: gen\n    label: {nl: g, en: g}\n    bron: [{titel: t}]\n"
        "    niveaus:\n      - {id: laag, label: {nl: l, en: l}, drempel: 0}\n"
        "      - {id: hoog, label: {nl: h, en: h}, drempel: 2}\n"
        "indicatoren:\n" + inds, encoding="utf-8")
    return root


def test_check_passes_a_wide_model_that_durable_now_runs(tmp_path: Any) -> None:
    import datetime as dt

    from riskmodel import assess, load_rules
    from riskmodel.check.model_check import check_model

    rules = load_rules(wide_model(tmp_path / "breed"))
    report = check_model(rules, dt.date(2024, 1, 1))
    assert report.ok, [d.format() for d in report.diagnostics]
    data = {"id": "p1", "soort": "pand", "gemeente": "X", "peildatum": "2023-06-01",
            "feiten": {f"f{n}": 1 for n in range(60)}}
    got = assess(data, rules, engine=DurableEvaluator())
    want = assess(data, rules, engine="python")
    assert [i.status for i in got.indicators] == [i.status for i in want.indicators]
    assert got.phenomenon("gen").level.id == "hoog"


def test_engine_refusal_is_a_located_user_error(tmp_path: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """With the splitting switched off and the static check blind, the real registration in
    `check` (prove_plans) still finds error 113 and reports it at the indicator's line; the
    evaluator raises a RuleError (exit 2), not an engine failure."""
    import datetime as dt

    from riskmodel import RuleError, assess, load_rules
    from riskmodel.check.model_check import check_model
    from riskmodel.evaluate.durable import limits, translate

    root = tmp_path / "smal"
    wide_model(root, facts=16, indicators=1)
    body = (root / "inhoud.yaml").read_text(encoding="utf-8")
    tests = ", ".join(f"{{feit: f{n}, minimaal: 1}}" for n in range(16))
    body = body.replace("een_van: [", f"alle: [{tests}], _x: [", 1)
    body = body.split(", _x: [")[0] + "}, punten: 1, bron: [{titel: t}]}\n"
    (root / "inhoud.yaml").write_text(body, encoding="utf-8")
    monkeypatch.setattr(translate, "MAX_JUNCTIONS_PER_PATTERN", 99)
    monkeypatch.setattr(limits, "MAX_JUNCTIONS_PER_PATTERN", 99)
    monkeypatch.setattr(translate, "_and", lambda parts: translate.junction(
        parts, absorbing=False, neutral=True, members=lambda p: None,
        build=lambda ps: {"$and": ps}))
    rules = load_rules(root)
    report = check_model(rules, dt.date(2024, 1, 1))
    errors = [d for d in report.diagnostics if d.code == "engine-limit"]
    assert errors and "113" in errors[0].format()
    assert errors[0].line is not None and "inhoud.yaml" in errors[0].file
    data = {"id": "p1", "soort": "pand", "gemeente": "X", "peildatum": "2023-06-01",
            "feiten": {}}
    with pytest.raises(RuleError, match="113"):
        assess(data, rules, engine=DurableEvaluator())


#: the law reviewer's original 13b gate (public premises / dwelling branches combined with
#: preparatory acts + knowledge + large-scale cultivation), which gave error 113
GATE_13B = """\
      - id: gecombineerd
        label: {nl: "Gecombineerde poort 13b (lid 1 onder a of b)", en: "Combined gate"}
        als:
          een_van:
            - alle:
                - een_van:
                    - {feit: pand_soort, is: publiek_lokaal}
                    - geldig: {vanaf: 2007-11-01}
                      als: {feit: pand_soort, in: [woning, niet_publiek_lokaal, erf]}
                - een_van:
                    - {feit: drugshandel_vastgesteld, is: true}
                    - alle:
                        - een_van:
                            - {feit: harddrugs_gram, groter_dan: 0.5}
                            - {feit: softdrugs_gram, groter_dan: 5}
                            - {feit: hennepplanten, groter_dan: 5}
                            - {feit: aangetroffen, bevat: hennepkwekerij}
                            - alle:
                                - {feit: drugs_hoeveelheid_kwalitatief, bekend: true}
                                - feit: drugs_hoeveelheid_kwalitatief
                                  in: [meer_dan_gebruikershoeveelheid, grote_hoeveelheid]
                        - een_van:
                            - {feit: eigen_gebruik_aangetoond, is: false}
                            - {feit: eigen_gebruik_aangetoond, bekend: false}
            - geldig: {vanaf: 2019-01-01}
              als:
                alle:
                  - {feit: pand_soort, in: [woning, publiek_lokaal, niet_publiek_lokaal, erf]}
                  - een_van:
                      - {feit: aangetroffen, bevat: productiemiddelen_synthetisch}
                      - {feit: hennepteelt_grootschalig_of_bedrijfsmatig, is: true}
                  - {feit: wetenschap_bestemming_voorbereiding, is: true}
        reden_niet_voldaan: {nl: "x", en: "x"}
        bron: [{titel: "Art. 13b lid 1 Opiumwet"}]
"""


@pytest.mark.parametrize("facts", [
    {"pand_soort": "woning", "aangetroffen": ["productiemiddelen_synthetisch"],
     "wetenschap_bestemming_voorbereiding": True, "harddrugs_gram": 3},
    {"pand_soort": "publiek_lokaal", "drugshandel_vastgesteld": True},
    {"pand_soort": "erf", "hennepteelt_grootschalig_of_bedrijfsmatig": True},
    {},
])
def test_combined_13b_gate_runs_and_agrees(tmp_path: Any, facts: dict[str, Any]) -> None:
    import shutil
    from pathlib import Path

    from riskmodel import assess, load_rules

    root = tmp_path / "r13b"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", root)
    path = root / "interventies.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("    afwegingen:", text.index("  - id: sluiting_13b\n"))
    path.write_text(text[:at] + GATE_13B + text[at:], encoding="utf-8")
    rules = load_rules(root)
    data = {"id": "p1", "soort": "pand", "gemeente": "X", "peildatum": "2023-06-01",
            "feiten": facts}
    got = assess(data, rules, engine=DurableEvaluator())
    want = assess(data, rules, engine="python")
    assert [(i.id, i.status) for i in got.interventions] == \
        [(i.id, i.status) for i in want.interventions]


# ---- the limits themselves, measured on the installed durable-rules ----------------------------


def _raw(patterns: list[dict[str, Any]], fact: dict[str, Any]) -> str:
    """Register one ruleset (the patterns plus a sentinel) in a scratch engine and assert one
    fact: 'ok', or the C core's error code."""
    import re

    from riskmodel.evaluate.durable.evaluator import _Engine

    engine = _Engine()
    host = engine.ensure_host()
    name = f"probe_{abs(hash(repr(patterns))) % 10**9}"
    definition = {f"r{i}": {"all": [{"m": {"$and": [{"t": "x"}, p]}}], "run": f"{name}|r{i}"}
                  for i, p in enumerate(patterns)}
    definition["s"] = {"all": [{"m": {"t": "x"}}], "run": f"{name}|s"}
    try:
        host.register_rulesets({name: definition})
        host.assert_fact(name, {"sid": "1", "id": "f", "t": "x", **fact})
        return "ok"
    except Exception as exc:
        found = re.search(r"error code: (\d+)", str(exc))
        return found.group(1) if found else str(exc)
    finally:
        engine.free(name)


def _chain(depth: int) -> dict[str, Any]:
    expr: dict[str, Any] = {"a0": 1}
    for i in range(depth):
        expr = {"$and" if i % 2 else "$or": [expr, {f"a{i + 1}": 1}]}
    return expr


def test_measured_junction_limit() -> None:
    # the discriminator's $and plus `depth` nested junctions
    assert _raw([_chain(MAX_JUNCTIONS_PER_PATTERN - 1)], {}) == "ok"
    assert _raw([_chain(MAX_JUNCTIONS_PER_PATTERN)], {}) == "113"
    # leaves under one junction are not limited
    assert _raw([{"$or": [{f"a{i}": 1} for i in range(80)]}], {}) == "ok"


def test_measured_stack_limit() -> None:
    fact = {f"a{i}": 1 for i in range(100)}

    def wide(n: int, rules: int = 1) -> list[dict[str, Any]]:
        return [{"$or": [{"$ex": {f"a{i}": 1}} for i in range(n)]}] * rules

    assert _raw(wide(64), fact) == "ok"
    assert _raw(wide(65), fact) == "303"
    assert _raw(wide(59, rules=6), fact) == "ok"
    assert _raw(wide(60, rules=6), fact) == "303"  # three indicators' T and P rules
    # the budget the translation keeps to is below every measured failure
    assert MAX_ALPHA_NODES < 65
