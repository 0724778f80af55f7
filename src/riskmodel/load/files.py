"""Which files a list of paths means: one rule for profiles and scenarios alike.

A directory contributes its regular files with the given suffixes (not recursively, hidden
files skipped, sorted); the same file named twice counts once. A path that does not exist
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
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.suffix in suffixes and p.is_file() and not p.name.startswith("."))
            if not found:
                problems.append(make_diagnostic(
                    name, None, None, "", msg(f"input.no_{what}"), code="no-input",
                    expected=msg("exp.files_in_dir", suffixes="/".join(suffixes))))
            files.extend(found)
        elif path.exists() or path.is_symlink():
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
