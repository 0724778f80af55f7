"""Shared by tests/test_soak.py and benchmarks/soak_durable.py: a bounded run of many durable
assessments with injected engine failures, measuring resident memory."""

from __future__ import annotations

import dataclasses
import random
import resource
from typing import Any

from riskmodel import EngineError, assess
from riskmodel.evaluate.durable.evaluator import DurableEvaluator, _Engine
from riskmodel.evaluate.durable.plan import DurableRuleset
from riskmodel.model.ruleset import RuleSet

#: more properties than the C core accepts in one fact (error 302, measured)
_JUNK = frozenset(f"zz{n}" for n in range(300))


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # pragma: no cover


class FaultyEngine(_Engine):
    """The real engine, except that a flagged assessment asserts a fact the C core refuses
    (300 extra properties: error 302), so the real failure path runs."""

    fail_next = False

    def run(self, rs: DurableRuleset, fact_type: str, fact: dict[str, Any]) -> set[str]:
        if self.fail_next:
            self.fail_next = False
            rs = dataclasses.replace(rs, attributes=rs.attributes | _JUNK)
            fact = {**fact, **{a: 1 for a in _JUNK}}
        return super().run(rs, fact_type, fact)


def _facts(rng: random.Random) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if rng.random() < 0.5:
        facts["woonduur_jaren"] = rng.randint(0, 30)
    if rng.random() < 0.5:
        facts["drugshandel_vastgesteld"] = rng.random() < 0.5
    if rng.random() < 0.5:
        facts["pand_soort"] = rng.choice(["woning", "publiek_lokaal", "erf"])
    return facts


def soak(rules: RuleSet, n: int, fail_every: int = 100, new_evaluator_every: int = 10,
         seed: int = 1, progress: Any = None) -> dict[str, Any]:
    """n assessments; every `fail_every`-th fails in the engine; every
    `new_evaluator_every`-th uses a fresh DurableEvaluator on the shared engine."""
    rng = random.Random(seed)
    engine = FaultyEngine()
    evaluator = DurableEvaluator(engine=engine)
    base = {"id": "p1", "soort": "pand", "gemeente": "Almere", "feiten": {}}
    days = ["2023-06-01", "2019-06-01", "2008-01-01"]
    failures = 0
    ok = 0
    start = end = 0.0
    for i in range(n):
        if progress is not None and i and i % max(1, n // 10) == 0:
            progress({"i": i, "failures": failures, "rss_mb": round(rss_mb(), 1)})
        if i == min(n - 1, max(50, n // 20)):  # after warm-up: every plan registered once
            start = rss_mb()
        data = {**base, "peildatum": days[i % len(days)],
                "feiten": _facts(rng)}
        if i % new_evaluator_every == 0:
            evaluator = DurableEvaluator(engine=engine)
        if i % fail_every == fail_every - 1:
            engine.fail_next = True
            try:
                assess(data, rules, engine=evaluator)
            except EngineError:
                failures += 1
            else:  # pragma: no cover
                raise AssertionError("injected failure did not fail")
            continue
        assess(data, rules, engine=evaluator)
        ok += 1
    end = rss_mb()
    return {"n": n, "ok": ok, "failures": failures, "rss_start_mb": round(start, 1),
            "rss_end_mb": round(end, 1), "registered": len(engine.registered)}
