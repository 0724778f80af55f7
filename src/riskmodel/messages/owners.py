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
    "diag.check.unknown_ground": {
        "nl": "onbekende beschermde grond '{ground}'",
        "en": "unknown protected ground '{ground}'"},
    "stat.slachtofferbescherming": {"nl": "slachtofferbescherming",
                                    "en": "victim protection"},
}
