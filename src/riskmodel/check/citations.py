"""Citations a machine can check, and an honest list of what nobody has checked.

Every statutory basis should carry its BWB id and a juriconnect reference (the identifiers
wetten.overheid.nl uses), and they must agree; every source or basis marked
`geverifieerd: false` is listed, so the count of unverified items is visible on every
`riskmodel check`.
"""

from __future__ import annotations

import re

from riskmodel.errors import Diagnostic, DiagnosticCode, Msg, Severity, msg
from riskmodel.model.common import Source
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import Loc

_JCI_BWB = re.compile(r":(BWB[RV]\d{7})")


def citation_diagnostics(rules: RuleSet) -> tuple[list[Diagnostic], dict[str, int]]:
    """Findings and counts: statutory bases, those with BWB id and juriconnect, unverified
    legal bases and unverified sources (rulings, reports, registers)."""
    out: list[Diagnostic] = []

    def at(section: str, item_id: str, sub: Loc, message: Msg, code: DiagnosticCode,
           severity: Severity = "warning") -> None:
        doc, loc = rules.origins[(section, item_id)]
        out.append(doc.diagnostic((*loc, *sub), message, code=code, severity=severity))

    statutes = with_ids = bases_unverified = unverified = 0
    for iv in rules.interventions.values():
        for i, b in enumerate(iv.legal_basis):
            if b.kind == "wet":
                statutes += 1
                missing = [name for name, v in (("bwb_id", b.bwb_id),
                                                ("juriconnect", b.juriconnect)) if not v]
                if missing:
                    at("interventies", iv.id, ("grondslag", i),
                       msg("check.statute_without_ids", id=iv.id, cite=b.cite(),
                           missing=" / ".join(missing)), "lint")
                else:
                    with_ids += 1
            found = _JCI_BWB.search(b.juriconnect or "")
            if found and b.bwb_id and found.group(1) != b.bwb_id:
                at("interventies", iv.id, ("grondslag", i),
                   msg("check.juriconnect_mismatch", id=iv.id, cite=b.cite(),
                       jci=b.juriconnect, bwb=b.bwb_id), "inconsistent", "error")
            if not b.verified:  # listed by model_check with its remark
                bases_unverified += 1
        sources: list[tuple[Loc, Source]] = [(("bron", i), s) for i, s in enumerate(iv.sources)]
        for k, g in enumerate(iv.legal_gates):
            sources += [(("poorten", k, "bron", i), s) for i, s in enumerate(g.sources)]
        for k, f in enumerate(iv.flags):
            sources += [(("afwegingen", k, "bron", i), s) for i, s in enumerate(f.sources)]
        unverified += _unverified(at, "interventies", iv.id, sources)
    for ind in rules.indicators.values():
        unverified += _unverified(at, "indicatoren", ind.id,
                                  [(("bron", i), s) for i, s in enumerate(ind.sources)])
    for ph in rules.phenomena.values():
        sources = [(("bron", i), s) for i, s in enumerate(ph.sources)]
        if ph.definition:
            sources += [(("poort", "bron", i), s) for i, s in enumerate(ph.definition.sources)]
        unverified += _unverified(at, "fenomenen", ph.id, sources)
    for reg in rules.registers.values():
        sources = [(("bron", i), s) for i, s in enumerate(reg.sources)]
        for i, item in enumerate(reg.items):
            sources += [(("items", i, "statussen", j, "bron"), st.source)
                        for j, st in enumerate(item.statuses)]
        unverified += _unverified(at, "registers", reg.id, sources)
    return out, {"wettelijke_grondslagen": statutes, "met_bwb_en_juriconnect": with_ids,
                 "grondslagen_niet_geverifieerd": bases_unverified,
                 "bronnen_niet_geverifieerd": unverified}


def _unverified(at: object, section: str, item_id: str,
                sources: list[tuple[Loc, Source]]) -> int:
    count = 0
    for sub, src in sources:
        if src.verified:
            continue
        count += 1
        remark = f": {src.remark}" if src.remark else ""
        at(section, item_id, sub,  # type: ignore[operator]
           msg("check.unverified_source", id=item_id, cite=src.cite(), remark=remark),
           "unverified")
    return count
