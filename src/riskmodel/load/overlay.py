"""Regional overlays: a model that starts from a base, patches single fields of base items,
replaces, adds or removes items by id, and the diff that shows what it changed.

A patch is one line: `fenomenen.omg.niveaus.T3.drempel: 45`. Its path is the section, the
item id and then the keys of the item as written in YAML; inside a list of things with an id
(levels, gates, flags, values, register items) the next part is that id, in other lists its
position (`bron.0.titel`). The patched item is validated again as a whole, so a bad value is
a located error at the patch line, never a broken model.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from riskmodel.errors import Diagnostic, DiagnosticList, clip, did_you_mean, msg
from riskmodel.load.diagnostics import from_validation_error, keys_at
from riskmodel.messages import t
from riskmodel.model.rules import RuleFile
from riskmodel.model.ruleset import SECTIONS, RuleSet
from riskmodel.source import Loc, SourceDoc

#: list elements are found by these keys, in this order (`ophogingen` by their indicator)
_ELEMENT_KEYS = ("id", "indicator")


# ---- building an overlay --------------------------------------------------------------------

def start_from_base(ruleset: RuleSet, base: RuleSet, manifest_doc: SourceDoc,
                    diags: DiagnosticList) -> set[tuple[str, str]]:
    """Start an overlay from its base model: a region changes only what differs."""
    keys: set[tuple[str, str]] = set()
    ruleset.base = base
    ruleset.removed = set(base.removed)
    for name, digest in base.file_hashes.items():
        ruleset.file_hashes[f"basis/{name}"] = digest
    for section, attr in SECTIONS.items():
        drop = ruleset.manifest.remove.get(section, [])  # type: ignore[call-overload]
        base_items: dict[str, object] = getattr(base, attr)
        for i, missing in enumerate(drop):
            if missing not in base_items:
                diags.add(manifest_doc.diagnostic(
                    ("verwijderen", section, i), msg("overlay.not_in_base", id=missing),
                    code="overlay", suggestion=did_you_mean(missing, base_items)))
        target: dict[str, object] = getattr(ruleset, attr)
        for item_id, item in base_items.items():
            if item_id in drop:
                ruleset.removed.add((section, item_id))
                continue
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
            ruleset.removed.discard((section, item_id))
            ruleset.origins[(section, item_id)] = (doc, (section, i))


class _PatchError(Exception):
    """A patch path that cannot be followed: the part, what was there, and a suggestion."""

    def __init__(self, part: str, candidates: list[str]) -> None:
        super().__init__(part)
        self.part = part
        self.candidates = candidates


def apply_patches(ruleset: RuleSet, manifest_doc: SourceDoc, diags: DiagnosticList) -> None:
    """Apply `wijzigen:`: every patch of one item is applied to it, then the item is
    validated as a whole (two thresholds of one phenomenon may move together)."""
    by_item: dict[tuple[str, str], list[tuple[str, list[str], Any]]] = {}
    for key, value in ruleset.manifest.patches.items():
        loc = ("wijzigen", key)
        parts = key.split(".")
        section = parts[0]
        if section not in SECTIONS:
            diags.add(manifest_doc.diagnostic(
                loc, msg("overlay.patch_bad_section", section=clip(section)[1:-1]),
                code="overlay", expected=", ".join(SECTIONS),
                suggestion=did_you_mean(section, SECTIONS)))
            continue
        if len(parts) < 3 or not all(parts):
            diags.add(manifest_doc.diagnostic(
                loc, msg("overlay.patch_too_short", path=clip(key)[1:-1]), code="overlay",
                expected=msg("exp.patch_path")))
            continue
        items: dict[str, BaseModel] = getattr(ruleset, SECTIONS[section])
        item_id = parts[1]
        if item_id not in items:
            text = (msg("overlay.patch_removed", id=item_id)
                    if (section, item_id) in ruleset.removed
                    else msg("overlay.patch_unknown_id", id=item_id, section=section))
            diags.add(manifest_doc.diagnostic(loc, text, code="overlay",
                                              suggestion=did_you_mean(item_id, items)))
            continue
        if parts[2:] == ["id"]:  # the id is the key the item is found by
            diags.add(manifest_doc.diagnostic(loc, msg("overlay.patch_id", id=item_id),
                                              code="overlay"))
            continue
        by_item.setdefault((section, item_id), []).append((key, parts[2:], value))
    for (section, item_id), patches in by_item.items():
        items = getattr(ruleset, SECTIONS[section])
        item = items[item_id]
        data = item.model_dump(by_alias=True, exclude_unset=True, warnings=False)
        ok = True
        for key, path, value in patches:
            try:
                _set_path(data, path, copy.deepcopy(value))
            except _PatchError as exc:
                ok = False
                diags.add(manifest_doc.diagnostic(
                    ("wijzigen", key), msg("overlay.patch_no_such", part=clip(exc.part)[1:-1],
                                           id=item_id),
                    code="overlay",
                    expected=", ".join(exc.candidates) if len(exc.candidates) <= 12 else None,
                    suggestion=did_you_mean(exc.part, exc.candidates)))
        if not ok:
            continue
        try:
            items[item_id] = type(item).model_validate(data)
        except ValidationError as exc:
            diags.extend(_patch_diagnostics(exc, data, type(item), manifest_doc, patches))
            continue
        # later findings about the patched item (references, lint) point at the patch lines
        first = manifest_doc.position(("wijzigen", patches[0][0]))
        positions: dict[Loc, tuple[int | None, int | None]] = {(section, item_id): first}
        for key, path, _ in patches:
            positions[(section, item_id, *_index_path(data, path))] = \
                manifest_doc.position(("wijzigen", key))
        origin = SourceDoc(manifest_doc.file, None, positions)  # type: ignore[arg-type]
        ruleset.origins[(section, item_id)] = (origin, (section, item_id))


def _set_path(data: Any, path: list[str], value: Any) -> None:
    node = data
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, dict):
            if last:
                node[part] = value
                return
            if part not in node or not isinstance(node[part], dict | list):
                raise _PatchError(part, sorted(str(k) for k, v in node.items()
                                               if isinstance(v, dict | list)))
            node = node[part]
        elif isinstance(node, list):
            index = _element(node, part)
            if last:
                node[index] = value
                return
            node = node[index]
        else:  # a plain value has no parts
            raise _PatchError(part, [])


def _element(items: list[Any], part: str) -> int:
    """The position of the element `part` names: its id (or indicator), else a number."""
    for key in _ELEMENT_KEYS:
        for i, element in enumerate(items):
            if isinstance(element, dict) and element.get(key) == part:
                return i
    if part.isdigit() and int(part) < len(items):
        return int(part)
    names = [str(e.get("id", e.get("indicator"))) for e in items
             if isinstance(e, dict) and ("id" in e or "indicator" in e)]
    raise _PatchError(part, names or [str(i) for i in range(len(items))])


def _patch_diagnostics(exc: ValidationError, data: Any, model: type[BaseModel],
                       manifest_doc: SourceDoc,
                       patches: list[tuple[str, list[str], Any]]) -> list[Diagnostic]:
    """The patched item's validation errors, each at the patch line that caused it (the
    longest patch path the error lies under; else the item's first patch)."""
    out: list[Diagnostic] = []
    found = from_validation_error(exc, SourceDoc(manifest_doc.file, data), model)
    resolved = {key: _index_path(data, path) for key, path, _ in patches}
    for d in found:
        best = patches[0][0]
        best_len = -1
        for key, path in resolved.items():
            if d.loc[:len(path)] == path and len(path) > best_len:
                best, best_len = key, len(path)
        line, col = manifest_doc.position(("wijzigen", best))
        suggestion = d.suggestion
        if d.code == "unknown-key" and suggestion is None and d.loc:
            # the patched item holds every key already; suggest among all the keys there
            suggestion = did_you_mean(str(d.loc[-1]), keys_at(model, d.loc[:-1]) or ())
        inner = ".".join(str(p) for p in d.loc)
        suffix = f" ({inner})" if inner and best_len < len(d.loc) else ""
        out.append(Diagnostic(
            file=manifest_doc.file, line=line, column=col, path=f"wijzigen.{best}{suffix}",
            message=d.message, expected=d.expected, suggestion=suggestion,
            severity=d.severity, code=d.code, loc=("wijzigen", best), text=d.text,
            expected_text=d.expected_text))
    return out


def _index_path(data: Any, path: list[str]) -> tuple[str | int, ...]:
    """A patch path with list elements as positions, as pydantic locates errors."""
    out: list[str | int] = []
    node = data
    for part in path:
        if isinstance(node, list):
            try:
                i = _element(node, part)
            except _PatchError:
                break
            out.append(i)
            node = node[i]
        elif isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        else:
            out.append(part)
            break
    return tuple(out)


# ---- the diff -------------------------------------------------------------------------------

ChangeKind = Literal["changed", "added", "removed"]


@dataclass(frozen=True)
class Change:
    """One difference between a base and an overlay: a field (changed) or an item or list
    element (added, removed). `path` uses the YAML's own keys and ids."""

    path: str
    change: ChangeKind
    old: Any = None
    new: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "change": self.change, "old": self.old, "new": self.new}


def _dump(item: BaseModel) -> Any:
    return item.model_dump(mode="json", by_alias=True, exclude_none=True, warnings=False)


def diff_models(base: RuleSet, overlay: RuleSet) -> list[Change]:
    """Every difference, per section: removed items, added items, then changed fields."""
    out: list[Change] = []
    for section, attr in SECTIONS.items():
        old: dict[str, BaseModel] = getattr(base, attr)
        new: dict[str, BaseModel] = getattr(overlay, attr)
        out += [Change(f"{section}.{i}", "removed", old=_dump(old[i]))
                for i in sorted(set(old) - set(new))]
        out += [Change(f"{section}.{i}", "added", new=_dump(new[i]))
                for i in sorted(set(new) - set(old))]
        for item_id in sorted(set(old) & set(new)):
            if old[item_id] != new[item_id]:
                out += _diff(f"{section}.{item_id}", _dump(old[item_id]), _dump(new[item_id]))
    return out


def _keyed(values: list[Any]) -> dict[str, Any] | None:
    """A list of mappings that each carry a unique id (or indicator), by that id."""
    for key in _ELEMENT_KEYS:
        if values and all(isinstance(v, dict) and key in v for v in values):
            ids = [str(v[key]) for v in values]
            if len(set(ids)) == len(ids):
                return dict(zip(ids, values, strict=True))
    return None


def _diff(path: str, old: Any, new: Any) -> Iterator[Change]:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            sub = f"{path}.{key}"
            if key not in new:
                yield Change(sub, "changed", old=old[key])
            elif key not in old:
                yield Change(sub, "changed", new=new[key])
            else:
                yield from _diff(sub, old[key], new[key])
        return
    if isinstance(old, list) and isinstance(new, list):
        a, b = _keyed(old), _keyed(new)
        if a is not None and b is not None:
            for key in a:
                if key not in b:
                    yield Change(f"{path}.{key}", "removed", old=a[key])
            for key in b:
                if key not in a:
                    yield Change(f"{path}.{key}", "added", new=b[key])
            for key in a:
                if key in b:
                    yield from _diff(f"{path}.{key}", a[key], b[key])
            return
        if len(old) == len(new):
            for i, (x, y) in enumerate(zip(old, new, strict=True)):
                yield from _diff(f"{path}.{i}", x, y)
            return
    yield Change(path, "changed", old=old, new=new)


def show_value(value: Any, lang: str) -> str:
    """A value as people read it in a diff: JSON (no Python repr), never cut; none as a word."""
    if value is None:
        return t("diff.none", lang)
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def format_changes(changes: list[Change], lang: str) -> list[str]:
    """One line per change: `~ path: old -> new`, `+ path: toegevoegd`, `- path: verwijderd`."""
    lines: list[str] = []
    for c in changes:
        if c.change == "changed":
            lines.append(f"~ {c.path}: {show_value(c.old, lang)} -> {show_value(c.new, lang)}")
        elif c.change == "added":
            lines.append(f"+ {c.path}: {t('cli.diff_added', lang)}")
        else:
            lines.append(f"- {c.path}: {t('cli.diff_removed', lang)}")
    return lines
