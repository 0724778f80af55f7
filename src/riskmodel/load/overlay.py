"""`riskmodel diff`: what a regional overlay changes relative to its base model."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from riskmodel.model.ruleset import SECTIONS, RuleSet


def _short(value: Any) -> str:
    text = repr(value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
                if isinstance(value, BaseModel) else value)
    return text if len(text) <= 80 else text[:77] + "..."


def diff_models(base: RuleSet, overlay: RuleSet) -> list[str]:
    lines: list[str] = []
    for section, attr in SECTIONS.items():
        old: dict[str, BaseModel] = getattr(base, attr)
        new: dict[str, BaseModel] = getattr(overlay, attr)
        for item_id in sorted(set(old) - set(new)):
            lines.append(f"- {section}.{item_id}: verwijderd")
        for item_id in sorted(set(new) - set(old)):
            lines.append(f"+ {section}.{item_id}: toegevoegd")
        for item_id in sorted(set(old) & set(new)):
            a, b = old[item_id], new[item_id]
            if a == b:
                continue
            for field in type(a).model_fields:
                va, vb = getattr(a, field), getattr(b, field)
                if va != vb:
                    lines.append(f"~ {section}.{item_id}.{field}: {_short(va)} -> {_short(vb)}")
    return lines
