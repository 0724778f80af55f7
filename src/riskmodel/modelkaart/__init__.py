"""The model card: what a municipality must publish about a risk model and weigh before using it.

Two parts, both built from the model itself and its `algoritmeregister:` block in model.yaml:

* the fields of the Dutch Algorithm Register (Algoritmeregister Publicatiestandaard 1.0.10,
  MinBZK, 2024-11-29): what people must say is taken from the block; what the rules say
  (data used, technical operation) is derived and marked as such; a required field nobody
  filled is listed as missing, never invented;
* what a human-rights impact assessment (IAMA) asks: phenomena and what they measure, every
  fact used and its usual source, the legal bases (verified or not), which weights are
  reconstructions, what the model never decides, and how it is validated.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from riskmodel.check.grounds import findings
from riskmodel.messages import t
from riskmodel.model.conditions import FactTest, walk
from riskmodel.model.rules import Publication
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import display_path

STANDARD = "Algoritmeregister Publicatiestandaard 1.0.10 (MinBZK, 2024-11-29)"
#: file another tool writes with the mutation score of the bundled scenarios
MUTATION_SCORE_FILE = Path("docs") / "mutation-score.json"
#: scenario files under a directory with this name were held out of setting the weights
HELD_OUT_DIR = "achtergehouden"

Shown = Literal["verplicht", "ja", "nee"]


@dataclass(frozen=True)
class RegisterField:
    """One field of the publication standard: its Dutch name, whether the register requires
    it ('verplicht'), always shows it ('ja') or only when filled ('nee'), and its key in the
    `algoritmeregister:` block."""

    key: str
    name: str
    shown: Shown


#: the fields of the standard in its order (ch02 'Informatievelden' of the standard)
FIELDS: tuple[RegisterField, ...] = (
    RegisterField("naam", "Naam", "verplicht"),
    RegisterField("korte_omschrijving", "Korte omschrijving", "verplicht"),
    RegisterField("organisatie", "Organisatie", "verplicht"),
    RegisterField("thema", "Thema", "ja"),
    RegisterField("status", "Status", "verplicht"),
    RegisterField("begindatum", "Begindatum", "ja"),
    RegisterField("einddatum", "Einddatum", "ja"),
    RegisterField("contactgegevens", "Contactgegevens", "verplicht"),
    RegisterField("publiekspagina", "Link naar publiekspagina", "nee"),
    RegisterField("publicatiecategorie", "Publicatiecategorie", "verplicht"),
    RegisterField("bronregistratie", "Link naar bronregistratie", "nee"),
    RegisterField("doel_en_impact", "Doel en impact", "ja"),
    RegisterField("afwegingen", "Afwegingen", "ja"),
    RegisterField("menselijke_tussenkomst", "Menselijke tussenkomst", "ja"),
    RegisterField("risicobeheer", "Risicobeheer", "ja"),
    RegisterField("wettelijke_basis", "Wettelijke basis", "nee"),
    RegisterField("link_wettelijke_basis", "Link naar wettelijke basis", "ja"),
    RegisterField("verwerkingsregister", "Verwerkingsregister", "nee"),
    RegisterField("impacttoetsen", "Impacttoets(en)", "ja"),
    RegisterField("gegevens", "Gegevens", "ja"),
    RegisterField("technische_werking", "Technische werking", "ja"),
    RegisterField("leverancier", "Leverancier", "ja"),
    RegisterField("broncode", "Link naar broncode", "nee"),
)

_EXTRA_KEYS = {"ontbreekt"}


def _given(pub: Publication | None, key: str) -> Any:
    if pub is None:
        return None
    data = pub.model_dump(by_alias=True, exclude_none=True, mode="json")
    value = data.get(key)
    return value if value not in (None, "", []) else None


def _used_facts(rules: RuleSet) -> dict[str, list[str]]:
    """Fact id -> the rules (indicator, phenomenon gate, intervention) that read it."""
    used: dict[str, list[str]] = {}

    def note(where: str, condition: Any) -> None:
        for node in walk(condition):
            if isinstance(node, FactTest):
                users = used.setdefault(node.fact, [])
                if where not in users:
                    users.append(where)

    for ph in rules.phenomena.values():
        if ph.definition:
            note(f"fenomenen.{ph.id}", ph.definition.condition)
    for ind in rules.indicators.values():
        note(f"indicatoren.{ind.id}", ind.condition)
    for iv in rules.interventions.values():
        for cond in (iv.trigger, *(g.condition for g in iv.legal_gates),
                     *(f.condition for f in iv.flags)):
            note(f"interventies.{iv.id}", cond)
    return used


def _derived_data(rules: RuleSet) -> str:
    used = _used_facts(rules)
    kinds = Counter(rules.facts[f].usual_source or "onbekend" for f in used if f in rules.facts)
    parts = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    return (f"{len(used)} feiten over situaties (gemeente, wijk, pand, evenement, groep), "
            f"per gebruikelijke bron: {parts}; {len(rules.registers)} register(s) met gedateerde besluiten.")


def _derived_operation(rules: RuleSet) -> str:
    return (f"Declaratieve regels (YAML, geen machine learning): {len(rules.indicators)} "
            f"indicatoren geven punten; per fenomeen ({len(rules.phenomena)}) bepalen drempels "
            "het niveau, met driewaardige logica (onbekend blijft onbekend: een zeker en een "
            f"mogelijk niveau). {len(rules.interventions)} bestuurlijke interventies worden "
            "voorgesteld met hun juridische poorten en afwegingen; elke uitkomst is herleidbaar "
            "tot feiten en bronnen (riskmodel assess --explain).")


def register_fields(rules: RuleSet) -> list[dict[str, Any]]:
    """Each field: value, where it came from (model.yaml, derived from the rules, or
    nowhere) and, when empty, why (the block's `ontbreekt`)."""
    pub = rules.manifest.publication
    missing_because = pub.missing_because if pub else {}
    derived: dict[str, Any] = {
        "naam": rules.manifest.label.nl if len(rules.manifest.label.nl) <= 100 else None,
        "gegevens": _derived_data(rules),
        "technische_werking": _derived_operation(rules),
    }
    description = rules.manifest.description
    if description is not None and len(description.nl) <= 350:
        derived["korte_omschrijving"] = description.nl
    out: list[dict[str, Any]] = []
    for f in FIELDS:
        value = _given(pub, f.key)
        origin: str | None = "model.yaml" if value is not None else None
        if value is None and derived.get(f.key) is not None:
            value, origin = derived[f.key], "afgeleid"
        out.append({"key": f.key, "name": f.name, "shown": f.shown, "value": value,
                    "origin": origin, "missing_because": missing_because.get(f.key)
                    if value is None else None})
    out += [{"key": "taal", "name": "Taal", "shown": "verplicht", "value": "nld",
             "origin": "afgeleid", "missing_because": None},
            {"key": "schema", "name": "Schema", "shown": "verplicht", "value": STANDARD,
             "origin": "afgeleid", "missing_because": None}]
    return out


def _validation(rules: RuleSet, scenarios: Path | None) -> dict[str, Any]:
    from riskmodel.scenarios.runner import run_scenarios

    out: dict[str, Any] = {"scenarios": None, "mutation_score": None, "held_out": None}
    if scenarios is not None and scenarios.exists():
        paths = [scenarios]
        if (scenarios / HELD_OUT_DIR).is_dir():
            paths.append(scenarios / HELD_OUT_DIR)
        report = run_scenarios(paths, rules, engines=("compiled",))
        files = {r.file for r in report.results}
        held = {f for f in files if HELD_OUT_DIR in Path(f).parts}
        out["scenarios"] = {"path": display_path(scenarios), "count": len(files),
                            "passed": report.passed, "failed": report.failed,
                            "errors": report.errors}
        held_rows = [r for r in report.results if r.file in held]
        out["held_out"] = {"count": len(held),
                           "passed": sum(r.outcome == "geslaagd" for r in held_rows)} \
            if held else None
    score_file = rules.root.parent / MUTATION_SCORE_FILE
    if score_file.is_file():
        try:
            out["mutation_score"] = json.loads(score_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            out["mutation_score"] = None
        score = out["mutation_score"]
        if isinstance(score, dict) and "rules_sha256" in score:
            # a score says nothing about rules it was not measured on
            score["stale"] = score["rules_sha256"] != rules.sha256
    return out


def build_card(rules: RuleSet, scenarios: Path | None = None) -> dict[str, Any]:
    """The model card as plain data (the JSON output); `render_markdown` prints it."""
    used = _used_facts(rules)
    fields = register_fields(rules)
    m = rules.manifest
    return {
        "model": {"id": m.model, "version": m.version, "label": m.label.nl,
                  "sha256": rules.sha256},
        "standard": STANDARD,
        "register": fields,
        "missing_required": [f["key"] for f in fields
                             if f["shown"] == "verplicht" and f["value"] is None],
        "missing_shown": [f["key"] for f in fields
                          if f["shown"] == "ja" and f["value"] is None],
        "phenomena": [
            {"id": ph.id, "label": ph.label.nl,
             "description": ph.description.nl if ph.description else None,
             "levels": [{"id": lv.id, "threshold": lv.threshold} for lv in ph.levels],
             "indicators": len(rules.indicators_of(ph.id)),
             "reconstruction": ph.reconstruction.nl if ph.reconstruction else None}
            for ph in rules.phenomena.values()],
        "facts": [{"id": f.id, "label": f.label.nl, "type": f.type,
                   "usual_source": f.usual_source, "used_by": used[f.id],
                   "victim_protection": f.victim_protection.note
                   if f.victim_protection else None}
                  for f in rules.facts.values() if f.id in used],
        "legal_bases": [{"intervention": iv.id, "basis": b.cite(), "kind": b.kind,
                         "verified": b.verified, "remark": b.remark}
                        for iv in rules.interventions.values() for b in iv.legal_basis],
        "reconstructions": {
            "model": m.reconstruction.nl if m.reconstruction else None,
            "phenomena": [ph.id for ph in rules.phenomena.values() if ph.reconstruction]},
        "protected_grounds": [{"item": f.subject, "ground": f.ground,
                               "justified": f.justified} for f in findings(rules)],
        "validation": _validation(rules, scenarios),
    }


def render_json(card: dict[str, Any]) -> str:
    return json.dumps(card, indent=2, ensure_ascii=False) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(v.get("naam", json.dumps(v, ensure_ascii=False))
                          if isinstance(v, dict) else str(v) for v in value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_markdown(card: dict[str, Any], lang: str = "nl") -> str:
    """The card for people: the register fields, what is missing, then the IAMA part."""
    def k(key: str, **params: Any) -> str:
        return t(f"mk.{key}", lang, **params)

    m = card["model"]
    out = [f"# {k('title')}: {m['label']}", "",
           k("intro", id=m["id"], version=m["version"], sha=m["sha256"][:12]), "",
           f"## {k('register')}", "", k("register_intro", standard=card["standard"]), "",
           f"| {k('col_field')} | {k('col_shown')} | {k('col_value')} | {k('col_origin')} |",
           "|---|---|---|---|"]
    for f in card["register"]:
        if f["value"] is not None:
            origin = k("origin_" + ("model" if f["origin"] == "model.yaml" else "derived"))
            value = _cell(f["value"])
        else:
            origin = k("origin_missing")
            value = f"*{k('missing_because', reason=_cell(f['missing_because']))}*" \
                if f["missing_because"] else f"**{k('not_filled')}**"
        out.append(f"| {f['name']} | {f['shown']} | {value} | {origin} |")
    out += ["", f"### {k('missing')}", ""]
    if card["missing_required"]:
        out.append(k("missing_required", fields=", ".join(card["missing_required"])))
    else:
        out.append(k("nothing_missing"))
    if card["missing_shown"]:
        out += ["", k("missing_shown", fields=", ".join(card["missing_shown"]))]
    out += ["", f"## {k('iama')}", "", f"### {k('never')}", "", k("never_text"), "",
            f"### {k('phenomena')}", ""]
    for ph in card["phenomena"]:
        levels = ", ".join(f"{lv['id']} ≥ {lv['threshold']}" for lv in ph["levels"])
        out.append(f"- **{ph['id']}** ({ph['label']}): {k('levels')} {levels}; "
                   f"{k('indicators', n=ph['indicators'])}"
                   + (f". {ph['description']}" if ph["description"] else ""))
    out += ["", f"### {k('facts', n=len(card['facts']))}", "",
            f"| {k('col_fact')} | {k('col_type')} | {k('col_source')} | {k('col_used_by')} |",
            "|---|---|---|---|"]
    for f in card["facts"]:
        note = f" ({k('victim_protection')}: {_cell(f['victim_protection'])})" \
            if f["victim_protection"] else ""
        out.append(f"| `{f['id']}` {_cell(f['label'])}{note} | {f['type']} | "
                   f"{f['usual_source'] or k('unknown_source')} | {len(f['used_by'])} |")
    unverified = [b for b in card["legal_bases"] if not b["verified"]]
    out += ["", f"### {k('legal', n=len(card['legal_bases']), unverified=len(unverified))}",
            ""]
    for b in card["legal_bases"]:
        mark = k("verified") if b["verified"] else k("unverified")
        out.append(f"- {b['intervention']}: {b['basis']} ({b['kind']}, {mark})")
    rec = card["reconstructions"]
    out += ["", f"### {k('reconstructions')}", "", rec["model"] or k("no_reconstruction"), "",
            k("reconstructed_phenomena", ids=", ".join(rec["phenomena"]) or "-")]
    out += ["", f"### {k('grounds')}", ""]
    out += [f"- {g['item']}: {g['ground']} ({k('justified') if g['justified'] else k('not_justified')})"
            for g in card["protected_grounds"]] or [k("no_grounds")]
    v = card["validation"]
    out += ["", f"### {k('validation')}", ""]
    sc = v["scenarios"]
    out.append("- " + (k("scenarios", **sc) if sc else k("no_scenarios")))
    score = v["mutation_score"]
    if isinstance(score, dict) and {"score", "killed", "survived"} <= set(score):
        line = k("mutation_of", score=f"{score['score']:.1%}", killed=score["killed"],
                 counted=score["killed"] + score["survived"])
        if score.get("stale"):
            line += "; " + k("mutation_stale")
        out.append("- " + line)
    elif isinstance(score, dict) and "score" in score:
        out.append("- " + k("mutation", score=score["score"]))
    elif score is not None:
        out.append("- " + k("mutation", score=json.dumps(score, ensure_ascii=False)))
    else:
        out.append("- " + k("mutation_none"))
    held = v["held_out"]
    out.append("- " + (k("held_out", **held) if held else k("held_out_none", dir=HELD_OUT_DIR)))
    return "\n".join(out) + "\n"


__all__ = ["FIELDS", "STANDARD", "build_card", "register_fields", "render_json",
           "render_markdown"]
