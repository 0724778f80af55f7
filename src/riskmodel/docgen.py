"""Generate the model reference (Markdown) from the YAML, so docs can never drift from rules.

`riskmodel docs` writes it; `riskmodel docs --check` (run in the test suite) fails when the
committed pages differ from what the current rules generate.
"""

from __future__ import annotations

from pathlib import Path

from riskmodel.errors import OutputError
from riskmodel.model.common import period_text
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
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.atomic import write_atomic

HEADER = "<!-- Gegenereerd door `riskmodel docs` uit de YAML in rules/. Niet met de hand wijzigen. -->\n\n"


def condition_text(cond: ConditionNode, indent: int = 0) -> list[str]:
    pad = "  " * indent
    if isinstance(cond, AllOf):
        return [f"{pad}- alle van:"] + [
            line for c in cond.alle for line in condition_text(c, indent + 1)]
    if isinstance(cond, AnyOf):
        return [f"{pad}- een van:"] + [
            line for c in cond.een_van for line in condition_text(c, indent + 1)]
    if isinstance(cond, NotOf):
        return [f"{pad}- niet:", *condition_text(cond.niet, indent + 1)]
    if isinstance(cond, Dated):
        period = period_text(cond.geldig.vanaf, cond.geldig.tot)
        return [f"{pad}- alleen {period}:", *condition_text(cond.als, indent + 1)]
    if isinstance(cond, IndicatorTest):
        return [f"{pad}- indicator `{cond.indicator}` geraakt"]
    if isinstance(cond, LevelTest):
        return [f"{pad}- niveau `{cond.niveau}` minimaal {cond.minimaal}"]
    assert isinstance(cond, FactTest)
    operand = cond.operand
    if hasattr(operand, "register_id"):
        operand = f"{operand.register_id}/{operand.status}"
    return [f"{pad}- `{cond.feit}` {cond.operator} {operand}"]


def _phenomenon_page(rules: RuleSet, ph_id: str) -> str:
    ph = rules.phenomena[ph_id]
    out = [HEADER + f"# {ph.label.nl} (`{ph.id}`)", ""]
    if ph.beschrijving:
        out += [ph.beschrijving.nl, ""]
    if ph.reconstructie:
        out += [f"> **Reconstructie.** {ph.reconstructie.nl}", ""]
    out += ["Bronnen: " + "; ".join(s.cite() for s in ph.bron), ""]
    if ph.poort:
        out += ["## Poort (definitie)", "", ph.poort.label.nl, ""]
        out += [*condition_text(ph.poort.als), ""]
        out += ["Bron: " + "; ".join(s.cite() for s in ph.poort.bron), ""]
    out += ["## Niveaus (hitbeleid: prioriteit, hoogste bereikte drempel)", "",
            "| niveau | label | drempel |", "|---|---|---|"]
    out += [f"| {lv.id} | {lv.label.nl} | {lv.drempel} |" for lv in ph.niveaus]
    if ph.ophogingen:
        out += ["", "## Ophogingen", "", "| indicator | minimaal niveau | reden |", "|---|---|---|"]
        out += [f"| `{o.indicator}` | {o.minimaal_niveau} | {o.reden.nl} |" for o in ph.ophogingen]
    out += ["", "## Indicatoren", ""]
    for ind in sorted(rules.indicators_of(ph.id), key=lambda i: i.id):
        out += [f"### {ind.label.nl} (`{ind.id}`), {ind.punten} punten", ""]
        if ind.geldig_vanaf or ind.geldig_tot:
            out += [f"Geldig: {period_text(ind.geldig_vanaf, ind.geldig_tot)}", ""]
        out += [*condition_text(ind.als), ""]
        if ind.toelichting:
            out += [ind.toelichting.nl, ""]
        out += ["Bron: " + "; ".join(s.cite() for s in ind.bron), ""]
    ivs = [iv for iv in rules.interventions.values() if ph.id in iv.fenomenen]
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
                f"- ladder: {iv.ladder}", f"- bevoegd gezag: {', '.join(iv.bevoegd_gezag)}",
                f"- beschikbaar: {period_text(iv.geldig_vanaf, iv.geldig_tot)}"]
        if iv.fenomenen:
            out.append(f"- fenomenen: {', '.join(iv.fenomenen)}")
        out += ["", "| grondslag | soort | geldig | geverifieerd | url |", "|---|---|---|---|---|"]
        for b in iv.grondslag:
            out.append(f"| {b.cite()} | {b.soort} | {period_text(b.geldig_vanaf, b.geldig_tot)} | "
                       f"{'ja' if b.geverifieerd else 'nee: ' + (b.opmerking or '')} | "
                       f"{b.url or ''} |")
        out += ["", "**Voorstellen als:**", "", *condition_text(iv.voorstellen_als), ""]
        if iv.poorten:
            out += ["**Juridische poorten:**", ""]
            for g in iv.poorten:
                out += [f"- *{g.label.nl}* (`{g.id}`"
                        + (f", {period_text(g.geldig_vanaf, g.geldig_tot)}"
                           if g.geldig_vanaf or g.geldig_tot else "") + ")"]
                out += condition_text(g.als, 1)
                out += [f"  - niet voldaan: {g.reden_niet_voldaan.nl}",
                        "  - bron: " + "; ".join(s.cite() for s in g.bron)]
            out.append("")
        if iv.afwegingen:
            out += ["**Proportionaliteit (afwegen):**", ""]
            out += [f"- {f.label.nl} (`{f.id}`)" for f in iv.afwegingen] + [""]
        if iv.subsidiariteit:
            out += [f"**Subsidiariteit:** {iv.subsidiariteit.nl}", ""]
        if iv.niet_beschikbaar_reden:
            out += [f"**Niet beschikbaar:** {iv.niet_beschikbaar_reden.nl}", ""]
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
        out.append(f"| `{f.id}` | {f.type} | {f.label.nl} | {f.vraag.nl if f.vraag else ''} | "
                   f"{values} | {f.gebruikelijke_bron or ''} |")
    for reg in rules.registers.values():
        out += ["", f"## Register: {reg.label.nl} (`{reg.id}`)", "",
                "| item | aliassen | voortzetting van | statussen |", "|---|---|---|---|"]
        for item in reg.items:
            st = "; ".join(f"{s.status} vanaf {s.vanaf} ({s.bron.cite()})" for s in item.statussen)
            out.append(f"| {item.label.nl} (`{item.id}`) | {', '.join(item.aliassen)} | "
                       f"{item.voortzetting_van or ''} | {st} |")
    return "\n".join(out) + "\n"


def generate(rules: RuleSet) -> dict[str, str]:
    m = rules.manifest
    index = [HEADER + f"# Modelreferentie: {m.label.nl} (`{m.model}` {m.versie})", ""]
    if m.reconstructie:
        index += [f"> **Reconstructie.** {m.reconstructie.nl}", ""]
    index += ["| fenomeen | indicatoren | niveaus |", "|---|---|---|"]
    pages: dict[str, str] = {}
    for ph in sorted(rules.phenomena.values(), key=lambda p: p.id):
        pages[f"fenomeen-{ph.id}.md"] = _phenomenon_page(rules, ph.id)
        index.append(f"| [{ph.label.nl}](fenomeen-{ph.id}.md) | {len(rules.indicators_of(ph.id))} "
                     f"| {', '.join(lv.id for lv in ph.niveaus)} |")
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
