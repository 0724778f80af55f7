"""Finding one subtree of the reasoning tree (like `opa eval --explain`).

The tree itself (`Assessment.trace`, built by `model.assessment.build_trace`) is derived from
the assessment's sections, so it can never say something the sections do not.
"""

from __future__ import annotations

from riskmodel.errors import Diagnostic, UserInputError, did_you_mean
from riskmodel.model.assessment import (
    Assessment,
    TraceNode,
)

#: kinds that `find` can start from
ROOT_KINDS = ("interventie", "fenomeen", "indicator")


def walk(nodes: list[TraceNode]) -> list[TraceNode]:
    out: list[TraceNode] = []
    for n in nodes:
        out.append(n)
        out.extend(walk(n.children))
    return out


def find(assessment: Assessment, target: str) -> TraceNode:
    """The subtree of the intervention, phenomenon or indicator with id `target`."""
    trace = assessment.trace
    for kind in ROOT_KINDS:
        for n in walk(trace):
            if n.kind == kind and n.id == target:
                return n
    known = sorted({n.id for n in walk(trace) if n.kind in ROOT_KINDS})
    raise UserInputError([Diagnostic(
        "<argument>", None, None, "target",
        f"'{target}' komt niet voor in deze beoordeling (niet voorgesteld of onbekend)",
        suggestion=did_you_mean(target, known), code="unknown-id", loc=("target",))])
