"""Scores and levels: the one place that turns indicator results into levels.

durable-rules has no aggregation, so this runs in Python between the fact phase (indicators,
definitions) and the intervention phase; the assessment reads the same functions, so what a
report shows is what the engines decided on.
"""

from __future__ import annotations

from dataclasses import dataclass

from riskmodel.compile.ir import CompiledModel, CompiledPhenomenon, ConditionKey
from riskmodel.evaluate.kleene import Derived, Tri, tri_and


@dataclass(frozen=True)
class OverrideHit:
    """An override indicator that is (possibly) hit while the definition (possibly) holds."""

    indicator: str
    rank: int
    certain: bool


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
        certain_score, possible_score = score_range(ph, compiled, phase1)
        certain = rank_for(ph, certain_score)
        possible = rank_for(ph, possible_score)
        for hit in override_hits(ph, phase1):
            if hit.certain:
                certain = max(certain, hit.rank)
            possible = max(possible, hit.rank)
        derived.levels[ph.id] = (certain, max(certain, possible))
    return derived


def override_hits(ph: CompiledPhenomenon, phase1: dict[ConditionKey, Tri]) -> list[OverrideHit]:
    """Overrides that lift the level now (certain) or may lift it (possible)."""
    gate = phase1[("gate", ph.id)]
    if gate is Tri.FALSE:
        return []
    out = []
    for ov in ph.overrides:
        status = phase1[("ind", ov.indicator)]
        if status is Tri.FALSE:
            continue
        out.append(OverrideHit(ov.indicator, ov.rank,
                               certain=status is Tri.TRUE and gate is Tri.TRUE))
    return out
