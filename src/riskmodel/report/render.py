"""Output formats and atomic writing: a crash never leaves half a report behind."""

from __future__ import annotations

import json

from riskmodel.errors import require_lang
from riskmodel.explain.trace import find
from riskmodel.messages import status_text, t
from riskmodel.model.assessment import Assessment, LevelOut, TraceNode
from riskmodel.report.text import (
    authority_text,
    kind_text,
    render_text,
    source_kind_text,
    value_text,
)

#: file suffix per output format (one file per profile when writing into a directory)
SUFFIXES = {"json": ".json", "markdown": ".md", "text": ".txt"}


def render(assessment: Assessment, fmt: str = "text", lang: str = "nl") -> str:
    """The assessment as `json`, `markdown` or `text`, in Dutch (`nl`) or English (`en`).

    An unknown language raises UserInputError (code `unknown-language`), also for JSON.
    """
    require_lang(lang)
    if fmt == "json":
        return assessment.to_json()
    if fmt == "markdown":
        return render_markdown(assessment, lang)
    return render_text(assessment, lang)


def render_markdown(a: Assessment, lang: str = "nl") -> str:
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
        out.append(row(ph.label.get(lang), definition,
                       f"{ph.level.id} ({ph.level.label.get(lang)})",
                       f"{ph.possible_level.id} ({ph.possible_level.label.get(lang)})",
                       f"{ph.score.certain}-{ph.score.possible}"))
    out += ["", f"## {t('interventions', lang)}", "",
            row(*(t(k, lang) for k in ("col_intervention", "col_status", "col_authority",
                                       "col_basis"))),
            "|---|---|---|---|"]
    for iv in a.interventions:
        basis = "; ".join(b.citation + ("" if b.verified else f" ({t('unverified', lang)})")
                          for b in iv.legal_basis)
        out.append(row(iv.label.get(lang), status_text(iv.status, lang),
                       authority_text(iv.authority, lang), basis))
    out += ["", f"## {t('explanation', lang)}", "", "```",
            render_text(a, lang).rstrip(), "```", ""]
    return "\n".join(out)


def render_tree(node: TraceNode, lang: str = "nl", levels: dict[str, LevelOut] | None = None) -> str:
    """A reasoning subtree as an indented tree, down to each fact and its source.

    Node kinds and results read in `lang`; `levels` (phenomenon id to its level) adds the
    level's name to a phenomenon's line.
    """
    require_lang(lang)
    lines: list[str] = []

    def emit(n: TraceNode, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└─ " if last else "├─ ")
        kind = t(f"node.{n.kind}", lang)
        result = _node_result(n, lang)
        level = (levels or {}).get(n.id) if n.kind == "fenomeen" else None
        if level is not None and level.id == n.result:
            result += f" ({level.label.get(lang)})"
        lines.append(f"{prefix}{branch}{kind}:{n.id} = {result}")
        child_prefix = prefix if top else prefix + ("   " if last else "│  ")
        for i, c in enumerate(n.children):
            emit(c, child_prefix, i == len(n.children) - 1, False)

    emit(node, "", True, True)
    return "\n".join(lines) + "\n"


def _node_result(n: TraceNode, lang: str) -> str:
    if n.kind == "feit":
        if n.result == "onbekend":
            return status_text("onbekend", lang)
        text = value_text(n.value, lang)
        if n.source:
            text += f" ({t('source', lang)}: {source_kind_text(n.source, lang)}"
            if n.observed:
                text += f", {n.observed.isoformat()}"
            text += ")"
        return text
    if n.kind == "bron":
        return (n.source or "") + ("" if n.verified else f" ({t('unverified', lang)})")
    return status_text(n.result, lang)


def render_explain(a: Assessment, target: str, fmt: str = "text", lang: str = "nl") -> str:
    """Why one intervention, phenomenon or indicator came out as it did (text or JSON).

    The text tree names node kinds and results in `lang`; the JSON keeps the ids.
    """
    require_lang(lang)
    node = find(a, target)
    if fmt == "json":
        return json.dumps(node.model_dump(mode="json"), ensure_ascii=False, sort_keys=True,
                          indent=2) + "\n"
    return render_tree(node, lang, {ph.id: ph.level for ph in a.phenomena})
