"""The printable HTML report (`riskmodel assess --format html`, the workbench's download).

One self-contained file: styles inline, the chart of levels as inline SVG, no script and no
external URL it needs to load (municipal networks are often closed, and a report must print
the same in ten years). Links to cited sources stay links. The structured views below
(`PhenomenonView`, `InterventionView`, `tree_html`) are shared with the web page, so the
page and the report can never word an outcome differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from riskmodel._version import __version__
from riskmodel.errors import require_lang
from riskmodel.messages import status_text, t
from riskmodel.model.assessment import Assessment, InterventionResult, PhenomenonResult, TraceNode
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.book import Book
from riskmodel.report.text import (
    MAX_QUESTIONS,
    authority_text,
    kind_text,
    source_kind_text,
    unavailable_text,
    value_text,
)


@dataclass(frozen=True)
class Cited:
    """A source as people cite it, with whether anyone read it."""

    text: str
    verified: bool
    url: str | None = None


@dataclass(frozen=True)
class Reason:
    """One line of why an intervention has its status: what, and the sources it rests on."""

    kind: str  # gate_failed, gate_open, gate_met, weigh, unavailable, why_not_lower
    text: str
    detail: str | None = None
    cited: list[Cited] = field(default_factory=list)
    #: the gate or flag as `<intervention>.<id>`, for a link to its reasoning
    target: str | None = None


@dataclass(frozen=True)
class Question:
    fact: str
    text: str


@dataclass(frozen=True)
class InterventionView:
    id: str
    name: str
    status: str
    status_text: str
    trigger: str
    ladder: int
    authority: str
    basis: list[Cited]
    reasons: list[Reason]
    questions: list[Question]
    more_questions: int


@dataclass(frozen=True)
class PhenomenonView:
    id: str
    name: str
    definition: str | None  # status id, None without a definition
    definition_text: str
    level: str
    level_name: str
    level_rank: int
    possible: str
    possible_name: str
    possible_rank: int
    top_rank: int
    score: str
    hit: list[tuple[str, str]]  # (indicator id, name)
    reconstruction: bool


def cited(book: Book, keys: list[str]) -> list[Cited]:
    out = []
    for k in keys:
        c = book.citation(k)
        out.append(Cited(c.text, c.verified, c.url))
    return out


def question(book: Book, fact: str, lang: str) -> Question:
    return Question(fact, book.get(f"vraag:{fact}", lang, book.get(f"feit:{fact}", lang)))


def phenomenon_view(ph: PhenomenonResult, book: Book, lang: str) -> PhenomenonView:
    hit = sorted(((ind.id, book.get(f"indicator:{ind.id}", lang)) for ind in book.a.indicators
                  if ind.phenomenon == ph.id and ind.status == "geraakt"), key=lambda p: p[1])
    top = max((k.rank for k in (ph.level, ph.possible_level)), default=0)
    if book.rules is not None and ph.id in book.rules.phenomena:
        top = len(book.rules.phenomena[ph.id].levels) - 1
    return PhenomenonView(
        id=ph.id, name=book.get(f"fenomeen:{ph.id}", lang), definition=ph.definition,
        definition_text=(status_text(ph.definition, lang) if ph.definition
                         else t("no_gate", lang)),
        level=ph.level.id, level_name=book.get(f"niveau:{ph.id}:{ph.level.id}", lang),
        level_rank=ph.level.rank, possible=ph.possible_level.id,
        possible_name=book.get(f"niveau:{ph.id}:{ph.possible_level.id}", lang),
        possible_rank=ph.possible_level.rank, top_rank=max(top, 1),
        score=f"{ph.score.certain}-{ph.score.possible}", hit=hit,
        reconstruction=ph.reconstruction)


def intervention_view(iv: InterventionResult, book: Book, lang: str) -> InterventionView:
    """The wording of `riskmodel assess --format text`, as structured data."""
    reasons: list[Reason] = []
    if iv.status == "niet_beschikbaar":
        reasons.append(Reason("unavailable", unavailable_text(iv, lang, book)))
    for g in iv.legal_gates:
        target = f"{iv.id}.{g.id}"
        if g.status == "niet_voldaan":
            reasons.append(Reason("gate_failed", book.get(f"poort_reden:{iv.id}:{g.id}", lang),
                                  book.get(f"poort:{iv.id}:{g.id}", lang),
                                  cited(book, g.citations), target))
        elif g.status == "onbepaald":
            reasons.append(Reason("gate_open", book.get(f"poort:{iv.id}:{g.id}", lang),
                                  cited=cited(book, g.citations), target=target))
        elif iv.status in ("aanbevolen", "te_overwegen"):
            reasons.append(Reason("gate_met", book.get(f"poort:{iv.id}:{g.id}", lang),
                                  cited=cited(book, g.citations), target=target))
    for f in iv.flags:
        reasons.append(Reason("weigh", book.get(f"afweging:{iv.id}:{f.id}", lang),
                              status_text(f.status, lang), cited(book, f.citations),
                              f"{iv.id}.{f.id}"))
    why = f"subsidiariteit:{iv.id}"
    if iv.lower_rungs and book.has(why) and iv.status in ("aanbevolen", "te_overwegen"):
        reasons.append(Reason("why_not_lower", book.get(why, lang)))
    questions = [question(book, m, lang) for m in iv.missing_facts[:MAX_QUESTIONS]]
    return InterventionView(
        id=iv.id, name=book.get(f"interventie:{iv.id}", lang), status=iv.status,
        status_text=status_text(iv.status, lang), trigger=iv.trigger, ladder=iv.ladder,
        authority=authority_text(iv.authority, lang),
        basis=[Cited(b.citation, b.verified, b.url) for b in iv.legal_basis],
        reasons=reasons, questions=questions,
        more_questions=max(0, len(iv.missing_facts) - MAX_QUESTIONS))


#: the words before a reason, by kind (catalogue keys of the text report)
REASON_KEYS = {"gate_failed": "gate_failed", "gate_open": "gate_open", "gate_met": "gate_met",
               "weigh": "weigh", "unavailable": "unavailable", "why_not_lower": "why_not_lower"}


# ---- small HTML pieces ---------------------------------------------------------------------

def cited_html(items: list[Cited], lang: str) -> str:
    parts = []
    for c in items:
        text = escape(c.text)
        if c.url:
            text = f'<a href="{escape(c.url)}">{text}</a>'
        if not c.verified:
            text += f' <span class="unverified">({escape(t("unverified", lang))})</span>'
        parts.append(text)
    return "; ".join(parts)


def levels_svg(views: list[PhenomenonView], lang: str) -> str:
    """A bar per phenomenon: the certain level dark, up to the highest possible level light.

    Presentation attributes only (no style attribute), so the page's strict
    Content-Security-Policy allows it inline.
    """
    row, label_w, bar_w = 26, 235, 200
    height = row * len(views) + 16
    width = label_w + bar_w + 130
    title = escape(t("web.chart_title", lang))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="levels-chart" role="img" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'aria-labelledby="chart-title"><title id="chart-title">{title}</title>']
    for i, v in enumerate(views):
        y = 6 + i * row
        unit = bar_w / v.top_rank
        possible_w = max(v.possible_rank * unit, 2)
        certain_w = max(v.level_rank * unit, 2)
        name = v.name if len(v.name) <= 32 else v.name[:30] + "…"
        out.append(f'<text x="0" y="{y + 16}" font-size="13" fill="#1f2933">{escape(name)}'
                   f'</text>')
        out.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="18" '
                   f'fill="#eef1f4"/>')
        out.append(f'<rect x="{label_w}" y="{y + 3}" width="{possible_w:.1f}" height="18" '
                   f'fill="#b9cde0"/>')
        out.append(f'<rect x="{label_w}" y="{y + 3}" width="{certain_w:.1f}" height="18" '
                   f'fill="#1d4f7c"/>')
        label = v.level if v.possible == v.level else f"{v.level} … {v.possible}"
        out.append(f'<text x="{label_w + bar_w + 8}" y="{y + 16}" font-size="13" '
                   f'fill="#1f2933">{escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)


def node_label(n: TraceNode, book: Book, lang: str, owner: str | None) -> str:
    """The name of a node of the reasoning tree in `lang` (its owner: the intervention or
    phenomenon above, which a gate's or a definition's text key needs)."""
    if n.kind == "fenomeen":
        return book.get(f"fenomeen:{n.id}", lang)
    if n.kind == "definitie":
        return book.get(f"definitie:{owner or n.id}", lang)
    if n.kind == "indicator":
        return book.get(f"indicator:{n.id}", lang)
    if n.kind == "interventie":
        return book.get(f"interventie:{n.id}", lang)
    if n.kind == "feit":
        return book.get(f"feit:{n.id}", lang)
    if n.kind == "poort" and owner:
        return book.get(f"poort:{owner}:{n.id}", lang)
    if n.kind == "afweging" and owner:
        return book.get(f"afweging:{owner}:{n.id}", lang)
    if n.kind == "bron":
        c = book.citation(n.id)
        return cited_html([Cited(c.text, c.verified, c.url)], lang)
    if n.kind == "aanleiding":
        return t("web.trigger_label", lang)
    return n.id


def node_result(n: TraceNode, book: Book, lang: str) -> str:
    if n.kind == "feit":
        e = book.evidence.get(n.id)
        if n.result == "onbekend" or e is None:
            return escape(status_text("onbekend", lang))
        text = escape(value_text(book.value(e.fact, e.value, lang), lang))
        details = [source_kind_text(e.source, lang) if e.source else None, e.source_detail,
                   e.observed.isoformat() if e.observed else None]
        shown = [escape(d) for d in details if d]
        if shown:
            text += f' <span class="source">({escape(t("source", lang))}: {", ".join(shown)})</span>'
        return text
    if n.kind == "bron":
        return ""
    if n.kind == "fenomeen":
        ph = book.a.phenomenon(n.id)
        if ph is not None and ph.level.id == n.result:
            return escape(f"{n.result} ({book.get(f'niveau:{n.id}:{n.result}', lang)})")
    return escape(status_text(n.result, lang))


def tree_html(node: TraceNode, book: Book, lang: str, owner: str | None = None) -> str:
    """The reasoning subtree as nested lists: kind, name, result, down to facts and sources."""
    own = node.id if node.kind in ("interventie", "fenomeen") else owner
    kind = escape(t(f"node.{node.kind}", lang))
    label = node_label(node, book, lang, own)
    if node.kind != "bron":
        label = escape(label)
    result = node_result(node, book, lang)
    css = f"node node-{node.kind} result-{escape(node.result)}"
    out = [f'<li class="{css}"><span class="node-kind">{kind}</span> '
           f'<span class="node-name">{label}</span>']
    if result:
        out.append(f' <span class="node-result">{result}</span>')
    if node.children:
        out.append('<ul class="tree">')
        out.extend(tree_html(c, book, lang, own) for c in node.children)
        out.append("</ul>")
    out.append("</li>")
    return "".join(out)


# ---- the report ----------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;
max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:1px solid #d5dbe1;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #e4e8ec;vertical-align:top}th{background:#f3f5f7}
.meta{color:#52606d}.unverified{color:#9a3412;font-weight:600}
.status{display:inline-block;padding:0 .4rem;border-radius:.2rem;font-size:.85rem;
border:1px solid #9aa5b1}.status-aanbevolen{background:#e3f4e8;border-color:#3f8f5b}
.status-te_overwegen{background:#fff4d6;border-color:#b7791f}
.status-onvoldoende_gegevens{background:#eef1f4}
.status-juridisch_niet_mogelijk{background:#fde8e8;border-color:#b83232}
.status-niet_beschikbaar{background:#eceff1;color:#52606d}
.iv{border:1px solid #e4e8ec;border-radius:.3rem;padding:.5rem .8rem;margin:.6rem 0;
page-break-inside:avoid}.iv ul{margin:.3rem 0;padding-left:1.2rem}
.note{background:#f3f5f7;padding:.6rem .8rem;border-left:4px solid #1d4f7c}
.receipt{font-size:.85rem;color:#52606d;word-break:break-all}
svg.levels-chart{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}a{color:inherit}}
"""


def _intervention_html(v: InterventionView, lang: str) -> str:
    out = [f'<section class="iv"><h3>{escape(v.name)} <span class="status status-{v.status}">'
           f'{escape(v.status_text)}</span></h3>',
           f'<p class="meta">{escape(t("authority", lang))}: {escape(v.authority)}; '
           f'{escape(t("basis", lang))}: {cited_html(v.basis, lang)}</p><ul>']
    for r in v.reasons:
        line = f"<strong>{escape(t(REASON_KEYS[r.kind], lang))}</strong>: {escape(r.text)}"
        if r.detail:
            line += f" ({escape(r.detail)})"
        if r.cited and r.kind in ("gate_failed", "weigh"):
            line += f" [{cited_html(r.cited, lang)}]"
        out.append(f"<li>{line}</li>")
    if v.questions:
        qs = " ".join(escape(q.text) for q in v.questions)
        if v.more_questions:
            qs += " " + escape("(" + t("more", lang).format(n=v.more_questions) + ")")
        out.append(f"<li><strong>{escape(t('find_out', lang))}</strong>: {qs}</li>")
    out.append("</ul></section>")
    return "".join(out)


def render_html(a: Assessment, lang: str = "nl", rules: RuleSet | None = None) -> str:
    """The assessment as one printable, self-contained HTML document."""
    require_lang(lang)
    book = Book(a, rules)
    r = a.receipt
    views = [phenomenon_view(ph, book, lang) for ph in a.phenomena]
    title = f"{t('title', lang)} {r.profile_id}"
    out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body><main>",
           f"<h1>{escape(title)}</h1>",
           f'<p class="meta">{escape(kind_text(r.profile_kind, lang))}, '
           f"{escape(r.municipality)}; {escape(t('as_of', lang))} {r.peildatum.isoformat()}</p>",
           f'<p class="note">{escape(t("note", lang))}</p>',
           f"<h2>{escape(t('phenomena', lang))}</h2>", levels_svg(views, lang),
           "<table><thead><tr>"
           + "".join(f'<th scope="col">{escape(t(k, lang))}</th>' for k in (
               "col_phenomenon", "col_definition", "col_level", "col_possible", "col_score"))
           + "</tr></thead><tbody>"]
    for v in views:
        out.append(f'<tr><th scope="row">{escape(v.name)}</th><td>{escape(v.definition_text)}'
                   f"</td><td>{escape(v.level)} ({escape(v.level_name)})</td>"
                   f"<td>{escape(v.possible)} ({escape(v.possible_name)})</td>"
                   f"<td>{escape(v.score)}</td></tr>")
    out.append("</tbody></table>")
    hits = [v for v in views if v.hit]
    if hits:
        out.append(f"<h3>{escape(t('hit', lang))}</h3><ul>")
        out.extend(f"<li>{escape(v.name)}: {escape('; '.join(n for _, n in v.hit))}</li>"
                   for v in hits)
        out.append("</ul>")
    out.append(f"<h2>{escape(t('interventions', lang))}</h2>")
    certain = [iv for iv in a.interventions if iv.trigger == "ja"]
    maybe = [iv for iv in a.interventions if iv.trigger != "ja"]
    if not certain:
        out.append(f"<p>{escape(t('none', lang))}</p>")
    out.extend(_intervention_html(intervention_view(iv, book, lang), lang) for iv in certain)
    if maybe:
        out.append(f"<h3>{escape(t('maybe', lang))}</h3><ul>")
        out.extend(f"<li>{escape(book.get(f'interventie:{iv.id}', lang))} "
                   f'<span class="status status-{iv.status}">'
                   f"{escape(status_text(iv.status, lang))}</span></li>" for iv in maybe)
        out.append("</ul>")
    out.append(f"<h2>{escape(t('receipt', lang))}</h2><p class=\"receipt\">"
               f"{escape(t('model', lang))} {escape(r.model)} {escape(r.model_version)}; "
               f"{escape(t('rules_sha', lang))} {r.rules_sha256}; {escape(t('engine', lang))} "
               f"{escape(r.engine)} {escape(r.engine_version)}; {escape(t('profile_sha', lang))} "
               f"{r.profile_sha256}</p>")
    out.append(f'<p class="meta">{escape(t("web.report_generated", lang, version=__version__))}'
               "</p></main></body></html>\n")
    return "".join(out)


def render_explain_html(node: TraceNode, book: Book, lang: str = "nl") -> str:
    """One reasoning subtree as a self-contained HTML document."""
    require_lang(lang)
    title = t("web.why_of", lang, name=node_label(node, book, lang, node.id))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>'
            f"{escape(title)}</title><style>{_STYLE}</style></head><body><main>"
            f'<h1>{escape(title)}</h1><ul class="tree">{tree_html(node, book, lang)}</ul>'
            "</main></body></html>\n")
