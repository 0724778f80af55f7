"""Profiles describe situations, not people: refuse anything that identifies a person.

Criminal-law data are special category data (AVG art. 10); a profile that names people
should never enter an assessment or its logs. Detection is conservative: field names that
mean names, BSN, birth dates or contact details, and nine-digit numbers that pass the BSN
eleven-test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from riskmodel.errors import Msg, msg
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
    r"kenteken|license_plate"
    r")($|_)",
    re.IGNORECASE,
)
# nine digits, optionally written in groups (123.456.782, 1234 56 782, 123-456-782)
_NINE_DIGITS = re.compile(r"(?<![\d.\-])(\d(?:[ .\-]?\d){8})(?![\d]|[.\-]\d)")


def is_personal_key(key: str) -> bool:
    return bool(_PERSONAL_KEY.search(key))


def passes_eleven_test(digits: str) -> bool:
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


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
        for match in _NINE_DIGITS.finditer(str(data)):
            if passes_eleven_test(re.sub(r"\D", "", match.group(1))):
                yield loc, msg("privacy.bsn")
