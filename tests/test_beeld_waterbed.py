"""Waterbed signals on a hand-made two-municipality, two-date region, and the neighbour CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from beeld_support import D1, iv, pair

from riskmodel.beeld import collect, parse_neighbours, read_neighbours
from riskmodel.beeld.suppress import Hidden
from riskmodel.beeld.waterbed import APPLIED, BUNDLED, bundled_path
from riskmodel.errors import UserInputError
from riskmodel.model.ruleset import RuleSet

NEIGHBOURS = parse_neighbours("gemeente_a,gemeente_b\nEnschede,Hengelo\n")


def _region(r: RuleSet, rise_after: int = 60) -> list:  # type: ignore[type-arg]
    later = D1 + dt.timedelta(days=rise_after)
    return [
        # Enschede recommends a warning for a cannabis premises on D1
        pair(r, "e1", "Enschede", levels={"hennep_drugs": "verhoogd"},
             interventions=[iv("waarschuwing", "aanbevolen")]),
        # Hengelo: h1 rises from geen to verhoogd; h2 stays; h3 goes down
        pair(r, "h1", "Hengelo", levels={"hennep_drugs": "geen"}),
        pair(r, "h1", "Hengelo", day=later, levels={"hennep_drugs": "verhoogd"}),
        pair(r, "h2", "Hengelo", levels={"hennep_drugs": "signaal"}),
        pair(r, "h2", "Hengelo", day=later, levels={"hennep_drugs": "signaal"}),
        pair(r, "h3", "Hengelo", levels={"hennep_drugs": "hoog"}),
        pair(r, "h3", "Hengelo", day=later, levels={"hennep_drugs": "signaal"}),
    ]


def test_a_rise_next_door_within_the_window_is_a_signal(bundled_rules: RuleSet) -> None:
    b = collect(_region(bundled_rules), bundled_rules, neighbours=NEIGHBOURS, window=180)
    assert b.waterbed_window == 180
    assert b.waterbed is not None
    (signal,) = b.waterbed
    assert (signal.municipality, signal.neighbour, signal.phenomenon) == (
        "Enschede", "Hengelo", "hennep_drugs")
    assert signal.interventions == ["waarschuwing"] and signal.how == ["aanbevolen"]
    assert signal.first_action == D1
    assert signal.first_rise == D1 + dt.timedelta(days=60)
    assert signal.action_ids == ["e1"] and signal.rise_ids == ["h1"]
    # one profile each: counts are hidden under k = 5, the ids are for the analyst
    assert signal.actions == Hidden(below=5) and signal.rises == Hidden(below=5)
    assert collect(_region(bundled_rules), bundled_rules, k=1,
                   neighbours=NEIGHBOURS).waterbed[0].rises == 1  # type: ignore[index]


def test_no_signal_outside_the_window_or_without_neighbours(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    assert collect(_region(r, rise_after=200), r, neighbours=NEIGHBOURS, window=180
                   ).waterbed == []
    assert collect(_region(r, rise_after=200), r, neighbours=NEIGHBOURS, window=365
                   ).waterbed != []
    far = parse_neighbours("gemeente_a,gemeente_b\nEnschede,Losser\n")
    assert collect(_region(r), r, neighbours=far).waterbed == []
    assert collect(_region(r), r).waterbed is None  # no list given: not computed


def test_the_instrument_must_address_the_phenomenon_that_was_raised(bundled_rules: RuleSet
                                                                     ) -> None:
    r = bundled_rules
    pairs = _region(r)
    # the warning is for cannabis; with cannabis at its lowest level in Enschede, no signal
    pairs[0] = pair(r, "e1", "Enschede", levels={"hennep_drugs": "geen"},
                    interventions=[iv("waarschuwing", "aanbevolen")])
    assert collect(pairs, r, neighbours=NEIGHBOURS).waterbed == []
    # a status other than aanbevolen is not an action
    pairs[0] = pair(r, "e1", "Enschede", levels={"hennep_drugs": "hoog"},
                    interventions=[iv("waarschuwing", "te_overwegen")])
    assert collect(pairs, r, neighbours=NEIGHBOURS).waterbed == []


def test_an_applied_instrument_from_the_facts_counts_with_its_date(bundled_rules: RuleSet
                                                                   ) -> None:
    r = bundled_rules
    assert set(APPLIED) <= set(r.facts) and set(APPLIED.values()) <= set(r.interventions)
    pairs = _region(r, rise_after=30)
    warned = D1 - dt.timedelta(days=10)
    pairs[0] = pair(r, "e1", "Enschede", levels={"hennep_drugs": "verhoogd"},
                    facts={"eerdere_waarschuwing": {"waarde": True, "datum": warned}})
    (signal,) = collect(pairs, r, neighbours=NEIGHBOURS).waterbed  # type: ignore[misc]
    assert signal.how == ["toegepast"] and signal.first_action == warned


def test_ids_can_be_left_out(bundled_rules: RuleSet) -> None:
    (signal,) = collect(_region(bundled_rules), bundled_rules, neighbours=NEIGHBOURS,
                        ids=False).waterbed  # type: ignore[misc]
    assert signal.action_ids == [] and signal.rise_ids == []


def test_neighbour_csv_is_symmetric_and_skips_comments() -> None:
    n = parse_neighbours("# comment\ngemeente_a,gemeente_b\nA,B\n\nB , C\n")
    assert n.of("A") == {"B"} and n.of("B") == {"A", "C"} and n.of("C") == {"B"}


@pytest.mark.parametrize("text, line, code", [
    ("a,b\nA,B\n", 1, "missing-key"),
    ("gemeente_a,gemeente_b\nA,B,C\n", 3 - 1, "type"),
    ("gemeente_a,gemeente_b\nA,B\nA,A\n", 3, "inconsistent"),
    ("gemeente_a,gemeente_b\nA,\n", 2, "type"),
])
def test_bad_neighbour_rows_are_named(text: str, line: int, code: str) -> None:
    with pytest.raises(UserInputError) as exc:
        parse_neighbours(text, "buren.csv")
    (d,) = exc.value.diagnostics
    assert (d.file, d.line, d.code) == ("buren.csv", line, code)


def test_missing_neighbour_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserInputError) as exc:
        read_neighbours(tmp_path / "nope.csv")
    assert exc.value.diagnostics[0].code == "not-found"


def test_the_bundled_example_loads_and_has_no_duplicate_pairs() -> None:
    path = bundled_path("oost-nederland")
    assert path is not None and path.is_file() and set(BUNDLED) == {"oost-nederland"}
    n = read_neighbours("oost-nederland")
    assert {"Enschede", "Hengelo", "Deventer", "Apeldoorn"} <= set(n.pairs)
    assert "Hengelo" in n.of("Enschede") and "Apeldoorn" in n.of("Deventer")
    rows = [line for line in path.read_text(encoding="utf-8").splitlines()[1:]
            if line and not line.startswith("#")]
    pairs = [frozenset(line.split(",")) for line in rows]
    assert len(pairs) == len(set(pairs)) > 20
