"""Strings of the model owners' tools: overlay patches and pins, the diff, `check
--overlay-only`, the non-discrimination lint and the model card (`riskmodel modelkaart`)."""

OWNERS: dict[str, dict[str, str]] = {
    # ---- manifest and overlays
    "diag.model.bad_version_range": {
        "nl": "'{value}' is geen versiebereik",
        "en": "'{value}' is not a version range"},
    "diag.model.files_needed": {
        "nl": "een model zonder 'basis' noemt zijn regelbestanden in 'bestanden'",
        "en": "a model without 'basis' lists its rule files in 'bestanden'"},
    "diag.model.overlay_keys_need_base": {
        "nl": "'wijzigen' en 'verwijderen' horen bij een overlay; noem het basismodel in 'basis'",
        "en": "'wijzigen' and 'verwijderen' belong to an overlay; name the base model in "
              "'basis'"},
    "diag.overlay.patch_bad_section": {
        "nl": "'{section}' is geen onderdeel van een model",
        "en": "'{section}' is not a section of a model"},
    "diag.overlay.patch_too_short": {
        "nl": "'{path}' noemt geen veld van een item",
        "en": "'{path}' does not name a field of an item"},
    "diag.exp.patch_path": {
        "nl": "onderdeel.id.veld, bijv. fenomenen.omg.niveaus.T3.drempel",
        "en": "section.id.field, e.g. fenomenen.omg.niveaus.T3.drempel"},
    "diag.overlay.patch_removed": {
        "nl": "'{id}' is verwijderd (verwijderen) en kan niet ook gewijzigd worden",
        "en": "'{id}' is removed (verwijderen) and cannot also be patched"},
    "diag.overlay.patch_unknown_id": {
        "nl": "'{id}' staat niet (meer) in het basismodel ({section})",
        "en": "'{id}' is not (or no longer) in the base model ({section})"},
    "diag.overlay.patch_no_such": {
        "nl": "'{part}' bestaat niet in '{id}' in het basismodel",
        "en": "'{part}' does not exist in '{id}' in the base model"},
    "diag.overlay.patch_id": {
        "nl": "het id van '{id}' kan niet gewijzigd worden; verwijder het item en voeg een "
              "nieuw toe",
        "en": "the id of '{id}' cannot be patched; remove the item and add a new one"},
    "diag.overlay.base_other_model": {
        "nl": "het basismodel is '{found}', niet '{asked}'",
        "en": "the base model is '{found}', not '{asked}'"},
    "diag.overlay.base_version": {
        "nl": "basismodel {model} heeft versie {found}; deze overlay vraagt {asked}",
        "en": "base model {model} has version {found}; this overlay asks for {asked}"},
    "diff.none": {"nl": "(geen)", "en": "(none)"},
    "cli.overlay_only_summary": {
        "nl": "alleen wat de overlay toevoegt: {hidden} melding(en) van het basismodel "
              "weggelaten",
        "en": "only what the overlay introduces: {hidden} finding(s) of the base model left "
              "out"},
    # ---- scenarios against an overlay
    "sc.phrase.removed": {"nl": "verwijderd door de overlay",
                          "en": "removed by the overlay"},
    # ---- non-discrimination lint
    "diag.check.protected_ground": {
        "nl": "{what} '{id}' raakt een beschermde grond ({ground}: '{term}'); zo'n gegeven mag "
              "niet meewegen, tenzij het slachtoffers beschermt",
        "en": "{what} '{id}' touches a protected ground ({ground}: '{term}'); such data may "
              "not count, unless it protects victims"},
    "diag.exp.victim_protection": {
        "nl": "verwijder het, of leg vast waarom het slachtoffers beschermt: "
              "slachtofferbescherming: {toelichting: ...}",
        "en": "remove it, or record why it protects victims: "
              "slachtofferbescherming: {toelichting: ...}"},
    "diag.check.ground_what.fact": {"nl": "feit", "en": "fact"},
    "diag.check.ground_what.value": {"nl": "waarde", "en": "value"},
    "diag.check.ground_what.indicator": {"nl": "indicator", "en": "indicator"},
    "stat.slachtofferbescherming": {"nl": "slachtofferbescherming",
                                    "en": "victim protection"},
    # ---- the model card (riskmodel modelkaart)
    "mk.title": {"nl": "Modelkaart", "en": "Model card"},
    "mk.intro": {
        "nl": "Model `{id}` versie {version} (SHA-256 {sha}...). Gemaakt uit het model zelf en "
              "het blok `algoritmeregister:` in model.yaml; wat niemand invulde staat hieronder "
              "als ontbrekend, het is niet verzonnen.",
        "en": "Model `{id}` version {version} (SHA-256 {sha}...). Made from the model itself and "
              "the `algoritmeregister:` block in model.yaml; what nobody filled in is listed "
              "as missing below, it is not made up."},
    "mk.register": {"nl": "Algoritmeregister", "en": "Algorithm Register"},
    "mk.register_intro": {
        "nl": "Velden van de {standard}. 'verplicht': zonder dit veld wordt niet gepubliceerd; "
              "'ja': altijd getoond (leeg: 'Veld niet ingevuld'); 'nee': alleen als ingevuld.",
        "en": "Fields of the {standard}. 'verplicht': not published without it; 'ja': always "
              "shown (empty: 'Veld niet ingevuld'); 'nee': shown only when filled in."},
    "mk.col_field": {"nl": "Veld", "en": "Field"},
    "mk.col_shown": {"nl": "Tonen", "en": "Shown"},
    "mk.col_value": {"nl": "Waarde", "en": "Value"},
    "mk.col_origin": {"nl": "Herkomst", "en": "Origin"},
    "mk.origin_model": {"nl": "model.yaml", "en": "model.yaml"},
    "mk.origin_derived": {"nl": "afgeleid uit de regels", "en": "derived from the rules"},
    "mk.origin_missing": {"nl": "ontbreekt", "en": "missing"},
    "mk.missing_because": {"nl": "ontbreekt: {reason}", "en": "missing: {reason}"},
    "mk.not_filled": {"nl": "niet ingevuld", "en": "not filled in"},
    "mk.missing": {"nl": "Wat ontbreekt", "en": "What is missing"},
    "mk.missing_required": {
        "nl": "Verplicht voor publicatie en niet ingevuld: {fields}.",
        "en": "Required for publication and not filled in: {fields}."},
    "mk.nothing_missing": {"nl": "Alle verplichte velden zijn ingevuld.",
                           "en": "Every required field is filled in."},
    "mk.missing_shown": {"nl": "Altijd getoond en niet ingevuld: {fields}.",
                         "en": "Always shown and not filled in: {fields}."},
    "mk.iama": {"nl": "Voor de mensenrechtentoets (IAMA)",
                "en": "For the human-rights impact assessment (IAMA)"},
    "mk.never": {"nl": "Wat het model nooit beslist", "en": "What the model never decides"},
    "mk.never_text": {
        "nl": "Het model beslist niets. Een risiconiveau is nooit een juridische grond: een "
              "interventie mag alleen als haar eigen wettelijke voorwaarden (de poorten) zijn "
              "vastgesteld, na afweging van evenredigheid en subsidiariteit (art. 3:4 Awb) door "
              "het bevoegd gezag. Onbekende feiten blijven onbekend; het model vult ze niet in. "
              "Profielen beschrijven situaties, nooit personen.",
        "en": "The model decides nothing. A risk level is never a legal ground: an intervention "
              "may only be used when its own legal conditions (the gates) are established, "
              "after the competent authority weighed proportionality and subsidiarity (art. 3:4 "
              "Awb). Unknown facts stay unknown; the model does not fill them in. Profiles "
              "describe situations, never people."},
    "mk.phenomena": {"nl": "Fenomenen en wat ze meten", "en": "Phenomena and what they measure"},
    "mk.levels": {"nl": "niveaus", "en": "levels"},
    "mk.indicators": {"nl": "{n} indicatoren", "en": "{n} indicators"},
    "mk.facts": {"nl": "Gebruikte feiten ({n}) en hun bron",
                 "en": "Facts used ({n}) and their source"},
    "mk.col_fact": {"nl": "Feit", "en": "Fact"},
    "mk.col_type": {"nl": "Type", "en": "Type"},
    "mk.col_source": {"nl": "Gebruikelijke bron", "en": "Usual source"},
    "mk.col_used_by": {"nl": "Regels", "en": "Rules"},
    "mk.victim_protection": {"nl": "slachtofferbescherming", "en": "victim protection"},
    "mk.unknown_source": {"nl": "niet vastgelegd", "en": "not recorded"},
    "mk.legal": {"nl": "Grondslagen van de interventies ({n}, waarvan {unverified} niet "
                       "geverifieerd)",
                 "en": "Legal bases of the interventions ({n}, {unverified} not verified)"},
    "mk.verified": {"nl": "geverifieerd", "en": "verified"},
    "mk.unverified": {"nl": "niet geverifieerd", "en": "not verified"},
    "mk.reconstructions": {"nl": "Welke gewichten een reconstructie zijn",
                           "en": "Which weights are reconstructions"},
    "mk.no_reconstruction": {"nl": "Het model zegt niet waar zijn gewichten vandaan komen.",
                             "en": "The model does not say where its weights come from."},
    "mk.reconstructed_phenomena": {"nl": "Fenomenen met een eigen verantwoording: {ids}.",
                                   "en": "Phenomena with their own account: {ids}."},
    "mk.grounds": {"nl": "Beschermde gronden", "en": "Protected grounds"},
    "mk.justified": {"nl": "gerechtvaardigd als slachtofferbescherming",
                     "en": "justified as victim protection"},
    "mk.not_justified": {"nl": "NIET gerechtvaardigd", "en": "NOT justified"},
    "mk.no_grounds": {"nl": "Geen feit, waarde of indicator raakt een beschermde grond.",
                      "en": "No fact, value or indicator touches a protected ground."},
    "mk.validation": {"nl": "Validatie", "en": "Validation"},
    "mk.scenarios": {
        "nl": "Scenario's ({path}): {count} bestanden; {passed} geslaagd, {failed} gefaald, "
              "{errors} fouten (engine compiled)",
        "en": "Scenarios ({path}): {count} files; {passed} passed, {failed} failed, "
              "{errors} errors (engine compiled)"},
    "mk.no_scenarios": {"nl": "Scenario's: niet gevonden (geef --scenarios MAP)",
                        "en": "Scenarios: not found (pass --scenarios DIR)"},
    "mk.mutation": {"nl": "Mutatiescore: {score}", "en": "Mutation score: {score}"},
    "mk.mutation_of": {
        "nl": "Mutatiescore: {score} ({killed} van {counted} mutanten gedood, "
              "`riskmodel scenarios mutate`)",
        "en": "Mutation score: {score} ({killed} of {counted} mutants killed, "
              "`riskmodel scenarios mutate`)"},
    "mk.mutation_stale": {
        "nl": "let op: gemeten op een andere versie van de regels (rules_sha256 verschilt)",
        "en": "note: measured on another version of the rules (rules_sha256 differs)"},
    "mk.mutation_none": {"nl": "Mutatiescore: niet gemeten (geen docs/mutation-score.json)",
                         "en": "Mutation score: not measured (no docs/mutation-score.json)"},
    "mk.held_out": {"nl": "Achtergehouden scenario's: {count}, waarvan {passed} geslaagd",
                    "en": "Held-out scenarios: {count}, {passed} passed"},
    "mk.held_out_none": {
        "nl": "Achtergehouden toetsen: geen vastgelegd (scenario's in een map '{dir}' tellen "
              "als achtergehouden bij het kiezen van de gewichten)",
        "en": "Held-out checks: none recorded (scenarios in a directory '{dir}' count as held "
              "out of setting the weights)"},
    "mk.written": {"nl": "modelkaart geschreven naar {path}", "en": "model card written to {path}"},
}
