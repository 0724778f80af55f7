"""The reasoning tree: every phenomenon and intervention down to facts and sources.

Built from the assessment's own sections, so the tree can never say something the sections
do not; `find` picks the subtree for one id (like `opa eval --explain`).
"""

from __future__ import annotations

from riskmodel.errors import Diagnostic, UserInputError, did_you_mean
from riskmodel.model.assessment import (
    Assessment,
    Citation,
    Evidence,
    IndicatorResult,
    InterventionResult,
    MissingFact,
    PhenomenonResult,
    TraceNode,
)

#: kinds that `find` can start from
ROOT_KINDS = ("interventie", "fenomeen", "indicator")


def _facts(evidence: list[Evidence], missing: list[MissingFact]) -> list[TraceNode]:
    known = [TraceNode(kind="feit", id=e.fact, result="bekend", value=e.value, source=e.source,
                       observed=e.observed) for e in evidence]
    return known + [TraceNode(kind="feit", id=m.fact, result="onbekend") for m in missing]


def _citations(citations: list[Citation]) -> list[TraceNode]:
    return [TraceNode(kind="bron", id=str(i), result="geverifieerd" if c.verified
                      else "niet_geverifieerd", source=c.text, verified=c.verified)
            for i, c in enumerate(citations)]


def build_trace(indicators: list[IndicatorResult], phenomena: list[PhenomenonResult],
                interventions: list[InterventionResult]) -> list[TraceNode]:
    by_ph: dict[str, list[IndicatorResult]] = {}
    for ind in indicators:
        by_ph.setdefault(ind.phenomenon, []).append(ind)
    nodes: list[TraceNode] = []
    for ph in phenomena:
        children: list[TraceNode] = []
        if ph.definition is not None:
            children.append(TraceNode(kind="definitie", id=ph.id, result=ph.definition,
                                      children=_facts(ph.definition_evidence, [])))
        for ind in by_ph.get(ph.id, []):
            children.append(TraceNode(
                kind="indicator", id=ind.id, result=ind.status,
                children=_facts(ind.evidence, ind.missing_facts) + _citations(ind.sources)))
        nodes.append(TraceNode(kind="fenomeen", id=ph.id, result=ph.level.id,
                               children=children))
    for iv in interventions:
        children = [TraceNode(kind="aanleiding", id=iv.id, result=iv.trigger)]
        for g in iv.legal_gates:
            children.append(TraceNode(
                kind="poort", id=g.id, result=g.status,
                children=_facts(g.evidence, g.missing_facts) + _citations(g.citations)))
        for f in iv.flags:
            children.append(TraceNode(
                kind="afweging", id=f.id, result=f.status,
                children=_facts(f.evidence, f.missing_facts) + _citations(f.citations)))
        nodes.append(TraceNode(kind="interventie", id=iv.id, result=iv.status,
                               children=children))
    return nodes


def walk(nodes: list[TraceNode]) -> list[TraceNode]:
    out: list[TraceNode] = []
    for n in nodes:
        out.append(n)
        out.extend(walk(n.children))
    return out


def find(assessment: Assessment, target: str) -> TraceNode:
    """The subtree of the intervention, phenomenon or indicator with id `target`."""
    for kind in ROOT_KINDS:
        for n in walk(assessment.trace):
            if n.kind == kind and n.id == target:
                return n
    known = sorted({n.id for n in walk(assessment.trace) if n.kind in ROOT_KINDS})
    raise UserInputError([Diagnostic(
        "<argument>", None, None, "target",
        f"'{target}' komt niet voor in deze beoordeling (niet voorgesteld of onbekend)",
        suggestion=did_you_mean(target, known), code="unknown-id", loc=("target",))])
