"""Make a model k times the size of a given one, for the scaling benchmark.

Every fact, phenomenon, indicator and intervention is copied k-1 times with a suffix `_k2`,
`_k3`, ... on its id; every reference inside a copy (`feit`, `indicator`, `fenomeen`, `niveau`)
points to the copy with the same suffix, so each copy is a self-contained replica of the
model. The registers stay shared (one copy). A profile is scaled the same way: each fact it
sets is also set under every suffix.

Run: .venv/bin/python benchmarks/scale_model.py K TARGET_DIR [--rules DIR]
"""

from __future__ import annotations

import argparse
import copy
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = {"feiten": "fact", "fenomenen": "phenomenon", "indicatoren": "indicator",
            "interventies": "intervention"}
#: reference key -> kind of id it names
REFERENCES = {"feit": "fact", "indicator": "indicator", "fenomeen": "phenomenon",
              "niveau": "phenomenon"}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _ids(docs: dict[str, Any]) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {kind: set() for kind in SECTIONS.values()}
    for doc in docs.values():
        for section, kind in SECTIONS.items():
            for item in (doc or {}).get(section, []) or []:
                ids[kind].add(item["id"])
    return ids


def _rename(node: Any, suffix: str, ids: dict[str, set[str]]) -> Any:
    """A deep copy with every reference to a known id suffixed."""
    if isinstance(node, list):
        return [_rename(item, suffix, ids) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        kind = REFERENCES.get(key)
        if kind and isinstance(value, str) and value in ids[kind]:
            out[key] = value + suffix
        else:
            out[key] = _rename(value, suffix, ids)
    return out


def _copy_doc(doc: dict[str, Any], suffix: str, ids: dict[str, set[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section, kind in SECTIONS.items():
        items = doc.get(section)
        if not items:
            continue
        copied = []
        for item in items:
            new = _rename(item, suffix, ids)
            assert item["id"] in ids[kind]
            new["id"] = item["id"] + suffix
            copied.append(new)
        out[section] = copied
    return out


def scale_model(k: int, target: Path, rules_dir: Path = ROOT / "rules") -> Path:
    """Write a model k times the size of `rules_dir` into `target` (which must exist)."""
    manifest = _load(rules_dir / "model.yaml")
    docs = {name: _load(rules_dir / name) for name in manifest["bestanden"]}
    ids = _ids(docs)
    files = list(manifest["bestanden"])
    for name, doc in docs.items():
        (target / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    for i in range(2, k + 1):
        suffix = f"_k{i}"
        for name, doc in docs.items():
            copied = _copy_doc(doc or {}, suffix, ids)
            if not copied:
                continue
            copy_name = f"{Path(name).stem}{suffix}.yaml"
            (target / copy_name).write_text(yaml.safe_dump(copied, allow_unicode=True,
                                                           sort_keys=False), encoding="utf-8")
            files.append(copy_name)
    manifest = copy.deepcopy(manifest)
    manifest["bestanden"] = files
    manifest["model"] = f"{manifest['model']}_x{k}"
    (target / "model.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True,
                                                      sort_keys=False), encoding="utf-8")
    return target


def scale_profile(profile: dict[str, Any], k: int) -> dict[str, Any]:
    """The profile with each fact it sets also set under every suffix `_k2` .. `_kK`."""
    out = copy.deepcopy(profile)
    facts = dict(out.get("feiten") or {})
    for i in range(2, k + 1):
        for key, value in (profile.get("feiten") or {}).items():
            facts[f"{key}_k{i}"] = copy.deepcopy(value)
    out["feiten"] = facts
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("k", type=int)
    ap.add_argument("target", type=Path)
    ap.add_argument("--rules", type=Path, default=ROOT / "rules")
    args = ap.parse_args()
    args.target.mkdir(parents=True, exist_ok=True)
    scale_model(args.k, args.target, args.rules)
    print(args.target)


if __name__ == "__main__":
    main()
