"""Load a model (manifest + rule files) into a validated RuleSet."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from riskmodel.errors import DiagnosticList, RuleError
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.load.yamlsource import YamlSyntaxError, read_source
from riskmodel.model.rules import Manifest, RuleFile
from riskmodel.model.ruleset import SECTIONS, RuleSet
from riskmodel.source import SourceDoc

MANIFEST_NAME = "model.yaml"


def default_rules_path() -> Path:
    """The model shipped in the wheel; in a source checkout, the repository's rules/."""
    packaged = resources.files("riskmodel") / "_model"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "rules"
    return checkout


def load_rules(path: Path | str | None = None, *, _chain: tuple[Path, ...] = ()) -> RuleSet:
    """Load and validate a whole model; raises RuleError listing every problem found."""
    root = Path(path) if path is not None else default_rules_path()
    manifest_path = root / MANIFEST_NAME if root.is_dir() else root
    diags = DiagnosticList()
    manifest_doc = _read(manifest_path, diags)
    if manifest_doc is None:
        diags.raise_if_any(RuleError)
        raise AssertionError("unreachable")
    try:
        manifest = Manifest.model_validate(manifest_doc.data)
    except ValidationError as exc:
        diags.extend(from_validation_error(exc, manifest_doc, Manifest))
        diags.raise_if_any(RuleError)
        raise
    base_dir = manifest_path.parent
    ruleset = RuleSet(
        manifest=manifest,
        root=base_dir,
        file_hashes={MANIFEST_NAME: hashlib.sha256(manifest_doc.raw).hexdigest()},
    )
    base_keys: set[tuple[str, str]] = set()
    if manifest.basis is not None:
        base_keys = _apply_base(ruleset, base_dir / manifest.basis, manifest_doc,
                                (*_chain, base_dir.resolve()), diags)
        diags.raise_if_any(RuleError)
    seen_files: set[str] = set()
    for i, rel in enumerate(manifest.bestanden):
        if rel in seen_files:
            diags.add(manifest_doc.diagnostic(("bestanden", i), f"bestand '{rel}' staat er dubbel"))
            continue
        seen_files.add(rel)
        file_path = (base_dir / rel).resolve()
        if base_dir.resolve() not in file_path.parents:
            diags.add(
                manifest_doc.diagnostic(
                    ("bestanden", i), f"'{rel}' ligt buiten de modelmap", expected="relatief pad"
                )
            )
            continue
        doc = _read(file_path, diags)
        if doc is None:
            if not file_path.exists():
                diags.add(manifest_doc.diagnostic(("bestanden", i), f"bestand '{rel}' bestaat niet"))
            continue
        ruleset.file_hashes[rel] = hashlib.sha256(doc.raw).hexdigest()
        if doc.data is None:
            continue
        try:
            content = RuleFile.model_validate(doc.data)
        except ValidationError as exc:
            diags.extend(from_validation_error(exc, doc, RuleFile))
            continue
        _merge(ruleset, content, doc, diags, base_keys)
    if not diags:
        from riskmodel.check.references import check_references

        diags.extend(check_references(ruleset))
    diags.raise_if_any(RuleError)
    return ruleset


def _read(path: Path, diags: DiagnosticList) -> SourceDoc | None:
    try:
        return read_source(path)
    except YamlSyntaxError as exc:
        diags.extend(exc.diagnostics)
        return None




def _apply_base(ruleset: RuleSet, base_path: Path, manifest_doc: SourceDoc, chain: tuple[Path, ...],
                diags: DiagnosticList) -> set[tuple[str, str]]:
    """Start an overlay from its base model: a region changes only what differs."""
    try:
        resolved = base_path.resolve()
        resolved = resolved.parent if resolved.is_file() else resolved
    except (OSError, ValueError):
        resolved = base_path
    if resolved in chain:
        diags.add(manifest_doc.diagnostic(("basis",), "kringverwijzing tussen basismodellen: "
                                          + " -> ".join(str(p) for p in (*chain, resolved))))
        return set()
    if len(chain) > 5:
        diags.add(manifest_doc.diagnostic(("basis",), "te diep geneste basis-modellen (max. 5)"))
        return set()
    try:
        base = load_rules(base_path, _chain=chain)
    except RuleError as exc:
        diags.add(manifest_doc.diagnostic(("basis",), f"basismodel '{base_path}' is ongeldig"))
        diags.extend(exc.diagnostics)
        return set()
    keys: set[tuple[str, str]] = set()
    for name, digest in base.file_hashes.items():
        ruleset.file_hashes[f"basis/{name}"] = digest
    for section, attr in SECTIONS.items():
        drop = set(ruleset.manifest.verwijderen.get(section, []))  # type: ignore[call-overload]
        base_items: dict[str, object] = getattr(base, attr)
        for missing in sorted(drop - set(base_items)):
            diags.add(manifest_doc.diagnostic(("verwijderen", section),
                                              f"'{missing}' staat niet in het basismodel"))
        target: dict[str, object] = getattr(ruleset, attr)
        for item_id, item in base_items.items():
            if item_id not in drop:
                target[item_id] = item
                ruleset.origins[(section, item_id)] = base.origins[(section, item_id)]
                keys.add((section, item_id))
    return keys


def _merge(ruleset: RuleSet, content: RuleFile, doc: SourceDoc, diags: DiagnosticList,
           base_keys: set[tuple[str, str]]) -> None:
    """Add a file's items; in an overlay, an item with a base item's id replaces it (once)."""
    for section, attr in SECTIONS.items():
        target: dict[str, object] = getattr(ruleset, attr)
        for i, item in enumerate(getattr(content, section)):
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
                        f"id '{item_id}' bestaat al ({prev_doc.file}:{prev_line})",
                    )
                )
                continue
            target[item_id] = item
            ruleset.origins[(section, item_id)] = (doc, (section, i))
