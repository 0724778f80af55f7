"""Output formats and atomic writing: a crash never leaves half a report behind."""

from __future__ import annotations

import json

from riskmodel.explain.trace import find
from riskmodel.messages import status_text, t
from riskmodel.model.assessment import Assessment, TraceNode
from riskmodel.report.text import render_text

#: file suffix per output format (one file per profile when writing into a directory)
SUFFIXES = {"json": ".json", "markdown": ".md", "text": ".txt"}


def render(assessment: Assessment, fmt: str = "text", lang: str = "nl") -> str:
    """The assessment as `json`, `markdown` or `text`, in Dutch (`nl`) or English (`en`)."""
    if fmt == "json":
        return assessment.to_json()
    if fmt == "markdown":
        return render_markdown(assessment, lang)
    return render_text(assessment, lang)


def render_markdown(a: Assessment, lang: str = "nl") -> str:
    r = a.receipt
    out = [f"# {t('title', lang)}: {r.profile_id}", "",
           f"- {r.profile_kind}, {r.municipality}; {t('as_of', lang)} {r.peildatum.isoformat()}",
           f"- model `{r.model}` {r.model_version}, engine `{r.engine}` {r.engine_version}",
           f"- rules sha256 `{r.rules_sha256}`", f"- profiel sha256 `{r.profile_sha256}`", "",
           f"## {t('phenomena', lang)}", "",
           "| fenomeen | definitie | niveau | mogelijk | score |", "|---|---|---|---|---|"]
    for ph in a.phenomena:
        definition = status_text(ph.definition, lang) if ph.definition else t("no_gate", lang)
        out.append(f"| {ph.label.get(lang)} | {definition} | {ph.level.id} | "
                   f"{ph.possible_level.id} | {ph.score.certain}-{ph.score.possible} |")
    out += ["", f"## {t('interventions', lang)}", "",
            "| interventie | status | bevoegd | grondslag |", "|---|---|---|---|"]
    for iv in a.interventions:
        basis = "; ".join(b.citation + ("" if b.verified else f" ({t('unverified', lang)})")
                          for b in iv.legal_basis)
        out.append(f"| {iv.label.get(lang)} | {status_text(iv.status, lang)} | "
                   f"{', '.join(iv.authority)} | {basis} |")
    out += ["", "## Toelichting" if lang != "en" else "## Explanation", "", "```",
            render_text(a, lang).rstrip(), "```", ""]
    return "\n".join(out)


def render_tree(node: TraceNode, lang: str = "nl") -> str:
    """A reasoning subtree as an indented tree, down to each fact and its source."""
    lines: list[str] = []

    def emit(n: TraceNode, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└─ " if last else "├─ ")
        lines.append(f"{prefix}{branch}{n.kind}:{n.id} = {_node_result(n, lang)}")
        child_prefix = prefix if top else prefix + ("   " if last else "│  ")
        for i, c in enumerate(n.children):
            emit(c, child_prefix, i == len(n.children) - 1, False)

    emit(node, "", True, True)
    return "\n".join(lines) + "\n"


def _node_result(n: TraceNode, lang: str) -> str:
    if n.kind == "feit":
        if n.result == "onbekend":
            return status_text("onbekend", lang)
        text = f"{n.value}"
        if n.source:
            text += f" ({t('source', lang)}: {n.source}"
            if n.observed:
                text += f", {n.observed.isoformat()}"
            text += ")"
        return text
    if n.kind == "bron":
        return (n.source or "") + ("" if n.verified else f" ({t('unverified', lang)})")
    return n.result


def render_explain(a: Assessment, target: str, fmt: str = "text", lang: str = "nl") -> str:
    """Why one intervention, phenomenon or indicator came out as it did (text or JSON)."""
    node = find(a, target)
    if fmt == "json":
        return json.dumps(node.model_dump(mode="json"), ensure_ascii=False, sort_keys=True,
                          indent=2) + "\n"
    return render_tree(node, lang)
