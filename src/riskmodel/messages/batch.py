"""Texts of `riskmodel batch` and its Python API (issue 10): where a row error is, progress,
the closing line, the template's explanations. Keys start with `batch.` (terminal and files)
or `diag.batch.` (diagnostics, through `riskmodel.errors.msg`)."""

BATCH: dict[str, dict[str, str]] = {
    # where a row error is: "invoer.csv rij 17, kolom omg_clubhuis"
    "batch.where_column": {"nl": "{file} rij {row}, kolom {column}",
                           "en": "{file} row {row}, column {column}"},
    "batch.where_row": {"nl": "{file} rij {row}", "en": "{file} row {row}"},
    "batch.progress": {"nl": "beoordelen", "en": "assessing"},
    "batch.progress_failed": {"nl": "{failed} afgekeurd", "en": "{failed} failed"},
    "batch.done": {
        "nl": "{rows} rij(en): {assessed} beoordeeld, {failed} afgekeurd ({seconds:.1f} s, "
              "{rate:.0f} rijen/s); samenvatting: {output}",
        "en": "{rows} row(s): {assessed} assessed, {failed} failed ({seconds:.1f} s, "
              "{rate:.0f} rows/s); summary: {output}",
    },
    "batch.errors_written": {"nl": "fouten per rij: {path}", "en": "errors per row: {path}"},
    "batch.resumed": {"nl": "hervat na blok {chunks} ({rows} rij(en) al klaar)",
                      "en": "resumed after chunk {chunks} ({rows} row(s) already done)"},
    "batch.resume_mismatch": {
        "nl": "--resume: invoer of opties zijn veranderd sinds de onderbroken run; opnieuw "
              "begonnen",
        "en": "--resume: the input or the options changed since the interrupted run; started "
              "anew",
    },
    "batch.template_written": {"nl": "sjabloon met {columns} kolommen geschreven: {path}",
                               "en": "template with {columns} columns written: {path}"},
    "batch.need_extra": {
        "nl": "hiervoor is een extra pakket nodig: pip install 'riskmodel[{extra}]' ({missing} "
              "ontbreekt)",
        "en": "this needs an extra package: pip install 'riskmodel[{extra}]' ({missing} is "
              "missing)",
    },
    "batch.need_input": {"nl": "geef INPUT en --output, of --template csv|xlsx en --output",
                         "en": "give INPUT and --output, or --template csv|xlsx and --output"},
    # the template
    "batch.template_title": {
        "nl": "riskmodel invulsjabloon: een rij per situatie; leeg of 'onbekend' = onbekend; "
              "regels die met # beginnen worden overgeslagen",
        "en": "riskmodel template: one row per situation; empty or 'onbekend' = unknown; lines "
              "starting with # are skipped",
    },
    "batch.template_lists": {
        "nl": "lijsten: waarden gescheiden door ';'; ja/nee: ja, nee, true, false, 1, 0; "
              "datums: JJJJ-MM-DD; per feit mogen kolommen <feit>__bron en <feit>__datum "
              "worden toegevoegd",
        "en": "lists: values separated by ';'; yes/no: ja, nee, true, false, 1, 0; dates: "
              "YYYY-MM-DD; per fact, columns <feit>__bron and <feit>__datum may be added",
    },
    "batch.col.id": {"nl": "kenmerk van de situatie (kleine letters, cijfers, - _ .), uniek "
                           "in het bestand",
                     "en": "id of the situation (lower case, digits, - _ .), unique in the file"},
    "batch.col.soort": {"nl": "soort situatie", "en": "kind of situation"},
    "batch.col.gemeente": {"nl": "gemeente", "en": "municipality"},
    "batch.col.wijk": {"nl": "wijk (mag leeg)", "en": "district (may be empty)"},
    "batch.col.peildatum": {"nl": "datum waarop de situatie wordt beoordeeld",
                            "en": "date the situation is assessed as of"},
    "batch.col.object": {"nl": "het pand: BAG-id (16 cijfers) of een eigen referentie (mag leeg)",
                         "en": "the premises: BAG id (16 digits) or an own reference (may be "
                               "empty)"},
    "batch.col.omschrijving": {"nl": "korte omschrijving van de situatie, zonder namen (mag leeg)",
                               "en": "short description of the situation, without names (may "
                                     "be empty)"},
    "batch.head.column": {"nl": "kolom", "en": "column"},
    "batch.head.question": {"nl": "vraag", "en": "question"},
    "batch.head.type": {"nl": "type", "en": "type"},
    "batch.head.values": {"nl": "toegestane waarden", "en": "allowed values"},
    "batch.head.source": {"nl": "gebruikelijke bron", "en": "usual source"},
    "batch.type.text": {"nl": "tekst", "en": "text"},
    "batch.type.date": {"nl": "datum (JJJJ-MM-DD)", "en": "date (YYYY-MM-DD)"},
    "batch.type.bool": {"nl": "ja/nee", "en": "yes/no"},
    "batch.type.int": {"nl": "geheel getal", "en": "whole number"},
    "batch.type.decimal": {"nl": "getal", "en": "number"},
    "batch.type.enum": {"nl": "een waarde", "en": "one value"},
    "batch.type.enum_list": {"nl": "lijst van waarden (gescheiden door ';')",
                             "en": "list of values (separated by ';')"},
    "batch.type.register": {"nl": "een id uit register {register}",
                            "en": "an id from register {register}"},
    # diagnostics of reading tables
    "diag.batch.unknown_format": {"nl": "onbekend invoerformaat '{suffix}'",
                                  "en": "unknown input format '{suffix}'"},
    "diag.batch.no_header": {"nl": "geen kopregel met kolomnamen gevonden",
                             "en": "no header row with column names found"},
    "diag.batch.extra_cells": {"nl": "rij heeft {cells} cellen, de kopregel {columns}",
                               "en": "row has {cells} cells, the header {columns}"},
    "diag.batch.not_object": {"nl": "regel is geen JSON-object", "en": "line is not a JSON object"},
    "diag.batch.engine_failed": {"nl": "beoordeling mislukt: {error}",
                                 "en": "assessment failed: {error}"},
    "diag.batch.duplicate_column": {"nl": "kolom '{column}' staat twee keer in de kopregel",
                                    "en": "column '{column}' appears twice in the header"},
    "diag.batch.unknown_engine": {"nl": "onbekende batch-engine '{engine}'",
                                  "en": "unknown batch engine '{engine}'"},
    "diag.batch.vector_missing": {
        "nl": "de gevectoriseerde engine (riskmodel.batch.vector) is in deze versie niet "
              "aanwezig",
        "en": "the vectorised engine (riskmodel.batch.vector) is not in this version",
    },
    "diag.batch.bad_output_suffix": {"nl": "onbekende extensie '{suffix}'",
                                     "en": "unknown extension '{suffix}'"},
    "diag.batch.bad_chunk_size": {"nl": "blokgrootte {value} is te klein",
                                  "en": "chunk size {value} is too small"},
    "diag.batch.dask_failed": {"nl": "kan geen verbinding maken met Dask op {address}: {reason}",
                               "en": "cannot connect to Dask at {address}: {reason}"},
}
