"""Strings of the regional picture (`riskmodel beeld`) and its input diagnostics."""

BEELD: dict[str, dict[str, str]] = {
    "beeld.title": {"nl": "Regionaal ondermijningsbeeld", "en": "Regional undermining picture"},
    "beeld.subtitle": {"nl": "{n} profielen, {m} gemeenten, peildatum {dates}",
                       "en": "{n} profiles, {m} municipalities, as of {dates}"},
    "beeld.model": {"nl": "Model {model} {version}", "en": "Model {model} {version}"},
    "beeld.rule_title": {"nl": "Kleine aantallen", "en": "Small numbers"},
    "beeld.rule": {
        "nl": "Elk aantal van minder dan {k} profielen (maar niet 0) staat er als \"< {k}\", "
              "zodat het beeld geen pand, situatie of groep aanwijst. Waar een kleine cel uit "
              "een getoond totaal terug te rekenen zou zijn, is ook een tweede cel verborgen: die "
              "staat er als \"x\" (hij kan ook {k} of meer zijn). Een 0 wordt getoond.",
        "en": "Every count of fewer than {k} profiles (but not 0) is shown as \"< {k}\", so "
              "the picture does not single out a premises, situation or group. Where a small cell could be "
              "recomputed from a total that is shown, a second cell is hidden too: it shows "
              "as \"x\" (it may be {k} or more). A 0 is shown."},
    "beeld.rule_k": {"nl": "minder dan {k}", "en": "fewer than {k}"},
    "beeld.ids_note": {
        "nl": "Profiel-ids in lijsten zijn voor de analist; laat ze weg met --zonder-ids "
              "voordat u het beeld deelt.",
        "en": "Profile ids in lists are for the analyst; leave them out with --zonder-ids "
              "before sharing the picture."},
    "beeld.ids_left_out": {"nl": "Profiel-ids zijn weggelaten.",
                           "en": "Profile ids are left out."},
    "beeld.rejected": {"nl": "Niet beoordeeld: {n} invoer(en)",
                       "en": "Not assessed: {n} input(s)"},
    "beeld.rejected_none": {"nl": "Alle invoer is beoordeeld.",
                            "en": "Every input was assessed."},
    "beeld.contents": {"nl": "Inhoud", "en": "Contents"},
    "beeld.heatmap": {"nl": "Hoogste niveaus per gemeente",
                      "en": "Highest levels per municipality"},
    "beeld.heatmap_note": {
        "nl": "Aandeel profielen op een van de twee hoogste niveaus (zeker), per gemeente en "
              "fenomeen. Gearceerd: verborgen (kleine aantallen); leeg: niet beoordeeld.",
        "en": "Share of profiles at one of the two highest (certain) levels, per municipality "
              "and phenomenon. Hatched: hidden (small numbers); blank: not assessed."},
    "beeld.levels": {"nl": "Niveaus per fenomeen", "en": "Levels per phenomenon"},
    "beeld.levels_note": {
        "nl": "Per gebied het aantal profielen per zeker niveau; tussen haakjes het aantal "
              "waarvoor dat niveau het hoogst mogelijke is.",
        "en": "Per area the number of profiles per certain level; in brackets the number for "
              "which that level is the highest possible."},
    "beeld.area": {"nl": "gebied", "en": "area"},
    "beeld.region": {"nl": "regio", "en": "region"},
    "beeld.municipality": {"nl": "gemeente", "en": "municipality"},
    "beeld.district": {"nl": "wijk", "en": "district"},
    "beeld.no_district": {"nl": "(zonder wijk)", "en": "(no district)"},
    "beeld.total": {"nl": "totaal", "en": "total"},
    "beeld.top": {"nl": "hoogste twee", "en": "top two"},
    "beeld.certain": {"nl": "zeker", "en": "certain"},
    "beeld.possible": {"nl": "mogelijk", "en": "possible"},
    "beeld.instruments": {"nl": "Instrumenten", "en": "Instruments"},
    "beeld.instruments_note": {
        "nl": "Per instrument hoe vaak elke status voorkomt; bij 'juridisch niet mogelijk' "
              "welke poort blokkeert, bij 'onvoldoende gegevens' welke poort (of de "
              "aanleiding) nog onbepaald is. Alleen instrumenten die ergens aan de orde zijn.",
        "en": "Per instrument how often each status occurs; for 'not legally possible' which "
              "gate blocks, for 'insufficient data' which gate (or the ground) is still "
              "undecided. Only instruments that are on the table somewhere."},
    "beeld.not_suggested": {"nl": "niet voorgesteld", "en": "not suggested"},
    "beeld.blocking": {"nl": "blokkerende poorten", "en": "blocking gates"},
    "beeld.undecided": {"nl": "onbepaalde poorten", "en": "undecided gates"},
    "beeld.trigger": {"nl": "aanleiding onbepaald", "en": "ground undecided"},
    "beeld.status": {"nl": "status", "en": "status"},
    "beeld.count": {"nl": "profielen", "en": "profiles"},
    "beeld.instrument": {"nl": "instrument", "en": "instrument"},
    "beeld.gate": {"nl": "poort", "en": "gate"},
    "beeld.no_instruments": {"nl": "Geen instrument is aan de orde.",
                             "en": "No instrument is on the table."},
    "beeld.missing": {"nl": "Eerst uitzoeken", "en": "Find out first"},
    "beeld.missing_note": {
        "nl": "De onbekende feiten die het vaakst een niveau of status onbepaald houden: wat "
              "de regio het eerst zou moeten uitzoeken.",
        "en": "The unknown facts that most often keep a level or status undecided: what the "
              "region should find out first."},
    "beeld.fact": {"nl": "feit", "en": "fact"},
    "beeld.question": {"nl": "vraag", "en": "question"},
    "beeld.no_missing": {"nl": "Geen onbekende feiten houden een uitkomst open.",
                         "en": "No unknown fact keeps an outcome open."},
    "beeld.change": {"nl": "Verandering tussen twee peildata",
                     "en": "Change between two dates"},
    "beeld.change_peildata": {
        "nl": "Profielen die in de invoer op twee peildata voorkomen: eerste en laatste "
              "waarneming ({n} profielen). Fenomenen die beide keren op het laagste niveau "
              "stonden, staan er niet in.",
        "en": "Profiles that occur at two dates in the input: first and last observation "
              "({n} profiles). Phenomena at the lowest level both times are left out."},
    "beeld.change_vergelijk": {
        "nl": "Profielen die in beide invoeren voorkomen: toen (vergelijkingsinvoer) en nu "
              "({n} profielen). Fenomenen die beide keren op het laagste niveau stonden, "
              "staan er niet in.",
        "en": "Profiles that occur in both inputs: then (comparison input) and now "
              "({n} profiles). Phenomena at the lowest level both times are left out."},
    "beeld.then": {"nl": "toen", "en": "then"},
    "beeld.now": {"nl": "nu", "en": "now"},
    "beeld.up": {"nl": "omhoog", "en": "up"},
    "beeld.down": {"nl": "omlaag", "en": "down"},
    "beeld.same": {"nl": "gelijk", "en": "same"},
    "beeld.moves": {"nl": "Verschuivingen per profiel", "en": "Moves per profile"},
    "beeld.no_change": {"nl": "Geen profiel komt op twee momenten voor.",
                        "en": "No profile occurs at two moments."},
    "beeld.profile": {"nl": "profiel", "en": "profile"},
    "beeld.phenomenon": {"nl": "fenomeen", "en": "phenomenon"},
    "beeld.waterbed": {"nl": "Waterbedsignalen", "en": "Waterbed signals"},
    "beeld.waterbed_note": {
        "nl": "Een fenomeen dat in een buurgemeente stijgt binnen {days} dagen nadat een "
              "instrument ervoor werd aanbevolen of toegepast.",
        "en": "A phenomenon rising in a neighbouring municipality within {days} days after an "
              "instrument for it was recommended or applied."},
    "beeld.waterbed_off": {
        "nl": "Geen burenlijst opgegeven (--buren): geen waterbedsignalen berekend.",
        "en": "No neighbour list given (--buren): no waterbed signals computed."},
    "beeld.waterbed_none": {"nl": "Geen waterbedsignalen.", "en": "No waterbed signals."},
    "beeld.acted_in": {"nl": "actie in", "en": "action in"},
    "beeld.rose_in": {"nl": "stijging in", "en": "rise in"},
    "beeld.interventions": {"nl": "instrumenten", "en": "instruments"},
    "beeld.how": {"nl": "hoe", "en": "how"},
    "beeld.how.aanbevolen": {"nl": "aanbevolen", "en": "recommended"},
    "beeld.how.toegepast": {"nl": "toegepast", "en": "applied"},
    "beeld.first_action": {"nl": "eerste actie", "en": "first action"},
    "beeld.first_rise": {"nl": "eerste stijging", "en": "first rise"},
    "beeld.actions": {"nl": "profielen met actie", "en": "profiles with action"},
    "beeld.rises": {"nl": "profielen gestegen", "en": "profiles risen"},
    "beeld.ids": {"nl": "profiel-ids", "en": "profile ids"},
    "beeld.hidden_x": {"nl": "x", "en": "x"},
    "beeld.legend_low": {"nl": "0%", "en": "0%"},
    "beeld.legend_high": {"nl": "100%", "en": "100%"},
    "beeld.heatmap_label": {"nl": "Heatmap gemeente x fenomeen", "en": "Heat map municipality "
                                                                      "x phenomenon"},
    "beeld.bars_label": {"nl": "Statussen van {name}", "en": "Statuses of {name}"},
    "beeld.written": {"nl": "beeld geschreven naar {path} ({n} profielen, {bad} niet "
                            "beoordeeld)",
                      "en": "picture written to {path} ({n} profiles, {bad} not assessed)"},
    "beeld.unknown_format": {
        "nl": "onbekende uitvoervorm '{suffix}'", "en": "unknown output format '{suffix}'"},
    # ---- diagnostics (msg("beeld.*") adds the diag. prefix)
    "diag.beeld.buren_header": {"nl": "kopregel '{got}' is geen burenkop",
                                "en": "header '{got}' is not a neighbour header"},
    "diag.beeld.buren_row": {"nl": "regel heeft {n} velden, geen twee gemeentenamen",
                             "en": "row has {n} fields, not two municipality names"},
    "diag.beeld.buren_self": {"nl": "'{name}' is geen buur van zichzelf",
                              "en": "'{name}' is not its own neighbour"},
    "diag.beeld.table_needs_batch": {
        "nl": "een tabel lezen vraagt een extra pakket: pip install 'riskmodel[batch]' "
              "({missing} ontbreekt)",
        "en": "reading a table needs an extra package: pip install 'riskmodel[batch]' "
              "({missing} is missing)"},
    "diag.beeld.jsonl_not_object": {"nl": "regel is geen JSON-object (een profiel)",
                                    "en": "line is not a JSON object (a profile)"},
    "diag.beeld.output_suffix": {"nl": "uitvoerbestand moet eindigen op .html, .md of .json",
                                 "en": "output file must end in .html, .md or .json"},
    "diag.beeld.venster": {"nl": "het venster moet 0 of meer dagen zijn, niet {days}",
                           "en": "the window must be 0 days or more, not {days}"},
    "diag.beeld.k": {"nl": "k moet minstens 1 zijn, niet {k}", "en": "k must be at least 1, not {k}"},
}
