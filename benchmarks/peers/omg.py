"""The OMG phenomenon (rules/omg.yaml) encoded by hand for two peer engines.

Both peers read the same flat input (`peer_input`): one key per fact, booleans as bool, enums and
register items as strings, `aangetroffen` as a list of ids, and `ernstig_geweld_dagen` = days
from `ernstig_geweld_datum` to the peildatum (what riskmodel's encoder hands its engines too).
The art. 2:20 BW register is resolved for the peildatum before evaluating, as riskmodel's
compiler does: `banned` is the list of names (ids and aliases) certainly banned on that day.

The peers know only true and false: they are fed complete profiles only (every fact below
known), and compared only where riskmodel's certain and possible tier agree.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Sequence
from typing import Any

#: every fact the OMG phenomenon reads (definition and indicators)
OMG_FACTS: tuple[str, ...] = (
    "omg_motorcultuur_zichtbaar", "omg_groepssymbolen", "omg_niet_vrij_toegankelijk",
    "omg_leden_normoverschrijdend", "omg_waarnemingen", "omg_leden_woonachtig",
    "kleuren_in_horeca", "clubhuis_status", "clubhuis_gemeentegrond",
    "clubhuis_strijdig_bestemming", "clubhuis_vergunningen_ontbreken",
    "clubhuis_alcohol_zonder_vergunning", "aangetroffen", "drugshandel_vastgesteld",
    "bestuurlijke_rapportage_aanwezig", "ernstig_geweld_bij_pand", "gelieerde_club",
    "voortzetting_verboden_organisatie", "geweldsincidenten_12m", "rivaliteit_andere_clubs",
    "intimidatie_getuigen", "evenementen_runs_machtsvertoon", "werving_jongeren_omg",
    "supportclub_actief", "gemeentepersoneel_lid_omg", "leiding_betrokken_criminaliteit",
    "aandeel_leden_antecedenten", "verplaatsing_uit_andere_gemeente",
    "rivaliserend_conflict_acuut", "ernstig_geweld_datum", "dreiging_evenement_specifiek",
)

TIERS: tuple[tuple[str, int], ...] = (
    ("T0", 0), ("T1", 10), ("T2", 25), ("T3", 50), ("T4", 85), ("T5", 140),
)

#: indicator -> (points, zen expression, rule-engine expression); `{banned}` is the register
INDICATORS: dict[str, tuple[int, str, str]] = {
    "omg_aanwezigheid": (5, "omg_waarnemingen or omg_leden_woonachtig",
                         "omg_waarnemingen or omg_leden_woonachtig"),
    "omg_kleuren_horeca": (5, "kleuren_in_horeca", "kleuren_in_horeca"),
    "omg_vestigingsvoornemen": (10, "clubhuis_status == 'voornemen'",
                                "clubhuis_status == 'voornemen'"),
    "omg_clubhuis": (15, "clubhuis_status in ['ontmoetingsplek', 'in_gebruik']",
                     "clubhuis_status in ['ontmoetingsplek', 'in_gebruik']"),
    "omg_clubhuis_gemeentegrond": (
        5, "clubhuis_status in ['ontmoetingsplek', 'in_gebruik'] and clubhuis_gemeentegrond",
        "clubhuis_status in ['ontmoetingsplek', 'in_gebruik'] and clubhuis_gemeentegrond"),
    "omg_clubhuis_niet_conform": (
        15, "clubhuis_status in ['ontmoetingsplek', 'in_gebruik'] and (clubhuis_strijdig_bestemming"
            " or clubhuis_vergunningen_ontbreken or clubhuis_alcohol_zonder_vergunning)",
        "clubhuis_status in ['ontmoetingsplek', 'in_gebruik'] and (clubhuis_strijdig_bestemming"
        " or clubhuis_vergunningen_ontbreken or clubhuis_alcohol_zonder_vergunning)"),
    "omg_drugs_wapens_pand": (
        20, "some(aangetroffen, # in ['harddrugs', 'softdrugs', 'wapens', 'explosieven',"
            " 'productiemiddelen_synthetisch']) or drugshandel_vastgesteld",
        "'harddrugs' in aangetroffen or 'softdrugs' in aangetroffen or 'wapens' in aangetroffen"
        " or 'explosieven' in aangetroffen or 'productiemiddelen_synthetisch' in aangetroffen"
        " or drugshandel_vastgesteld"),
    "omg_crimineel_gebruik_vastgesteld": (
        10, "bestuurlijke_rapportage_aanwezig and clubhuis_status in ['ontmoetingsplek', 'in_gebruik']"
            " and (some(aangetroffen, # in ['harddrugs', 'wapens', 'explosieven',"
            " 'productiemiddelen_synthetisch']) or drugshandel_vastgesteld or ernstig_geweld_bij_pand)",
        "bestuurlijke_rapportage_aanwezig and clubhuis_status in ['ontmoetingsplek', 'in_gebruik']"
        " and ('harddrugs' in aangetroffen or 'wapens' in aangetroffen or 'explosieven' in aangetroffen"
        " or 'productiemiddelen_synthetisch' in aangetroffen"
        " or drugshandel_vastgesteld or ernstig_geweld_bij_pand)"),
    "omg_link_verboden_club": (
        20, "gelieerde_club in {banned_zen} or voortzetting_verboden_organisatie in {banned_zen}",
        "gelieerde_club in {banned_re} or voortzetting_verboden_organisatie in {banned_re}"),
    "omg_geweld_rivaliteit": (10, "geweldsincidenten_12m >= 1 or rivaliteit_andere_clubs",
                              "geweldsincidenten_12m >= 1 or rivaliteit_andere_clubs"),
    "omg_intimidatie": (10, "intimidatie_getuigen", "intimidatie_getuigen"),
    "omg_evenementen_runs": (5, "evenementen_runs_machtsvertoon", "evenementen_runs_machtsvertoon"),
    "omg_werving": (5, "werving_jongeren_omg", "werving_jongeren_omg"),
    "omg_supportclubs": (5, "supportclub_actief", "supportclub_actief"),
    "omg_gemeentepersoneel": (5, "gemeentepersoneel_lid_omg", "gemeentepersoneel_lid_omg"),
    "omg_leiding_crimineel": (10, "leiding_betrokken_criminaliteit",
                              "leiding_betrokken_criminaliteit"),
    "omg_antecedenten": (10, "aandeel_leden_antecedenten >= 50", "aandeel_leden_antecedenten >= 50"),
    "omg_verplaatsing": (5, "verplaatsing_uit_andere_gemeente", "verplaatsing_uit_andere_gemeente"),
    "omg_acute_dreiging": (
        30, "rivaliserend_conflict_acuut or (ernstig_geweld_dagen >= 0 and ernstig_geweld_dagen <= 30)"
            " or dreiging_evenement_specifiek",
        "rivaliserend_conflict_acuut or (ernstig_geweld_dagen >= 0 and ernstig_geweld_dagen <= 30)"
        " or dreiging_evenement_specifiek"),
}

GATE = ("omg_motorcultuur_zichtbaar and omg_groepssymbolen and omg_niet_vrij_toegankelijk"
        " and omg_leden_normoverschrijdend")

#: override indicator -> the tier it lifts to at least (only while the definition holds)
OVERRIDES: dict[str, str] = {
    "omg_aanwezigheid": "T1", "omg_clubhuis": "T2", "omg_clubhuis_niet_conform": "T3",
    "omg_crimineel_gebruik_vastgesteld": "T4", "omg_link_verboden_club": "T4",
    "omg_acute_dreiging": "T5",
}
RANK = {tier: rank for rank, (tier, _) in enumerate(TIERS)}


def peer_input(values: dict[str, Any], peildatum: dt.date) -> dict[str, Any]:
    """The flat input both peers read, from the known values of a complete profile."""
    data = {key: values[key] for key in OMG_FACTS if key != "ernstig_geweld_datum"}
    data["aangetroffen"] = sorted(values["aangetroffen"])
    day = values["ernstig_geweld_datum"]
    data["ernstig_geweld_dagen"] = peildatum.toordinal() - day.toordinal()
    return data


# --- GoRules zen-engine: a JDM graph ------------------------------------------------------

def _node(node_id: str, kind: str, content: dict[str, Any] | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"id": node_id, "name": node_id, "type": kind,
                            "position": {"x": 0, "y": 0}}
    if content is not None:
        node["content"] = content
    return node


def zen_decision_content(banned: Sequence[str]) -> dict[str, Any]:
    """input -> expressions (definition, indicators, score) -> first-hit table (tier by
    threshold, highest first) -> collect table (overrides) -> expression (highest of both)."""
    banned_zen = "[" + ", ".join(f"'{b}'" for b in sorted(banned)) + "]"
    exprs = [{"id": "gate", "key": "gate", "value": GATE}]
    for ind, (_, zen_text, _) in INDICATORS.items():
        exprs.append({"id": ind, "key": ind,
                      "value": "$.gate and (" + zen_text.replace("{banned_zen}", banned_zen) + ")"})
    score = " + ".join(f"($.{ind} ? {pts} : 0)" for ind, (pts, _, _) in INDICATORS.items())
    exprs.append({"id": "score", "key": "score", "value": score})
    tier_rules = [{"_id": f"t{rank}", "i": f">= {thr}", "o": str(rank)}
                  for rank, (_, thr) in reversed(list(enumerate(TIERS)))]
    override_rules = [{"_id": f"ov_{ind}", "i": ind, "o": str(RANK[tier])}
                      for ind, tier in OVERRIDES.items()]
    tier_names = "[" + ", ".join(f"'{t}'" for t, _ in TIERS) + "]"
    nodes = [
        _node("in", "inputNode"),
        _node("indicators", "expressionNode", {"expressions": exprs, "passThrough": True}),
        _node("tiers", "decisionTableNode", {
            "hitPolicy": "first", "passThrough": True,
            "inputs": [{"id": "i", "name": "score", "field": "score"}],
            "outputs": [{"id": "o", "name": "score_rank", "field": "score_rank"}],
            "rules": tier_rules}),
        _node("overrides", "decisionTableNode", {
            "hitPolicy": "collect", "passThrough": True, "outputPath": "overrides",
            "inputs": [{"id": "i", "name": "indicator hit"}],
            "outputs": [{"id": "o", "name": "rank", "field": "rank"}],
            "rules": override_rules}),
        _node("tier", "expressionNode", {"passThrough": False, "expressions": [
            {"id": "rank", "key": "rank",
             "value": "max(flatMap([[score_rank], map(overrides, #.rank)], #))"},
            {"id": "tier", "key": "tier", "value": f"{tier_names}[$.rank]"},
            {"id": "score", "key": "score", "value": "score"}]}),
        _node("out", "outputNode"),
    ]
    order = ["in", "indicators", "tiers", "overrides", "tier", "out"]
    edges = [{"id": f"e{i}", "type": "edge", "sourceId": a, "targetId": b}
             for i, (a, b) in enumerate(itertools.pairwise(order))]
    return {"contentType": "application/vnd.gorules.decision", "nodes": nodes, "edges": edges}


def zen_evaluator(banned: Sequence[str]) -> Callable[[dict[str, Any]], str]:
    import zen

    decision = zen.ZenEngine().create_decision(json.dumps(zen_decision_content(banned)))

    def evaluate(data: dict[str, Any]) -> str:
        return str(decision.evaluate(data)["result"]["tier"])

    return evaluate


# --- rule-engine: one Rule per condition, scoring in Python --------------------------------

def rule_engine_evaluator(banned: Sequence[str]) -> Callable[[dict[str, Any]], str]:
    """`Rule.matches` decides the definition and every indicator; the score, the first tier
    whose threshold it reaches (highest first) and the overrides are plain Python, as in
    riskmodel (evaluate/scoring.py)."""
    import rule_engine

    banned_re = "[" + ", ".join(f"'{b}'" for b in sorted(banned)) + "]"
    context = rule_engine.Context(default_value=None)
    gate = rule_engine.Rule(GATE, context=context)
    rules = [(ind, pts, rule_engine.Rule(text.replace("{banned_re}", banned_re), context=context))
             for ind, (pts, _, text) in INDICATORS.items()]
    thresholds = list(reversed(list(enumerate(TIERS))))
    overrides = {ind: RANK[tier] for ind, tier in OVERRIDES.items()}

    def evaluate(data: dict[str, Any]) -> str:
        if not gate.matches(data):
            return TIERS[0][0]
        score = 0
        lift = 0
        for ind, pts, rule in rules:
            if rule.matches(data):
                score += pts
                lift = max(lift, overrides.get(ind, 0))
        rank = next(r for r, (_, thr) in thresholds if score >= thr)
        return TIERS[max(rank, lift)][0]

    return evaluate
