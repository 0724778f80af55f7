"""Output formats and atomic writing: a crash never leaves half a report behind."""

from __future__ import annotations

import orjson

from riskmodel.errors import require_lang
from riskmodel.explain.trace import find
from riskmodel.messages import status_text, t
from riskmodel.model.assessment import Assessment, TraceNode
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.book import Book
from riskmodel.report.text import (
    authority_text,
    kind_text,
    render_text,
    source_kind_text,
    value_text,
)

#: file suffix per output format (one file per profile when writing into a directory)
SUFFIXES = {"json": ".json", "markdown": ".md", "text": ".txt", "html": ".html"}


def render(assessment: Assessment, fmt: str = "text", lang: str = "nl",
           rules: RuleSet | None = None) -> str:
    """The assessment as `json`, `markdown`, `text` or `html` (printable), in Dutch (`nl`) or
    English (`en`).

    Text and Markdown take their words from `assessment.texts`, or from `rules`: the model that
    made the assessment (default: the bundled model; another model raises `model-mismatch`).
    An unknown language raises UserInputError (code `unknown-language`), also for JSON.
    """
    require_lang(lang)
    if fmt == "json":
        return assessment.to_json()
    if fmt == "markdown":
        return render_markdown(assessment, lang, rules)
    if fmt == "html":
        from riskmodel.report.html import render_html  # only for html: start-up time

        return render_html(assessment, lang, rules)
    return render_text(assessment, lang, rules)


def render_markdown(a: Assessment, lang: str = "nl", rules: RuleSet | None = None) -> str:
    book = Book(a, rules)
    r = a.receipt
    def row(*cells: str) -> str:
        return "| " + " | ".join(cells) + " |"

    out = [f"# {t('title', lang)}: {r.profile_id}", "",
           f"- {kind_text(r.profile_kind, lang)}, {r.municipality}; {t('as_of', lang)} "
           f"{r.peildatum.isoformat()}",
           f"- {t('model', lang)} `{r.model}` {r.model_version}, {t('engine', lang)} "
           f"`{r.engine}` {r.engine_version}",
           f"- {t('rules_sha', lang)} `{r.rules_sha256}`",
           f"- {t('profile_sha', lang)} `{r.profile_sha256}`", "",
           f"## {t('phenomena', lang)}", "",
           row(*(t(k, lang) for k in ("col_phenomenon", "col_definition", "col_level",
                                      "col_possible", "col_score"))),
           "|---|---|---|---|---|"]
    for ph in a.phenomena:
        definition = status_text(ph.definition, lang) if ph.definition else t("no_gate", lang)
        out.append(row(book.get(f"fenomeen:{ph.id}", lang), definition,
                       f"{ph.level.id} ({book.get(f'niveau:{ph.id}:{ph.level.id}', lang)})",
                       f"{ph.possible_level.id} "
                       f"({book.get(f'niveau:{ph.id}:{ph.possible_level.id}', lang)})",
                       f"{ph.score.certain}-{ph.score.possible}"))
    out += ["", f"## {t('interventions', lang)}", "",
            row(*(t(k, lang) for k in ("col_intervention", "col_status", "col_authority",
                                       "col_basis"))),
            "|---|---|---|---|"]
    for iv in a.interventions:
        basis = "; ".join(b.citation + ("" if b.verified else f" ({t('unverified', lang)})")
                          for b in iv.legal_basis)
        out.append(row(book.get(f"interventie:{iv.id}", lang), status_text(iv.status, lang),
                       authority_text(iv.authority, lang), basis))
    out += ["", f"## {t('explanation', lang)}", "", "```",
            render_text(a, lang, book=book).rstrip(), "```", ""]
    return "\n".join(out)


def render_tree(node: TraceNode, book: Book, lang: str = "nl") -> str:
    """A reasoning subtree as an indented tree, down to each fact and its source.

    Node kinds and results read in `lang`; facts show their value and source, sources their
    citation, phenomena their level's name.
    """
    require_lang(lang)
    lines: list[str] = []
    levels = {ph.id: ph.level for ph in book.a.phenomena}

    def emit(n: TraceNode, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└─ " if last else "├─ ")
        kind = t(f"node.{n.kind}", lang)
        result = _node_result(n, lang, book)
        level = levels.get(n.id) if n.kind == "fenomeen" else None
        if level is not None and level.id == n.result:
            result += f" ({book.get(f'niveau:{n.id}:{level.id}', lang)})"
        lines.append(f"{prefix}{branch}{kind}:{n.id} = {result}")
        child_prefix = prefix if top else prefix + ("   " if last else "│  ")
        for i, c in enumerate(n.children):
            emit(c, child_prefix, i == len(n.children) - 1, False)

    emit(node, "", True, True)
    return "\n".join(lines) + "\n"


def _node_result(n: TraceNode, lang: str, book: Book) -> str:
    if n.kind == "feit":
        e = book.evidence.get(n.id)
        if n.result == "onbekend" or e is None:
            return status_text("onbekend", lang)
        text = value_text(book.value(e.fact, e.value, lang), lang)
        if e.source:
            text += f" ({t('source', lang)}: {source_kind_text(e.source, lang)}"
            if e.observed:
                text += f", {e.observed.isoformat()}"
            text += ")"
        return text
    if n.kind == "bron":
        c = book.citation(n.id)
        return c.text + ("" if c.verified else f" ({t('unverified', lang)})")
    return status_text(n.result, lang)


def render_explain(a: Assessment, target: str, fmt: str = "text", lang: str = "nl",
                   rules: RuleSet | None = None) -> str:
    """Why one intervention, phenomenon or indicator came out as it did (text or JSON).

    The text tree names node kinds and results in `lang`; the JSON keeps the ids.
    """
    require_lang(lang)
    node = find(a, target)
    if fmt == "json":
        return orjson.dumps(node.model_dump(mode="json"),
                            option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
                            | orjson.OPT_APPEND_NEWLINE).decode()
    if fmt == "html":
        from riskmodel.report.html import render_explain_html

        return render_explain_html(node, Book(a, rules), lang)
    return render_tree(node, Book(a, rules), lang)
