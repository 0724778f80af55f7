"""Limits on the size and shape of every input file, so that hostile or mistaken input is a
clear user error (code `too-large`) in bounded time and memory, never a MemoryError, a hang or
a RecursionError.

The defaults fit the bundled model with a wide margin (its largest file is about 100 kB).
A rare big rule set raises them with the environment variable `RISKMODEL_LIMITS`
(`RISKMODEL_LIMITS="file_bytes=64000000,depth=128"`) or in code with `use_limits(Limits(...))`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from riskmodel.errors import UserInputError, make_diagnostic, msg
from riskmodel.source import Loc

#: environment variable: comma-separated `name=number` pairs overriding the defaults
LIMITS_ENV = "RISKMODEL_LIMITS"


@dataclass(frozen=True)
class Limits:
    #: bytes in one file
    file_bytes: int = 16 * 1024 * 1024
    #: nesting of mappings and lists (libyaml itself stops at 1000)
    depth: int = 64
    #: characters in one text value or key
    string_chars: int = 100_000
    #: items in one list
    list_items: int = 100_000
    #: keys in one mapping
    mapping_keys: int = 10_000


_OVERRIDE: ContextVar[Limits | None] = ContextVar("riskmodel_limits", default=None)


def _bad_env(text: str) -> UserInputError:
    names = ", ".join(f.name for f in dataclasses.fields(Limits))
    return UserInputError([make_diagnostic(
        LIMITS_ENV, None, None, "", msg("limits.bad_env", value=text[:80]), code="too-large",
        expected=msg("exp.limits_env", names=names))])


def current_limits() -> Limits:
    """The limits in force: `use_limits(...)`, else $RISKMODEL_LIMITS, else the defaults."""
    override = _OVERRIDE.get()
    if override is not None:
        return override
    text = os.environ.get(LIMITS_ENV, "").strip()
    if not text:
        return Limits()
    names = {f.name for f in dataclasses.fields(Limits)}
    values: dict[str, int] = {}
    for part in text.split(","):
        name, sep, number = part.strip().partition("=")
        if not sep or name.strip() not in names or not number.strip().isdigit():
            raise _bad_env(text)
        values[name.strip()] = int(number.strip())
    return Limits(**values)


@contextlib.contextmanager
def use_limits(limits: Limits) -> Iterator[Limits]:
    """Read inputs within `limits` for the duration of the `with` block."""
    token = _OVERRIDE.set(limits)
    try:
        yield limits
    finally:
        _OVERRIDE.reset(token)


def shape_problem(data: Any, limits: Limits) -> tuple[Loc, str, int] | None:
    """The first place where in-memory data (a profile handed over by an application, not
    read from a file) breaks a limit: (path, limit name, limit), or None. Iterative, so a
    mapping nested 100,000 deep is a user error rather than a RecursionError."""
    stack: list[tuple[Any, Loc]] = [(data, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) > limits.depth:
            return loc[: limits.depth + 1], "depth", limits.depth
        if isinstance(value, str):
            if len(value) > limits.string_chars:
                return loc, "string_chars", limits.string_chars
        elif isinstance(value, dict):
            if len(value) > limits.mapping_keys:
                return loc, "mapping_keys", limits.mapping_keys
            for key, item in value.items():
                if isinstance(key, str) and len(key) > limits.string_chars:
                    return loc, "string_chars", limits.string_chars
                stack.append((item, (*loc, key if isinstance(key, str | int) else repr(key))))
        elif isinstance(value, list | tuple):
            if len(value) > limits.list_items:
                return loc, "list_items", limits.list_items
            stack.extend((item, (*loc, i)) for i, item in enumerate(value))
    return None
