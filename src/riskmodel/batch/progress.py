"""A progress bar for long batches: rows done, rows per second, rows failed. Only on a
terminal: quiet when stdout or stderr is not a TTY (pipes, files, cron) or CI is set, so logs
and CI output stay clean."""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import Any

from riskmodel.messages import t


def wanted() -> bool:
    """A bar makes sense: both streams are terminals and this is not CI."""
    if os.environ.get("CI"):
        return False
    return sys.stdout.isatty() and sys.stderr.isatty()


class Progress:
    """`update(rows, failed)` after each chunk; does nothing unless enabled."""

    def __init__(self, enabled: bool, total: int | None, lang: str = "nl") -> None:
        self.enabled = enabled
        self.total = total
        self.lang = lang
        self._bar: Any = None
        self._task: Any = None
        self._started = time.perf_counter()
        self._first_rows: int | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TextColumn("[red]{task.fields[failed]}"),
                TimeElapsedColumn(), console=Console(stderr=True), transient=False)
            self._bar.start()
            self._task = self._bar.add_task(t("batch.progress", self.lang), total=self.total,
                                            rate="", failed="")
        return self

    def update(self, rows: int, failed: int) -> None:
        if self._bar is None:
            return
        if self._first_rows is None:  # rows done before (a resumed run) do not count in rows/s
            self._first_rows = rows
            self._started = time.perf_counter()
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        rate = (rows - self._first_rows) / elapsed
        self._bar.update(self._task, completed=rows,
                         rate=f"{rate:,.0f} rijen/s" if self.lang == "nl" else f"{rate:,.0f} rows/s",
                         failed=t("batch.progress_failed", self.lang, failed=failed)
                         if failed else "")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
