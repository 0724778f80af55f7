"""Small-number suppression: a regional picture must not single out a premises or a group.

Rule (stated in every output and in docs/beeld.md):

1. *Primary*: a count of 1 to k-1 profiles is hidden and shown as "< k". A count of 0 is
   shown: it points at no situation.
2. *Complementary*: every published sum (a row total, a municipality as the sum of its
   districts, the region as the sum of its municipalities, the top-two count as the sum of
   the top two levels, then/now/up/down) is an equation between published cells. An equation
   with exactly one hidden cell would give that cell away by subtraction, so one more cell of
   it is hidden: the smallest non-zero visible part (ties: first in order), or, when every
   visible part is 0, the total. The same is done when the hidden cells of a shown total
   are at a bound a reader knows (each hidden count is at least 1, a small one at most k-1:
   two hidden cells summing to 2 are both 1). This repeats until no equation is left so.
3. *Audit*: equations can also be combined (a district table and the municipality table
   together). After step 2 the hidden cells are checked with exact linear algebra (modulo a
   large prime, per connected group of hidden cells): a hidden cell whose value follows from
   the published equations gets one more visible cell of the nearest equation hidden, and
   steps 2 and 3 repeat until no hidden cell has a single possible value (a cell that could
   only be 0 is left: 0 is shown anyway).
   A complementary cell may be k or more, so it is shown as "x", not "< k".

What remains possible: combining several equations with the bounds may narrow a hidden cell
to a range (for example "between 2 and 4"); the linear audit guarantees it is never one
value by the equations alone, the bound rule covers single equations. This is the usual
practice of statistical disclosure control (cell suppression with an audit), not a full
interval (linear-programming) audit.
"""

from __future__ import annotations

from collections import deque
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
        index: dict[Key, list[int]] = {}
        for i, (total, parts) in enumerate(self.sums):
            for m in (total, *parts):
                index.setdefault(m, []).append(i)
        settled: set[Key] = set()  # determined only as 0 by sums with no visible cell left
        cache: dict[frozenset[Key], list[Key]] = {}
        todo = list(range(len(self.sums)))
        while True:
            self._single_hidden(hidden, index, todo)
            widened: list[Key] = []
            for comp, eqs in _components(self.sums, hidden):
                found = cache.get(comp)
                if found is None:
                    found = cache[comp] = determined([self.sums[i] for i in eqs], hidden)
                # every determined cell of the group gets a partner in this round, unless
                # an earlier partner of this round already reached one of its sums
                touched: set[int] = set()
                for key in found:
                    if key in settled or touched.intersection(index.get(key, ())):
                        continue
                    added = self._widen(key, hidden, index)
                    if added is None:
                        settled.add(key)
                    else:
                        widened.append(added)
                        touched.update(index.get(added, ()))
            if not widened:
                break
            todo = sorted({i for key in widened for i in index.get(key, [])})
        return frozenset(primary), frozenset(hidden - primary)

    def _single_hidden(self, hidden: set[Key], index: dict[Key, list[int]],
                       todo: list[int]) -> None:
        """Steps 1-2 as a work list: a sum is looked at again when one of its cells is
        newly hidden."""
        queue = deque(todo)
        queued = set(queue)
        while queue:
            i = queue.popleft()
            queued.discard(i)
            total, parts = self.sums[i]
            n_hidden = sum(m in hidden for m in (total, *parts))
            if n_hidden == 1 or (n_hidden > 1 and self._at_a_bound(total, parts, hidden)):
                pick = _complement(total, parts, hidden, self.counts)
                if pick in hidden:
                    continue
                hidden.add(pick)
                for j in index.get(pick, []):
                    if j not in queued:
                        queued.add(j)
                        queue.append(j)

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

    def _widen(self, key: Key, hidden: set[Key], index: dict[Key, list[int]]) -> Key | None:
        """Hide one more visible cell of the nearest sum (through hidden cells) that still
        has one and return it; None when there is none (then the cell can only be 0)."""
        reached, frontier = {key}, [key]
        seen: set[int] = set()
        while frontier:
            nxt: list[Key] = []
            for cell in frontier:
                for i in index.get(cell, []):
                    if i in seen:
                        continue
                    seen.add(i)
                    total, parts = self.sums[i]
                    members = (total, *parts)
                    visible = [m for m in members if m not in hidden]
                    if visible:
                        nonzero = [m for m in visible if self.counts[m] > 0] or visible
                        pick = min(nonzero, key=lambda m: self.counts[m])
                        hidden.add(pick)
                        return pick
                    for m in members:
                        if m not in reached:
                            reached.add(m)
                            nxt.append(m)
            frontier = nxt
        return None

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


def _components(sums: Sequence[tuple[Key, tuple[Key, ...]]], hidden: set[Key]
                ) -> list[tuple[frozenset[Key], list[int]]]:
    """Groups of hidden cells linked by sums, each with the sums that touch it, in sum
    order (hidden cells in different groups share no equation, so each is solved alone)."""
    parent: dict[Key, Key] = {}

    def find(x: Key) -> Key:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    touched: list[int] = []
    for i, (total, parts) in enumerate(sums):
        inside = [m for m in (total, *parts) if m in hidden]
        if not inside:
            continue
        touched.append(i)
        for m in inside:
            parent.setdefault(m, m)
        root = find(inside[0])
        for m in inside[1:]:
            other = find(m)
            if other != root:
                parent[other] = root
    groups: dict[Key, tuple[set[Key], list[int]]] = {}
    for i in touched:
        total, parts = sums[i]
        first = next(m for m in (total, *parts) if m in hidden)
        cells, eqs = groups.setdefault(find(first), (set(), []))
        cells.update(m for m in (total, *parts) if m in hidden)
        eqs.append(i)
    return [(frozenset(cells), eqs) for cells, eqs in groups.values()]


#: a Mersenne prime: ranks modulo it equal ranks over the rationals for these small
#: integer (-1, 0, 1, 2) equations unless a determinant is a multiple of it
_P = (1 << 61) - 1


def determined(sums: Sequence[tuple[Key, tuple[Key, ...]]], hidden: set[Key]) -> list[Key]:
    """Hidden cells whose value follows from the published sums, in sum order.

    A hidden cell is determined iff its unit vector lies in the row space of the equations
    restricted to hidden cells (visible cells are constants). In reduced row echelon form
    that holds iff some basis row is that unit vector, so one elimination answers for every
    cell. Rows are sparse dicts, arithmetic is modulo a prime.
    """
    order: dict[Key, int] = {}
    basis: dict[int, dict[int, int]] = {}  # pivot column -> row (reduced: no other pivot)
    holders: dict[int, set[int]] = {}  # column -> pivots of the basis rows that hold it
    for total, parts in sums:
        row: dict[int, int] = {}
        for key, sign in ((total, 1), *((p, -1) for p in parts)):
            if key in hidden:
                col = order.setdefault(key, len(order))
                row[col] = (row.get(col, 0) + sign) % _P
        for col in [c for c in row if c in basis]:
            f = row.get(col, 0)
            if f:
                for c, v in basis[col].items():
                    row[c] = (row.get(c, 0) - f * v) % _P
        row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        pivot = min(row)
        inv = pow(row[pivot], _P - 2, _P)
        row = {c: v * inv % _P for c, v in row.items()}
        for q in list(holders.get(pivot, ())):
            other = basis[q]
            f = other[pivot]
            for c, v in row.items():
                new = (other.get(c, 0) - f * v) % _P
                if new:
                    if c not in other:
                        holders.setdefault(c, set()).add(q)
                    other[c] = new
                else:
                    other.pop(c, None)
                    holders.get(c, set()).discard(q)
        basis[pivot] = row
        for c in row:
            holders.setdefault(c, set()).add(pivot)
    return [key for key, col in order.items()
            if col in basis and len(basis[col]) == 1]


def is_hidden(cell: Cell) -> bool:
    return isinstance(cell, Hidden)


def value(cell: Cell) -> int | None:
    return None if isinstance(cell, Hidden) else cell
