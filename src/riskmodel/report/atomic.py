"""Atomic writes: a crash or a full disk never leaves half a report behind."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
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


#: a temp file of ours older than this is debris of a killed run (SIGKILL, power loss)
STALE_AFTER = 3600.0


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove leftovers of earlier writes to `path`: exactly our pattern `.<name>.XXXXXXXX.tmp`
    (mkstemp's eight characters), regular files of this user, older than STALE_AFTER.
    Anything else is left alone; failures are ignored (another run may be cleaning too)."""
    directory = path.parent if str(path.parent) else Path(".")
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if (stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER
                    and (uid is None or info.st_uid == uid)):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def write_atomic(path: Path, text: str, *, lang: str = DEFAULT_LANG) -> None:
    """Write text via a temporary file in the same directory and rename over the target
    (`write_atomic_with`, which holds the checks, the sync and the permissions)."""

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)

    write_atomic_with(path, write, lang=lang)


def write_atomic_with(path: Path, write: Callable[[Path], None], *,
                      lang: str = DEFAULT_LANG) -> None:
    """`write` fills a temporary file in the same directory (text, Parquet, Excel), which is
    synced and renamed over `path`.

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
    remove_stale_temps(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
    except OSError as exc:
        error = OutputError(path, t("output.cannot_write", lang, reason=exc.strerror))
        error.errno = exc.errno
        raise error from None
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        error = OutputError(path, t("output.cannot_write", lang, reason=exc.strerror))
        error.errno = exc.errno
        raise error from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
