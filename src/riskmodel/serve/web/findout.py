"""'Wat eerst uitzoeken': which unknown fact to ask the police or RIEC about first.

PROVISIONAL. This counts, for each unknown fact, the undecided outcomes whose `missing_facts`
contain it: indicators (onbepaald), phenomena (definition undecided, or a level that can still
rise), legal gates (onbepaald), proportionality flags (onbepaald) and interventions
(onvoldoende_gegevens). A fact that appears in many open outcomes is likely to decide more of
them, but a count is not a proof: knowing it may decide none (another unknown fact may keep
the outcome open either way). The exact ranking (does any value of the fact decide the
outcome?) is being added to the Assessment by another change; at merge this one function is
switched to it, and nothing else in the web package ranks facts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from riskmodel.model.assessment import Assessment
from riskmodel.model.ruleset import RuleSet
from riskmodel.serve.web.facts import asked_facts


@dataclass(frozen=True)
class FindOut:
    fact: str
    outcomes: int


def find_out(assessment: Assessment, rules: RuleSet, limit: int | None = None) -> list[FindOut]:
    """Unknown facts by how many open outcomes name them, most first (ties by fact id).

    Only facts the form asks for the profile's kind are ranked (`facts.asked_facts`: the
    fact applies to the kind and something that applies to the kind reads it): the analyst of
    an event is never sent to ask about a building, and every entry links to its question.
    """
    counts: Counter[str] = Counter()

    def count(missing: list[str]) -> None:
        counts.update(set(missing))

    for ind in assessment.indicators:
        if ind.status == "onbepaald":
            count(ind.missing_facts)
    for ph in assessment.phenomena:
        if ph.definition == "onbepaald" or ph.possible_level.rank > ph.level.rank:
            count(ph.missing_facts)
    for iv in assessment.interventions:
        if iv.status == "onvoldoende_gegevens":
            count(iv.missing_facts)
        for g in iv.legal_gates:
            if g.status == "onbepaald":
                count(g.missing_facts)
        for f in iv.flags:
            if f.status == "onbepaald":
                count(f.missing_facts)
    asked = asked_facts(rules, assessment.receipt.profile_kind)
    ranked = sorted(
        (FindOut(fid, n) for fid, n in counts.items() if fid in asked),
        key=lambda f: (-f.outcomes, f.fact))
    return ranked if limit is None else ranked[:limit]
