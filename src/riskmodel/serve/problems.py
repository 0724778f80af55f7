"""Errors as `application/problem+json` (RFC 9457), carrying riskmodel's diagnostics.

Every refusal names a stable `type` (from the diagnostic code), a `title` and `detail` in the
request's language, and `diagnostics`: the same dictionaries `--format json` prints (code,
location, expected, suggestion), so an application handles API and CLI errors alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from starlette.responses import Response

from riskmodel.errors import Diagnostic, DiagnosticCode, Msg, make_diagnostic
from riskmodel.messages import LANGS, t

PROBLEM_TYPE = "application/problem+json"


class Problem(Exception):
    """A request refused on purpose: status plus the diagnostics that say why."""

    def __init__(self, status: int, diagnostics: Sequence[Diagnostic],
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.diagnostics = list(diagnostics)
        self.headers = headers or {}


def diagnostic(path: str, message: Msg, *, code: DiagnosticCode,
               expected: Msg | str | None = None, loc: tuple[str | int, ...] | None = None,
               file: str = "<verzoek>") -> Diagnostic:
    return make_diagnostic(file, None, None, path, message, code=code, expected=expected,
                           loc=loc if loc is not None else ((path,) if path else ()))


def problem(status: int, path: str, message: Msg, *, code: DiagnosticCode,
            expected: Msg | str | None = None) -> Problem:
    return Problem(status, [diagnostic(path, message, code=code, expected=expected)])


def problem_body(status: int, diagnostics: Sequence[Diagnostic], lang: str) -> dict[str, Any]:
    lang = lang if lang in LANGS else "nl"
    code = diagnostics[0].code if diagnostics else "internal"
    title_key = f"serve.title.{status}"
    title = t(title_key, lang) if status in _TITLED else t("serve.title.400", lang)
    return {
        "type": f"urn:riskmodel:problem:{code}",
        "title": title,
        "status": status,
        "detail": "; ".join(d.message_in(lang) for d in diagnostics[:5]),
        "diagnostics": [d.to_dict(lang) for d in diagnostics],
    }


_TITLED = {400, 401, 403, 404, 405, 413, 415, 422, 500}


def problem_response(status: int, diagnostics: Sequence[Diagnostic], lang: str,
                     headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(problem_body(status, diagnostics, lang)), status_code=status,
                    media_type=PROBLEM_TYPE, headers=headers)
