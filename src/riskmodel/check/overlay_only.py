"""`riskmodel check --overlay-only`: what an overlay itself introduces.

The findings of the merged model minus those of its base. Lines differ between the two (an
item replaced in the overlay sits in another file), so findings are matched by their code,
their message and where they are inside an item (section, id, path within the item), and
counted: a warning the base has once and the overlay twice is shown once.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from riskmodel.check.model_check import CheckReport, check_model
from riskmodel.errors import Diagnostic
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import Loc

Key = tuple[str, str, str, tuple[str, str, Loc] | str]


def _item_index(rules: RuleSet) -> dict[str, list[tuple[Loc, str, str]]]:
    index: dict[str, list[tuple[Loc, str, str]]] = {}
    for (section, item_id), (doc, loc) in rules.origins.items():
        index.setdefault(doc.file, []).append((tuple(loc), section, item_id))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def _key(d: Diagnostic, index: dict[str, list[tuple[Loc, str, str]]]) -> Key:
    where: tuple[str, str, Loc] | str = d.path
    for prefix, section, item_id in index.get(d.file, []):
        if tuple(d.loc[:len(prefix)]) == prefix:
            where = (section, item_id, tuple(d.loc[len(prefix):]))
            break
    message = d.text.key if d.text is not None else d.message
    return (d.code, d.severity, message, where)


def introduced(report: CheckReport, rules: RuleSet,
               base_report: CheckReport | None = None) -> tuple[CheckReport, int]:
    """The report with only the findings the overlay adds, and how many were left out."""
    if rules.base is None:
        return report, 0
    if base_report is None:
        base_report = check_model(rules.base)
    base_index = _item_index(rules.base)
    known = Counter(_key(d, base_index) for d in base_report.diagnostics)
    index = _item_index(rules)
    kept: list[Diagnostic] = []
    hidden = 0
    for d in report.diagnostics:
        key = _key(d, index)
        if known[key] > 0:
            known[key] -= 1
            hidden += 1
        else:
            kept.append(d)
    return dataclasses.replace(report, diagnostics=kept), hidden
