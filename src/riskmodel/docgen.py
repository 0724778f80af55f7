"""Generate the model reference (Markdown) from the YAML, so docs can never drift from rules.

`riskmodel docs` writes it; `riskmodel docs --check` (run in the test suite) fails when the
committed pages differ from what the current rules generate.
"""

from __future__ import annotations

from pathlib import Path

from riskmodel.errors import OutputError
from riskmodel.model.common import Source, period_text
from riskmodel.model.conditions import (
    AllOf,
    AnyOf,
    ConditionNode,
    Dated,
    FactTest,
    IndicatorTest,
    LevelTest,
    NotOf,
)
from riskmodel.model.rules import RegisterStatus
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.atomic import write_atomic

HEADER = "<!-- Gegenereerd door `riskmodel docs` uit de YAML in rules/. Niet met de hand wijzigen. -->\n\n"


def condition_text(cond: ConditionNode, indent: int = 0) -> list[str]:
    pad = "  " * indent
    if isinstance(cond, AllOf):
        return [f"{pad}- alle van:"] + [
            line for c in cond.all_of for line in condition_text(c, indent + 1)]
    if isinstance(cond, AnyOf):
        return [f"{pad}- een van:"] + [
            line for c in cond.any_of for line in condition_text(c, indent + 1)]
    if isinstance(cond, NotOf):
        return [f"{pad}- niet:", *condition_text(cond.negated, indent + 1)]
    if isinstance(cond, Dated):
        period = period_text(cond.period.start, cond.period.end)
        return [f"{pad}- alleen {period}:", *condition_text(cond.condition, indent + 1)]
    if isinstance(cond, IndicatorTest):
        return [f"{pad}- indicator `{cond.indicator}` geraakt"]
    if isinstance(cond, LevelTest):
        return [f"{pad}- niveau `{cond.phenomenon}` minimaal {cond.at_least}"]
    assert isinstance(cond, FactTest)
    operand = cond.operand
    if hasattr(operand, "register_id"):
        operand = f"{operand.register_id}/{operand.status}"
    return [f"{pad}- `{cond.fact}` {cond.operator} {operand}"]


def _phenomenon_page(rules: RuleSet, ph_id: str) -> str:
    ph = rules.phenomena[ph_id]
    out = [HEADER + f"# {ph.label.nl} (`{ph.id}`)", ""]
    if ph.description:
        out += [ph.description.nl, ""]
    if ph.reconstruction:
        out += [f"> **Reconstructie.** {ph.reconstruction.nl}", ""]
    out += ["Bronnen: " + _cites(ph.sources), ""]
    if ph.definition:
        out += ["## Poort (definitie)", "", ph.definition.label.nl, ""]
        out += [*condition_text(ph.definition.condition), ""]
        out += ["Bron: " + _cites(ph.definition.sources), ""]
    out += ["## Niveaus (hitbeleid: prioriteit, hoogste bereikte drempel)", "",
            "| niveau | label | drempel |", "|---|---|---|"]
    out += [f"| {lv.id} | {lv.label.nl} | {lv.threshold} |" for lv in ph.levels]
    if ph.overrides:
        out += ["", "## Ophogingen", "", "| indicator | minimaal niveau | reden |", "|---|---|---|"]
        out += [f"| `{o.indicator}` | {o.min_level} | {o.reason.nl} |" for o in ph.overrides]
    out += ["", "## Indicatoren", ""]
    for ind in sorted(rules.indicators_of(ph.id), key=lambda i: i.id):
        out += [f"### {ind.label.nl} (`{ind.id}`), {ind.points} punten", ""]
        if ind.valid_from or ind.valid_to:
            out += [f"Geldig: {period_text(ind.valid_from, ind.valid_to)}", ""]
        out += [*condition_text(ind.condition), ""]
        if ind.note:
            out += [ind.note.nl, ""]
        out += ["Bron: " + _cites(ind.sources), ""]
    ivs = [iv for iv in rules.interventions.values() if ph.id in iv.phenomena]
    if ivs:
        out += ["## Passende interventies", ""]
        out += [f"- [{iv.label.nl}](interventies.md#{iv.id}) (`{iv.id}`)"
                for iv in sorted(ivs, key=lambda i: (i.ladder, i.id))]
        out.append("")
    return "\n".join(out)


def _interventions_page(rules: RuleSet) -> str:
    out = [HEADER + "# Interventiecatalogus", "",
           "Geordend van minst naar meest ingrijpend (ladder).", ""]
    for iv in sorted(rules.interventions.values(), key=lambda i: (i.ladder, i.id)):
        out += [f'<a id="{iv.id}"></a>', f"## {iv.label.nl} (`{iv.id}`)", "",
                f"- ladder: {iv.ladder}", f"- bevoegd gezag: {', '.join(iv.authority)}",
                f"- beschikbaar: {period_text(iv.valid_from, iv.valid_to)}"]
        if iv.phenomena:
            out.append(f"- fenomenen: {', '.join(iv.phenomena)}")
        out += ["", "| grondslag | soort | geldig | geverifieerd | url |", "|---|---|---|---|---|"]
        for b in iv.legal_basis:
            out.append(f"| {b.cite()} | {b.kind} | {period_text(b.valid_from, b.valid_to)} | "
                       f"{'ja' if b.verified else 'nee: ' + (b.remark or '')} | "
                       f"{b.url or ''} |")
        out += ["", "**Voorstellen als:**", "", *condition_text(iv.trigger), ""]
        if iv.legal_gates:
            out += ["**Juridische poorten:**", ""]
            for g in iv.legal_gates:
                out += [f"- *{g.label.nl}* (`{g.id}`"
                        + (f", {period_text(g.valid_from, g.valid_to)}"
                           if g.valid_from or g.valid_to else "") + ")"]
                out += condition_text(g.condition, 1)
                out += [f"  - niet voldaan: {g.reason_not_met.nl}",
                        "  - bron: " + _cites(g.sources)]
            out.append("")
        if iv.flags:
            out += ["**Proportionaliteit (afwegen):**", ""]
            out += [f"- {f.label.nl} (`{f.id}`)" for f in iv.flags] + [""]
        if iv.subsidiarity:
            out += [f"**Subsidiariteit:** {iv.subsidiarity.nl}", ""]
        if iv.unavailable_reason:
            out += [f"**Niet beschikbaar:** {iv.unavailable_reason.nl}", ""]
    return "\n".join(out)


def _facts_page(rules: RuleSet) -> str:
    out = [HEADER + "# Feitenvocabulaire", "", "| feit | type | label | vraag | waarden | bron |",
           "|---|---|---|---|---|---|"]
    for f in sorted(rules.facts.values(), key=lambda f: f.id):
        values = ", ".join(f.value_ids()) or (f"register `{f.register_id}`" if f.register_id else "")
        if f.minimum is not None or f.maximum is not None:
            low = "" if f.minimum is None else f"{f.minimum:g}"
            high = "" if f.maximum is None else f"{f.maximum:g}"
            values = f"{low}..{high}"
        out.append(f"| `{f.id}` | {f.type} | {f.label.nl} | {f.question.nl if f.question else ''} | "
                   f"{values} | {f.usual_source or ''} |")
    for reg in rules.registers.values():
        out += ["", f"## Register: {reg.label.nl} (`{reg.id}`)", "",
                "| item | aliassen | voortzetting van | statussen |", "|---|---|---|---|"]
        for item in reg.items:
            st = "; ".join(_status_text(s) for s in item.statuses)
            out.append(f"| {item.label.nl} (`{item.id}`) | {', '.join(item.aliases)} | "
                       f"{item.continues or ''} | {st} |")
    return "\n".join(out) + "\n"


def generate(rules: RuleSet) -> dict[str, str]:
    m = rules.manifest
    index = [HEADER + f"# Modelreferentie: {m.label.nl} (`{m.model}` {m.version})", ""]
    if m.reconstruction:
        index += [f"> **Reconstructie.** {m.reconstruction.nl}", ""]
    index += ["| fenomeen | indicatoren | niveaus |", "|---|---|---|"]
    pages: dict[str, str] = {}
    for ph in sorted(rules.phenomena.values(), key=lambda p: p.id):
        pages[f"fenomeen-{ph.id}.md"] = _phenomenon_page(rules, ph.id)
        index.append(f"| [{ph.label.nl}](fenomeen-{ph.id}.md) | {len(rules.indicators_of(ph.id))} "
                     f"| {', '.join(lv.id for lv in ph.levels)} |")
    index += ["", f"- [Interventiecatalogus](interventies.md) ({len(rules.interventions)} "
              "instrumenten)", f"- [Feitenvocabulaire en registers](feiten.md) "
              f"({len(rules.facts)} feiten)", ""]
    pages["index.md"] = "\n".join(index)
    pages["interventies.md"] = _interventions_page(rules)
    pages["feiten.md"] = _facts_page(rules)
    return {k: v if v.endswith("\n") else v + "\n" for k, v in pages.items()}


def write_docs(pages: dict[str, str], out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(out_dir, "is een bestand; --output moet een map zijn")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        write_atomic(out_dir / name, text)
    for old in out_dir.glob("*.md"):
        if old.name not in pages and _is_generated(old):
            old.unlink()


def _is_generated(path: Path) -> bool:
    """Only pages we wrote ourselves may be removed; hand-written docs are never touched."""
    try:
        with path.open(encoding="utf-8") as fh:
            return fh.readline() == HEADER.splitlines()[0] + "\n"
    except (OSError, UnicodeDecodeError):
        return False


def stale_files(pages: dict[str, str], out_dir: Path) -> list[str]:
    stale = [name for name, text in sorted(pages.items())
             if not (out_dir / name).is_file()
             or (out_dir / name).read_text(encoding="utf-8") != text]
    if out_dir.is_dir():
        stale += sorted(p.name for p in out_dir.glob("*.md")
                        if p.name not in pages and _is_generated(p))
    return stale


def _cites(sources: list[Source]) -> str:
    """Citations as in every human-readable output: an unchecked one says so."""
    return "; ".join(s.cite() + ("" if s.verified else " (niet geverifieerd)") for s in sources)


def _status_text(s: RegisterStatus) -> str:
    text = f"{s.status} vanaf {s.valid_from}"
    if s.certain_from == "onbekend":
        text += " (onzeker; zeker vanaf onbekend)"
    elif s.certain_from is not None and s.certain_from != s.valid_from:
        text += f" (onzeker tot {s.certain_from})"
    if s.valid_to:
        text += f" t/m {s.valid_to}"
    return f"{text} ({_cites([s.source])})"
