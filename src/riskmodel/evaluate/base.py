"""What every evaluator shares: the two phases and the scoring between them.

durable-rules has no aggregation, so scores and levels are computed here, between the
fact phase (indicators, gates) and the intervention phase. Evaluators differ only in how
they decide the truth of compiled conditions.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from riskmodel.compile.encode import encode_profile
from riskmodel.compile.ir import CompiledModel, CompiledPhenomenon, ConditionKey, Node
from riskmodel.evaluate.kleene import Derived, Tri, tri_and
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet


@dataclass
class Evaluation:
    env: dict[str, int | str]
    phase1: dict[ConditionKey, Tri]
    derived: Derived
    phase2: dict[ConditionKey, Tri]


class Evaluator(ABC):
    name: str = "abstract"

    @abstractmethod
    def version(self) -> str: ...

    @abstractmethod
    def decide(
        self,
        phase: str,
        conditions: dict[ConditionKey, Node],
        env: dict[str, int | str],
        derived: Derived | None,
    ) -> dict[ConditionKey, Tri]:
        """Truth of every condition for one profile."""

    def evaluate(self, rules: RuleSet, compiled: CompiledModel, profile: Profile) -> Evaluation:
        env = encode_profile(profile, rules)
        phase1 = self.decide("feiten", compiled.phase1_conditions(), env, None)
        derived = derive(compiled, phase1)
        phase2 = self.decide("interventies", compiled.phase2_conditions(), env, derived)
        return Evaluation(env, phase1, derived, phase2)


def score_range(ph: CompiledPhenomenon, compiled: CompiledModel,
                phase1: dict[ConditionKey, Tri]) -> tuple[int, int]:
    gate = phase1[("gate", ph.id)]
    if gate is Tri.FALSE:
        return (0, 0)
    certain = possible = 0
    for ind_id in ph.indicators:
        status = phase1[("ind", ind_id)]
        points = compiled.indicators[ind_id].points
        if status is Tri.TRUE:
            possible += points
            certain += points
        elif status is Tri.UNKNOWN:
            possible += points
    if gate is Tri.UNKNOWN:
        certain = 0
    return (certain, possible)


def rank_for(ph: CompiledPhenomenon, score: int) -> int:
    """Hit policy 'prioriteit': the highest level whose threshold the score reaches."""
    rank = 0
    for level in ph.levels:
        if score >= level.threshold:
            rank = level.rank
    return rank


def derive(compiled: CompiledModel, phase1: dict[ConditionKey, Tri]) -> Derived:
    derived = Derived()
    for ind_id, ind in compiled.indicators.items():
        # What later phases see is 'hit and the definition holds' (Kleene AND).
        derived.indicators[ind_id] = tri_and(phase1[("gate", ind.phenomenon)],
                                             phase1[("ind", ind_id)])
    for ph in compiled.phenomena.values():
        gate = phase1[("gate", ph.id)]
        certain_score, possible_score = score_range(ph, compiled, phase1)
        certain = rank_for(ph, certain_score)
        possible = rank_for(ph, possible_score)
        for ov in ph.overrides:
            status = phase1[("ind", ov.indicator)]
            if gate is Tri.TRUE and status is Tri.TRUE:
                certain = max(certain, ov.rank)
            if gate is not Tri.FALSE and status is not Tri.FALSE:
                possible = max(possible, ov.rank)
        derived.levels[ph.id] = (certain, max(certain, possible))
    return derived
