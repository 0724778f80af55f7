"""Output formats and atomic writing: a crash never leaves half a report behind."""

from __future__ import annotations

from riskmodel.errors import Diagnostic, UserInputError, did_you_mean
from riskmodel.messages import status_text, t
from riskmodel.model.assessment import Assessment, TraceNode
from riskmodel.report.text import render_text


def render(assessment: Assessment, fmt: str, lang: str = "nl") -> str:
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
           "| fenomeen | poort | niveau | mogelijk | score |", "|---|---|---|---|---|"]
    for ph in a.phenomena:
        out.append(f"| {ph.label.get(lang)} | {status_text(ph.gate, lang)} | {ph.level.id} | "
                   f"{ph.possible_level.id} | {ph.score.certain}-{ph.score.possible} |")
    out += ["", f"## {t('interventions', lang)}", "",
            "| interventie | status | bevoegd | grondslag |", "|---|---|---|---|"]
    for iv in a.interventions:
        basis = "; ".join(b.citation for b in iv.legal_basis)
        out.append(f"| {iv.label.get(lang)} | {status_text(iv.status, lang)} | "
                   f"{', '.join(iv.authority)} | {basis} |")
    out += ["", "## Toelichting" if lang != "en" else "## Explanation", "", "```",
            render_text(a, lang).rstrip(), "```", ""]
    return "\n".join(out)


def render_explain(a: Assessment, target: str) -> str:
    """The trace subtree for one intervention, phenomenon or indicator, as an indented tree:
    why it has the status it has, down to each fact and its source (like `opa eval --explain`)."""
    wanted = {f"interventie:{target}", f"fenomeen:{target}", f"indicator:{target}"}

    def find(nodes: list[TraceNode]) -> TraceNode | None:
        for n in nodes:
            if n.node in wanted:
                return n
            hit = find(n.children)
            if hit is not None:
                return hit
        return None

    root = find(a.trace)
    if root is None:
        known = sorted({n.node.split(":", 1)[1] for n in _walk(a.trace)
                        if n.node.split(":", 1)[0] in ("interventie", "fenomeen", "indicator")})
        raise UserInputError([Diagnostic(
            "<optie>", None, None, "--explain",
            f"'{target}' komt niet voor in deze beoordeling (niet voorgesteld of onbekend)",
            suggestion=did_you_mean(target, known))])
    lines: list[str] = []

    def emit(n: TraceNode, prefix: str, last: bool, top: bool) -> None:
        branch = "" if top else ("└─ " if last else "├─ ")
        lines.append(f"{prefix}{branch}{n.node} = {n.result}")
        child_prefix = prefix if top else prefix + ("   " if last else "│  ")
        for i, c in enumerate(n.children):
            emit(c, child_prefix, i == len(n.children) - 1, False)

    emit(root, "", True, True)
    return "\n".join(lines) + "\n"


def _walk(nodes: list[TraceNode]) -> list[TraceNode]:
    out: list[TraceNode] = []
    for n in nodes:
        out.append(n)
        out.extend(_walk(n.children))
    return out
