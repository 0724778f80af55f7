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
