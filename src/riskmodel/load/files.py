"""Which files a list of paths means: one rule for profiles and scenarios alike.

A directory contributes its entries with the given suffixes (not recursively, hidden files
skipped, sorted); the same file named twice counts once. An entry with such a suffix that is
not a regular file (a FIFO, a symlink loop, a link to a directory, a device) is not skipped in
silence: it is returned like a file, and reading it refuses it with its reason. A path that does not exist
or a directory without matching files is a diagnostic, never a silent empty run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from riskmodel.errors import Diagnostic, make_diagnostic, msg
from riskmodel.source import display_path

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


def expand_inputs(
    paths: Iterable[Path | str], suffixes: tuple[str, ...], what: str = "profiles"
) -> tuple[list[Path], list[Diagnostic]]:
    """`what` names the input kind in messages: "profiles" or "scenarios"."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        name = display_path(path)
        if _is_dir(path):
            try:
                entries = list(path.iterdir())
            except OSError as exc:
                problems.append(make_diagnostic(name, None, None, "",
                                                msg("file.unreadable", reason=exc.strerror),
                                                code="unreadable"))
                continue
            found = sorted(p for p in entries
                           if p.suffix in suffixes and not p.name.startswith("."))
            if not found:
                problems.append(make_diagnostic(
                    name, None, None, "", msg(f"input.no_{what}"), code="no-input",
                    expected=msg("exp.files_in_dir", suffixes="/".join(suffixes))))
            files.extend(found)
        elif _exists(path):
            files.append(path)
        else:
            problems.append(make_diagnostic(name, None, None, "", msg("file.or_dir_not_found"),
                                            code="not-found"))
    unique: list[Path] = []
    seen: set[Path] = set()
    for f in files:
        try:
            key = f.resolve()
        except (OSError, RuntimeError):
            key = f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    """Anything at this path, even a broken or looping link (reading it says what is wrong);
    a path with a NUL byte is passed on too, so the reader can name the problem."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True
    except ValueError:
        return True
