"""Texts of diagnostics (errors and warnings about input), in Dutch and English.

Every key starts with `diag.`; `riskmodel.errors.msg(key, ...)` adds the prefix. Keys are
grouped by where the problem is found; `exp.` keys are expectations ("expected: ...").
Placeholders hold ids, values and file positions, never translated words.
"""

DIAGNOSTICS: dict[str, dict[str, str]] = {
    # ---- framing of every diagnostic line
    "diag.severity.error": {"nl": "fout", "en": "error"},
    "diag.severity.warning": {"nl": "waarschuwing", "en": "warning"},
    "diag.expected_label": {"nl": "verwacht", "en": "expected"},
    "diag.did_you_mean": {"nl": "; bedoelde u '{suggestion}'?",
                          "en": "; did you mean '{suggestion}'?"},
    # ---- reading files
    "diag.file.not_found": {"nl": "bestand niet gevonden", "en": "file not found"},
    "diag.file.or_dir_not_found": {"nl": "bestand of map niet gevonden",
                                   "en": "file or directory not found"},
    "diag.file.is_dir": {"nl": "is een map, geen bestand", "en": "is a directory, not a file"},
    "diag.file.unreadable": {"nl": "kan bestand niet lezen: {reason}",
                             "en": "cannot read file: {reason}"},
    "diag.file.bad_path": {"nl": "ongeldig pad: {reason}", "en": "invalid path: {reason}"},
    "diag.file.not_utf8": {"nl": "geen geldige UTF-8 (byte {offset})",
                           "en": "not valid UTF-8 (byte {offset})"},
    "diag.file.binary": {"nl": "binair bestand, geen tekst (NUL-byte op positie {offset})",
                         "en": "binary file, not text (NUL byte at offset {offset})"},
    "diag.file.control_char": {"nl": "ongeldig stuurteken {char} in de tekst",
                               "en": "invalid control character {char} in the text"},
    "diag.json.invalid": {"nl": "ongeldige JSON: {detail}", "en": "invalid JSON: {detail}"},
    "diag.json.not_a_number": {"nl": "ongeldige JSON: {value} is geen geldig getal",
                               "en": "invalid JSON: {value} is not a valid number"},
    "diag.yaml.syntax": {"nl": "YAML-fout: {detail}", "en": "YAML error: {detail}"},
    "diag.yaml.tag": {
        "nl": "YAML-fout: onbekende of onveilige YAML-tag; riskmodel accepteert alleen gewone "
              "YAML (geen !!python of andere tags)",
        "en": "YAML error: unknown or unsafe YAML tag; riskmodel accepts plain YAML only "
              "(no !!python or other tags)",
    },
    "diag.yaml.alias": {
        "nl": "YAML-fout: YAML-ankers en -aliassen (&naam / *naam) worden niet ondersteund; "
              "schrijf de waarde uit",
        "en": "YAML error: YAML anchors and aliases (&name / *name) are not supported; "
              "write the value out",
    },
    "diag.yaml.key_not_text": {"nl": "YAML-fout: een sleutel moet tekst zijn",
                               "en": "YAML error: a key must be text"},
    "diag.yaml.bad_scalar": {"nl": "YAML-fout: ongeldige waarde '{value}': {detail}",
                             "en": "YAML error: invalid value '{value}': {detail}"},
    "diag.yaml.date_too_far": {
        "nl": "datum {value} ligt te ver weg (uiterlijk {max}); laat geldig_tot weg voor "
              "'zonder einde'",
        "en": "date {value} is too far away (at most {max}); leave geldig_tot out for "
              "'no end'"},
    "diag.yaml.nan": {"nl": "YAML-fout: NaN en oneindig zijn geen geldige waarden",
                      "en": "YAML error: NaN and infinity are not valid values"},
    "diag.yaml.duplicate_key": {"nl": "dubbele sleutel '{key}' (eerder op regel {line})",
                                "en": "duplicate key '{key}' (first on line {line})"},
    "diag.file.not_regular": {
        "nl": "is geen gewoon bestand maar {kind}; geef een YAML- of JSON-bestand",
        "en": "is not a regular file but {kind}; give a YAML or JSON file"},
    "diag.file.kind.fifo": {"nl": "een named pipe (FIFO)", "en": "a named pipe (FIFO)"},
    "diag.file.kind.device": {"nl": "een apparaat", "en": "a device"},
    "diag.file.kind.socket": {"nl": "een socket", "en": "a socket"},
    "diag.file.kind.other": {"nl": "iets anders", "en": "something else"},
    "diag.file.symlink_loop": {"nl": "symbolische koppeling in een kringloop",
                               "en": "symbolic link loop"},
    "diag.limits.file_bytes": {
        "nl": "bestand is groter dan {max} bytes",
        "en": "file is larger than {max} bytes"},
    "diag.limits.depth": {
        "nl": "te diep genest (meer dan {max} niveaus)",
        "en": "nested too deeply (more than {max} levels)"},
    "diag.limits.string_chars": {
        "nl": "tekst is langer dan {max} tekens: {value}",
        "en": "text is longer than {max} characters: {value}"},
    "diag.limits.list_items": {
        "nl": "lijst heeft meer dan {max} elementen",
        "en": "list has more than {max} items"},
    "diag.limits.mapping_keys": {
        "nl": "mapping heeft meer dan {max} sleutels",
        "en": "mapping has more than {max} keys"},
    "diag.exp.limit": {
        "nl": "hoogstens {max}; een groter model zet de grens hoger met RISKMODEL_LIMITS="
              "\"{name}=...\"",
        "en": "at most {max}; a bigger model raises the limit with RISKMODEL_LIMITS="
              "\"{name}=...\""},
    "diag.limits.bad_env": {"nl": "ongeldige grenzen '{value}'", "en": "invalid limits '{value}'"},
    "diag.exp.limits_env": {"nl": "naam=getal,... met namen uit: {names}",
                            "en": "name=number,... with names from: {names}"},
    "diag.input.no_profiles": {"nl": "geen profielen gevonden", "en": "no profiles found"},
    "diag.input.no_scenarios": {"nl": "geen scenario's gevonden", "en": "no scenarios found"},
    "diag.exp.files_in_dir": {"nl": "{suffixes}-bestanden in deze map",
                              "en": "{suffixes} files in this directory"},
    # ---- schema (from pydantic errors)
    "diag.schema.unknown_key": {"nl": "onbekende sleutel '{key}'", "en": "unknown key '{key}'"},
    "diag.schema.missing": {"nl": "verplicht veld '{name}' ontbreekt",
                            "en": "required field '{name}' is missing"},
    "diag.exp.key": {"nl": "sleutel '{name}'", "en": "key '{name}'"},
    "diag.schema.bad_literal": {"nl": "ongeldige waarde {value}", "en": "invalid value {value}"},
    "diag.schema.got": {"nl": "{what}, niet {value}", "en": "{what}, not {value}"},
    "diag.schema.int": {"nl": "moet een geheel getal zijn", "en": "must be a whole number"},
    "diag.schema.number": {"nl": "moet een getal zijn", "en": "must be a number"},
    "diag.schema.bool": {"nl": "moet true of false zijn", "en": "must be true or false"},
    "diag.schema.text": {"nl": "moet tekst zijn", "en": "must be text"},
    "diag.schema.date": {"nl": "moet een datum zijn (JJJJ-MM-DD)",
                         "en": "must be a date (YYYY-MM-DD)"},
    "diag.schema.date_no_time": {"nl": "moet een datum zonder tijd zijn (JJJJ-MM-DD)",
                                 "en": "must be a date without a time (YYYY-MM-DD)"},
    "diag.schema.list": {"nl": "moet een lijst zijn", "en": "must be a list"},
    "diag.schema.mapping": {"nl": "moet een mapping (sleutel: waarde) zijn",
                            "en": "must be a mapping (key: value)"},
    "diag.schema.pattern": {"nl": "heeft niet de juiste vorm (patroon {pattern})",
                            "en": "does not have the required form (pattern {pattern})"},
    "diag.schema.too_small": {"nl": "waarde te klein{got}", "en": "value too small{got}"},
    "diag.schema.too_large": {"nl": "waarde te groot{got}", "en": "value too large{got}"},
    "diag.schema.list_too_short": {"nl": "lijst te kort{got}", "en": "list too short{got}"},
    "diag.schema.list_too_long": {"nl": "lijst te lang{got}", "en": "list too long{got}"},
    "diag.schema.text_too_short": {"nl": "tekst te kort{got}", "en": "text too short{got}"},
    "diag.schema.text_too_long": {"nl": "tekst te lang{got}", "en": "text too long{got}"},
    "diag.exp.at_least": {"nl": "minimaal {n}", "en": "at least {n}"},
    "diag.exp.greater_than": {"nl": "groter dan {n}", "en": "greater than {n}"},
    "diag.exp.at_most": {"nl": "maximaal {n}", "en": "at most {n}"},
    "diag.exp.less_than": {"nl": "kleiner dan {n}", "en": "less than {n}"},
    "diag.exp.min_items": {"nl": "minstens {n} element(en)", "en": "at least {n} item(s)"},
    "diag.exp.max_items": {"nl": "hoogstens {n} element(en)", "en": "at most {n} item(s)"},
    "diag.exp.min_chars": {"nl": "minstens {n} teken(s)", "en": "at least {n} character(s)"},
    "diag.exp.max_chars": {"nl": "hoogstens {n} tekens", "en": "at most {n} characters"},
    "diag.condition.kind": {"nl": "een conditie begint met een van: {keys}",
                            "en": "a condition starts with one of: {keys}"},
    "diag.condition.unknown_operator_key": {
        "nl": "onbekende sleutel '{key}' in een feit-toets",
        "en": "unknown key '{key}' in a fact test"},
    "diag.condition.no_operator": {
        "nl": "een feit-toets heeft precies een operator ({operators}); gevonden: geen",
        "en": "a fact test has exactly one operator ({operators}); found: none"},
    "diag.condition.many_operators": {
        "nl": "een feit-toets heeft precies een operator ({operators}); gevonden: {found}",
        "en": "a fact test has exactly one operator ({operators}); found: {found}"},
    # ---- model validators
    "diag.model.source_reference": {"nl": "een bron heeft minstens 'titel', 'url' of 'ecli'",
                                    "en": "a source has at least 'titel', 'url' or 'ecli'"},
    "diag.model.validity_order": {
        "nl": "geldig_tot ({end}) ligt voor geldig_vanaf ({start})",
        "en": "geldig_tot ({end}) lies before geldig_vanaf ({start})"},
    "diag.model.period_order": {"nl": "tot ({end}) ligt voor vanaf ({start})",
                                "en": "tot ({end}) lies before vanaf ({start})"},
    "diag.model.object_ref": {
        "nl": "geef precies een van 'bag_id' (16 cijfers) of 'referentie'",
        "en": "give exactly one of 'bag_id' (16 digits) or 'referentie'"},
    "diag.model.enum_needs_values": {
        "nl": "een feit van type {type} heeft 'waarden' of 'register'",
        "en": "a fact of type {type} has 'waarden' or 'register'"},
    "diag.model.values_or_register": {"nl": "geef 'waarden' of 'register', niet beide",
                                      "en": "give 'waarden' or 'register', not both"},
    "diag.model.register_only_enum": {"nl": "'register' kan alleen bij type enum",
                                      "en": "'register' is only possible with type enum"},
    "diag.model.values_not_for_type": {
        "nl": "'waarden' en 'register' horen niet bij type {type}",
        "en": "'waarden' and 'register' do not belong to type {type}"},
    "diag.model.bounds_only_numbers": {"nl": "'minimum'/'maximum' alleen bij int of decimal",
                                       "en": "'minimum'/'maximum' only with int or decimal"},
    "diag.model.min_above_max": {"nl": "minimum is groter dan maximum",
                                 "en": "minimum is greater than maximum"},
    "diag.model.duplicate_value": {"nl": "dubbele waarde in 'waarden'",
                                   "en": "duplicate value in 'waarden'"},
    "diag.model.duplicate_level": {"nl": "dubbel niveau-id", "en": "duplicate level id"},
    "diag.model.lowest_threshold": {
        "nl": "het laagste niveau heeft drempel 0 (anders blijft er een gat)",
        "en": "the lowest level has threshold 0 (otherwise there is a gap)"},
    "diag.model.thresholds_rise": {
        "nl": "drempels stijgen strikt van laag naar hoog (anders overlappen niveaus)",
        "en": "thresholds rise strictly from low to high (otherwise levels overlap)"},
    "diag.model.override_level": {"nl": "ophoging naar onbekend niveau '{level}'",
                                  "en": "override to unknown level '{level}'"},
    "diag.model.law_needs_article": {
        "nl": "een wettelijke grondslag heeft 'artikel' en 'url'",
        "en": "a statutory legal basis has 'artikel' and 'url'"},
    # ---- the model manifest and overlays
    "diag.manifest.file_twice": {"nl": "bestand '{file}' staat er dubbel",
                                 "en": "file '{file}' is listed twice"},
    "diag.manifest.outside": {"nl": "'{file}' ligt buiten de modelmap",
                              "en": "'{file}' lies outside the model directory"},
    "diag.exp.relative_path": {"nl": "relatief pad", "en": "a relative path"},
    "diag.manifest.file_missing": {"nl": "bestand '{file}' bestaat niet",
                                   "en": "file '{file}' does not exist"},
    "diag.overlay.cycle": {"nl": "kringverwijzing tussen basismodellen: {chain}",
                           "en": "circular reference between base models: {chain}"},
    "diag.overlay.too_deep": {"nl": "te diep geneste basis-modellen (max. {max})",
                              "en": "base models nested too deeply (max. {max})"},
    "diag.ref.continues_cycle": {
        "nl": "voortzetting_van vormt een kring: {chain}",
        "en": "voortzetting_van forms a cycle: {chain}"},
    "diag.rules.int_too_large": {
        "nl": "geheel getal {value} is te groot om exact te rekenen",
        "en": "whole number {value} is too large to compute with exactly"},
    "diag.overlay.base_not_model": {
        "nl": "opgegeven basismodel '{path}' is geen model; het wordt niet gelezen",
        "en": "base '{path}' is not a model; it is not read"},
    "diag.exp.overlay_base": {
        "nl": "{words} (het meegeleverde model) of een map met een {manifest}, relatief aan "
              "deze map",
        "en": "{words} (the bundled model) or a directory with a {manifest}, relative to this "
              "directory"},
    "diag.overlay.base_invalid": {"nl": "basismodel '{path}' is ongeldig",
                                  "en": "base model '{path}' is invalid"},
    "diag.overlay.not_in_base": {"nl": "'{id}' staat niet in het basismodel",
                                 "en": "'{id}' is not in the base model"},
    "diag.id.exists": {"nl": "id '{id}' bestaat al ({where})",
                       "en": "id '{id}' already exists ({where})"},
    # ---- references between model items
    "diag.ref.unknown_register": {"nl": "onbekend register '{id}'",
                                  "en": "unknown register '{id}'"},
    "diag.ref.name_taken": {"nl": "naam '{name}' hoort al bij '{other}'",
                            "en": "name '{name}' already belongs to '{other}'"},
    "diag.ref.unknown_item": {"nl": "onbekend item '{id}'", "en": "unknown item '{id}'"},
    "diag.ref.status_not_in_register": {
        "nl": "status '{status}' staat niet in statussen van het register",
        "en": "status '{status}' is not among the register's statuses"},
    "diag.ref.unknown_indicator": {"nl": "onbekende indicator '{id}'",
                                   "en": "unknown indicator '{id}'"},
    "diag.ref.unknown_phenomenon": {"nl": "onbekend fenomeen '{id}'",
                                    "en": "unknown phenomenon '{id}'"},
    "diag.ref.unknown_intervention": {"nl": "onbekende interventie '{id}'",
                                      "en": "unknown intervention '{id}'"},
    "diag.ref.indicator_of_other": {"nl": "indicator '{id}' hoort bij fenomeen '{phenomenon}'",
                                    "en": "indicator '{id}' belongs to phenomenon '{phenomenon}'"},
    "diag.ref.duplicate_gate": {"nl": "dubbel id bij poorten/afwegingen",
                                "en": "duplicate id among gates/considerations"},
    "diag.ref.facts_only_indicators": {
        "nl": "hier mogen alleen feiten getoetst worden, geen indicatoren",
        "en": "only facts may be tested here, not indicators"},
    "diag.ref.facts_only_levels": {
        "nl": "hier mogen alleen feiten getoetst worden, geen niveaus",
        "en": "only facts may be tested here, not levels"},
    "diag.ref.no_such_level": {"nl": "fenomeen '{phenomenon}' heeft geen niveau '{level}'",
                               "en": "phenomenon '{phenomenon}' has no level '{level}'"},
    "diag.ref.operator_type": {
        "nl": "operator '{op}' past niet bij feit '{fact}' van type {type}",
        "en": "operator '{op}' does not fit fact '{fact}' of type {type}"},
    "diag.ref.register_no_status": {"nl": "register '{register}' kent geen status '{status}'",
                                    "en": "register '{register}' has no status '{status}'"},
    "diag.ref.fact_not_register": {"nl": "feit '{fact}' verwijst niet naar register '{register}'",
                                   "en": "fact '{fact}' does not refer to register '{register}'"},
    "diag.ref.value_not_fact": {"nl": "waarde {value} past niet bij feit '{fact}'",
                                "en": "value {value} does not fit fact '{fact}'"},
    # ---- facts and their values (profiles and rule constants)
    "diag.fact.unknown": {"nl": "onbekend feit '{fact}'", "en": "unknown fact '{fact}'"},
    "diag.fact.datetime": {"nl": "feit '{fact}' is een datum, geen tijdstip: {value}",
                           "en": "fact '{fact}' is a date, not a timestamp: {value}"},
    "diag.fact.bad_item": {"nl": "ongeldige waarde {value} in lijst-feit '{fact}'",
                           "en": "invalid value {value} in list fact '{fact}'"},
    "diag.fact.bad_value": {"nl": "ongeldige waarde {value} voor feit '{fact}'",
                            "en": "invalid value {value} for fact '{fact}'"},
    "diag.exp.bool": {"nl": "true of false", "en": "true or false"},
    "diag.exp.bool_or_unknown": {"nl": "true, false of onbekend", "en": "true, false or onbekend"},
    "diag.exp.date": {"nl": "een datum JJJJ-MM-DD", "en": "a date YYYY-MM-DD"},
    "diag.exp.date_no_time": {"nl": "een datum JJJJ-MM-DD zonder tijd",
                              "en": "a date YYYY-MM-DD without a time"},
    "diag.exp.enum_yaml_bool": {
        "nl": "{values} (YAML leest true/false als ja/nee-waarde, niet als tekst: zet de "
              "waarde tussen aanhalingstekens)",
        "en": "{values} (YAML reads true/false as a yes/no value, not as text: put the value "
              "in quotes)"},
    "diag.exp.value_list": {"nl": "een lijst met waarden uit: {values}",
                            "en": "a list of values from: {values}"},
    "diag.exp.number_as_text": {
        "nl": "een getal; YAML leest deze schrijfwijze als tekst: schrijf het getal zonder "
              "exponent, bv. 0.0001",
        "en": "a number; YAML reads this notation as text: write the number without an "
              "exponent, e.g. 0.0001"},
    "diag.exp.number": {"nl": "een getal", "en": "a number"},
    "diag.exp.number_or_unknown": {"nl": "een getal of onbekend", "en": "a number or onbekend"},
    "diag.exp.integer": {"nl": "een geheel getal", "en": "a whole number"},
    "diag.exp.number_between": {"nl": "een getal tussen {low} en {high}",
                                "en": "a number between {low} and {high}"},
    "diag.exp.decimals": {"nl": "een getal met hoogstens {places} decimalen",
                          "en": "a number with at most {places} decimal places"},
    # ---- profiles
    "diag.profile.not_mapping": {
        "nl": "een profiel is een mapping met id, soort, gemeente, peildatum en feiten",
        "en": "a profile is a mapping with id, soort, gemeente, peildatum and feiten"},
    "diag.profile.observed_after": {
        "nl": "waarneming op {observed} ligt na de peildatum {peildatum}",
        "en": "observation on {observed} lies after the assessment date {peildatum}"},
    "diag.exp.on_or_before_peildatum": {"nl": "datum op of voor de peildatum",
                                        "en": "a date on or before the assessment date"},
    "diag.profile.place_too_long": {"nl": "te lang (hoogstens {max} tekens)",
                                    "en": "too long (at most {max} characters)"},
    "diag.profile.place_chars": {
        "nl": "een gemeentenaam bestaat uit letters, spaties en ' - . ( ) ,",
        "en": "a municipality name consists of letters, spaces and ' - . ( ) ,"},
    "diag.profile.place_chars_digits": {
        "nl": "een wijknaam bestaat uit letters, cijfers, spaties en ' - . ( ) ,",
        "en": "a district name consists of letters, digits, spaces and ' - . ( ) ,"},
    "diag.profile.duplicate_id": {
        "nl": "profiel-id '{id}' komt ook voor in {other}; niet beoordeeld",
        "en": "profile id '{id}' also occurs in {other}; not assessed"},
    "diag.text.unsafe_char": {
        "nl": "tekst bevat stuurteken {char} op positie {pos} (terminal-escape, bidi-teken "
              "of ander onzichtbaar teken)",
        "en": "text contains control character {char} at position {pos} (terminal escape, "
              "bidi mark or other invisible character)"},
    "diag.exp.printable_text": {
        "nl": "gewone tekst; tab en nieuwe regel alleen in omschrijving en bron_detail",
        "en": "plain text; tab and newline only in omschrijving and bron_detail"},
    "diag.privacy.key": {
        "nl": "veld '{key}' lijkt persoonsgegevens te bevatten (naam, BSN, geboortedatum of "
              "contactgegeven); een profiel beschrijft een situatie, geen personen",
        "en": "field '{key}' seems to hold personal data (name, BSN, birth date or contact "
              "detail); a profile describes a situation, not people"},
    "diag.privacy.bsn": {
        "nl": "waarde bevat een getal dat op een BSN lijkt ({masked}: 9 cijfers, of 8 zonder "
              "voorloopnul, voldoet aan de elfproef); neem geen BSN op in een profiel",
        "en": "value contains a number that looks like a BSN ({masked}: 9 digits, or 8 without "
              "the leading zero, passes the eleven test); do not put a BSN in a profile"},
    "diag.privacy.email": {
        "nl": "waarde bevat een e-mailadres ({masked}); een profiel beschrijft een situatie, "
              "geen personen",
        "en": "value contains an e-mail address ({masked}); a profile describes a situation, "
              "not people"},
    "diag.privacy.phone": {
        "nl": "waarde bevat een telefoonnummer ({masked}); neem geen contactgegevens op",
        "en": "value contains a phone number ({masked}); do not include contact details"},
    "diag.privacy.iban": {
        "nl": "waarde bevat een IBAN-rekeningnummer ({masked}); neem geen rekeningnummers op",
        "en": "value contains an IBAN account number ({masked}); do not include account "
              "numbers"},
    "diag.privacy.plate": {
        "nl": "waarde bevat iets dat op een Nederlands kenteken lijkt ({masked}); neem geen "
              "kentekens op",
        "en": "value contains what looks like a Dutch licence plate ({masked}); do not "
              "include licence plates"},
    "diag.privacy.birth_date": {
        "nl": "waarde bevat iets dat op een geboortedatum lijkt ({masked}); neem geen "
              "geboortedata op",
        "en": "value contains what looks like a birth date ({masked}); do not include birth "
              "dates"},
    "diag.privacy.address": {
        "nl": "waarde bevat een adres of postcode ({masked}); verwijs naar een pand met "
              "object.bag_id, niet met een adres in tekst",
        "en": "value contains an address or postcode ({masked}); refer to premises with "
              "object.bag_id, not with an address in text"},
    # ---- arguments of API calls
    "diag.arg.bad_date": {"nl": "ongeldige datum {value}", "en": "invalid date {value}"},
    "diag.arg.unknown_engine": {"nl": "onbekende engine '{engine}'",
                                "en": "unknown engine '{engine}'"},
    "diag.arg.unknown_target": {
        "nl": "'{target}' komt niet voor in deze beoordeling (niet voorgesteld of onbekend)",
        "en": "'{target}' does not occur in this assessment (not suggested or unknown)"},
    "diag.arg.unknown_language": {"nl": "onbekende taal '{lang}'",
                                  "en": "unknown language '{lang}'"},
    # ---- output locations (OutputError accepts these as errors.msg(...))
    "diag.output.is_dir": {"nl": "is een map; geef een bestandsnaam",
                           "en": "is a directory; give a file name"},
    "diag.output.no_dir": {"nl": "map '{directory}' bestaat niet",
                           "en": "directory '{directory}' does not exist"},
    "diag.output.cannot_write": {"nl": "kan niet schrijven: {reason}",
                                 "en": "cannot write: {reason}"},
    "diag.output.must_be_dir": {"nl": "is een bestand; de uitvoer moet een map zijn",
                                "en": "is a file; the output must be a directory"},
    "diag.output.is_input": {
        "nl": "is een invoerbestand ({input}); de uitvoer zou het overschrijven: kies een "
              "andere naam of map",
        "en": "is an input file ({input}); the output would overwrite it: choose another "
              "name or directory"},
    "diag.output.batch_summary": {
        "nl": "uitvoer: {written} geschreven, {failed} mislukt, {skipped} niet geprobeerd",
        "en": "output: {written} written, {failed} failed, {skipped} not attempted"},
    "diag.model.not_an_overlay": {"nl": "dit model is geen overlay",
                                  "en": "this model is not an overlay"},
    # ---- `riskmodel check`
    "diag.check.personal_fact": {
        "nl": "[{id}] feit-id '{id}' lijkt persoonsgegevens te vragen; profielen beschrijven "
              "situaties, geen personen",
        "en": "[{id}] fact id '{id}' seems to ask for personal data; profiles describe "
              "situations, not people"},
    "diag.check.no_indicators": {"nl": "[{id}] fenomeen '{id}' heeft geen indicatoren",
                                 "en": "[{id}] phenomenon '{id}' has no indicators"},
    "diag.check.unreachable": {
        "nl": "[{id}] hoogste niveau '{level}' (drempel {threshold}) is onbereikbaar: alle "
              "indicatoren samen geven {total} punten",
        "en": "[{id}] highest level '{level}' (threshold {threshold}) is unreachable: all "
              "indicators together give {total} points"},
    "diag.check.unverified": {"nl": "[{id}] grondslag '{cite}' is niet geverifieerd",
                              "en": "[{id}] legal basis '{cite}' is not verified"},
    "diag.check.unverified_remark": {
        "nl": "[{id}] grondslag '{cite}' is niet geverifieerd: {remark}",
        "en": "[{id}] legal basis '{cite}' is not verified: {remark}"},
    "diag.check.statute_without_ids": {
        "nl": "[{id}] wettelijke grondslag '{cite}' heeft geen {missing}",
        "en": "[{id}] statutory basis '{cite}' has no {missing}"},
    "diag.check.juriconnect_mismatch": {
        "nl": "[{id}] grondslag '{cite}': juriconnect {jci} noemt een ander BWB-id dan {bwb}",
        "en": "[{id}] legal basis '{cite}': juriconnect {jci} names another BWB id than {bwb}"},
    "diag.check.unverified_source": {
        "nl": "[{id}] bron '{cite}' is niet geverifieerd{remark}",
        "en": "[{id}] source '{cite}' is not verified{remark}"},
    "diag.check.unused_fact": {"nl": "[{id}] feit '{id}' wordt door geen enkele regel gebruikt",
                               "en": "[{id}] fact '{id}' is not used by any rule"},
    "diag.check.engine_limit": {"nl": "peildatum {day}: {problem}", "en": "as of {day}: {problem}"},
    "diag.durable.model_limit": {
        "nl": "het model past niet binnen de grenzen van durable-rules: {problem}; "
              "controleer het met 'riskmodel check'",
        "en": "the model does not fit the limits of durable-rules: {problem}; "
              "check it with 'riskmodel check'"},
    "diag.analysis.never_hit": {"nl": "[{id}] kan nooit geraakt worden (analyse per {day})",
                                "en": "[{id}] can never be hit (analysis as of {day})"},
    "diag.analysis.always_hit": {"nl": "[{id}] is altijd geraakt (analyse per {day})",
                                 "en": "[{id}] is always hit (analysis as of {day})"},
    "diag.analysis.trigger_never": {
        "nl": "[{id}] 'voorstellen_als' kan nooit waar of onbepaald zijn (analyse per {day})",
        "en": "[{id}] 'voorstellen_als' can never be true or undecided (analysis as of {day})"},
    "diag.analysis.gate_never_fails": {
        "nl": "[{id}] poort '{gate}' kan nooit falen wanneer de interventie aan de orde is: de "
              "aanleiding eist al wat de poort toetst, dus haar juridische reden wordt nooit "
              "getoond (analyse per {day})",
        "en": "[{id}] gate '{gate}' can never fail when the intervention is in question: the "
              "trigger already demands what the gate tests, so its legal reason is never "
              "shown (analysis as of {day})"},
    # ---- scenarios
    "diag.scenario.not_mapping": {
        "nl": "een scenario is een mapping met scenario, profiel en verwacht",
        "en": "a scenario is a mapping with scenario, profiel and verwacht"},
    "diag.exp.scenario_keys": {"nl": "sleutels scenario, titel, bron, profiel, verwacht",
                               "en": "keys scenario, titel, bron, profiel, verwacht"},
    "diag.scenario.unknown_level": {
        "nl": "onbekend niveau '{level}' voor fenomeen '{phenomenon}'",
        "en": "unknown level '{level}' for phenomenon '{phenomenon}'"},
    "diag.scenario.no_gate": {"nl": "fenomeen '{phenomenon}' heeft geen poort",
                              "en": "phenomenon '{phenomenon}' has no gate"},
    "diag.exp.phenomenon_with_gate": {"nl": "een fenomeen met 'poort'",
                                      "en": "a phenomenon with 'poort'"},
    "diag.scenario.also_expected": {
        "nl": "interventie '{id}' staat ook onder 'interventies' met een status",
        "en": "intervention '{id}' is also listed under 'interventies' with a status"},
    "diag.scenario.crash": {"nl": "kan niet worden gelezen ({error})",
                            "en": "cannot be read ({error})"},
    "diag.scenario.duplicate": {"nl": "scenario-id '{id}' komt al voor in {where}",
                                "en": "scenario id '{id}' already occurs in {where}"},
    "diag.exp.unique_scenario": {"nl": "een unieke scenario-id", "en": "a unique scenario id"},
}
