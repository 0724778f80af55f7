"""The regional picture from many assessments: counts per area, instrument, fact and date.

Everything a reader sees is a count of profiles, passed through the small-number rule of
`suppress` before it enters the `Beeld`: the model holds published cells only, so no output
format can leak a small count by accident. Profile ids appear only in the lists an analyst
needs to act on (moves, waterbed signals) and can be left out (`ids=False`).

A profile observed at several peildata (the same id twice in the input, or the same id in
a `--vergelijk` input) counts once in the current picture, with its latest observation; the
earlier observations feed the change section and the waterbed signals.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from riskmodel.batch.columns import NOT_SUGGESTED
from riskmodel.beeld.suppress import Cell, Hidden, Key, Table
from riskmodel.beeld.waterbed import Neighbours, WaterbedSignal, find_signals
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet

Pair = tuple[Profile, Assessment]
#: status of an instrument the assessment does not list (its ground is certainly absent);
STATUSES: tuple[str, ...] = ("aanbevolen", "te_overwegen", "onvoldoende_gegevens",
                             "juridisch_niet_mogelijk", "niet_beschikbaar", NOT_SUGGESTED)
#: pseudo-gate id for an instrument that is undecided because its ground is only possible
TRIGGER = "aanleiding"
#: how many of the most often missing facts the picture lists
TOP_FACTS = 20
DEFAULT_K = 5


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LevelRow(Out):
    """One area's distribution of one phenomenon's levels."""

    municipality: str | None = Field(description="None for the whole region.")
    district: str | None = Field(default=None, description="Wijk; '' for profiles without "
                                                           "one, None for a municipality row.")
    total: Cell = Field(description="Profiles for which the phenomenon is assessed.")
    certain: dict[str, Cell] = Field(description="Per level id: profiles at that certain level.")
    possible: dict[str, Cell] = Field(description="Per level id: profiles whose highest "
                                                  "possible level it is.")
    top: Cell = Field(description="Profiles at one of the two highest certain levels.")


class PhenomenonPicture(Out):
    id: str
    levels: list[str] = Field(description="Level ids, lowest first.")
    region: LevelRow
    municipalities: list[LevelRow]
    districts: list[LevelRow]


class GateCount(Out):
    id: str = Field(description=f"Gate id, or '{TRIGGER}' for an undecided ground.")
    count: Cell


class InstrumentPicture(Out):
    id: str
    statuses: dict[str, Cell] = Field(description="Per status: profiles with that status.")
    blocking: list[GateCount] = Field(
        description="juridisch_niet_mogelijk: per gate, profiles where it is not met.")
    undecided: list[GateCount] = Field(
        description="onvoldoende_gegevens: per gate (or the ground), profiles where it is "
                    "undecided.")


class MissingFact(Out):
    id: str
    profiles: Cell = Field(description="Profiles where this unknown fact keeps a level or "
                                       "a status undecided.")


class ChangeRow(Out):
    municipality: str
    phenomenon: str
    total: Cell = Field(description="Profiles seen at both dates.")
    then: dict[str, Cell]
    now: dict[str, Cell]
    up: Cell
    down: Cell
    same: Cell


class Move(Out):
    id: str
    municipality: str
    phenomenon: str
    before: str
    after: str
    then_date: dt.date
    now_date: dt.date
    direction: Literal["omhoog", "omlaag"]


class Change(Out):
    basis: Literal["peildata", "vergelijk"] = Field(
        description="peildata: one input holds two dates per id; vergelijk: a second input.")
    profiles: Cell = Field(description="Profiles seen at both moments.")
    rows: list[ChangeRow]
    moves: list[Move]


class Problem(Out):
    source: str
    codes: list[str]


class Beeld(Out):
    """The regional picture; every count is a published cell (small numbers hidden)."""

    k: int = Field(description="Counts of 1 to k-1 profiles are hidden ('< k').")
    model: str
    model_version: str
    peildata: list[dt.date] = Field(description="Peildata of the current observations.")
    profiles: Cell = Field(description="Profiles in the current picture.")
    municipalities: list[str]
    rejected: list[Problem] = Field(description="Inputs that could not be assessed.")
    phenomena: list[PhenomenonPicture]
    instruments: list[InstrumentPicture]
    missing_facts: list[MissingFact]
    change: Change | None = None
    waterbed: list[WaterbedSignal] | None = Field(
        default=None, description="None when no neighbour list was given.")
    waterbed_window: int | None = None
    ids: bool = Field(description="Whether profile ids are listed.")


def latest(pairs: Iterable[Pair]) -> tuple[list[Pair], list[tuple[Pair, Pair]]]:
    """(latest observation per id, (earliest, latest) per id seen at two dates or more)."""
    by_id: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_id[pair[0].id].append(pair)
    current: list[Pair] = []
    twice: list[tuple[Pair, Pair]] = []
    for pid in sorted(by_id):
        obs = sorted(by_id[pid], key=lambda p: p[1].receipt.peildatum)
        current.append(obs[-1])
        if obs[-1][1].receipt.peildatum != obs[0][1].receipt.peildatum:
            twice.append((obs[0], obs[-1]))
    return current, twice


def collect(pairs: Iterable[Pair], rules: RuleSet, *, k: int = DEFAULT_K,
            earlier: Iterable[Pair] | None = None, neighbours: Neighbours | None = None,
            window: int = 180, ids: bool = True,
            rejected: Iterable[tuple[str, list[str]]] = ()) -> Beeld:
    """The picture of `pairs`; `earlier` (a `--vergelijk` input) is compared with it.

    `neighbours` switches on the waterbed signals (rises within `window` days).
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    all_pairs = list(pairs)
    current, twice = latest(all_pairs)
    basis: Literal["peildata", "vergelijk"] = "peildata"
    if earlier is not None:
        basis = "vergelijk"
        before, _ = latest(earlier)
        now_by_id = {p.id: (p, a) for p, a in current}
        twice = [(b, now_by_id[b[0].id]) for b in before if b[0].id in now_by_id]
    table = Table(k)
    total_key = table.put(("n",), len(current))
    phen = _phenomena(current, rules, table)
    inst = _instruments(current, rules, table)
    facts = _missing(current, table)
    change = _change(twice, rules, table, basis) if (twice or earlier is not None) else None
    cells = table.resolve()
    signals = None
    if neighbours is not None:
        history = all_pairs + (list(earlier) if earlier is not None else [])
        signals = find_signals(history, rules, neighbours, window, k, ids)
    return Beeld(
        k=k, model=rules.manifest.model, model_version=rules.manifest.version,
        peildata=sorted({a.receipt.peildatum for _, a in current}),
        profiles=cells[total_key],
        municipalities=sorted({a.receipt.municipality for _, a in current}),
        rejected=[Problem(source=s, codes=sorted(set(c))) for s, c in rejected],
        phenomena=[p.build(cells) for p in phen],
        instruments=[i.build(cells) for i in inst],
        missing_facts=sorted(
            [MissingFact(id=f, profiles=cells[key]) for f, key in facts],
            key=lambda f: (1, 0, f.id) if isinstance(f.profiles, Hidden)
            else (0, -f.profiles, f.id)),
        change=None if change is None else change.build(cells, ids),
        waterbed=signals, waterbed_window=window if neighbours is not None else None,
        ids=ids,
    )


# ---------------------------------------------------------------- phenomena

class _LevelKeys:
    def __init__(self, table: Table, scope: tuple[object, ...], levels: list[str],
                 counts: Counter[tuple[str, str]], n: int) -> None:
        self.scope = scope
        self.total = table.put((*scope, "n"), n)
        self.certain = {lv: table.put((*scope, "c", lv), counts[("c", lv)]) for lv in levels}
        self.possible = {lv: table.put((*scope, "p", lv), counts[("p", lv)]) for lv in levels}
        top = levels[-2:]
        self.top = table.put((*scope, "top"), sum(counts[("c", lv)] for lv in top))
        table.add_sum(self.total, self.certain.values())
        table.add_sum(self.total, self.possible.values())
        table.add_sum(self.top, [self.certain[lv] for lv in top])

    def row(self, cells: dict[Key, Cell], municipality: str | None,
            district: str | None) -> LevelRow:
        return LevelRow(municipality=municipality, district=district,
                        total=cells[self.total],
                        certain={lv: cells[key] for lv, key in self.certain.items()},
                        possible={lv: cells[key] for lv, key in self.possible.items()},
                        top=cells[self.top])


class _PhenomenonKeys:
    def __init__(self, pid: str, levels: list[str], region: _LevelKeys,
                 municipalities: dict[str, _LevelKeys],
                 districts: dict[tuple[str, str], _LevelKeys]) -> None:
        self.pid, self.levels = pid, levels
        self.region, self.municipalities, self.districts = region, municipalities, districts

    def build(self, cells: dict[Key, Cell]) -> PhenomenonPicture:
        return PhenomenonPicture(
            id=self.pid, levels=self.levels, region=self.region.row(cells, None, None),
            municipalities=[keys.row(cells, m, None)
                            for m, keys in sorted(self.municipalities.items())],
            districts=[keys.row(cells, m, d) for (m, d), keys in sorted(self.districts.items())])


def _hierarchy(table: Table, whole: _LevelKeys, parts: list[_LevelKeys]) -> None:
    """The whole is the sum of its parts, level by level: publish those sums."""
    table.add_sum(whole.total, [p.total for p in parts])
    table.add_sum(whole.top, [p.top for p in parts])
    for lv in whole.certain:
        table.add_sum(whole.certain[lv], [p.certain[lv] for p in parts])
        table.add_sum(whole.possible[lv], [p.possible[lv] for p in parts])


def _phenomena(current: list[Pair], rules: RuleSet, table: Table) -> list[_PhenomenonKeys]:
    out: list[_PhenomenonKeys] = []
    for pid, phenomenon in rules.phenomena.items():
        levels = [lv.id for lv in phenomenon.levels]
        region: Counter[tuple[str, str]] = Counter()
        by_m: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        by_d: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
        n_region = 0
        n_m: Counter[str] = Counter()
        n_d: Counter[tuple[str, str]] = Counter()
        with_districts: set[str] = set()
        for profile, a in current:
            result = a.phenomenon(pid)
            if result is None:
                continue
            m = a.receipt.municipality
            d = profile.district or ""
            if profile.district:
                with_districts.add(m)
            for counter in (region, by_m[m], by_d[(m, d)]):
                counter[("c", result.level.id)] += 1
                counter[("p", result.possible_level.id)] += 1
            n_region += 1
            n_m[m] += 1
            n_d[(m, d)] += 1
        if n_region == 0:
            continue
        r_keys = _LevelKeys(table, (pid, "regio"), levels, region, n_region)
        m_keys = {m: _LevelKeys(table, (pid, "gemeente", m), levels, by_m[m], n_m[m])
                  for m in sorted(by_m)}
        _hierarchy(table, r_keys, list(m_keys.values()))
        d_keys: dict[tuple[str, str], _LevelKeys] = {}
        for m in sorted(with_districts):
            mine = {key: _LevelKeys(table, (pid, "wijk", *key), levels, by_d[key], n_d[key])
                    for key in sorted(by_d) if key[0] == m}
            _hierarchy(table, m_keys[m], list(mine.values()))
            d_keys.update(mine)
        out.append(_PhenomenonKeys(pid, levels, r_keys, m_keys, d_keys))
    return out


# ---------------------------------------------------------------- instruments

class _InstrumentKeys:
    def __init__(self, iid: str, statuses: dict[str, Key], blocking: list[tuple[str, Key]],
                 undecided: list[tuple[str, Key]]) -> None:
        self.iid, self.statuses, self.blocking, self.undecided = (
            iid, statuses, blocking, undecided)

    def build(self, cells: dict[Key, Cell]) -> InstrumentPicture:
        return InstrumentPicture(
            id=self.iid, statuses={s: cells[key] for s, key in self.statuses.items()},
            blocking=ordered([GateCount(id=g, count=cells[key]) for g, key in self.blocking]),
            undecided=ordered([GateCount(id=g, count=cells[key])
                               for g, key in self.undecided]))


def ordered(gates: list[GateCount]) -> list[GateCount]:
    """Shown counts first, largest first; hidden ones after, by id (their order must not
    tell which small count is larger)."""
    return sorted(gates, key=lambda g: (1, 0, g.id) if isinstance(g.count, Hidden)
                  else (0, -g.count, g.id))


def _instruments(current: list[Pair], rules: RuleSet, table: Table) -> list[_InstrumentKeys]:
    status: dict[str, Counter[str]] = {iid: Counter() for iid in rules.interventions}
    blocking: dict[str, Counter[str]] = {iid: Counter() for iid in rules.interventions}
    undecided: dict[str, Counter[str]] = {iid: Counter() for iid in rules.interventions}
    for _, a in current:
        listed = {iv.id: iv for iv in a.interventions}
        for iid in rules.interventions:
            iv = listed.get(iid)
            if iv is None:
                status[iid][NOT_SUGGESTED] += 1
                continue
            status[iid][iv.status] += 1
            if iv.status == "juridisch_niet_mogelijk":
                for g in iv.legal_gates:
                    if g.status == "niet_voldaan":
                        blocking[iid][g.id] += 1
            elif iv.status == "onvoldoende_gegevens":
                if iv.trigger == "mogelijk":
                    undecided[iid][TRIGGER] += 1
                for g in iv.legal_gates:
                    if g.status == "onbepaald":
                        undecided[iid][g.id] += 1
    total = ("n",)
    out: list[_InstrumentKeys] = []
    for iid in rules.interventions:
        keys = {s: table.put(("iv", iid, s), status[iid][s]) for s in STATUSES}
        # statuses add up to every profile in the picture: a published sum
        table.add_sum(total, keys.values())
        # a gate count is a subset of its status count, not a sum: hidden on its own only
        gates_b = [(g, table.put(("iv", iid, "b", g), n))
                   for g, n in sorted(blocking[iid].items(), key=lambda x: (-x[1], x[0]))]
        gates_u = [(g, table.put(("iv", iid, "u", g), n))
                   for g, n in sorted(undecided[iid].items(), key=lambda x: (-x[1], x[0]))]
        out.append(_InstrumentKeys(iid, keys, gates_b, gates_u))
    return out


# ---------------------------------------------------------------- missing facts

def _missing(current: list[Pair], table: Table) -> list[tuple[str, Key]]:
    """Per fact, the profiles where it keeps a level or a status undecided."""
    counts: Counter[str] = Counter()
    for _, a in current:
        facts: set[str] = set()
        for ph in a.phenomena:
            facts.update(ph.missing_facts)
        for iv in a.interventions:
            facts.update(iv.missing_facts)
        counts.update(facts)
    top = sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:TOP_FACTS]
    return [(f, table.put(("feit", f), n)) for f, n in top]


# ---------------------------------------------------------------- change

class _ChangeKeys:
    def __init__(self, basis: Literal["peildata", "vergelijk"], n: Key,
                 rows: list[tuple[str, str, dict[str, Key]]], moves: list[Move]) -> None:
        self.basis, self.n, self.rows, self.moves = basis, n, rows, moves

    def build(self, cells: dict[Key, Cell], ids: bool) -> Change:
        rows = []
        for m, pid, keys in self.rows:
            rows.append(ChangeRow(
                municipality=m, phenomenon=pid, total=cells[keys["n"]],
                then={k[2:]: cells[v] for k, v in keys.items() if k.startswith("t:")},
                now={k[2:]: cells[v] for k, v in keys.items() if k.startswith("n:")},
                up=cells[keys["up"]], down=cells[keys["down"]], same=cells[keys["same"]]))
        return Change(basis=self.basis, profiles=cells[self.n], rows=rows,
                      moves=self.moves if ids else [])


def _change(twice: list[tuple[Pair, Pair]], rules: RuleSet, table: Table,
            basis: Literal["peildata", "vergelijk"]) -> _ChangeKeys:
    n = table.put(("chg", "n"), len(twice))
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    moves: list[Move] = []
    for (_, a0), (_, a1) in twice:
        m = a1.receipt.municipality
        for ph1 in a1.phenomena:
            ph0 = a0.phenomenon(ph1.id)
            if ph0 is None:
                continue
            c = counts[(m, ph1.id)]
            c["n"] += 1
            c["t:" + ph0.level.id] += 1
            c["n:" + ph1.level.id] += 1
            if ph1.level.rank == ph0.level.rank:
                c["same"] += 1
                continue
            up = ph1.level.rank > ph0.level.rank
            c["up" if up else "down"] += 1
            moves.append(Move(id=a1.receipt.profile_id, municipality=m, phenomenon=ph1.id,
                              before=ph0.level.id, after=ph1.level.id,
                              then_date=a0.receipt.peildatum, now_date=a1.receipt.peildatum,
                              direction="omhoog" if up else "omlaag"))
    rows: list[tuple[str, str, dict[str, Key]]] = []
    order = {pid: i for i, pid in enumerate(rules.phenomena)}
    for (m, pid), c in sorted(counts.items(), key=lambda x: (x[0][0], order.get(x[0][1], 0))):
        levels = [lv.id for lv in rules.phenomena[pid].levels] if pid in rules.phenomena else []
        if not c["up"] and not c["down"] and levels and c["t:" + levels[0]] == c["n"]:
            continue  # at the lowest level at both dates: nothing to show
        keys: dict[str, Key] = {"n": table.put(("chg", m, pid, "n"), c["n"])}
        for word in ("up", "down", "same"):
            keys[word] = table.put(("chg", m, pid, word), c[word])
        for lv in levels:
            keys["t:" + lv] = table.put(("chg", m, pid, "t", lv), c["t:" + lv])
            keys["n:" + lv] = table.put(("chg", m, pid, "now", lv), c["n:" + lv])
        table.add_sum(keys["n"], [keys["up"], keys["down"], keys["same"]])
        table.add_sum(keys["n"], [keys["t:" + lv] for lv in levels])
        table.add_sum(keys["n"], [keys["n:" + lv] for lv in levels])
        rows.append((m, pid, keys))
    moves.sort(key=lambda mv: (mv.municipality, order.get(mv.phenomenon, 0), mv.id))
    return _ChangeKeys(basis, n, rows, moves)
