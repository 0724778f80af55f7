"""Small numbers are hidden in every format, and no published sum gives one back."""

from __future__ import annotations

import datetime as dt
import json
import random
from fractions import Fraction

from beeld_support import iv, pair

from riskmodel.beeld import collect, render_beeld
from riskmodel.beeld.aggregate import _change, _instruments, _phenomena, latest
from riskmodel.beeld.suppress import Hidden, Table
from riskmodel.model.ruleset import RuleSet


def test_a_cell_of_three_shows_below_five_and_its_row_total_cannot_reveal_it() -> None:
    table = Table(5)
    total = table.put("total", 20)
    parts = [table.put("a", 3), table.put("b", 7), table.put("c", 10)]
    table.add_sum(total, parts)
    cells = table.resolve()
    assert cells["a"] == Hidden(below=5)
    # the smallest non-zero visible part is hidden too, so 20 - 10 gives a + b, not a
    assert cells["b"] == Hidden(complementary=True)
    assert cells["c"] == 10 and cells["total"] == 20


def test_zero_is_shown_and_never_picked_as_the_complement() -> None:
    table = Table(5)
    table.add_sum(table.put("t", 12), [table.put("a", 0), table.put("b", 2),
                                       table.put("c", 10)])
    cells = table.resolve()
    assert cells["a"] == 0
    assert cells["b"] == Hidden(below=5)
    assert cells["c"] == Hidden(complementary=True)


def test_when_every_other_part_is_zero_the_total_is_hidden() -> None:
    table = Table(5)
    table.add_sum(table.put("t", 3), [table.put("a", 3), table.put("b", 0)])
    cells = table.resolve()
    assert cells["t"] == Hidden(below=5) and cells["a"] == Hidden(below=5)
    assert cells["b"] == 0


def test_two_small_cells_that_can_only_be_one_each_get_a_third_hidden() -> None:
    # 1 + 1 = 12 - 10: a reader knows a hidden count is 1 to 4, so both would be 1
    table = Table(5)
    table.add_sum(table.put("t", 12), [table.put("a", 1), table.put("b", 1),
                                       table.put("c", 10)])
    cells = table.resolve()
    assert cells["a"] == cells["b"] == Hidden(below=5)
    assert cells["c"] == Hidden(complementary=True)
    # and at the top: 4 + 4 = 8 with k = 5
    table = Table(5)
    table.add_sum(table.put("t", 20), [table.put("a", 4), table.put("b", 4),
                                       table.put("c", 12)])
    assert table.resolve()["c"] == Hidden(complementary=True)
    # 1 + 2 = 3 is not at a bound: nothing more hidden
    table = Table(5)
    table.add_sum(table.put("t", 13), [table.put("a", 1), table.put("b", 2),
                                       table.put("c", 10)])
    assert table.resolve()["c"] == 10


def test_complementary_hiding_spreads_until_no_sum_has_one_hidden_cell() -> None:
    # region = A + B, and each municipality = its levels: hiding one level of A forces a
    # second level of A, which then forces the same levels of the region or of B
    table = Table(5)
    for m, (lo, hi) in {"A": (3, 20), "B": (30, 40)}.items():
        table.add_sum(table.put((m, "n"), lo + hi), [table.put((m, "lo"), lo),
                                                     table.put((m, "hi"), hi)])
    table.add_sum(table.put(("R", "n"), 93), [("A", "n"), ("B", "n")])
    table.add_sum(table.put(("R", "lo"), 33), [("A", "lo"), ("B", "lo")])
    table.add_sum(table.put(("R", "hi"), 60), [("A", "hi"), ("B", "hi")])
    _, _ = table.hidden_keys()
    cells = table.resolve()
    hidden = {k for k, c in cells.items() if isinstance(c, Hidden)}
    for total, parts in table.sums:
        assert len(hidden & {total, *parts}) != 1
    assert not _determined(table, cells)


def _determined(table: Table, cells: dict) -> list:  # type: ignore[type-arg]
    """Hidden non-zero cells whose value follows from the published sums, by exact rational
    linear algebra (independent of the library's modular audit): a cell is determined iff
    its unit vector lies in the row space of the equations over the hidden cells."""
    hidden = sorted((k for k, c in cells.items() if isinstance(c, Hidden)), key=repr)
    index = {k: i for i, k in enumerate(hidden)}
    basis: dict[int, dict[int, Fraction]] = {}
    for total, parts in table.sums:
        row: dict[int, Fraction] = {}
        for key, sign in [(total, 1), *((p, -1) for p in parts)]:
            if key in index:
                row[index[key]] = row.get(index[key], Fraction(0)) + sign
        rest = _reduce({c: v for c, v in row.items() if v}, basis)
        if rest:
            pivot = min(rest)
            basis[pivot] = {c: v / rest[pivot] for c, v in rest.items()}
    # a hidden cell can only follow from sums whose cells are all hidden when it is 0
    return [k for k, i in index.items()
            if not _reduce({i: Fraction(1)}, basis) and table.counts[k] != 0]


def _reduce(v: dict[int, Fraction], basis: dict[int, dict[int, Fraction]]
            ) -> dict[int, Fraction]:
    v = dict(v)
    while v:
        c = min(v)
        if c not in basis:
            return v
        f = v[c]
        for col, val in basis[c].items():
            new = v.get(col, Fraction(0)) - f * val
            if new:
                v[col] = new
            else:
                v.pop(col, None)
    return v


def _random_region(rules: RuleSet, seed: int, n: int) -> list:  # type: ignore[type-arg]
    rnd = random.Random(seed)
    omg = [lv.id for lv in rules.phenomena["omg"].levels]
    hennep = [lv.id for lv in rules.phenomena["hennep_drugs"].levels]
    towns = {"Enschede": ["Centrum", "Noord", None], "Hengelo": [None], "Borne": ["Zuid", None],
             "Almelo": [None]}
    out = []
    for i in range(n):
        town = rnd.choice(list(towns))
        c = rnd.choices(range(len(omg)), weights=[30, 3, 8, 2, 4, 1])[0]
        p = max(c, rnd.choice(range(len(omg))))
        h = rnd.choices(hennep, weights=[20, 5, 3, 1])[0]
        statuses = ["aanbevolen", "onvoldoende_gegevens", "juridisch_niet_mogelijk"]
        out.append(pair(rules, f"p{i}", town, district=rnd.choice(towns[town]),
                        levels={"omg": (omg[c], omg[p]), "hennep_drugs": h},
                        interventions=[iv("sluiting_13b", rnd.choice(statuses))]))
        if i % 3 == 0:  # seen a year earlier too: feeds the change tables
            out.append(pair(rules, f"p{i}", town, day=dt.date(2025, 1, 1),
                            levels={"omg": rnd.choice(omg), "hennep_drugs": h}))
    return out


def test_no_hidden_cell_of_a_realistic_picture_follows_from_the_published_sums(
        bundled_rules: RuleSet) -> None:
    for seed in range(8):
        pairs = _random_region(bundled_rules, seed, 40 if seed % 2 else 250)
        table = Table(5)
        current, twice = latest(pairs)
        _phenomena(current, bundled_rules, table)
        _instruments(current, bundled_rules, table)
        _change(twice, bundled_rules, table, "peildata")
        cells = table.resolve()
        assert any(isinstance(c, Hidden) for c in cells.values())
        hidden = {k for k, c in cells.items() if isinstance(c, Hidden)}
        for total, parts in table.sums:
            assert len(hidden & {total, *parts}) != 1, (seed, total)
        assert _determined(table, cells) == [], seed


def test_every_format_shows_the_small_cell_as_below_k(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    pairs = ([pair(r, f"e{i}", "Enschede", levels={"omg": "T0"}) for i in range(10)]
             + [pair(r, f"x{i}", "Enschede", levels={"omg": "T4"}) for i in range(3)]
             + [pair(r, f"h{i}", "Hengelo", levels={"omg": "T0"}) for i in range(8)])
    b = collect(pairs, r)  # default k = 5
    omg = next(p for p in b.phenomena if p.id == "omg")
    ens = next(m for m in omg.municipalities if m.municipality == "Enschede")
    assert ens.certain["T4"] == Hidden(below=5)
    assert ens.total == 13 and isinstance(ens.certain["T0"], Hidden)  # complementary
    assert isinstance(omg.region.certain["T4"], Hidden)
    data = json.loads(render_beeld(b, "json", "nl", r))
    omg_json = next(p for p in data["phenomena"] if p["id"] == "omg")
    ens_json = next(m for m in omg_json["municipalities"] if m["municipality"] == "Enschede")
    assert ens_json["certain"]["T4"] == {"suppressed": True, "below": 5}
    assert ens_json["certain"]["T0"] == {"suppressed": True, "complementary": True}
    assert data["suppression"]["k"] == 5 and "< 5" in data["suppression"]["rule"]
    md = render_beeld(b, "markdown", "nl", r)
    html = render_beeld(b, "html", "en", r)
    for text in (md, html.replace("&lt;", "<")):
        assert "< 5" in text
        # no raw small count next to its level anywhere: the Enschede row has no '3'
        row = next(line for line in text.splitlines() if "Enschede" in line and "|" in line
                   ) if text is md else ""
        assert " 3 " not in row
    assert "fewer than 5" in html and "minder dan 5" in md


def test_waterbed_counts_follow_the_rule(bundled_rules: RuleSet) -> None:
    from riskmodel.beeld.waterbed import _cell

    assert _cell(3, 5) == Hidden(below=5)
    assert _cell(0, 5) == 0 and _cell(5, 5) == 5
