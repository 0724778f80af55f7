"""Load a model (manifest + rule files) into a validated RuleSet."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from riskmodel.errors import DiagnosticList, RuleError
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.load.yamlsource import SourceDoc, YamlSyntaxError, read_source
from riskmodel.model.rules import Manifest, RuleFile
from riskmodel.model.ruleset import RuleSet

MANIFEST_NAME = "model.yaml"


def default_rules_path() -> Path:
    """The model shipped in the wheel; in a source checkout, the repository's rules/."""
    packaged = resources.files("riskmodel") / "_model"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "rules"
    return checkout


def load_rules(path: Path | str | None = None) -> RuleSet:
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
        _merge(ruleset, content, doc, diags)
    if not diags:
        from riskmodel.validate.references import check_references

        diags.extend(check_references(ruleset))
    diags.raise_if_any(RuleError)
    return ruleset


def _read(path: Path, diags: DiagnosticList) -> SourceDoc | None:
    try:
        return read_source(path)
    except YamlSyntaxError as exc:
        diags.extend(exc.diagnostics)
        return None


_SECTIONS = ("feiten", "registers", "fenomenen", "indicatoren", "interventies")
_TARGET = {
    "feiten": "facts",
    "registers": "registers",
    "fenomenen": "phenomena",
    "indicatoren": "indicators",
    "interventies": "interventions",
}


def _merge(ruleset: RuleSet, content: RuleFile, doc: SourceDoc, diags: DiagnosticList) -> None:
    for section in _SECTIONS:
        target: dict[str, object] = getattr(ruleset, _TARGET[section])
        for i, item in enumerate(getattr(content, section)):
            item_id = item.id
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
