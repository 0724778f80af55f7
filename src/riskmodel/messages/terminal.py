"""Strings the `riskmodel` command prints on the terminal itself (not reports, not
diagnostics); keys start with `cli.` or `stat.`.

The argparse help texts are Dutch only (documented in the README); everything a run prints
goes through these entries and follows `--lang` / `RISKMODEL_LANG`.
"""

CLI: dict[str, dict[str, str]] = {
    "cli.error_prefix": {"nl": "fout", "en": "error"},
    "cli.bad_date": {"nl": "ongeldige datum '{text}' (verwacht: JJJJ-MM-DD)",
                     "en": "invalid date '{text}' (expected: YYYY-MM-DD)"},
    "cli.unknown_language": {"nl": "onbekende taal '{lang}'", "en": "unknown language '{lang}'"},
    "cli.languages_expected": {"nl": "een van: {langs}", "en": "one of: {langs}"},
    "cli.output_must_be_dir": {
        "nl": "bij meerdere profielen moet --output een map zijn",
        "en": "with several profiles --output must be a directory",
    },
    "cli.profiles_rejected": {
        "nl": "{failed} van {total} profiel(en) afgekeurd; de overige zijn beoordeeld.",
        "en": "{failed} of {total} profile(s) rejected; the others were assessed.",
    },
    "cli.check_ok": {"nl": "OK", "en": "OK"},
    "cli.check_failed": {"nl": "FOUT", "en": "FAILED"},
    "cli.check_summary": {"nl": "{verdict}: {errors} fout(en), {warnings} waarschuwing(en)",
                          "en": "{verdict}: {errors} error(s), {warnings} warning(s)"},
    "cli.not_an_overlay": {"nl": "dit model is geen overlay", "en": "this model is not an overlay"},
    "cli.overlay_expected": {"nl": "sleutel 'basis'", "en": "key 'basis'"},
    "cli.no_differences": {"nl": "geen verschillen", "en": "no differences"},
    "cli.diff_removed": {"nl": "verwijderd", "en": "removed"},
    "cli.diff_added": {"nl": "toegevoegd", "en": "added"},
    "cli.docs_stale": {"nl": "{path}: verouderd of ontbreekt; draai 'riskmodel docs'",
                       "en": "{path}: out of date or missing; run 'riskmodel docs'"},
    "cli.pages_written": {"nl": "{n} pagina's geschreven naar {path}",
                          "en": "{n} pages written to {path}"},
    "cli.engine_error": {"nl": "riskmodel: enginefout: {error}",
                         "en": "riskmodel: engine error: {error}"},
    "cli.internal_error": {
        "nl": "riskmodel: interne fout ({error}); draai opnieuw met --debug voor details en "
              "meld dit als fout.",
        "en": "riskmodel: internal error ({error}); run again with --debug for details and "
              "report this as a bug.",
    },
    # names of the model statistics printed by `check` (the JSON keeps the ids)
    "stat.feiten": {"nl": "feiten", "en": "facts"},
    "stat.registers": {"nl": "registers", "en": "registers"},
    "stat.fenomenen": {"nl": "fenomenen", "en": "phenomena"},
    "stat.indicatoren": {"nl": "indicatoren", "en": "indicators"},
    "stat.interventies": {"nl": "interventies", "en": "interventions"},
    "stat.peildata_gecontroleerd": {"nl": "peildata gecontroleerd", "en": "dates checked"},
    "stat.analysevragen": {"nl": "analysevragen", "en": "analysis questions"},
    "stat.analyse_overgeslagen": {"nl": "analyse overgeslagen", "en": "analysis skipped"},
}
