"""Waterbed signals: a phenomenon that rises next door after a municipality acts.

A signal (A, B, phenomenon) is raised when

- in municipality A an instrument was *recommended* (status `aanbevolen` in an assessment;
  its date is that assessment's peildatum) or *applied* (a fact of the vocabulary says so,
  see `APPLIED`; its date is the fact's `datum`, else the profile's peildatum), on a profile
  where the phenomenon stands above its lowest level and the instrument is one the model
  lists for that phenomenon (`fenomenen:` of the intervention); and
- in a neighbour B a profile's certain level of that phenomenon is higher at a peildatum than
  at its previous peildatum, and that later peildatum falls within the window after A's date
  (later than the date, at most `window` days later).

The neighbour list is a CSV of pairs, header `gemeente_a,gemeente_b` (docs/beeld.md);
adjacency is symmetric. The bundled example `data/buren_oost_nederland.csv` holds
neighbouring municipalities in Twente, Salland, the Stedendriehoek and around Arnhem and
Nijmegen.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from riskmodel.beeld.suppress import Cell, Hidden
from riskmodel.errors import Diagnostic, UserInputError, make_diagnostic, msg
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import display_path

#: facts of the vocabulary that say an instrument was already applied, and that instrument.
#: eerdere_waarschuwing: a written administrative warning was given; dwangsom_verbeurd_gesteld:
#: an order subject to a penalty was imposed (and is considered forfeited). Facts or
#: instruments a model lacks are skipped.
APPLIED: dict[str, str] = {
    "eerdere_waarschuwing": "waarschuwing",
    "dwangsom_verbeurd_gesteld": "handhaving_bestemmingsplan",
}
#: name of the bundled example list (`--buren oost-nederland`)
BUNDLED = {"oost-nederland": "buren_oost_nederland.csv"}
HEADER = ("gemeente_a", "gemeente_b")

How = Literal["aanbevolen", "toegepast"]


class WaterbedSignal(BaseModel):
    """A phenomenon rising in a neighbour within the window after an intervention."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    municipality: str = Field(description="Where the instrument was recommended or applied.")
    neighbour: str = Field(description="The neighbouring municipality where it rose.")
    phenomenon: str
    interventions: list[str] = Field(description="Instrument ids behind the signal.")
    how: list[How] = Field(description="aanbevolen and/or toegepast.")
    first_action: dt.date = Field(description="Earliest date of an action behind it.")
    first_rise: dt.date = Field(description="Earliest peildatum of a rise behind it.")
    actions: Cell = Field(description="Profiles in the municipality with such an action.")
    rises: Cell = Field(description="Profiles in the neighbour whose level rose.")
    action_ids: list[str] = Field(description="Their ids (empty when ids are left out).")
    rise_ids: list[str] = Field(description="Their ids (empty when ids are left out).")


@dataclass
class Neighbours:
    pairs: dict[str, set[str]] = field(default_factory=dict)
    source: str = ""

    def add(self, a: str, b: str) -> None:
        self.pairs.setdefault(a, set()).add(b)
        self.pairs.setdefault(b, set()).add(a)

    def of(self, municipality: str) -> set[str]:
        return self.pairs.get(municipality, set())


def bundled_path(name: str) -> Path | None:
    file = BUNDLED.get(name)
    if file is None:
        return None
    return Path(str(resources.files("riskmodel.beeld") / "data" / file))


def read_neighbours(path: Path | str) -> Neighbours:
    """Read a neighbour CSV; every bad row is a diagnostic (all at once, UserInputError)."""
    raw = Path(path)
    if not raw.exists() and bundled_path(str(path)) is not None:
        raw = bundled_path(str(path))  # type: ignore[assignment]
    name = display_path(raw)
    try:
        text = raw.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserInputError([make_diagnostic(name, None, None, "", msg("file.not_found"),
                                              code="not-found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise UserInputError([make_diagnostic(name, None, None, "",
                                              msg("file.unreadable", reason=reason),
                                              code="unreadable")]) from None
    return parse_neighbours(text, name)


def parse_neighbours(text: str, name: str = "<buren>") -> Neighbours:
    out = Neighbours(source=name)
    problems: list[Diagnostic] = []
    rows = [(i + 1, r) for i, r in enumerate(csv.reader(io.StringIO(text)))
            if r and not (len(r) == 1 and not r[0].strip()) and not r[0].startswith("#")]
    if not rows or tuple(c.strip() for c in rows[0][1]) != HEADER:
        got = ",".join(rows[0][1]) if rows else ""
        problems.append(make_diagnostic(name, rows[0][0] if rows else 1, 1, "",
                                        msg("beeld.buren_header", got=got),
                                        expected=",".join(HEADER), code="missing-key"))
        raise UserInputError(problems)
    for line, row in rows[1:]:
        cells = [c.strip() for c in row]
        if len(cells) != 2 or not all(cells):
            problems.append(make_diagnostic(name, line, 1, "",
                                            msg("beeld.buren_row", n=len(cells)),
                                            expected=",".join(HEADER), code="type"))
            continue
        if cells[0] == cells[1]:
            problems.append(make_diagnostic(name, line, 1, HEADER[1],
                                            msg("beeld.buren_self", name=cells[0]),
                                            code="inconsistent"))
            continue
        out.add(cells[0], cells[1])
    if problems:
        raise UserInputError(problems)
    return out


@dataclass(frozen=True)
class _Action:
    municipality: str
    phenomenon: str
    intervention: str
    day: dt.date
    how: How
    profile: str


@dataclass(frozen=True)
class _Rise:
    municipality: str
    phenomenon: str
    day: dt.date
    profile: str


def actions(history: Iterable[tuple[Profile, Assessment]], rules: RuleSet) -> list[_Action]:
    out: set[_Action] = set()
    for profile, a in history:
        m = a.receipt.municipality
        raised = {ph.id for ph in a.phenomena if ph.level.rank > 0}
        done: list[tuple[str, dt.date, How]] = [
            (iv.id, a.receipt.peildatum, "aanbevolen") for iv in a.interventions
            if iv.status == "aanbevolen"]
        for fact, iid in APPLIED.items():
            entry = profile.facts.get(fact)
            if entry is not None and entry.value is True and iid in rules.interventions:
                done.append((iid, entry.observed or a.receipt.peildatum, "toegepast"))
        for iid, day, how in done:
            iv = rules.interventions.get(iid)
            for pid in (iv.phenomena if iv is not None else []):
                if pid in raised:
                    out.add(_Action(m, pid, iid, day, how, profile.id))
    return sorted(out, key=lambda x: (x.municipality, x.phenomenon, x.day, x.intervention,
                                      x.profile, x.how))


def rises(history: Iterable[tuple[Profile, Assessment]]) -> list[_Rise]:
    by_id: dict[str, list[Assessment]] = defaultdict(list)
    for _, a in history:
        by_id[a.receipt.profile_id].append(a)
    out: list[_Rise] = []
    for pid in sorted(by_id):
        obs = sorted(by_id[pid], key=lambda a: a.receipt.peildatum)
        for before, after in itertools.pairwise(obs):
            if before.receipt.peildatum == after.receipt.peildatum:
                continue
            for ph in after.phenomena:
                old = before.phenomenon(ph.id)
                if old is not None and ph.level.rank > old.level.rank:
                    out.append(_Rise(after.receipt.municipality, ph.id,
                                     after.receipt.peildatum, pid))
    return out


def find_signals(history: Iterable[tuple[Profile, Assessment]], rules: RuleSet,
                 neighbours: Neighbours, window: int, k: int, ids: bool
                 ) -> list[WaterbedSignal]:
    pairs = list(history)
    acts = actions(pairs, rules)
    ups = rises(pairs)
    groups: dict[tuple[str, str, str], tuple[set[_Action], set[_Rise]]] = {}
    span = dt.timedelta(days=window)
    for act in acts:
        for rise in ups:
            if (rise.phenomenon == act.phenomenon
                    and rise.municipality in neighbours.of(act.municipality)
                    and act.day < rise.day <= act.day + span):
                group = groups.setdefault((act.municipality, rise.municipality,
                                           act.phenomenon), (set(), set()))
                group[0].add(act)
                group[1].add(rise)
    out: list[WaterbedSignal] = []
    for (m, b, pid), (a_set, r_set) in sorted(groups.items()):
        action_ids = sorted({x.profile for x in a_set})
        rise_ids = sorted({x.profile for x in r_set})
        out.append(WaterbedSignal(
            municipality=m, neighbour=b, phenomenon=pid,
            interventions=sorted({x.intervention for x in a_set}),
            how=sorted({x.how for x in a_set}),
            first_action=min(x.day for x in a_set), first_rise=min(x.day for x in r_set),
            actions=_cell(len(action_ids), k), rises=_cell(len(rise_ids), k),
            action_ids=action_ids if ids else [], rise_ids=rise_ids if ids else []))
    return out


def _cell(n: int, k: int) -> Cell:
    return Hidden(below=k) if 0 < n < k else n
