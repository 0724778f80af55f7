"""A cache of parsed rule files, so a command does not re-read the same YAML every run.

Reading the bundled model is mostly PyYAML composing nodes (with their line and column):
about six times what loading its parse from the cache costs. The cache keeps, per rule file,
the *parsed data and positions only* (JSON, never pickle: nothing in it can run code), under
`$XDG_CACHE_HOME/riskmodel/` (else `~/.cache/riskmodel/`), one file per entry named by its
key: SHA-256 over a format tag, the library version, the loader limits and the file's own
bytes. A changed file, another riskmodel version or other limits give another key, so an
entry is never stale; an entry that does not decode, or whose recorded key differs, is
ignored and written again. What comes out of the cache goes through exactly the same
validation and reference checks as a fresh parse: the cache saves the YAML step, nothing
else. Anyone who can write your cache directory could change what the model says (like
anyone who can write the model's files or the installed package); set `RISKMODEL_NO_CACHE=1`
to read the files every time, e.g. on a shared account.

Safe to delete at any time. Writes are atomic (a temporary file, then a rename); a cache
directory that cannot be written is simply not used. Only rule files use it (`load.rules`);
profiles are read fresh.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import orjson

from riskmodel._version import __version__
from riskmodel.load.limits import current_limits
from riskmodel.source import Loc, SourceDoc, display_path

#: set to anything but "" or "0" to read rule files without the cache
DISABLE_ENV = "RISKMODEL_NO_CACHE"
#: bump when the entry layout or the parser's output changes
FORMAT = "riskmodel-parse-1"
#: entries kept; the oldest (by modification time) go first
MAX_ENTRIES = 64

_TAG = "\x00"  # a key no YAML mapping key from a rule file can start with unescaped


class _Uncacheable(Exception):
    """A parsed value JSON cannot carry exactly (e.g. a set, bytes, a huge integer)."""


def enabled() -> bool:
    return os.environ.get(DISABLE_ENV, "") in ("", "0")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "riskmodel"


def entry_key(raw: bytes) -> str:
    h = hashlib.sha256()
    for part in (FORMAT, __version__, repr(current_limits())):
        h.update(part.encode() + b"\0")
    h.update(raw)
    return h.hexdigest()


def load(path: Path) -> SourceDoc | None:
    """The parsed file from the cache, or None (disabled, not a plain file, no entry, bad
    entry); the caller then parses the file and calls `store`."""
    if not enabled():
        return None
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > current_limits().file_bytes:
            return None  # read_source gives the precise error for anything unusual
        raw = path.read_bytes()
        key = entry_key(raw)
        blob = (cache_dir() / f"{key}.json").read_bytes()
    except (OSError, ValueError):
        return None
    try:
        entry = orjson.loads(blob)
        if entry["format"] != FORMAT or entry["key"] != key:
            return None
        data = _decode(entry["data"])
        positions: dict[Loc, tuple[int, int]] = {
            tuple(loc): (line, col) for loc, line, col in entry["positions"]}
    except Exception:  # corrupt or foreign: parse the file again, which rewrites the entry
        return None
    return SourceDoc(display_path(path), data, positions, raw)


def store(doc: SourceDoc) -> None:
    """Remember a freshly parsed file; never fails the read (a cache is an optimisation)."""
    if not enabled() or not doc.raw:
        return
    try:
        key = entry_key(doc.raw)
        blob = orjson.dumps({
            "format": FORMAT, "key": key, "data": _encode(doc.data),
            "positions": [[list(loc), line, col] for loc, (line, col) in doc.positions.items()]})
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, folder / f"{key}.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(folder)
    except (_Uncacheable, OSError, TypeError, ValueError):
        return


def _prune(folder: Path) -> None:
    entries = [p for p in folder.glob("*.json") if not p.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[:len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)


def _encode(value: Any) -> Any:
    """JSON that decodes to exactly this value: dates, non-finite floats and mappings with
    keys that are not plain strings are tagged."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        if abs(value) >= 2**63:
            raise _Uncacheable(value)
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {_TAG + "float": repr(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith(_TAG) for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {_TAG + "map": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {_TAG + "datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {_TAG + "date": value.isoformat()}
    raise _Uncacheable(type(value).__name__)


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        (key, inner), = value.items()
        if key.startswith(_TAG):
            kind = key[1:]
            if kind == "date":
                return dt.date.fromisoformat(inner)
            if kind == "datetime":
                return dt.datetime.fromisoformat(inner)
            if kind == "float":
                return float(inner)
            if kind == "map":
                return {_decode(k): _decode(v) for k, v in inner}
            raise ValueError(key)
    return {k: _decode(v) for k, v in value.items()}
