"""Atomic writes: a crash or a full disk never leaves half a report behind."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from riskmodel.errors import OutputError
from riskmodel.messages import DEFAULT_LANG, t


def _current_umask() -> int:
    # os.umask can only be read by setting it; set it straight back
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target_mode(path: Path) -> int:
    """An existing file keeps its mode; a new one gets what open() would give (0666 & ~umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_current_umask()


def write_atomic(path: Path, text: str, *, lang: str = DEFAULT_LANG) -> None:
    """Write via a temporary file in the same directory and rename over the target.

    The result has normal permissions: those of the file it replaces, or 0666 minus the
    process umask for a new file (0644 under the usual umask 022), not mkstemp's 0600.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(path, t("output.is_dir", lang))
    if not directory.is_dir():
        raise OutputError(path, t("output.no_dir", lang, directory=directory))
    mode = _target_mode(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(path, t("output.cannot_write", lang, reason=exc.strerror)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(path, t("output.cannot_write", lang, reason=exc.strerror)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
