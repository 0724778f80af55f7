"""The regional picture counts exactly: levels per area, instrument statuses and gates,
missing facts, change between two dates (k=1, so nothing is hidden and every count shows)."""

from __future__ import annotations

import datetime as dt

import pytest
from beeld_support import D1, iv, pair

from riskmodel.beeld import collect
from riskmodel.beeld.aggregate import NOT_SUGGESTED, TRIGGER, latest
from riskmodel.model.ruleset import RuleSet

D2 = dt.date(2026, 6, 1)


@pytest.fixture
def region(bundled_rules: RuleSet) -> list:  # type: ignore[type-arg]
    r = bundled_rules
    return [
        pair(r, "e1", "Enschede", district="Centrum", levels={"omg": ("T0", "T2")}),
        pair(r, "e2", "Enschede", district="Centrum", levels={"omg": "T0"}),
        pair(r, "e3", "Enschede", district="Centrum", levels={"omg": ("T4", "T5")}),
        pair(r, "e4", "Enschede", district="Noord", levels={"omg": "T0"}),
        pair(r, "e5", "Enschede", levels={"omg": "T5", "hennep_drugs": "hoog"}),
        pair(r, "h1", "Hengelo", levels={"omg": "T2"}),
        pair(r, "h2", "Hengelo", levels={"omg": "T2"}),
        pair(r, "h3", "Hengelo", levels={"omg": "T2"}),
        pair(r, "h4", "Hengelo", levels={"omg": ("T2", "T3")}),
    ]


def test_levels_per_region_municipality_and_district(region: list, bundled_rules: RuleSet
                                                     ) -> None:  # type: ignore[type-arg]
    b = collect(region, bundled_rules, k=1)
    assert b.profiles == 9
    assert b.municipalities == ["Enschede", "Hengelo"]
    omg = next(p for p in b.phenomena if p.id == "omg")
    assert omg.levels == ["T0", "T1", "T2", "T3", "T4", "T5"]
    assert omg.region.total == 9
    assert omg.region.certain == {"T0": 3, "T1": 0, "T2": 4, "T3": 0, "T4": 1, "T5": 1}
    assert omg.region.possible == {"T0": 2, "T1": 0, "T2": 4, "T3": 1, "T4": 0, "T5": 2}
    assert omg.region.top == 2  # T4 + T5
    by_m = {r.municipality: r for r in omg.municipalities}
    assert by_m["Enschede"].certain == {"T0": 3, "T1": 0, "T2": 0, "T3": 0, "T4": 1, "T5": 1}
    assert by_m["Hengelo"].total == 4 and by_m["Hengelo"].top == 0
    # districts only for municipalities that have them; '' = profiles without a district
    by_d = {(r.municipality, r.district): r for r in omg.districts}
    assert set(by_d) == {("Enschede", "Centrum"), ("Enschede", "Noord"), ("Enschede", "")}
    assert by_d[("Enschede", "Centrum")].certain["T0"] == 2
    assert by_d[("Enschede", "Centrum")].certain["T4"] == 1
    assert by_d[("Enschede", "")].certain["T5"] == 1
    # a phenomenon only in one assessment counts only there
    hennep = next(p for p in b.phenomena if p.id == "hennep_drugs")
    assert hennep.region.total == 1
    assert [r.municipality for r in hennep.municipalities] == ["Enschede"]
    # phenomena no assessment mentions are left out
    assert {p.id for p in b.phenomena} == {"omg", "hennep_drugs"}


def test_instrument_statuses_and_gates(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    gates_fail = {"woning_lokaal_of_erf": "niet_voldaan", "handel_of_voorbereiding": "voldaan"}
    gates_both = {"woning_lokaal_of_erf": "niet_voldaan", "handel_of_voorbereiding": "niet_voldaan"}
    open_gate = {"woning_lokaal_of_erf": "onbepaald", "handel_of_voorbereiding": "voldaan"}
    pairs = [
        pair(r, "a", "Enschede", interventions=[iv("sluiting_13b", "juridisch_niet_mogelijk",
                                                   gates_fail)]),
        pair(r, "b", "Enschede", interventions=[iv("sluiting_13b", "juridisch_niet_mogelijk",
                                                   gates_both)]),
        pair(r, "c", "Enschede", interventions=[iv("sluiting_13b", "onvoldoende_gegevens",
                                                   open_gate, trigger="mogelijk")]),
        pair(r, "d", "Hengelo", interventions=[iv("sluiting_13b", "aanbevolen"),
                                               iv("stopgesprek", "te_overwegen")]),
        pair(r, "e", "Hengelo"),
    ]
    b = collect(pairs, r, k=1)
    inst = {i.id: i for i in b.instruments}
    assert set(inst) == set(r.interventions)  # every instrument, even if never suggested
    s13b = inst["sluiting_13b"]
    assert s13b.statuses == {"aanbevolen": 1, "te_overwegen": 0, "onvoldoende_gegevens": 1,
                             "juridisch_niet_mogelijk": 2, "niet_beschikbaar": 0,
                             NOT_SUGGESTED: 1}
    assert [(g.id, g.count) for g in s13b.blocking] == [("woning_lokaal_of_erf", 2),
                                                         ("handel_of_voorbereiding", 1)]
    assert [(g.id, g.count) for g in s13b.undecided] == [(TRIGGER, 1),
                                                          ("woning_lokaal_of_erf", 1)]
    assert inst["stopgesprek"].statuses["te_overwegen"] == 1
    assert inst["stopgesprek"].statuses[NOT_SUGGESTED] == 4
    assert inst["waarschuwing"].statuses[NOT_SUGGESTED] == 5


def test_missing_facts_count_profiles_not_mentions(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    pairs = [
        pair(r, "a", "Enschede", missing={"omg": ["omg_groepssymbolen", "aangetroffen"]},
             interventions=[iv("sluiting_13b", "onvoldoende_gegevens",
                               missing=["aangetroffen"])]),
        pair(r, "b", "Enschede", missing={"omg": ["aangetroffen"]}),
        pair(r, "c", "Hengelo"),
    ]
    b = collect(pairs, r, k=1)
    assert [(f.id, f.profiles) for f in b.missing_facts] == [("aangetroffen", 2),
                                                             ("omg_groepssymbolen", 1)]


def test_change_between_two_peildata_in_one_input(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    pairs = [
        pair(r, "a", "Enschede", levels={"omg": "T1", "hennep_drugs": "geen"}),
        pair(r, "a", "Enschede", day=D2, levels={"omg": "T3", "hennep_drugs": "geen"}),
        pair(r, "b", "Enschede", levels={"omg": "T2"}),
        pair(r, "b", "Enschede", day=D2, levels={"omg": "T1"}),
        pair(r, "c", "Enschede", levels={"omg": "T2"}),
        pair(r, "c", "Enschede", day=D2, levels={"omg": "T2"}),
        pair(r, "d", "Enschede", day=D2, levels={"omg": "T5"}),  # seen once: not compared
    ]
    b = collect(pairs, r, k=1)
    # the current picture holds each id once, at its latest date
    assert b.profiles == 4
    assert b.peildata == [D2]
    assert b.change is not None and b.change.basis == "peildata"
    assert b.change.profiles == 3
    (row,) = b.change.rows  # hennep_drugs stayed at its lowest level: no row
    assert (row.municipality, row.phenomenon, row.total) == ("Enschede", "omg", 3)
    assert row.then == {"T0": 0, "T1": 1, "T2": 2, "T3": 0, "T4": 0, "T5": 0}
    assert row.now == {"T0": 0, "T1": 1, "T2": 1, "T3": 1, "T4": 0, "T5": 0}
    assert (row.up, row.down, row.same) == (1, 1, 1)
    assert [(m.id, m.before, m.after, m.direction) for m in b.change.moves] == [
        ("a", "T1", "T3", "omhoog"), ("b", "T2", "T1", "omlaag")]
    # ids can be left out
    assert collect(pairs, r, k=1, ids=False).change.moves == []  # type: ignore[union-attr]


def test_change_against_a_comparison_input(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    before = [pair(r, "a", "Enschede", levels={"omg": "T0"}),
              pair(r, "x", "Enschede", levels={"omg": "T0"})]
    now = [pair(r, "a", "Enschede", day=D2, levels={"omg": "T4"}),
           pair(r, "b", "Enschede", day=D2, levels={"omg": "T0"})]
    b = collect(now, r, k=1, earlier=before)
    assert b.profiles == 2
    assert b.change is not None and b.change.basis == "vergelijk"
    assert b.change.profiles == 1
    assert b.change.rows[0].up == 1
    assert [m.id for m in b.change.moves] == ["a"]


def test_no_change_section_without_a_second_date(region: list, bundled_rules: RuleSet
                                                 ) -> None:  # type: ignore[type-arg]
    assert collect(region, bundled_rules, k=1).change is None


def test_latest_keeps_the_last_observation(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    current, twice = latest([pair(r, "a", "E", day=D2), pair(r, "a", "E", day=D1)])
    assert [a.receipt.peildatum for _, a in current] == [D2]
    assert [(x[1].receipt.peildatum, y[1].receipt.peildatum) for x, y in twice] == [(D1, D2)]


def test_k_must_be_positive(bundled_rules: RuleSet) -> None:
    with pytest.raises(ValueError):
        collect([], bundled_rules, k=0)
