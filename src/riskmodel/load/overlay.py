"""Regional overlays: a model that starts from a base, replaces or removes items by id, and
the diff that shows what it changed."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from riskmodel.errors import DiagnosticList, msg
from riskmodel.model.rules import RuleFile
from riskmodel.model.ruleset import SECTIONS, RuleSet
from riskmodel.source import SourceDoc


def _short(value: Any) -> str:
    if isinstance(value, list):
        value = [v.model_dump(mode="json", by_alias=True, exclude_defaults=True)
                 if isinstance(v, BaseModel) else v for v in value]
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
            for field, info in type(a).model_fields.items():
                va, vb = getattr(a, field), getattr(b, field)
                if va != vb:
                    key = info.alias or field
                    lines.append(f"~ {section}.{item_id}.{key}: {_short(va)} -> {_short(vb)}")
    return lines


def start_from_base(ruleset: RuleSet, base: RuleSet, manifest_doc: SourceDoc,
                    diags: DiagnosticList) -> set[tuple[str, str]]:
    """Start an overlay from its base model: a region changes only what differs."""
    keys: set[tuple[str, str]] = set()
    for name, digest in base.file_hashes.items():
        ruleset.file_hashes[f"basis/{name}"] = digest
    for section, attr in SECTIONS.items():
        drop = set(ruleset.manifest.remove.get(section, []))  # type: ignore[call-overload]
        base_items: dict[str, object] = getattr(base, attr)
        for missing in sorted(drop - set(base_items)):
            diags.add(manifest_doc.diagnostic(("verwijderen", section),
                                              msg("overlay.not_in_base", id=missing),
                                              code="overlay"))
        target: dict[str, object] = getattr(ruleset, attr)
        for item_id, item in base_items.items():
            if item_id not in drop:
                target[item_id] = item
                ruleset.origins[(section, item_id)] = base.origins[(section, item_id)]
                keys.add((section, item_id))
    return keys


def merge_file(ruleset: RuleSet, content: RuleFile, doc: SourceDoc, diags: DiagnosticList,
               base_keys: set[tuple[str, str]]) -> None:
    """Add a file's items; in an overlay, an item with a base item's id replaces it (once)."""
    for section, attr in SECTIONS.items():
        target: dict[str, object] = getattr(ruleset, attr)
        for i, item in enumerate(getattr(content, attr)):
            item_id = item.id
            if (section, item_id) in base_keys:
                base_keys.discard((section, item_id))
                target[item_id] = item
                ruleset.origins[(section, item_id)] = (doc, (section, i))
                continue
            if item_id in target:
                prev_doc, prev_loc = ruleset.origins[(section, item_id)]
                prev_line = prev_doc.position(prev_loc)[0]
                diags.add(
                    doc.diagnostic(
                        (section, i, "id"),
                        msg("id.exists", id=item_id, where=f"{prev_doc.file}:{prev_line}"),
                        code="duplicate-id",
                    )
                )
                continue
            target[item_id] = item
            ruleset.origins[(section, item_id)] = (doc, (section, i))
