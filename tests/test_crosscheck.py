"""Property test: the durable-rules evaluator and the Python reference agree on every model.

For every model that loads (rules/ and tests/models/*, never tests/models/broken), Hypothesis
draws profiles from the model's own fact vocabulary: each fact absent, explicitly `onbekend`,
or a valid value of its type (register ids and their aliases included, numbers and dates near
the constants the rules compare with), on a peildatum drawn from fixed legal boundaries and the
model's own validity dates. Both engines must produce identical JSON apart from the engine
fields of the receipt. This is the test that catches durable-rules' type and matching quirks.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from model_copies import MINI, REPO

import riskmodel
from riskmodel import RuleError, assess, load_rules
from riskmodel.check.privacy import find_personal_data
from riskmodel.model.conditions import Dated, FactTest, walk
from riskmodel.model.rules import Fact
from riskmodel.model.ruleset import RuleSet

SOURCES = ("politie", "riec", "gemeente", "om", "open_bron", "eigen_waarneming", "overig")

#: fixed peildata spanning 2012-2026, with the boundaries where the law changed
FIXED_PEILDATA = tuple(
    dt.date.fromisoformat(d)
    for d in (
        "2012-01-01", "2014-07-01", "2016-03-15", "2018-12-31", "2019-01-01", "2019-05-28",
        "2019-05-29", "2020-06-30", "2021-12-23", "2021-12-24", "2022-07-14", "2022-07-15",
        "2023-06-01", "2023-12-31", "2024-01-01", "2025-07-01", "2026-12-31",
    )
)


def discover_models() -> list[Path]:
    """Every model directory in the repository, broken test copies excluded."""
    found = set(REPO.glob("rules/**/model.yaml")) | set(REPO.glob("tests/models/*/model.yaml"))
    broken = REPO / "tests" / "models" / "broken"
    return sorted(p.parent for p in found if broken not in p.parents)


def _loads(model_dir: Path) -> bool:
    try:
        load_rules(model_dir)
    except RuleError:
        return False
    return True


LOADABLE = [p for p in discover_models() if _loads(p)]


@functools.cache
def rules_for(model_dir: Path) -> RuleSet:
    return load_rules(model_dir)


def _all_conditions(rules: RuleSet) -> list[Any]:
    conds: list[Any] = [ind.condition for ind in rules.indicators.values()]
    conds += [ph.definition.condition for ph in rules.phenomena.values() if ph.definition]
    for iv in rules.interventions.values():
        conds.append(iv.trigger)
        conds += [g.condition for g in iv.legal_gates]
        conds += [f.condition for f in iv.flags]
    return conds


@functools.cache
def vocabulary(model_dir: Path) -> tuple[dict[str, list[Any]], dict[str, list[int]], list[dt.date]]:
    """Per fact: constants the rules compare it with; binnen_dagen windows; boundary dates."""
    rules = rules_for(model_dir)
    consts: dict[str, list[Any]] = {}
    windows: dict[str, list[int]] = {}
    days: set[dt.date] = set(FIXED_PEILDATA)

    def boundary(d: dt.date | None) -> None:
        if d is not None:
            days.update(d + dt.timedelta(days=k) for k in (-1, 0, 1))

    for cond in _all_conditions(rules):
        for node in walk(cond):
            if isinstance(node, Dated):
                boundary(node.period.start)
                boundary(node.period.end)
            if not isinstance(node, FactTest):
                continue
            if node.operator == "binnen_dagen":
                windows.setdefault(node.fact, []).append(int(node.operand))
                continue
            values = node.operand if isinstance(node.operand, list) else [node.operand]
            consts.setdefault(node.fact, []).extend(
                v for v in values if not isinstance(v, bool | str | dict) and v is not None
            )
    for items in (rules.indicators.values(), rules.interventions.values()):
        for item in items:
            boundary(item.valid_from)
            boundary(item.valid_to)
    for iv in rules.interventions.values():
        for part in (*iv.legal_basis, *iv.legal_gates, *iv.flags):
            boundary(part.valid_from)
            boundary(part.valid_to)
    for reg in rules.registers.values():
        for item in reg.items:
            for status in item.statuses:
                boundary(status.valid_from)
                boundary(status.valid_to)
    return consts, windows, sorted(days)


def _no_bsn(value: Any) -> bool:
    return not list(find_personal_data(value))


def _numbers(fact: Fact, consts: list[Any]) -> st.SearchStrategy[Any]:
    lo = fact.minimum if fact.minimum is not None else -1e7
    hi = fact.maximum if fact.maximum is not None else 1e7
    if fact.type == "int":
        ilo, ihi = math.ceil(lo), math.floor(hi)
        near = sorted({int(c) + d for c in consts for d in (-1, 0, 1) if float(c).is_integer()}
                      | {ilo, ihi})
        near = [v for v in near if ilo <= v <= ihi]
        rand = st.integers(max(ilo, -10_000_000), min(ihi, 10_000_000))
        return st.one_of(st.sampled_from(near), rand).filter(_no_bsn)
    # decimals carry at most 4 places (the loader refuses more); draw them as scaled ints
    near_f = sorted({round(float(c) + d, 4)
                     for c in consts for d in (-0.5, -0.0001, 0.0, 0.0001, 0.5)}
                    | {float(lo), float(hi)})
    near_f = [v for v in near_f if lo <= v <= hi and round(v, 4) == v]
    scale = 10_000
    fine = st.integers(math.ceil(max(lo, -1e7) * scale), math.floor(min(hi, 1e7) * scale)).map(
        lambda x: x / scale
    )
    cents = st.integers(math.ceil(max(lo, -1e7) * 100), math.floor(min(hi, 1e7) * 100)).map(
        lambda x: x / 100
    )
    return st.one_of(st.sampled_from(near_f), cents, fine)


def _dates(fact_consts: list[Any], windows: list[int], peil: dt.date) -> st.SearchStrategy[Any]:
    near: set[dt.date] = {peil, peil - dt.timedelta(days=1), peil + dt.timedelta(days=1)}
    for c in fact_consts:
        if isinstance(c, dt.date):
            near.update(c + dt.timedelta(days=k) for k in (-1, 0, 1))
    for n in windows:
        near.update(peil - dt.timedelta(days=n + k) for k in (-1, 0, 1))
    return st.one_of(
        st.sampled_from(sorted(near)),
        st.dates(dt.date(2005, 1, 1), dt.date(2028, 12, 31)),
    )


def fact_values(rules: RuleSet, fact: Fact, consts: list[Any], windows: list[int],
                peil: dt.date) -> st.SearchStrategy[Any]:
    if fact.type == "bool":
        return st.booleans()
    if fact.type in ("int", "decimal"):
        return _numbers(fact, consts)
    if fact.type == "date":
        return _dates(consts, windows, peil)
    allowed = rules.enum_values(fact)
    if fact.type == "enum":
        return st.sampled_from(allowed)
    return st.lists(st.sampled_from(allowed), max_size=len(allowed) + 1)


@st.composite
def profiles(draw: st.DrawFn, model_dir: Path) -> dict[str, Any]:
    rules = rules_for(model_dir)
    consts, windows, days = vocabulary(model_dir)
    peil = draw(st.sampled_from(days))
    feiten: dict[str, Any] = {}
    # Per profile a mix of forms: "all known" profiles reach the cases where no rule matches
    # at all, sparse ones the cases where everything is undecided.
    forms = draw(st.sampled_from((
        ("absent", "onbekend", "waarde", "waarde", "entry"),
        ("waarde", "entry"),
        ("absent", "onbekend", "onbekend", "waarde"),
    )))
    for fid in sorted(rules.facts):
        fact = rules.facts[fid]
        form = draw(st.sampled_from(forms))
        if form == "absent":
            continue
        if form == "onbekend":
            feiten[fid] = "onbekend"
            continue
        value = draw(fact_values(rules, fact, consts.get(fid, []), windows.get(fid, []), peil))
        if form == "waarde":
            feiten[fid] = value
        else:
            entry: dict[str, Any] = {"waarde": value, "bron": draw(st.sampled_from(SOURCES))}
            if draw(st.booleans()):
                entry["datum"] = peil - dt.timedelta(days=draw(st.integers(0, 800)))
            feiten[fid] = entry
    return {
        "id": "kruiscontrole",
        "soort": draw(st.sampled_from(("pand", "wijk", "evenement", "groep", "gemeente"))),
        "gemeente": "Teststad",
        "peildatum": peil,
        "feiten": feiten,
    }


def _canonical(assessment: Any) -> str:
    data = assessment.model_dump(mode="json")
    data["receipt"].pop("engine")
    data["receipt"].pop("engine_version")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1)


def test_discovery_finds_the_mini_model() -> None:
    dirs = discover_models()
    assert MINI in dirs
    assert all("broken" not in p.relative_to(REPO).parts for p in dirs)
    assert MINI in LOADABLE


@pytest.mark.parametrize(
    "model_dir", LOADABLE, ids=[str(p.relative_to(REPO)) for p in LOADABLE]
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_all_three_engines_agree(model_dir: Path, data: st.DataObject) -> None:
    """The generated code, the Rete engine and the Kleene interpreter give one answer."""
    rules = rules_for(model_dir)
    profile = data.draw(profiles(model_dir), label="profiel")
    durable = assess(profile, rules, engine="durable")
    python = assess(profile, rules, engine="python")
    compiled = assess(profile, rules, engine="compiled")
    assert (durable.receipt.engine, python.receipt.engine, compiled.receipt.engine) == (
        "durable", "python", "compiled")
    assert _canonical(durable) == _canonical(python) == _canonical(compiled)


@pytest.mark.parametrize(
    "model_dir", LOADABLE, ids=[str(p.relative_to(REPO)) for p in LOADABLE]
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_code_equals_the_interpreter(model_dir: Path, data: st.DataObject) -> None:
    """Cheap enough for many more examples than the three-engine test: every condition of
    both phases, on random profiles with unknowns."""
    from riskmodel.api import compiled_for
    from riskmodel.evaluate.generated import CompiledEvaluator
    from riskmodel.evaluate.python_engine import PythonEvaluator

    rules = rules_for(model_dir)
    profile = data.draw(profiles(model_dir), label="profiel")
    p = riskmodel.load_profile(profile, rules)
    compiled = compiled_for(rules, p.peildatum)
    a = CompiledEvaluator().evaluate(rules, compiled, p)
    b = PythonEvaluator().evaluate(rules, compiled, p)
    assert (a.phase1, a.derived.levels, a.phase2) == (b.phase1, b.derived.levels, b.phase2)
