"""Small changes to a model, one at a time, each a plausible authoring slip: a threshold or
weight off, a comparison flipped, a condition dropped, a legal gate forgotten, a date moved.

Mutants are made on the item's own YAML-shaped data (the pydantic model dumped by alias) and
validated again, so every mutant is a model an author could have written; one that the rule
language refuses (e.g. thresholds no longer rising) is not a mutant at all and is left out.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from riskmodel.model.ruleset import RuleSet
from riskmodel.source import Loc, format_loc

#: rule-file section -> RuleSet attribute, for the sections mutation touches
SECTIONS = {"fenomenen": "phenomena", "indicatoren": "indicators", "interventies": "interventions"}

#: comparison flips: the boundary moves (>= vs >) or the meaning inverts (is vs is_niet)
FLIPS = {
    "minimaal": "groter_dan", "groter_dan": "minimaal",
    "maximaal": "kleiner_dan", "kleiner_dan": "maximaal",
    "is": "is_niet", "is_niet": "is", "in": "niet_in", "niet_in": "in",
}
#: how far a date moves: far enough that a scenario on either side of a law's start notices
DATE_SHIFT = dt.timedelta(days=365)
DATE_KEYS = ("geldig_vanaf", "geldig_tot", "vanaf", "tot")

Edit = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class Mutant:
    """One change to one item. `path` is the YAML path inside the item, `where` the file and
    line, so a surviving mutant points at the rule text no scenario pins down."""

    id: str
    section: str
    item: str
    path: Loc
    kind: str
    description: str
    where: str
    edit: Edit = dataclasses.field(repr=False, compare=False)

    def apply(self, rules: RuleSet) -> RuleSet | None:
        """The mutated rule set, or None when the change is not valid rule language."""
        attr = SECTIONS[self.section]
        items: dict[str, BaseModel] = getattr(rules, attr)
        original = items[self.item]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = original.model_dump(by_alias=True, exclude_none=True)
        data = copy.deepcopy(data)
        self.edit(data)
        try:
            changed = type(original).model_validate(data)
        except ValidationError:
            return None
        if changed == original:
            return None
        out = dataclasses.replace(rules, compiled={}, cache={})
        setattr(out, attr, {**items, self.item: changed})
        return out


def _get(data: Any, path: Loc) -> Any:
    for key in path:
        data = data[key]
    return data


def _setter(path: Loc, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        _get(data, path[:-1])[path[-1]] = value
    return edit


def _deleter(path: Loc) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        parent = _get(data, path[:-1])
        if isinstance(parent, list):
            parent.pop(int(path[-1]))
        else:
            del parent[path[-1]]
    return edit


def _rename(path: Loc, old: str, new: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node = _get(data, path)
        node[new] = node.pop(old)
    return edit


def _unwrap(path: Loc, key: str) -> Edit:
    """Replace a node by its child (drop a `niet`)."""
    def edit(data: dict[str, Any]) -> None:
        child = _get(data, (*path, key))
        if path:
            _get(data, path[:-1])[path[-1]] = child
        else:
            data.clear()
            data.update(child)
    return edit


def _level_ids(rules: RuleSet, phenomenon: str) -> list[str]:
    ph = rules.phenomena.get(phenomenon)
    return [lv.id for lv in ph.levels] if ph is not None else []


def _condition_sites(cond: Any, path: Loc, rules: RuleSet
                     ) -> Iterator[tuple[Loc, str, str, Edit]]:
    """(path, kind, description, edit) for every change inside one condition tree."""
    if not isinstance(cond, dict):
        return
    for key in ("alle", "een_van"):
        if key in cond:
            children = cond[key]
            if len(children) >= 2:
                for i in range(len(children)):
                    yield ((*path, key, i), "conditie_weg",
                           f"{key}: onderdeel {i + 1} van {len(children)} weggelaten",
                           _deleter((*path, key, i)))
            for i, child in enumerate(children):
                yield from _condition_sites(child, (*path, key, i), rules)
            return
    if "niet" in cond:
        yield (path, "niet_weg", "niet: ontkenning weggelaten", _unwrap(path, "niet"))
        yield from _condition_sites(cond["niet"], (*path, "niet"), rules)
        return
    if "geldig" in cond:
        period = cond["geldig"]
        for key in DATE_KEYS:
            value = period.get(key) if isinstance(period, dict) else None
            if isinstance(value, dt.date):
                for sign, word in ((1, "later"), (-1, "eerder")):
                    yield ((*path, "geldig", key), "datum",
                           f"geldig.{key}: {value} -> een jaar {word}",
                           _setter((*path, "geldig", key), value + sign * DATE_SHIFT))
        yield from _condition_sites(cond.get("als"), (*path, "als"), rules)
        return
    if "niveau" in cond and "minimaal" in cond:
        ids = _level_ids(rules, str(cond["niveau"]))
        level = cond["minimaal"]
        if level in ids:
            i = ids.index(level)
            for j in (i - 1, i + 1):
                if 0 <= j < len(ids):
                    yield ((*path, "minimaal"), "niveau",
                           f"niveau {cond['niveau']} minimaal: {level} -> {ids[j]}",
                           _setter((*path, "minimaal"), ids[j]))
        return
    if "feit" in cond:
        for op, new in FLIPS.items():
            if op in cond:
                yield (path, "vergelijking", f"feit {cond['feit']}: {op} -> {new}",
                       _rename(path, op, new))
        if "bekend" in cond and isinstance(cond["bekend"], bool):
            yield ((*path, "bekend"), "vergelijking",
                   f"feit {cond['feit']}: bekend {cond['bekend']} -> {not cond['bekend']}",
                   _setter((*path, "bekend"), not cond["bekend"]))
        if isinstance(cond.get("binnen_dagen"), int):
            n = cond["binnen_dagen"]
            for m in (n * 2, n // 2):
                if m != n:
                    yield ((*path, "binnen_dagen"), "getal",
                           f"feit {cond['feit']}: binnen_dagen {n} -> {m}",
                           _setter((*path, "binnen_dagen"), m))


def _validity_sites(data: dict[str, Any], path: Loc, what: str
                    ) -> Iterator[tuple[Loc, str, str, Edit]]:
    for key in ("geldig_vanaf", "geldig_tot"):
        value = data.get(key)
        if isinstance(value, dt.date):
            for sign, word in ((1, "later"), (-1, "eerder")):
                yield ((*path, key), "datum", f"{what}{key}: {value} -> een jaar {word}",
                       _setter((*path, key), value + sign * DATE_SHIFT))


def _reachable_below(rules: RuleSet, phenomenon: str, threshold: int) -> int:
    """The highest score below `threshold` that the phenomenon's indicator weights can add
    up to: moving a threshold to a score no profile can have is a change nobody can notice."""
    sums = {0}
    for ind in rules.indicators.values():
        if ind.phenomenon == phenomenon and ind.points:
            sums |= {x + ind.points for x in sums if x + ind.points < threshold}
    return max(sums)


def _item_sites(section: str, data: dict[str, Any], rules: RuleSet
                ) -> Iterator[tuple[Loc, str, str, Edit]]:
    if section == "fenomenen":
        for i, level in enumerate(data.get("niveaus", [])):
            t = level["drempel"]
            if i == 0:
                continue  # the lowest level starts at 0 by definition
            # up by one: a score exactly on the threshold no longer reaches the level; down to
            # the nearest score the indicators can add up to (t - 1 when every weight is a
            # multiple of 5 is a change no profile can ever notice)
            for new in (t + 1, _reachable_below(rules, str(data["id"]), t)):
                yield (("niveaus", i, "drempel"), "drempel",
                       f"niveau {level['id']}: drempel {t} -> {new}",
                       _setter(("niveaus", i, "drempel"), new))
        for i, ov in enumerate(data.get("ophogingen", [])):
            yield (("ophogingen", i), "ophoging_weg",
                   f"ophoging door {ov['indicator']} weggelaten", _deleter(("ophogingen", i)))
        if "poort" in data:
            yield (("poort",), "poort_weg", "definitie (poort) weggelaten", _deleter(("poort",)))
            yield from _condition_sites(data["poort"]["als"], ("poort", "als"), rules)
    elif section == "indicatoren":
        p = data["punten"]
        for new, word in ((p * 2, "verdubbeld"), (0, "op nul")):
            if new != p:
                yield (("punten",), "punten", f"punten {p} -> {new} ({word})",
                       _setter(("punten",), new))
        yield from _validity_sites(data, (), "")
        yield from _condition_sites(data["als"], ("als",), rules)
    elif section == "interventies":
        yield from _validity_sites(data, (), "")
        for i, basis in enumerate(data.get("grondslag", [])):
            yield from _validity_sites(basis, ("grondslag", i), f"grondslag {i + 1}: ")
        yield from _condition_sites(data["voorstellen_als"], ("voorstellen_als",), rules)
        for i, gate in enumerate(data.get("poorten", [])):
            yield (("poorten", i), "poort_weg", f"poort {gate['id']} weggelaten",
                   _deleter(("poorten", i)))
            yield from _validity_sites(gate, ("poorten", i), f"poort {gate['id']}: ")
            yield from _condition_sites(gate["als"], ("poorten", i, "als"), rules)
        for i, flag in enumerate(data.get("afwegingen", [])):
            yield (("afwegingen", i), "afweging_weg", f"afweging {flag['id']} weggelaten",
                   _deleter(("afwegingen", i)))
            yield from _condition_sites(flag["als"], ("afwegingen", i, "als"), rules)


def mutants(rules: RuleSet) -> list[Mutant]:
    """Every mutant of the model, in model order, with a stable id (section/item/n)."""
    out: list[Mutant] = []
    for section, attr in SECTIONS.items():
        for item_id, item in getattr(rules, attr).items():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                data = item.model_dump(by_alias=True, exclude_none=True)
            origin = rules.origins.get((section, item_id))
            for n, (path, kind, text, edit) in enumerate(_item_sites(section, data, rules)):
                where = ""
                if origin is not None:
                    doc, base = origin
                    line, _ = doc.position((*base, *path))
                    where = f"{doc.file}:{line}" if line else doc.file
                out.append(Mutant(id=f"{section}/{item_id}/{n}", section=section,
                                  item=item_id, path=path, kind=kind,
                                  description=f"{section}.{item_id}.{format_loc(path)}: {text}",
                                  where=where, edit=edit))
    return out
