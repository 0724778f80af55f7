"""Load a model (manifest + rule files) into a validated RuleSet."""

from __future__ import annotations

import gc
import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from riskmodel.errors import DiagnosticList, RuleError, clip, msg
from riskmodel.load import parsecache
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.load.overlay import apply_patches, merge_file, start_from_base
from riskmodel.load.yamlsource import YamlSyntaxError, read_source
from riskmodel.model.rules import BUNDLED_BASE, BaseRef, Manifest, RuleFile
from riskmodel.model.ruleset import RuleSet
from riskmodel.model.values import MAX_SAFE_INT
from riskmodel.source import Loc, SourceDoc

MANIFEST_NAME = "model.yaml"
MAX_BASE_DEPTH = 5


def base_path(root: Path, base: str) -> Path | None:
    """The directory an overlay's `basis:` names: the bundled model for `standaard`, else a
    directory (relative to the overlay) holding a model.yaml; None for anything else, which
    is never read (a `basis:` pointing at /etc/shadow must not echo its lines)."""
    if base.strip() in BUNDLED_BASE:
        return default_rules_path()
    candidate = root / base
    try:
        if candidate.is_dir() and (candidate / MANIFEST_NAME).is_file():
            return candidate
    except (OSError, ValueError):
        pass
    return None


def default_rules_path() -> Path:
    """The model shipped in the wheel; in a source checkout, the repository's rules/."""
    packaged = resources.files("riskmodel") / "_model"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "rules"
    return checkout


_BUNDLED: list[RuleSet] = []
_BUNDLED_LOCK = threading.Lock()


def read_bundled_model() -> RuleSet:
    """The bundled model, read once per process and shared by everything that needs it (the
    API checks it once more before handing it out; reports read its texts)."""
    with _BUNDLED_LOCK:
        if not _BUNDLED:
            _BUNDLED.append(read_model(default_rules_path()))
        return _BUNDLED[0]


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection while building long-lived objects (a model, a compiled model).

    Loading allocates tens of thousands of objects that all stay alive; every few hundred
    allocations the collector would walk them (and everything imported before) looking for
    garbage there is none of: about half of `load_rules`. Nested uses and a collector that
    was already off are left as they were.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_model(path: Path | str | None = None, *, _chain: tuple[Path, ...] = ()) -> RuleSet:
    """Read a whole model (manifest, files, its base for an overlay) into a RuleSet.

    Every file is schema-validated here; cross-references are the check stage's job
    (`riskmodel.api.load_rules` runs both). Raises RuleError listing every problem found.
    """
    with gc_paused():
        return _read_model(path, _chain)


def _read_model(path: Path | str | None, _chain: tuple[Path, ...]) -> RuleSet:
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
    location = manifest.base_location
    if location is not None:
        found = base_path(base_dir, location)
        base: RuleSet | None = None
        written = manifest_doc.data.get("basis") if isinstance(manifest_doc.data, dict) else None
        base_loc = ("basis",) if isinstance(written, str) else ("basis", "pad")
        if found is None:
            diags.add(manifest_doc.diagnostic(
                base_loc, msg("overlay.base_not_model", path=location[:80]),
                code="overlay", expected=msg("exp.overlay_base", words=" / ".join(BUNDLED_BASE),
                                             manifest=MANIFEST_NAME)))
        else:
            base = _read_base(found, manifest_doc, (*_chain, base_dir.resolve()), diags)
        if base is not None and manifest.base is not None:
            _check_pin(manifest.base, base, manifest_doc, diags)
        if base is not None and not diags:
            base_keys = start_from_base(ruleset, base, manifest_doc, diags)
        diags.raise_if_any(RuleError)
    seen_files: set[str] = set()
    for i, rel in enumerate(manifest.files):
        if rel in seen_files:
            diags.add(manifest_doc.diagnostic(("bestanden", i), msg("manifest.file_twice", file=rel),
                                              code="duplicate-id"))
            continue
        seen_files.add(rel)
        file_path = (base_dir / rel).resolve()
        if base_dir.resolve() not in file_path.parents:
            diags.add(
                manifest_doc.diagnostic(
                    ("bestanden", i), msg("manifest.outside", file=rel), code="outside-model",
                    expected=msg("exp.relative_path"))
            )
            continue
        doc = _read(file_path, diags)
        if doc is None:
            if not file_path.exists():
                diags.add(manifest_doc.diagnostic(("bestanden", i),
                                                  msg("manifest.file_missing", file=rel),
                                                  code="not-found"))
            continue
        ruleset.file_hashes[rel] = hashlib.sha256(doc.raw).hexdigest()
        if doc.data is None:
            continue
        unsafe = [doc.diagnostic(loc, msg("rules.int_too_large", value=clip(value)),
                                 code="range", expected=msg("exp.number_between",
                                                            low=-MAX_SAFE_INT, high=MAX_SAFE_INT))
                  for loc, value in _big_ints(doc.data)]
        if unsafe:
            diags.extend(unsafe)
            continue
        try:
            content = RuleFile.model_validate(doc.data)
        except ValidationError as exc:
            diags.extend(from_validation_error(exc, doc, RuleFile))
            continue
        merge_file(ruleset, content, doc, diags, base_keys)
    if manifest.patches:
        unsafe_patch = [manifest_doc.diagnostic(
            ("wijzigen", *loc), msg("rules.int_too_large", value=clip(value)), code="range",
            expected=msg("exp.number_between", low=-MAX_SAFE_INT, high=MAX_SAFE_INT))
            for loc, value in _big_ints(manifest.patches)]
        diags.extend(unsafe_patch)
        if not unsafe_patch:
            apply_patches(ruleset, manifest_doc, diags)
    diags.raise_if_any(RuleError)
    return ruleset


def _check_pin(pin: BaseRef, base: RuleSet, manifest_doc: SourceDoc,
               diags: DiagnosticList) -> None:
    """The base an overlay was written for: its model name and a version in the range."""
    from packaging.specifiers import SpecifierSet
    from packaging.version import InvalidVersion, Version

    found = base.manifest
    if pin.model is not None and pin.model != found.model:
        diags.add(manifest_doc.diagnostic(
            ("basis", "model"), msg("overlay.base_other_model", found=found.model,
                                    asked=pin.model), code="overlay", expected=pin.model))
    if pin.version is not None:
        try:
            inside = SpecifierSet(pin.version).contains(Version(found.version), prereleases=True)
        except InvalidVersion:
            inside = False
        if not inside:
            diags.add(manifest_doc.diagnostic(
                ("basis", "versie"), msg("overlay.base_version", model=found.model,
                                         found=found.version, asked=pin.version),
                code="overlay", expected=pin.version))


def _big_ints(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, int]]:
    """Integers beyond +-(2^53-1): durable-rules and JSON consumers pass numbers as doubles,
    so such a constant would silently compare as a different number."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _big_ints(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _big_ints(value, (*loc, i))
    elif isinstance(data, int) and not isinstance(data, bool) and abs(data) > MAX_SAFE_INT:
        yield loc, data


def _read(path: Path, diags: DiagnosticList) -> SourceDoc | None:
    """A rule file parsed: from the parse cache when it holds these exact bytes (see
    load.parsecache; validation still follows), else read and remembered."""
    cached = parsecache.load(path)
    if cached is not None:
        return cached
    try:
        doc = read_source(path)
    except YamlSyntaxError as exc:
        diags.extend(exc.diagnostics)
        return None
    parsecache.store(doc)
    return doc


def _read_base(base_path: Path, manifest_doc: SourceDoc, chain: tuple[Path, ...],
               diags: DiagnosticList) -> RuleSet | None:
    """The model an overlay starts from; refuses cycles and deep chains."""
    try:
        resolved = base_path.resolve()
        resolved = resolved.parent if resolved.is_file() else resolved
    except (OSError, ValueError):
        resolved = base_path
    if resolved in chain:
        chain_text = " -> ".join(str(p) for p in (*chain, resolved))
        diags.add(manifest_doc.diagnostic(("basis",), msg("overlay.cycle", chain=chain_text),
                                          code="overlay"))
        return None
    if len(chain) > MAX_BASE_DEPTH:
        diags.add(manifest_doc.diagnostic(("basis",), msg("overlay.too_deep", max=MAX_BASE_DEPTH),
                                          code="overlay"))
        return None
    try:
        return read_model(base_path, _chain=chain)
    except RuleError as exc:
        diags.add(manifest_doc.diagnostic(("basis",), msg("overlay.base_invalid", path=base_path),
                                          code="overlay"))
        diags.extend(exc.diagnostics)
        return None
