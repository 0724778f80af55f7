"""Plain-language summaries (B1) from fixed templates, in Dutch or English. No language model."""

from __future__ import annotations

from riskmodel.errors import require_lang
from riskmodel.messages import status_text, t, t_or
from riskmodel.model.assessment import Assessment, Evidence, InterventionResult
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.book import Book


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


def render_text(a: Assessment, lang: str = "nl", rules: RuleSet | None = None,
                book: Book | None = None) -> str:
    """The B1 summary; texts from `a.texts`, or from `rules` (the model that made `a`)."""
    require_lang(lang)
    book = book or Book(a, rules)
    r = a.receipt
    lines = [f"{t('title', lang)} {r.profile_id} ({kind_text(r.profile_kind, lang)}, "
             f"{r.municipality}), "
             f"{t('as_of', lang)} {r.peildatum.isoformat()}", ""]
    lines.append(t("phenomena", lang) + ":")
    hit_by_ph: dict[str, list[str]] = {}
    for ind in a.indicators:
        if ind.status == "geraakt":
            hit_by_ph.setdefault(ind.phenomenon, []).append(book.get(f"indicator:{ind.id}", lang))
    quiet: list[str] = []
    rising: list[str] = []
    for ph in a.phenomena:
        if ph.level.rank == 0 and not hit_by_ph.get(ph.id):
            (rising if ph.possible_level.rank > 0 else quiet).append(
                book.get(f"fenomeen:{ph.id}", lang))
            continue
        level = f"{ph.level.id} ({book.get(f'niveau:{ph.id}:{ph.level.id}', lang)})"
        if ph.possible_level.rank > ph.level.rank:
            level += f", {t('possible', lang)} {ph.possible_level.id}"
        gate = status_text(ph.definition, lang) if ph.definition else t("no_gate", lang)
        lines.append(f"- {book.get(f'fenomeen:{ph.id}', lang)}: {t('level', lang)} {level}; "
                     f"{t('score', lang)} "
                     f"{ph.score.certain}-{ph.score.possible}; {t('gate', lang)} {gate}")
        if hit_by_ph.get(ph.id):
            lines.append(f"    {t('hit', lang)}: " + "; ".join(sorted(hit_by_ph[ph.id])))
        if ph.missing_facts:
            lines.append(f"    {t('find_out', lang)}: "
                         + _questions(ph.missing_facts, lang, book))
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
        lines.extend(_intervention_lines(iv, lang, book))
    if maybe:
        lines.append("")
        lines.append(f"{t('maybe', lang)}: " + "; ".join(
            book.get(f"interventie:{iv.id}", lang) + ("" if iv.status == "onvoldoende_gegevens"
                                  else f" ({status_text(iv.status, lang)})")
            for iv in maybe))
    lines.extend(_find_out_lines(a, lang, book))
    lines.append("")
    lines.append(t("note", lang))
    lines.append(f"{t('receipt', lang)}: {t('model', lang)} {r.model} {r.model_version}, "
                 f"{t('rules_sha', lang)} {r.rules_sha256[:16]}..., {t('engine', lang)} "
                 f"{r.engine} {r.engine_version}, {t('profile_sha', lang)} "
                 f"{r.profile_sha256[:16]}...")
    return "\n".join(lines) + "\n"


MAX_QUESTIONS = 5
#: facts shown under "Eerst uitzoeken" (the JSON carries more)
MAX_FIND_OUT = 5


def _find_out_lines(a: Assessment, lang: str, book: Book) -> list[str]:
    """The unknown facts that could change most outcomes, with their questions."""
    if not a.find_out:
        return []
    lines = ["", t("report.find_out", lang) + ":"]
    for item in a.find_out[:MAX_FIND_OUT]:
        question = book.get(f"vraag:{item.fact}", lang, book.get(f"feit:{item.fact}", lang))
        lines.append("- " + t("report.find_out_line", lang, question=question, n=item.outcomes))
    return lines


def _evidence_text(e: Evidence, lang: str, book: Book) -> str:
    value = value_text(book.value(e.fact, e.value, lang), lang)
    text = f"{book.get(f'feit:{e.fact}', lang)}: {value}"
    source = source_kind_text(e.source, lang) if e.source else None
    details = [d for d in (source, e.source_detail, e.observed.isoformat() if e.observed else None)
               if d]
    if details:
        text += f" [{', '.join(details)}]"
    return text


def _questions(missing: list[str], lang: str, book: Book) -> str:
    """The first few open questions; the full list is in the JSON."""
    shown = [book.get(f"vraag:{m}", lang, book.get(f"feit:{m}", lang))
             for m in missing[:MAX_QUESTIONS]]
    text = " ".join(shown)
    if len(missing) > MAX_QUESTIONS:
        text += " (" + t("more", lang).format(n=len(missing) - MAX_QUESTIONS) + ")"
    return text


def _intervention_lines(iv: InterventionResult, lang: str, book: Book) -> list[str]:
    out = [f"- [{status_text(iv.status, lang)}] {book.get(f'interventie:{iv.id}', lang)} "
           f"({t('authority', lang)}: {authority_text(iv.authority, lang)})"]
    if iv.legal_basis:
        out.append(f"    {t('basis', lang)}: " + "; ".join(
            b.citation + ("" if b.verified else f" ({t('unverified', lang)})")
            for b in iv.legal_basis))
    if iv.status == "niet_beschikbaar":
        out.append(f"    {t('unavailable', lang)}: {unavailable_text(iv, lang, book)}")
    for g in iv.legal_gates:
        if g.status == "voldaan" and iv.status in ("aanbevolen", "te_overwegen"):
            basis = "; ".join(_evidence_text(e, lang, book) for e in g.evidence)
            out.append(f"    {t('gate_met', lang)}: {book.get(f'poort:{iv.id}:{g.id}', lang)}"
                       + (f" ({t('based_on', lang)} {basis})" if basis else ""))
        elif g.status == "niet_voldaan":
            out.append(f"    {t('gate_failed', lang)}: "
                       f"{book.get(f'poort_reden:{iv.id}:{g.id}', lang)}"
                       + (f" [{cite_list(book, g.citations, lang)}]" if g.citations else ""))
        elif g.status == "onbepaald":
            out.append(f"    {t('gate_open', lang)}: {book.get(f'poort:{iv.id}:{g.id}', lang)}")
    for f in iv.flags:
        out.append(f"    {t('weigh', lang)}: {book.get(f'afweging:{iv.id}:{f.id}', lang)} "
                   f"({status_text(f.status, lang)})")
    if iv.missing_facts:
        out.append(f"    {t('find_out', lang)}: " + _questions(iv.missing_facts, lang, book))
    why = f"subsidiariteit:{iv.id}"
    if iv.lower_rungs and book.has(why) and iv.status in ("aanbevolen", "te_overwegen"):
        out.append(f"    {t('why_not_lower', lang)}: {book.get(why, lang)}")
    return out


def unavailable_text(iv: InterventionResult, lang: str, book: Book) -> str:
    if iv.unavailable == "reden" and book.has(f"niet_beschikbaar:{iv.id}"):
        return book.get(f"niet_beschikbaar:{iv.id}", lang)
    return t("no_basis_on", lang, day=book.a.receipt.peildatum.isoformat())


def cite_list(book: Book, keys: list[str], lang: str) -> str:
    """Citations for people: an unchecked one says so next to it."""
    out = []
    for k in keys:
        c = book.citation(k)
        out.append(c.text + ("" if c.verified else f" ({t('unverified', lang)})"))
    return "; ".join(out)
