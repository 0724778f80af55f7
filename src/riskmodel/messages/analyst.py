"""Texts for the analyst's tools: facts per kind (`soorten`), `riskmodel init`, what-if and
the facts to find out first, in Dutch and English."""

ANALYST: dict[str, dict[str, str]] = {
    # ---- facts per kind (check.kinds)
    "diag.kinds.definition": {
        "nl": "[{id}] de definitie van fenomeen '{id}' leest feit '{fact}', dat niet geldt "
              "voor soort {kinds}; voor die soort blijft de definitie altijd onbepaald",
        "en": "[{id}] the definition of phenomenon '{id}' reads fact '{fact}', which does "
              "not apply to kind {kinds}; for that kind the definition stays undecided"},
    "diag.kinds.trigger": {
        "nl": "[{id}] voorstellen_als van interventie '{id}' leest feit '{fact}', dat niet "
              "geldt voor soort {kinds}",
        "en": "[{id}] voorstellen_als of intervention '{id}' reads fact '{fact}', which does "
              "not apply to kind {kinds}"},
    "diag.kinds.gate": {
        "nl": "[{id}] poort '{gate}' van interventie '{id}' leest feit '{fact}', dat niet "
              "geldt voor soort {kinds}; voor die soort blijft de poort altijd onbepaald",
        "en": "[{id}] gate '{gate}' of intervention '{id}' reads fact '{fact}', which does "
              "not apply to kind {kinds}; for that kind the gate stays undecided"},
    "diag.kinds.flag": {
        "nl": "[{id}] afweging '{flag}' van interventie '{id}' leest feit '{fact}', dat niet "
              "geldt voor soort {kinds}",
        "en": "[{id}] flag '{flag}' of intervention '{id}' reads fact '{fact}', which does "
              "not apply to kind {kinds}"},
    "diag.kinds.expected": {
        "nl": "feit '{fact}' met soorten die {kinds} omvatten, of minder soorten voor het "
              "fenomeen of de interventie",
        "en": "fact '{fact}' with kinds covering {kinds}, or fewer kinds for the phenomenon "
              "or intervention"},
    "diag.kinds.profile_fact": {
        "nl": "feit '{fact}' hoort niet bij een profiel van soort '{kind}' (geldt voor: "
              "{kinds}); het telt wel mee, maar controleer de soort van het profiel",
        "en": "fact '{fact}' does not belong in a profile of kind '{kind}' (applies to: "
              "{kinds}); it is still used, but check the profile's kind"},
    "diag.kinds.profile_expected": {"nl": "feiten die gelden voor soort '{kind}'",
                                    "en": "facts that apply to kind '{kind}'"},
    # ---- riskmodel init
    "init.header": {
        "nl": "Profielsjabloon voor soort '{kind}'{phenomenon}, gemaakt met riskmodel init "
              "(model {model} {version}).\nVul id, gemeente en peildatum in; vervang "
              "'onbekend' door wat u weet en laat de rest onbekend.\nBeschrijf de situatie, "
              "nooit personen (geen namen, BSN, geboortedata).",
        "en": "Profile template for kind '{kind}'{phenomenon}, made by riskmodel init "
              "(model {model} {version}).\nFill in id, gemeente and peildatum; replace "
              "'onbekend' with what you know and leave the rest unknown.\nDescribe the "
              "situation, never people (no names, BSN, dates of birth)."},
    "init.for_phenomenon": {"nl": " en fenomeen '{id}'", "en": " and phenomenon '{id}'"},
    "init.id": {"nl": "unieke id van dit profiel (kleine letters, cijfers, _ . -)",
                "en": "unique id of this profile (lower case, digits, _ . -)"},
    "init.municipality": {"nl": "naam van de gemeente", "en": "name of the municipality"},
    "init.peildatum": {"nl": "de datum waarop de situatie wordt beoordeeld (JJJJ-MM-DD)",
                       "en": "the date the situation is assessed as of (YYYY-MM-DD)"},
    "init.definition": {"nl": "Definitie van {label}: eerst invullen",
                        "en": "Definition of {label}: fill in first"},
    "init.phenomenon": {"nl": "Fenomeen: {label}", "en": "Phenomenon: {label}"},
    "init.instruments": {"nl": "Interventies: aanleiding, wettelijke poorten en afwegingen",
                         "en": "Interventions: grounds, legal gates and flags"},
    "init.other": {"nl": "Overige feiten", "en": "Other facts"},
    "init.values": {"nl": "waarden: {values}", "en": "values: {values}"},
    "init.values_list": {"nl": "lijst van: {values}", "en": "list of: {values}"},
    "init.register": {"nl": "een naam uit register '{register}'",
                      "en": "a name from register '{register}'"},
    "init.type.bool": {"nl": "true of false", "en": "true or false"},
    "init.type.int": {"nl": "geheel getal", "en": "whole number"},
    "init.type.decimal": {"nl": "getal", "en": "number"},
    "init.type.date": {"nl": "datum JJJJ-MM-DD", "en": "date YYYY-MM-DD"},
    "init.unit": {"nl": "eenheid: {unit}", "en": "unit: {unit}"},
    "init.bounds": {"nl": "van {low} tot {high}", "en": "from {low} to {high}"},
    "init.written": {"nl": "sjabloon met {n} feiten geschreven naar {path}",
                     "en": "template with {n} facts written to {path}"},
    "diag.init.exists": {
        "nl": "bestaat al; kies een andere naam of verwijder het bestand eerst",
        "en": "already exists; choose another name or remove the file first"},
    "diag.init.unknown_kind": {"nl": "onbekende soort '{kind}'", "en": "unknown kind '{kind}'"},
    "diag.init.unknown_phenomenon": {"nl": "onbekend fenomeen '{id}'",
                                     "en": "unknown phenomenon '{id}'"},
    "diag.init.phenomenon_not_for_kind": {
        "nl": "fenomeen '{id}' geldt niet voor soort '{kind}' (wel voor: {kinds})",
        "en": "phenomenon '{id}' does not apply to kind '{kind}' (it does to: {kinds})"},
    # ---- what-if
    "diag.whatif.bad_setting": {"nl": "{text} is geen feit=waarde",
                                "en": "{text} is not fact=value"},
    "diag.exp.fact_is_value": {"nl": "feit=waarde, bijv. clubhuis_status=in_gebruik",
                               "en": "fact=value, e.g. clubhuis_status=in_gebruik"},
    "diag.whatif.twice": {"nl": "feit '{fact}' wordt twee keer gezet",
                          "en": "fact '{fact}' is set twice"},
    "whatif.header": {"nl": "Wat verandert er voor {profile} als {changes}?",
                      "en": "What changes for {profile} if {changes}?"},
    "whatif.nothing": {"nl": "Er verandert niets: geen niveau, status of poort.",
                       "en": "Nothing changes: no level, status or gate."},
    "whatif.level": {"nl": "Fenomeen {id}: niveau {before} -> {after}",
                     "en": "Phenomenon {id}: level {before} -> {after}"},
    "whatif.level_range": {"nl": "{certain} (mogelijk {possible})",
                           "en": "{certain} (possibly {possible})"},
    "whatif.definition": {"nl": "Definitie {id}: {before} -> {after}",
                          "en": "Definition {id}: {before} -> {after}"},
    "whatif.indicator": {"nl": "Indicator {id}: {before} -> {after}",
                         "en": "Indicator {id}: {before} -> {after}"},
    "whatif.intervention": {"nl": "Interventie {id}: {before} -> {after}",
                            "en": "Intervention {id}: {before} -> {after}"},
    "whatif.intervention_same": {"nl": "Interventie {id}: {status} (status ongewijzigd)",
                                 "en": "Intervention {id}: {status} (status unchanged)"},
    "whatif.gate": {"nl": "  poort {id}: {before} -> {after}",
                    "en": "  gate {id}: {before} -> {after}"},
    "whatif.not_listed": {"nl": "niet voorgesteld", "en": "not suggested"},
    # ---- find out first (report)
    "report.find_out": {"nl": "Eerst uitzoeken", "en": "Find out first"},
    "report.find_out_line": {"nl": "{question} (kan {n} uitkomst(en) veranderen)",
                             "en": "{question} (could change {n} outcome(s))"},
}
