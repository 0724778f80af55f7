"""Strings of the analyst's workbench (riskmodel serve, the web page) and the HTML report."""

WEB: dict[str, dict[str, str]] = {
    "web.app_title": {"nl": "Werkbank risicomodel", "en": "Risk model workbench"},
    "web.skip": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "web.switch_lang": {"nl": "English", "en": "Nederlands"},
    "web.switch_lang_hint": {"nl": "Switch to English", "en": "Overschakelen naar Nederlands"},
    "web.home": {"nl": "Start", "en": "Start"},
    "web.new_case": {"nl": "Nieuwe zaak", "en": "New case"},
    "web.new_case_intro": {
        "nl": "Kies wat u beoordeelt. Het formulier toont daarna alleen de feiten die voor "
              "die soort situatie tellen.",
        "en": "Choose what you are assessing. The form then shows only the facts that matter "
              "for that kind of situation."},
    "web.kind": {"nl": "Soort situatie", "en": "Kind of situation"},
    "web.municipality": {"nl": "Gemeente", "en": "Municipality"},
    "web.district": {"nl": "Wijk (optioneel)", "en": "Neighbourhood (optional)"},
    "web.peildatum": {"nl": "Peildatum", "en": "Reference date"},
    "web.description": {"nl": "Omschrijving (optioneel, zonder persoonsgegevens)",
                        "en": "Description (optional, no personal data)"},
    "web.create": {"nl": "Zaak aanmaken", "en": "Create case"},
    "web.upload": {"nl": "Verder met een profiel", "en": "Continue a profile"},
    "web.upload_intro": {
        "nl": "Laad een eerder gedownload profiel (YAML of JSON) om ermee verder te gaan.",
        "en": "Load a profile downloaded before (YAML or JSON) to continue with it."},
    "web.upload_file": {"nl": "Profielbestand", "en": "Profile file"},
    "web.upload_button": {"nl": "Profiel laden", "en": "Load profile"},
    "web.upload_empty": {"nl": "Kies eerst een bestand.", "en": "Choose a file first."},
    "web.upload_too_large": {"nl": "Het bestand is groter dan {max} bytes.",
                             "en": "The file is larger than {max} bytes."},
    "web.upload_encoding": {"nl": "Het bestand is geen UTF-8-tekst.",
                            "en": "The file is not UTF-8 text."},
    "web.cases": {"nl": "Opgeslagen zaken", "en": "Saved cases"},
    "web.no_cases": {"nl": "Nog geen opgeslagen zaken.", "en": "No saved cases yet."},
    "web.no_store": {
        "nl": "Opslaan is hier niet beschikbaar: de zaak staat in het adres van de pagina. "
              "Download het profiel om het te bewaren.",
        "en": "Saving is not available here: the case lives in the page address. Download "
              "the profile to keep it."},
    "web.case": {"nl": "Zaak", "en": "Case"},
    "web.version": {"nl": "versie {version}", "en": "version {version}"},
    "web.saved": {"nl": "Opgeslagen als versie {version}.", "en": "Saved as version {version}."},
    "web.situation": {"nl": "Situatie", "en": "Situation"},
    "web.facts": {"nl": "Feiten", "en": "Facts"},
    "web.facts_intro": {
        "nl": "Alles staat op onbekend tot u het invult. Onbekend is iets anders dan nee: "
              "vul alleen in wat vaststaat.",
        "en": "Everything is unknown until you fill it in. Unknown is not the same as no: "
              "fill in only what is established."},
    "web.facts_hidden": {
        "nl": "Dit profiel bevat ook {n} feit(en) die niet bij deze soort situatie horen; "
              "ze blijven bewaard.",
        "en": "This profile also holds {n} fact(s) that do not belong to this kind of "
              "situation; they are kept."},
    "web.definition_first": {
        "nl": "Eerst de definitie: zolang die niet vaststaat, telt geen indicator van dit "
              "fenomeen.",
        "en": "The definition first: until it is established, no indicator of this "
              "phenomenon counts."},
    "web.definition_badge": {"nl": "definitie", "en": "definition"},
    "web.other_facts": {"nl": "Feiten voor de interventies",
                        "en": "Facts for the interventions"},
    "web.none_of_these": {"nl": "geen van deze", "en": "none of these"},
    "web.source_summary": {"nl": "Bron en datum", "en": "Source and date"},
    "web.source_kind": {"nl": "Bron", "en": "Source"},
    "web.source_detail": {"nl": "Bronvermelding (zonder persoonsgegevens)",
                          "en": "Source reference (no personal data)"},
    "web.observed": {"nl": "Datum van de waarneming", "en": "Date observed"},
    "web.save": {"nl": "Opslaan en beoordelen", "en": "Save and assess"},
    "web.assess": {"nl": "Beoordelen", "en": "Assess"},
    "web.result": {"nl": "Uitkomst", "en": "Result"},
    "web.live_note": {"nl": "Bijgewerkt terwijl u invult; nog niet opgeslagen.",
                      "en": "Updated as you fill in; not saved yet."},
    "web.levels": {"nl": "Niveaus per fenomeen", "en": "Levels per phenomenon"},
    "web.level_certain": {"nl": "zeker", "en": "certain"},
    "web.level_possible": {"nl": "hoogst mogelijk", "en": "highest possible"},
    "web.why": {"nl": "Waarom?", "en": "Why?"},
    "web.why_of": {"nl": "Waarom: {name}", "en": "Why: {name}"},
    "web.why_intro": {
        "nl": "De redenering tot op de feiten en hun bronnen. Een bron met "
              "'niet geverifieerd' heeft niemand zelf nagelezen.",
        "en": "The reasoning down to the facts and their sources. Nobody has read a source "
              "marked 'not verified' itself."},
    "web.back": {"nl": "Terug naar de zaak", "en": "Back to the case"},
    "web.iv_certain": {"nl": "Interventies waarvan de aanleiding vaststaat",
                       "en": "Interventions whose ground is established"},
    "web.iv_none": {"nl": "Nog geen interventie waarvan de aanleiding vaststaat.",
                    "en": "No intervention whose ground is established yet."},
    "web.iv_maybe": {"nl": "Mogelijk aan de orde als meer bekend is ({n})",
                     "en": "Possibly relevant once more is known ({n})"},
    "web.ladder": {"nl": "trede {n}", "en": "rung {n}"},
    "web.find_out": {"nl": "Wat eerst uitzoeken", "en": "What to find out first"},
    "web.find_out_intro": {
        "nl": "Onbekende feiten, de feiten die de meeste open uitkomsten kunnen beslissen "
              "eerst. Vraag deze eerst na bij politie of RIEC.",
        "en": "Unknown facts, those that can decide the most open outcomes first. Ask the "
              "police or RIEC about these first."},
    "web.find_out_none": {"nl": "Niets meer uit te zoeken voor deze uitkomsten.",
                          "en": "Nothing left to find out for these outcomes."},
    "web.open_outcomes": {"nl": "{n} open uitkomst(en)", "en": "{n} open outcome(s)"},
    "web.downloads": {"nl": "Downloaden", "en": "Download"},
    "web.dl_profile": {"nl": "Profiel (YAML)", "en": "Profile (YAML)"},
    "web.dl_assessment": {"nl": "Beoordeling (JSON)", "en": "Assessment (JSON)"},
    "web.dl_report": {"nl": "Rapport om te printen (HTML)", "en": "Printable report (HTML)"},
    "web.errors_title": {"nl": "Het profiel is niet aanvaard", "en": "The profile was not accepted"},
    "web.not_a_number": {"nl": "'{value}' is geen getal.", "en": "'{value}' is not a number."},
    "web.more_questions": {"nl": "en nog {n}", "en": "and {n} more"},
    "web.list_unknown": {"nl": "Niets aangevinkt: onbekend.", "en": "Nothing ticked: unknown."},
    "web.trigger_label": {"nl": "grond om dit instrument te overwegen",
                          "en": "ground to consider this instrument"},
    "web.csrf_refused": {
        "nl": "Dit formulier is verlopen of komt niet van deze pagina. Laad de pagina opnieuw "
              "en probeer het nog eens.",
        "en": "This form has expired or does not come from this page. Reload the page and "
              "try again."},
    "web.not_found": {"nl": "Deze zaak of dit onderdeel bestaat niet.",
                      "en": "This case or item does not exist."},
    "web.bad_concept": {"nl": "Dit adres bevat geen leesbaar concept van een profiel.",
                        "en": "This address holds no readable draft of a profile."},
    "web.chart_title": {"nl": "Niveaus per fenomeen: zeker (donker) en hoogst mogelijk (licht)",
                        "en": "Levels per phenomenon: certain (dark) and highest possible (light)"},
    "web.report_generated": {"nl": "Gemaakt met riskmodel {version}",
                             "en": "Made with riskmodel {version}"},
}
