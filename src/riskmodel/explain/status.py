"""The status ladder of an intervention: one pure function, tested as a table.

Law before data: a gate that certainly fails makes the instrument impossible even when other
things are still unknown; then anything undecided asks for facts; then proportionality points
ask for weighing; only then is the instrument recommended.
"""

from __future__ import annotations

from collections.abc import Iterable

from riskmodel.evaluate.kleene import Tri
from riskmodel.model.assessment import InterventionStatus


def intervention_status(
    *, available: bool, trigger: Tri, gates: Iterable[Tri], flags: Iterable[Tri]
) -> InterventionStatus | None:
    """The status of an instrument, or None when its ground is certainly absent (not listed).

    `flags` are the proportionality flags' truth values; a flag that may hold must be
    weighed just like one that holds.
    """
    if trigger is Tri.FALSE:
        return None
    if not available:
        return "niet_beschikbaar"
    gates = list(gates)
    if Tri.FALSE in gates:
        return "juridisch_niet_mogelijk"
    if trigger is Tri.UNKNOWN or Tri.UNKNOWN in gates:
        return "onvoldoende_gegevens"
    if any(f is not Tri.FALSE for f in flags):
        return "te_overwegen"
    return "aanbevolen"
