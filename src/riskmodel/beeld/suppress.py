"""Small-number suppression: a regional picture must not single out a premises or a group.

Rule (stated in every output and in docs/beeld.md):

1. *Primary*: a count of 1 to k-1 profiles is hidden and shown as "< k". A count of 0 is
   shown: it points at no situation.
2. *Complementary*: every published sum (a row total, a municipality as the sum of its
   districts, the region as the sum of its municipalities, the top-two count as the sum of
   the top two levels, then/now/up/down) is an equation between published cells. An equation
   with exactly one hidden cell would give that cell away by subtraction, so one more cell of
   it is hidden: the smallest non-zero visible part (ties: first in order), or, when every
   visible part is 0, the total. This repeats until no equation has exactly one hidden cell.
3. *Audit*: equations can also be combined (a district table and the municipality table
   together). After step 2 the hidden cells are checked with exact linear algebra (modulo a
   large prime, per connected group of hidden cells): a hidden cell whose value follows from
   the published equations gets one more visible cell of one of its equations hidden, and
   steps 2 and 3 repeat until no hidden cell has a single possible value.
   A complementary cell may be k or more, so it is shown as "x", not "< k".

What remains possible: combining equations may narrow a hidden cell to a range (for example
"between 1 and 4"), never to one value. This is the usual practice of statistical disclosure
control (cell suppression with an audit), not a full interval audit.
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
        settled: set[Key] = set()  # determined only as 0 by sums with no visible cell left
        while True:
            self._single_hidden(hidden)
            found = [key for key in determined(self.sums, hidden) if key not in settled]
            if not found:
                break
            if not self._widen(found[0], hidden):
                settled.add(found[0])
        return frozenset(primary), frozenset(hidden - primary)

    def _single_hidden(self, hidden: set[Key]) -> None:
        changed = True
        while changed:
            changed = False
            for total, parts in self.sums:
                n_hidden = sum(m in hidden for m in (total, *parts))
                if n_hidden == 1 or (n_hidden > 1 and self._at_a_bound(total, parts, hidden)):
                    before = len(hidden)
                    hidden.add(_complement(total, parts, hidden, self.counts))
                    changed = changed or len(hidden) > before

    def _at_a_bound(self, total: Key, parts: tuple[Key, ...], hidden: set[Key]) -> bool:
        """Whether the hidden parts of a shown total sum to the least or the most they could:
        a reader knows a hidden count is at least 1 (0 is shown) and a small one at most
        k-1, so two hidden cells summing to 2 would each be 1."""
        if total in hidden:
            return False
        inside = [p for p in parts if p in hidden]
        rest = self.counts[total] - sum(self.counts[p] for p in parts if p not in hidden)
        if rest == len(inside):
            return True
        return all(0 < self.counts[p] < self.k for p in inside) and \
            rest == len(inside) * (self.k - 1)

    def _widen(self, key: Key, hidden: set[Key]) -> bool:
        """Hide one more visible cell of the nearest equation (through hidden cells) that
        still has one; False when there is none (then the cell can only be 0)."""
        reached, frontier = {key}, {key}
        while frontier:
            nxt: set[Key] = set()
            for total, parts in self.sums:
                members = (total, *parts)
                if not any(m in frontier for m in members):
                    continue
                visible = [m for m in members if m not in hidden]
                if visible:
                    nonzero = [m for m in visible if self.counts[m] > 0] or visible
                    hidden.add(min(nonzero, key=lambda m: self.counts[m]))
                    return True
                nxt.update(m for m in members if m not in reached)
                reached.update(members)
            frontier = nxt
        return False

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
    if all(p in hidden for p in parts):
        return total  # nothing left to hide in this sum
    # only the total is hidden and every part is a visible 0: hide a 0 too, so the reader
    # cannot tell which cell is empty (cannot happen for consistent counts, kept for safety)
    return next(p for p in parts if p not in hidden)


#: a Mersenne prime: ranks modulo it equal ranks over the rationals for these small
#: integer (-1, 0, 1, 2) equations unless a determinant is a multiple of it
_P = (1 << 61) - 1


def determined(sums: Sequence[tuple[Key, tuple[Key, ...]]], hidden: set[Key]) -> list[Key]:
    """Hidden cells whose value follows from the published sums, in sum order.

    A hidden cell is determined iff its unit vector lies in the row space of the equations
    restricted to hidden cells (visible cells are constants). Rows are reduced to an echelon
    basis with sparse dict rows; a vector lies in the span iff it reduces to zero.
    """
    order: dict[Key, int] = {}
    rows: list[dict[int, int]] = []
    for total, parts in sums:
        row: dict[int, int] = {}
        for key, sign in ((total, 1), *((p, -1) for p in parts)):
            if key in hidden:
                col = order.setdefault(key, len(order))
                row[col] = (row.get(col, 0) + sign) % _P
        row = {c: v for c, v in row.items() if v}
        if row:
            rows.append(row)
    basis: dict[int, dict[int, int]] = {}
    for row in rows:
        rest = _reduce(row, basis)
        if rest:
            pivot = min(rest)
            inv = pow(rest[pivot], _P - 2, _P)
            basis[pivot] = {c: v * inv % _P for c, v in rest.items()}
    return [key for key, col in order.items() if not _reduce({col: 1}, basis)]


def _reduce(row: dict[int, int], basis: dict[int, dict[int, int]]) -> dict[int, int]:
    v = dict(row)
    while v:
        c = min(v)
        b = basis.get(c)
        if b is None:
            return v
        f = v[c]
        for col, val in b.items():
            new = (v.get(col, 0) - f * val) % _P
            if new:
                v[col] = new
            else:
                v.pop(col, None)
    return v


def is_hidden(cell: Cell) -> bool:
    return isinstance(cell, Hidden)


def value(cell: Cell) -> int | None:
    return None if isinstance(cell, Hidden) else cell
