"""Every text of a model by key, built once per rule set.

The assessment carries ids; names, questions and reasons live here (and in the assessment's
`texts` section only when asked for), so a document does not repeat a fact's bilingual label
and question in every place that fact is mentioned. Keys are listed in
`riskmodel.model.assessment.TextKey`.
"""

from __future__ import annotations

import hashlib

import orjson

from riskmodel.model.common import Label, Source
from riskmodel.model.ruleset import RuleSet

Texts = dict[str, Label]


def model_texts(rules: RuleSet) -> Texts:
    cached = rules.cache.get("texts")
    if cached is None:
        cached = _build(rules)
        rules.cache["texts"] = cached
    assert isinstance(cached, dict)
    return cached


def _build(rules: RuleSet) -> Texts:
    out: Texts = {}
    for f in rules.facts.values():
        out[f"feit:{f.id}"] = f.label
        if f.question:
            out[f"vraag:{f.id}"] = f.question
        for v in f.allowed_values or []:
            if v.label:
                out[f"waarde:{f.id}:{v.id}"] = v.label
        if f.register_id and f.register_id in rules.registers:
            for item in rules.registers[f.register_id].items:
                out[f"waarde:{f.id}:{item.id}"] = item.label
    for ind in rules.indicators.values():
        out[f"indicator:{ind.id}"] = ind.label
    for ph in rules.phenomena.values():
        out[f"fenomeen:{ph.id}"] = ph.label
        if ph.definition:
            out[f"definitie:{ph.id}"] = ph.definition.label
        if ph.reconstruction:
            out[f"reconstructie:{ph.id}"] = ph.reconstruction
        for lv in ph.levels:
            out[f"niveau:{ph.id}:{lv.id}"] = lv.label
        for ov in ph.overrides:
            out[f"ophoging:{ph.id}:{ov.indicator}"] = ov.reason
    for iv in rules.interventions.values():
        out[f"interventie:{iv.id}"] = iv.label
        if iv.subsidiarity:
            out[f"subsidiariteit:{iv.id}"] = iv.subsidiarity
        if iv.unavailable_reason:
            out[f"niet_beschikbaar:{iv.id}"] = iv.unavailable_reason
        for g in iv.legal_gates:
            out[f"poort:{iv.id}:{g.id}"] = g.label
            out[f"poort_reden:{iv.id}:{g.id}"] = g.reason_not_met
        for fl in iv.flags:
            out[f"afweging:{iv.id}:{fl.id}"] = fl.label
    return out


def citation_key(src: Source) -> str:
    """Stable key of a source: the same source gets the same key in every assessment."""
    blob = orjson.dumps(src.model_dump(mode="json", by_alias=True), option=orjson.OPT_SORT_KEYS)
    return "b" + hashlib.sha256(blob).hexdigest()[:10]


def model_sources(rules: RuleSet) -> dict[str, Source]:
    """Every source the model cites, by citation key (built once per rule set)."""
    cached = rules.cache.get("sources")
    if cached is None:
        found: list[Source] = []
        for ind in rules.indicators.values():
            found += ind.sources
        for iv in rules.interventions.values():
            for g in iv.legal_gates:
                found += g.sources
            for fl in iv.flags:
                found += fl.sources
        cached = {citation_key(src): src for src in found}
        rules.cache["sources"] = cached
    assert isinstance(cached, dict)
    return cached
