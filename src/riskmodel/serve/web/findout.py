"""'Wat eerst uitzoeken': which unknown fact to ask the police or RIEC about first.

The ranking is the assessment's own (`Assessment.find_out`, explain/unknowns.py): for each
unknown fact, the outcomes (an indicator, a definition, a level, a gate, a flag, a status)
that some value of the fact would change, computed exactly from the three-valued evaluation.
The page only narrows it to the facts its form asks for this kind of situation, so every
entry links to a question on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from riskmodel.model.assessment import Assessment
from riskmodel.model.ruleset import RuleSet
from riskmodel.serve.web.facts import asked_facts


@dataclass(frozen=True)
class FindOut:
    fact: str
    outcomes: int


def find_out(assessment: Assessment, rules: RuleSet, limit: int | None = None) -> list[FindOut]:
    """The assessment's ranked unknown facts that the form asks for its kind, most first."""
    asked = asked_facts(rules, assessment.receipt.profile_kind)
    ranked = [FindOut(f.fact, f.outcomes) for f in assessment.find_out or []
              if f.fact in asked]
    return ranked if limit is None else ranked[:limit]
