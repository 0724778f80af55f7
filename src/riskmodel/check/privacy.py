"""Profiles describe situations, not people: refuse anything that identifies a person.

Criminal-law data are special category data (AVG art. 10); a profile that names people
should never enter an assessment or its logs. Detection is conservative and pattern-based:

* field names that mean names, BSN, birth dates or contact details;
* BSNs: nine digits in any grouping (`123456782`, `123.456.782`, `123/456/782`,
  `123_456_782`, `casus-123456782`) or eight digits written together (a BSN with its leading
  zero dropped), that pass the eleven-test;
* e-mail addresses; Dutch and international phone numbers; IBANs with a valid checksum;
  Dutch licence plates in the sidecodes 1-14 (`AB-12-CD`, `12-ABC-3`, ...);
* dates next to words that mean birth (`geboren`, `geb.`, `geboortedatum`, `born`);
* street addresses (a street name with a house number) and postcodes with letters.

Names cannot be recognised by a pattern (that needs named-entity recognition, and even then
misses and false alarms are common): a name in free text passes. See docs/privacy.md.
A refused value is never shown in full: messages carry a masked form at most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from riskmodel.errors import Diagnostic, Msg, make_diagnostic, msg
from riskmodel.source import Loc

_PERSONAL_KEY = re.compile(
    r"(^|_)("
    r"naam|namen|voornaam|voornamen|achternaam|roepnaam|voorletters|tussenvoegsel|"
    r"name|names|firstname|first_name|lastname|last_name|surname|fullname|full_name|"
    r"bsn|burgerservicenummer|sofinummer|ssn|"
    r"geboortedatum|geboorte_datum|geboren|geboorteplaats|geboortejaar|leeftijd_persoon|"
    r"birthdate|birth_date|date_of_birth|dob|birthday|"
    r"paspoort|paspoortnummer|passport|rijbewijsnummer|"
    r"telefoon|telefoonnummer|phone|email|e_mail|emailadres|"
    r"kenteken|license_plate|iban|rekeningnummer"
    r")($|_)",
    re.IGNORECASE,
)
# digit groups joined by single separators: 123456782, 123.456.782, 123/456/782, 123_456_782
_DIGIT_RUN = re.compile(r"(?<!\d)\d(?:[ ._/\-]?\d)*(?!\d)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Dutch: 0 / +31 / 0031, then nine digits (spaces, hyphens, parentheses allowed)
_PHONE_NL = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ \-]?(?:\(0\)[ \-]?)?|\(?0)(?:[ \-)]{0,2}\d){9}(?!\d)")
# international: + or 00, a country code, then 6 to 13 digits
_PHONE_INT = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ \-]?\(?\d\)?){6,13}(?!\d)")
_IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30})(?![A-Za-z0-9])")
_L, _D = r"[A-Za-z]", r"\d"
_SIDECODES = [  # Dutch licence plates, sidecodes 1-14, always written with hyphens
    (2, 2, 2, _L, _D, _D), (2, 2, 2, _D, _D, _L), (2, 2, 2, _D, _L, _D), (2, 2, 2, _L, _D, _L),
    (2, 2, 2, _L, _L, _D), (2, 2, 2, _D, _L, _L), (2, 3, 1, _D, _L, _D), (1, 3, 2, _D, _L, _D),
    (2, 3, 1, _L, _D, _L), (1, 3, 2, _L, _D, _L), (3, 2, 1, _L, _D, _L), (1, 2, 3, _L, _D, _L),
    (1, 2, 3, _D, _L, _D), (3, 2, 1, _D, _L, _D),
]
_PLATE = re.compile(
    r"(?<![A-Za-z0-9\-])(?:"
    + "|".join(f"{a}{{{x}}}-{b}{{{y}}}-{c}{{{z}}}" for x, y, z, a, b, c in _SIDECODES)
    + r")(?![A-Za-z0-9\-])")
_MONTHS = (r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maa(?:rt)?|mar(?:ch)?|apr(?:il)?|mei|may|"
           r"jun[ie]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:tember)?|okt(?:ober)?|oct(?:ober)?|"
           r"nov(?:ember)?|dec(?:ember)?")
_BIRTH = re.compile(
    r"\b(?:geboren|geb\.?|geboortedatum|geboortejaar|born|date of birth|d\.o\.b\.?)"
    r"[\s:,]*(?:op|in|on|:)?[\s:]*"
    r"(?:\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|(?:19|20)\d\d)\b",
    re.IGNORECASE)
# a capitalised street name (Kerkstraat, Dorpsweg) with a house number; lower-case words such
# as "onderweg 3 keer" or "snelweg 12 km" are not addresses
_STREET = re.compile(
    r"\b[A-ZÀ-Ý][a-zà-ÿ'\-]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|pad|hof|"
    r"dreef|markt|park|allee|boulevard|kanaal|haven|burg|veld|wal|ring)\s+\d{1,5}[a-zA-Z]?"
    r"(?!\s*(?:km|m|keer|x|uur|min|jaar|maanden|dagen|weken)\b)\b")
_POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\w-])")


def is_personal_key(key: str) -> bool:
    return bool(_PERSONAL_KEY.search(key))


def passes_eleven_test(digits: str) -> bool:
    if len(digits) != 9 or digits == "000000000" or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


def iban_checksum_ok(text: str) -> bool:
    iban = re.sub(r"\s", "", text).upper()
    if not 15 <= len(iban) <= 34 or not iban[:2].isalpha() or not iban[2:4].isdigit():
        return False
    moved = iban[4:] + iban[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in moved))
    except ValueError:
        return False
    return number % 97 == 1


def mask(text: str) -> str:
    """A refused value as messages may show it: first and last character, the rest hidden."""
    text = text.strip()
    if len(text) <= 4:
        return "*" * len(text)
    return text[0] + "*" * min(len(text) - 2, 12) + text[-1]


def _bsn_in(text: str, is_text: bool) -> str | None:
    for match in _DIGIT_RUN.finditer(text):
        group = match.group()
        digits = re.sub(r"\D", "", group)
        if len(digits) == 9 and passes_eleven_test(digits):
            return group
        # eight digits written together: a BSN whose leading zero was dropped (only in text;
        # an eight-digit integer is an amount, not an identifier written by hand)
        if is_text and len(digits) == 8 and digits == group and passes_eleven_test("0" + digits):
            return group
    return None


def _text_findings(text: str, is_text: bool) -> Iterator[Msg]:
    bsn = _bsn_in(text, is_text)
    if bsn is not None:
        yield msg("privacy.bsn", masked=mask(bsn))
    if not is_text:
        return
    for iban in _IBAN.finditer(text):
        if iban_checksum_ok(iban.group(1)):
            yield msg("privacy.iban", masked=mask(iban.group(1)))
            return
    for pattern, key in ((_EMAIL, "privacy.email"), (_PHONE_NL, "privacy.phone"),
                         (_PHONE_INT, "privacy.phone"), (_PLATE, "privacy.plate"),
                         (_BIRTH, "privacy.birth_date"), (_STREET, "privacy.address"),
                         (_POSTCODE, "privacy.address")):
        found = pattern.search(text)
        if found is not None:
            yield msg(key, masked=mask(found.group()))
            return


def find_personal_data(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Msg]]:
    """Yield (path, reason) for every place that looks like personal data."""
    if isinstance(data, dict):
        for key, value in data.items():
            child = (*loc, key)
            if isinstance(key, str) and is_personal_key(key):
                yield child, msg("privacy.key", key=key)
            else:
                yield from find_personal_data(value, child)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from find_personal_data(value, (*loc, i))
    elif isinstance(data, str | int) and not isinstance(data, bool):
        for reason in _text_findings(str(data), isinstance(data, str)):
            yield loc, reason


#: keys whose text may span lines (tab and newline allowed)
FREE_TEXT_KEYS = frozenset({"omschrijving", "bron_detail"})
# C0 except tab/newline, DEL, C1, bidi embeddings/overrides/isolates and marks
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f"
                     "\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\t\n]")


def find_unsafe_text(data: Any, loc: Loc = (), free: bool = False
                     ) -> Iterator[tuple[Loc, Msg]]:
    """Yield (path, reason) for every string with a control character, a terminal escape
    sequence or a bidi override: they would reach terminals and Markdown raw."""
    if isinstance(data, dict):
        for key, value in data.items():
            child = (*loc, key)
            if isinstance(key, str):  # reported at the mapping: the path must not carry it
                yield from _unsafe_in(key, loc, free=False)
            yield from find_unsafe_text(value, child, free=key in FREE_TEXT_KEYS)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from find_unsafe_text(value, (*loc, i), free=False)
    elif isinstance(data, str):
        yield from _unsafe_in(data, loc, free)


def _unsafe_in(text: str, loc: Loc, free: bool) -> Iterator[tuple[Loc, Msg]]:
    found = _UNSAFE.search(text) or (None if free else _UNSAFE_LINE.search(text))
    if found is not None:
        yield loc, msg("text.unsafe_char", char=f"U+{ord(found.group()):04X}",
                       pos=found.start() + 1)


def personal_data_in_text(text: str) -> Msg | None:
    """Why free text (a case note, a description) looks like personal data, or None.

    The same patterns as in profile values: BSN-like numbers passing the eleven-test, e-mail
    addresses, Dutch and international phone numbers, IBANs with a valid checksum, licence
    plates, birth dates, street addresses and postcodes.
    """
    return next(_text_findings(text, True), None)


def check_free_text(fields: dict[str, str | None], file: str = "<invoer>") -> list[Diagnostic]:
    """Diagnostics (code `personal-data`, or `unsafe-text`) for free-text fields outside a
    profile, such as a case note: each names the field and at most a masked form of the value.
    """
    out: list[Diagnostic] = []
    for name, value in fields.items():
        if value is None:
            continue
        for _loc, reason in _unsafe_in(value, (name,), free=True):
            out.append(make_diagnostic(file, None, None, name, reason, code="unsafe-text",
                                       loc=(name,), expected=msg("exp.printable_text")))
        found = personal_data_in_text(value)
        if found is not None:
            out.append(make_diagnostic(file, None, None, name, found, code="personal-data",
                                       loc=(name,)))
    return out
