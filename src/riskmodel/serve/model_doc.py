"""GET /v1/model: the vocabulary an application needs to build a form, in Dutch and English.

Facts with their question, type, widget-relevant values and the situation kinds they apply
to; phenomena with levels and which facts define them; interventions by the ladder.
"""

from __future__ import annotations

from typing import Any, get_args

from riskmodel._version import __version__
from riskmodel.model.conditions import ConditionNode, FactTest, walk
from riskmodel.model.rules import Fact, SituationKind
from riskmodel.model.ruleset import RuleSet


def _facts_in(cond: ConditionNode) -> list[str]:
    seen: dict[str, None] = {}
    for node in walk(cond):
        if isinstance(node, FactTest):
            seen.setdefault(node.fact, None)
    return list(seen)


def _values(rules: RuleSet, fact: Fact) -> list[dict[str, Any]] | None:
    if fact.register_id and fact.register_id in rules.registers:
        return [{"id": item.id, "label": item.label.model_dump()}
                for item in rules.registers[fact.register_id].items]
    if fact.allowed_values is None:
        return None
    return [{"id": v.id, "label": v.label.model_dump() if v.label else None}
            for v in fact.allowed_values]


def model_document(rules: RuleSet) -> dict[str, Any]:
    m = rules.manifest
    phenomena = []
    for ph in rules.phenomena.values():
        indicator_facts: dict[str, None] = {}
        for ind in rules.indicators_of(ph.id):
            for fid in _facts_in(ind.condition):
                indicator_facts.setdefault(fid, None)
        phenomena.append({
            "id": ph.id, "label": ph.label.model_dump(),
            "description": ph.description.model_dump() if ph.description else None,
            "soorten": ph.kinds,
            "definition": ({"label": ph.definition.label.model_dump(),
                            "facts": _facts_in(ph.definition.condition)}
                           if ph.definition else None),
            "levels": [{"id": lv.id, "label": lv.label.model_dump(), "threshold": lv.threshold}
                       for lv in ph.levels],
            "indicators": [{"id": i.id, "label": i.label.model_dump(), "points": i.points}
                           for i in rules.indicators_of(ph.id)],
            "facts": list(indicator_facts),
        })
    return {
        "model": {"id": m.model, "version": m.version, "label": m.label.model_dump(),
                  "rules_sha256": rules.sha256, "riskmodel_version": __version__},
        "soorten": list(get_args(SituationKind)),
        "facts": [{
            "id": f.id, "type": f.type, "label": f.label.model_dump(),
            "question": f.question.model_dump() if f.question else None,
            "unit": f.unit, "values": _values(rules, f), "minimum": f.minimum,
            "maximum": f.maximum, "usual_source": f.usual_source, "soorten": f.kinds,
        } for f in rules.facts.values()],
        "phenomena": phenomena,
        "interventions": [{
            "id": iv.id, "label": iv.label.model_dump(), "ladder": iv.ladder,
            "phenomena": iv.phenomena, "soorten": iv.kinds, "authority": iv.authority,
            "legal_basis": [{"cite": lb.cite(), "kind": lb.kind, "url": lb.url,
                             "verified": lb.verified} for lb in iv.legal_basis],
        } for iv in sorted(rules.interventions.values(), key=lambda i: (i.ladder, i.id))],
    }
