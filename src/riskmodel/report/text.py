"""Plain-language summaries (B1) from fixed templates, in Dutch or English. No language model."""

from __future__ import annotations

from riskmodel.errors import require_lang
from riskmodel.messages import status_text, t, t_or
from riskmodel.model.assessment import Assessment, Citation, Evidence, InterventionResult, MissingFact


def kind_text(kind: str, lang: str) -> str:
    """A profile kind (an id in the JSON) as people read it."""
    return t_or(f"profile_kind.{kind}", lang, kind)


def source_kind_text(source: str, lang: str) -> str:
    """Where a fact comes from (an id in the JSON) as people read it."""
    return t_or(f"source_kind.{source}", lang, source)


def value_text(value: object, lang: str) -> str:
    """A fact value for people: yes/no for booleans, a list joined, '-' for an empty list."""
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "-"
    return str(value)


def authority_text(authority: list[str], lang: str) -> str:
    """Competent authorities (ids in the JSON) as people read them."""
    return ", ".join(t_or(f"authority.{a}", lang, a) for a in authority)


def render_text(a: Assessment, lang: str = "nl") -> str:
    require_lang(lang)
    r = a.receipt
    lines = [f"{t('title', lang)} {r.profile_id} ({kind_text(r.profile_kind, lang)}, "
             f"{r.municipality}), "
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
    lines.append(f"{t('receipt', lang)}: {t('model', lang)} {r.model} {r.model_version}, "
                 f"{t('rules_sha', lang)} {r.rules_sha256[:16]}..., {t('engine', lang)} "
                 f"{r.engine} {r.engine_version}, {t('profile_sha', lang)} "
                 f"{r.profile_sha256[:16]}...")
    return "\n".join(lines) + "\n"


MAX_QUESTIONS = 5


def _evidence_text(e: Evidence, lang: str) -> str:
    value = value_text(e.value_label.get(lang) if e.value_label else e.value, lang)
    text = f"{e.label.get(lang)}: {value}"
    source = source_kind_text(e.source, lang) if e.source else None
    details = [d for d in (source, e.source_detail, e.observed.isoformat() if e.observed else None)
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
           f"({t('authority', lang)}: {authority_text(iv.authority, lang)})"]
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
