"""The message catalogue: every user-facing string, in Dutch and English.

Keys are stable ids; texts may use `{name}` placeholders. Each area keeps its entries in its
own module (report, cli, scenarios, diagnostics); they are merged here into one catalogue, and
a key defined twice is an error at import. Adding a language means adding it to `LANGS` and
to every entry; `tests/test_messages.py` checks that no entry lacks one.
"""

from __future__ import annotations

from typing import Any

from riskmodel.messages.analyst import ANALYST
from riskmodel.messages.batch import BATCH
from riskmodel.messages.beeld import BEELD
from riskmodel.messages.diagnostics import DIAGNOSTICS
from riskmodel.messages.owners import OWNERS
from riskmodel.messages.report import REPORT, STATUS
from riskmodel.messages.scenarios import SCENARIOS
from riskmodel.messages.serve import SERVE
from riskmodel.messages.terminal import CLI
from riskmodel.messages.web import WEB

LANGS: tuple[str, ...] = ("nl", "en")
DEFAULT_LANG = "nl"


def _merge(*parts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for part in parts:
        for key, texts in part.items():
            if key in out:
                raise AssertionError(f"message key '{key}' defined twice")
            out[key] = texts
    return out


CATALOGUE: dict[str, dict[str, str]] = _merge(REPORT, DIAGNOSTICS)

CATALOGUE = _merge(CATALOGUE, CLI, SCENARIOS, ANALYST)
CATALOGUE = _merge(CATALOGUE, OWNERS)
CATALOGUE = _merge(CATALOGUE, SERVE)
CATALOGUE = _merge(CATALOGUE, WEB)
CATALOGUE = _merge(CATALOGUE, BEELD)
CATALOGUE = _merge(CATALOGUE, BATCH)


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The text of `key` in `lang`, with its placeholders filled.

    An unknown `lang` is a programming error here (ValueError): callers check the language a
    user gave with `riskmodel.errors.require_lang` first.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    texts = CATALOGUE[key]
    text = texts.get(lang) or texts[DEFAULT_LANG]
    return text.format(**params) if params else text


def t_or(key: str, lang: str, default: str) -> str:
    """The text of `key` in `lang`, or `default` when the catalogue has no such key."""
    return t(key, lang) if key in CATALOGUE else default


def status_text(status: str, lang: str = DEFAULT_LANG) -> str:
    """A status id as people read it; unknown ids are shown as they are."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGS)}")
    texts = STATUS.get(status)
    if texts is None:
        return status
    return texts.get(lang) or texts[DEFAULT_LANG]


def is_language(lang: str) -> bool:
    return lang in LANGS


__all__ = ["CATALOGUE", "DEFAULT_LANG", "LANGS", "STATUS", "is_language",
           "status_text", "t", "t_or"]
