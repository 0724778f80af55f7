"""Plain-language summaries (B1) from fixed templates, in Dutch or English. No language model."""

from __future__ import annotations

from riskmodel.messages import status_text, t
from riskmodel.model.assessment import Assessment, Citation, Evidence, InterventionResult, MissingFact


def render_text(a: Assessment, lang: str = "nl") -> str:
    r = a.receipt
    lines = [f"{t('title', lang)} {r.profile_id} ({r.profile_kind}, {r.municipality}), "
             f"{t('as_of', lang)} {r.peildatum.isoformat()}", ""]
    lines.append(t("phenomena", lang) + ":")
    hit_by_ph: dict[str, list[str]] = {}
    for ind in a.indicators:
        if ind.status == "geraakt":
            hit_by_ph.setdefault(ind.phenomenon, []).append(ind.label.get(lang))
    quiet: list[str] = []
    rising: list[str] = []
    for ph in a.phenomena:
        if ph.level.rank == 0 and not hit_by_ph.get(ph.id):
            (rising if ph.possible_level.rank > 0 else quiet).append(ph.label.get(lang))
            continue
        level = f"{ph.level.id} ({ph.level.label.get(lang)})"
        if ph.possible_level.rank > ph.level.rank:
            level += f", {t('possible', lang)} {ph.possible_level.id}"
        gate = status_text(ph.definition, lang) if ph.definition else t("no_gate", lang)
        lines.append(f"- {ph.label.get(lang)}: {t('level', lang)} {level}; {t('score', lang)} "
                     f"{ph.score.certain}-{ph.score.possible}; {t('gate', lang)} {gate}")
        if hit_by_ph.get(ph.id):
            lines.append(f"    {t('hit', lang)}: " + "; ".join(sorted(hit_by_ph[ph.id])))
        if ph.missing_facts:
            lines.append(f"    {t('find_out', lang)}: " + _questions(ph.missing_facts, lang))
    if rising or quiet:
        lines.append(f"- {t('quiet', lang)}: " + "; ".join(sorted(rising + quiet)))
        if rising and not quiet:
            lines.append(f"    ({t('could_rise_all', lang)})")
        elif rising:
            lines.append(f"    ({t('could_rise', lang)}: " + "; ".join(sorted(rising)) + ")")
    lines.append("")
    lines.append(t("interventions", lang) + ":")
    certain = [iv for iv in a.interventions if iv.trigger == "ja"]
    maybe = [iv for iv in a.interventions if iv.trigger != "ja"]
    if not certain:
        lines.append(f"- {t('none', lang)}")
    for iv in certain:
        lines.extend(_intervention_lines(iv, lang))
    if maybe:
        lines.append("")
        lines.append(f"{t('maybe', lang)}: " + "; ".join(
            iv.label.get(lang) + ("" if iv.status == "onvoldoende_gegevens"
                                  else f" ({status_text(iv.status, lang)})")
            for iv in maybe))
    lines.append("")
    lines.append(t("note", lang))
    lines.append(f"{t('receipt', lang)}: model {r.model} {r.model_version}, "
                 f"rules sha256 {r.rules_sha256[:16]}..., engine {r.engine} {r.engine_version}, "
                 f"profiel sha256 {r.profile_sha256[:16]}...")
    return "\n".join(lines) + "\n"


MAX_QUESTIONS = 5


def _evidence_text(e: Evidence, lang: str) -> str:
    value = e.value_label.get(lang) if e.value_label else e.value
    if isinstance(value, bool):
        value = ("ja" if value else "nee") if lang != "en" else ("yes" if value else "no")
    elif isinstance(value, list):
        value = ", ".join(str(v) for v in value) or "-"
    text = f"{e.label.get(lang)}: {value}"
    details = [d for d in (e.source, e.source_detail, e.observed.isoformat() if e.observed else None)
               if d]
    if details:
        text += f" [{', '.join(details)}]"
    return text


def _questions(missing: list[MissingFact], lang: str) -> str:
    """The first few open questions; the full list is in the JSON."""
    shown = [m.question.get(lang) if m.question else m.label.get(lang)
             for m in missing[:MAX_QUESTIONS]]
    text = " ".join(shown)
    if len(missing) > MAX_QUESTIONS:
        text += " (" + t("more", lang).format(n=len(missing) - MAX_QUESTIONS) + ")"
    return text


def _intervention_lines(iv: InterventionResult, lang: str) -> list[str]:
    out = [f"- [{status_text(iv.status, lang)}] {iv.label.get(lang)} "
           f"({t('authority', lang)}: {', '.join(iv.authority)})"]
    if iv.legal_basis:
        out.append(f"    {t('basis', lang)}: " + "; ".join(
            b.citation + ("" if b.verified else f" ({t('unverified', lang)})")
            for b in iv.legal_basis))
    if iv.status == "niet_beschikbaar" and iv.unavailable_reason:
        out.append(f"    {t('unavailable', lang)}: {iv.unavailable_reason.get(lang)}")
    for g in iv.legal_gates:
        if g.status == "voldaan" and iv.status in ("aanbevolen", "te_overwegen"):
            basis = "; ".join(_evidence_text(e, lang) for e in g.evidence)
            out.append(f"    {t('gate_met', lang)}: {g.label.get(lang)}"
                       + (f" ({t('based_on', lang)} {basis})" if basis else ""))
        elif g.status == "niet_voldaan" and g.reason:
            out.append(f"    {t('gate_failed', lang)}: {g.reason.get(lang)}"
                       + (f" [{cite_list(g.citations, lang)}]" if g.citations else ""))
        elif g.status == "onbepaald":
            out.append(f"    {t('gate_open', lang)}: {g.label.get(lang)}")
    for f in iv.flags:
        out.append(f"    {t('weigh', lang)}: {f.label.get(lang)} ({status_text(f.status, lang)})")
    if iv.missing_facts:
        out.append(f"    {t('find_out', lang)}: " + _questions(iv.missing_facts, lang))
    if iv.lower_rungs and iv.subsidiarity and iv.status in ("aanbevolen", "te_overwegen"):
        out.append(f"    {t('why_not_lower', lang)}: {iv.subsidiarity.get(lang)}")
    return out


def cite_list(citations: list[Citation], lang: str) -> str:
    """Citations for people: an unchecked one says so next to it."""
    return "; ".join(c.text + ("" if c.verified else f" ({t('unverified', lang)})")
                     for c in citations)
