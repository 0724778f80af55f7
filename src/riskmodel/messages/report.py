"""Strings of the assessment reports (text, Markdown, explanation tree)."""

REPORT: dict[str, dict[str, str]] = {
    "title": {"nl": "Beoordeling", "en": "Assessment"},
    "as_of": {"nl": "peildatum", "en": "as of"},
    "phenomena": {"nl": "Fenomenen", "en": "Phenomena"},
    "level": {"nl": "niveau", "en": "level"},
    "possible": {"nl": "mogelijk", "en": "possibly"},
    "score": {"nl": "score", "en": "score"},
    "gate": {"nl": "definitie/poort", "en": "definition/gate"},
    "hit": {"nl": "Geraakte indicatoren", "en": "Indicators hit"},
    "undecided": {"nl": "Nog onbepaald", "en": "Still undecided"},
    "interventions": {"nl": "Interventies (minst ingrijpend eerst)",
                      "en": "Interventions (least intrusive first)"},
    "none": {"nl": "geen", "en": "none"},
    "authority": {"nl": "bevoegd", "en": "competent"},
    "basis": {"nl": "grondslag", "en": "legal basis"},
    "gate_failed": {"nl": "poort niet voldaan", "en": "gate not met"},
    "gate_met": {"nl": "poort voldaan", "en": "gate met"},
    "based_on": {"nl": "op grond van", "en": "based on"},
    "gate_open": {"nl": "poort onbepaald", "en": "gate undecided"},
    "weigh": {"nl": "afwegen", "en": "weigh"},
    "find_out": {"nl": "Uitzoeken", "en": "Find out"},
    "why_not_lower": {"nl": "waarom niet lichter", "en": "why not a lighter step"},
    "unavailable": {"nl": "niet beschikbaar", "en": "not available"},
    "receipt": {"nl": "Verantwoording", "en": "Receipt"},
    "quiet": {"nl": "Geen signalen vastgesteld", "en": "No signals established"},
    "could_rise": {"nl": "kan hoger uitvallen als onbekende feiten bekend worden",
                   "en": "could be higher once unknown facts are known"},
    "could_rise_all": {"nl": "elk kan hoger uitvallen als onbekende feiten bekend worden",
                       "en": "each could be higher once unknown facts are known"},
    "maybe": {"nl": "Mogelijk aan de orde als meer bekend is",
              "en": "Possibly relevant once more is known"},
    "more": {"nl": "en {n} meer (zie --format json)", "en": "and {n} more (see --format json)"},
    "no_gate": {"nl": "geen poort", "en": "no gate"},
    "unverified": {"nl": "niet geverifieerd", "en": "not verified"},
    "source": {"nl": "bron", "en": "source"},
    "note": {
        "nl": "Een risiconiveau is geen juridische grondslag: elke interventie vraagt eigen, "
              "concrete en geverifieerde feiten.",
        "en": "A risk level is not a legal ground: every intervention needs its own concrete, "
              "verified facts.",
    },
}

#: status values (Dutch ids in the JSON) as people read them
STATUS: dict[str, dict[str, str]] = {
    "aanbevolen": {"nl": "aanbevolen", "en": "recommended"},
    "te_overwegen": {"nl": "te overwegen", "en": "to consider"},
    "onvoldoende_gegevens": {"nl": "onvoldoende gegevens", "en": "insufficient data"},
    "juridisch_niet_mogelijk": {"nl": "juridisch niet mogelijk", "en": "not legally possible"},
    "niet_beschikbaar": {"nl": "niet beschikbaar", "en": "not available"},
    "voldaan": {"nl": "voldaan", "en": "met"},
    "niet_voldaan": {"nl": "niet voldaan", "en": "not met"},
    "onbepaald": {"nl": "onbepaald", "en": "undecided"},
    "onbekend": {"nl": "onbekend", "en": "unknown"},
}
