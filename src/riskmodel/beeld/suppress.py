"""Small-number suppression: a regional picture must not single out a premises or a group.

Rule (stated in every output and in docs/beeld.md):

1. *Primary*: a count of 1 to k-1 profiles is hidden and shown as "< k". A count of 0 is
   shown: it points at no situation.
2. *Complementary*: every published sum (a row total, a municipality as the sum of its
   districts, the region as the sum of its municipalities, the top-two share as the sum of
   the top two levels, then/now/up/down) is an equation between published cells. An equation
   with exactly one hidden cell would give that cell away by subtraction, so one more cell of
   it is hidden: the smallest non-zero visible part (ties: first in order), or, when every
   visible part is 0, the total. This repeats until no equation has exactly one hidden cell.
   A complementary cell may be k or more, so it is shown as "x", not "< k".

This is the usual first line of statistical disclosure control (as in CBS practice); it
guarantees that no single published equation reveals a hidden cell. It is not a full
linear-programming audit: combining several equations can still narrow a hidden cell to a
range, never (for the tables this package publishes, see tests/test_beeld_suppress.py) to one
value.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

Key = Hashable


class Hidden(BaseModel):
    """A count that is not shown: `below` = k for a small cell, `complementary` for a cell
    hidden so that a small cell cannot be recomputed from a total."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suppressed: Literal[True] = True
    below: int | None = None
    complementary: bool | None = None


#: a published count: the number, or why it is hidden
Cell = int | Hidden


@dataclass
class Table:
    """Raw counts and the sums between them; `resolve` turns them into published cells.

    Raw counts never leave this object except through `resolve`, so a caller cannot publish
    a count the rule hides.
    """

    k: int
    counts: dict[Key, int] = field(default_factory=dict)
    sums: list[tuple[Key, tuple[Key, ...]]] = field(default_factory=list)

    def put(self, key: Key, n: int) -> Key:
        self.counts[key] = n
        return key

    def add_sum(self, total: Key, parts: Iterable[Key]) -> None:
        """Publish `total = sum(parts)` (all keys must be set)."""
        self.sums.append((total, tuple(parts)))

    def hidden_keys(self) -> tuple[frozenset[Key], frozenset[Key]]:
        """(primary, complementary) hidden keys."""
        primary = {key for key, n in self.counts.items() if 0 < n < self.k}
        hidden = set(primary)
        changed = True
        while changed:
            changed = False
            for total, parts in self.sums:
                members = (total, *parts)
                if sum(m in hidden for m in members) != 1:
                    continue
                pick = _complement(total, parts, hidden, self.counts)
                hidden.add(pick)
                changed = True
        return frozenset(primary), frozenset(hidden - primary)

    def resolve(self) -> dict[Key, Cell]:
        primary, complementary = self.hidden_keys()
        out: dict[Key, Cell] = {}
        for key, n in self.counts.items():
            if key in primary:
                out[key] = Hidden(below=self.k)
            elif key in complementary:
                out[key] = Hidden(complementary=True)
            else:
                out[key] = n
        return out


def _complement(total: Key, parts: Sequence[Key], hidden: set[Key],
                counts: dict[Key, int]) -> Key:
    visible = [p for p in parts if p not in hidden and counts[p] > 0]
    if visible:
        return min(visible, key=lambda p: counts[p])  # min is stable: first on ties
    if total not in hidden:
        return total
    # only the total is hidden and every part is a visible 0: hide a 0 too, so the reader
    # cannot tell which cell is empty (cannot happen for consistent counts, kept for safety)
    return next(p for p in parts if p not in hidden)


def is_hidden(cell: Cell) -> bool:
    return isinstance(cell, Hidden)


def value(cell: Cell) -> int | None:
    return None if isinstance(cell, Hidden) else cell
