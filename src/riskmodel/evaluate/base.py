"""What every evaluator shares: two phases with the scoring (evaluate.scoring) between them.

Evaluators differ only in how they decide the truth of compiled conditions.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from riskmodel.compile.encode import encode_profile
from riskmodel.compile.ir import CompiledModel, ConditionKey, Node
from riskmodel.evaluate.kleene import Derived, Tri
from riskmodel.evaluate.scoring import derive
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
