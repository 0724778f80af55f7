"""The reference evaluator: Kleene logic straight over the IR. Oracle in tests, fallback."""

from __future__ import annotations

from riskmodel._version import __version__
from riskmodel.compile.ir import ConditionKey, Node
from riskmodel.evaluate.base import Evaluator
from riskmodel.evaluate.kleene import Derived, Tri, evaluate


class PythonEvaluator(Evaluator):
    name = "python"

    def version(self) -> str:
        return __version__

    def decide(
        self,
        phase: str,
        conditions: dict[ConditionKey, Node],
        env: dict[str, int | str],
        derived: Derived | None,
    ) -> dict[ConditionKey, Tri]:
        return {key: evaluate(node, env, derived) for key, node in conditions.items()}
