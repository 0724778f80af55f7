"""An empty input sheet for the model's vocabulary, so an analyst can fill it in Excel.

CSV: the explanations (question, type, allowed values, usual source per column) as comment
lines starting with `#` above the header; the reader skips them. XLSX: the sheet `profielen`
with the header, and a second sheet `toelichting` with the same explanations per column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from riskmodel.batch.columns import ID_COLUMNS, OPTIONAL_COLUMNS, input_columns
from riskmodel.messages import t
from riskmodel.model.rules import Fact, SituationKind
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.atomic import write_atomic, write_atomic_with

TEMPLATE_FORMATS: tuple[str, ...] = ("csv", "xlsx")
SITUATION_KINDS: tuple[SituationKind, ...] = ("gemeente", "wijk", "pand", "evenement", "groep")


def explanations(rules: RuleSet, lang: str = "nl") -> list[tuple[str, str, str, str, str]]:
    """Per column: (column, question, type, allowed values, usual source)."""
    out: list[tuple[str, str, str, str, str]] = []
    for column in ID_COLUMNS:
        kind = t("batch.type.date", lang) if column == "peildatum" else t("batch.type.text",
                                                                           lang)
        values = ", ".join(SITUATION_KINDS) if column == "soort" else ""
        out.append((column, t(f"batch.col.{column}", lang), kind, values, ""))
    for column in OPTIONAL_COLUMNS:
        out.append((column, t(f"batch.col.{column}", lang), t("batch.type.text", lang), "", ""))
    for fact_id, fact in rules.facts.items():
        question = fact.question.get(lang) if fact.question else fact.label.get(lang)
        out.append((fact_id, question, _type_text(fact, lang), _values(rules, fact, lang),
                    fact.usual_source or ""))
    return out


def _type_text(fact: Fact, lang: str) -> str:
    text = t(f"batch.type.{fact.type}", lang)
    if fact.unit:
        text += f" ({fact.unit})"
    return text


def _values(rules: RuleSet, fact: Fact, lang: str) -> str:
    if fact.type == "bool":
        return "ja, nee, onbekend"
    if fact.type in ("enum", "enum_list"):
        if fact.register_id:
            return t("batch.type.register", lang, register=fact.register_id)
        return ", ".join(rules.enum_values(fact))
    bounds = []
    if fact.minimum is not None:
        bounds.append(f">= {fact.minimum:g}")
    if fact.maximum is not None:
        bounds.append(f"<= {fact.maximum:g}")
    return ", ".join(bounds)


def csv_template(rules: RuleSet, lang: str = "nl") -> str:
    buf = io.StringIO()
    buf.write(f"# {t('batch.template_title', lang)}\n# {t('batch.template_lists', lang)}\n")
    for column, question, kind, values, source in explanations(rules, lang):
        line = f"# {column}: {question} [{kind}]"
        if values:
            line += f" {t('batch.head.values', lang)}: {values}."
        if source:
            line += f" {t('batch.head.source', lang)}: {source}."
        buf.write(line.replace("\n", " ") + "\n")
    csv.writer(buf, lineterminator="\n").writerow(input_columns(rules, optional=True))
    return buf.getvalue()


def write_template(rules: RuleSet, fmt: str, path: Path, lang: str = "nl") -> int:
    """Write the template; returns the number of columns."""
    columns = input_columns(rules, optional=True)
    if fmt == "csv":
        write_atomic(path, csv_template(rules, lang), lang=lang)
        return len(columns)

    def fill(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.title = "profielen"
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "B2"
        _dropdowns(sheet, rules, columns)
        notes = book.create_sheet("toelichting")
        notes.append([t(f"batch.head.{k}", lang)
                      for k in ("column", "question", "type", "values", "source")])
        for cell in notes[1]:
            cell.font = Font(bold=True)
        for row in explanations(rules, lang):
            notes.append(list(row))
        notes.column_dimensions["A"].width = 36
        notes.column_dimensions["B"].width = 80
        book.save(tmp)

    write_atomic_with(path, fill, lang=lang)
    return len(columns)


#: rows of the profielen sheet that get a drop-down list (Excel stores the rule per range)
DROPDOWN_ROWS = 10_000
#: Excel refuses a list validation whose text is longer than this
MAX_LIST_CHARS = 255


def _dropdowns(sheet: Any, rules: RuleSet, columns: list[str]) -> None:
    """A drop-down with the allowed values for yes/no, enum and soort columns, so a typo is
    caught while typing; other values are still accepted by Excel with a warning."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for number, column in enumerate(columns, start=1):
        fact = rules.facts.get(column)
        if column == "soort":
            values: list[str] = list(SITUATION_KINDS)
        elif fact is not None and fact.type == "bool":
            values = ["ja", "nee", "onbekend"]
        elif fact is not None and fact.type == "enum" and not fact.register_id:
            values = [*rules.enum_values(fact), "onbekend"]
        else:
            continue
        text = ",".join(values)
        if len(text) + 2 > MAX_LIST_CHARS or any("," in v for v in values):
            continue
        letter = get_column_letter(number)
        rule = DataValidation(type="list", formula1=f'"{text}"', allow_blank=True,
                              showErrorMessage=True, errorStyle="warning")
        rule.add(f"{letter}2:{letter}{DROPDOWN_ROWS + 1}")
        sheet.add_data_validation(rule)
