"""The status ladder of an intervention as a table: law before data, data before weighing."""

from __future__ import annotations

import pytest

from riskmodel.evaluate.kleene import Tri
from riskmodel.explain.status import intervention_status

T, F, U = Tri.TRUE, Tri.FALSE, Tri.UNKNOWN


@pytest.mark.parametrize(
    ("available", "trigger", "gates", "flags", "expected"),
    [
        # the instrument's ground is certainly absent: not listed at all
        (True, F, [T], [], None),
        (False, F, [], [], None),
        # not law on the peildatum, whatever else holds
        (False, T, [], [], "niet_beschikbaar"),
        (False, U, [], [], "niet_beschikbaar"),
        # a gate that certainly fails beats everything still unknown
        (True, T, [F], [], "juridisch_niet_mogelijk"),
        (True, U, [F, U], [T], "juridisch_niet_mogelijk"),
        (True, T, [T, F], [], "juridisch_niet_mogelijk"),
        # something undecided in the trigger or a gate: find out first
        (True, U, [T], [], "onvoldoende_gegevens"),
        (True, T, [U], [], "onvoldoende_gegevens"),
        (True, T, [T, U], [T], "onvoldoende_gegevens"),
        # all gates met: weigh the proportionality points that hold or may hold
        (True, T, [T], [T], "te_overwegen"),
        (True, T, [T], [U], "te_overwegen"),
        (True, T, [], [F, U], "te_overwegen"),
        # nothing to weigh
        (True, T, [T], [F], "aanbevolen"),
        (True, T, [], [], "aanbevolen"),
    ],
)
def test_status_ladder(available: bool, trigger: Tri, gates: list[Tri], flags: list[Tri],
                       expected: str | None) -> None:
    assert intervention_status(available=available, trigger=trigger, gates=gates,
                               flags=flags) == expected
