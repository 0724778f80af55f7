"""Which files a list of paths means: one rule for profiles and scenarios alike.

A directory contributes its regular files with the given suffixes (not recursively, hidden
files skipped, sorted); the same file named twice counts once. A path that does not exist
or a directory without matching files is a diagnostic, never a silent empty run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from riskmodel.errors import Diagnostic
from riskmodel.source import display_path

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


def expand_inputs(
    paths: Iterable[Path | str], suffixes: tuple[str, ...], what: str = "profielen"
) -> tuple[list[Path], list[Diagnostic]]:
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        name = display_path(path)
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.suffix in suffixes and p.is_file() and not p.name.startswith("."))
            if not found:
                problems.append(Diagnostic(name, None, None, "", f"geen {what} gevonden",
                                           expected=f"{'/'.join(suffixes)}-bestanden in deze map",
                                           code="no-input"))
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append(Diagnostic(name, None, None, "", "bestand of map niet gevonden",
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
