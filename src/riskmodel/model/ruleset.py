"""A whole model: the manifest plus the merged, indexed content of its files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from riskmodel.model.rules import (
    Fact,
    Indicator,
    Intervention,
    Manifest,
    Phenomenon,
    Register,
)
from riskmodel.source import Loc, SourceDoc

#: rule-file section (Dutch key) -> RuleSet attribute
SECTIONS: dict[str, str] = {
    "feiten": "facts",
    "registers": "registers",
    "fenomenen": "phenomena",
    "indicatoren": "indicators",
    "interventies": "interventions",
}


@dataclass
class RuleSet:
    manifest: Manifest
    root: Path
    file_hashes: dict[str, str]
    facts: dict[str, Fact] = field(default_factory=dict)
    registers: dict[str, Register] = field(default_factory=dict)
    phenomena: dict[str, Phenomenon] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    interventions: dict[str, Intervention] = field(default_factory=dict)
    # (kind, id) -> (file, line) so that later stages can point back into the YAML.
    origins: dict[tuple[str, str], tuple[SourceDoc, Loc]] = field(default_factory=dict)
    #: an overlay's base model (None for a model without `basis:`)
    base: RuleSet | None = field(default=None, repr=False, compare=False)
    #: (section, id) of base items an overlay (or its bases) removed with `verwijderen`
    removed: set[tuple[str, str]] = field(default_factory=set, compare=False)
    # compiled models per peildatum; filled lazily by riskmodel.api
    compiled: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    # artefacts derived once per rule set (e.g. the text table of explain.texts)
    cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def sha256(self) -> str:
        """One hash over all files, order-independent, so a receipt pins the exact rules."""
        h = hashlib.sha256()
        for name in sorted(self.file_hashes):
            h.update(name.encode() + b"\0" + self.file_hashes[name].encode() + b"\n")
        return h.hexdigest()

    def indicators_of(self, phenomenon: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.phenomenon == phenomenon]

    def enum_values(self, fact: Fact) -> list[str]:
        """Allowed values of an enum fact: its own list, or a register's ids and aliases."""
        if fact.register_id:
            reg = self.registers.get(fact.register_id)
            return list(reg.canonical()) if reg is not None else []
        return fact.value_ids()

    def canonical_values(self, fact: Fact) -> dict[str, str] | None:
        """Register aliases -> item id for a register-backed fact; None otherwise."""
        if fact.register_id and fact.register_id in self.registers:
            return self.registers[fact.register_id].canonical()
        return None
