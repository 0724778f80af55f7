"""Time of the regional picture after assessment: collect (counts, suppression, audit) and
rendering, for regions of growing size.

Run: .venv/bin/python benchmarks/bench_beeld.py [--n 2000 20000] [--municipalities 40]
The profiles are the bundled scenario profiles (docs/voorbeelden/regio.jsonl), assessed once
and then spread over made-up municipalities and districts (each copy a new id; every fourth
seen a year earlier too, for the change section), so the assessments are real and the
region is as large as asked. Prints figures; never asserts on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import time
from pathlib import Path

import riskmodel
from riskmodel.beeld import collect, read_neighbours, read_pairs, render_beeld
from riskmodel.beeld.suppress import Hidden

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--municipalities", type=int, default=40)
    args = ap.parse_args()
    rules = riskmodel.load_rules()
    start = time.perf_counter()
    base = read_pairs(ROOT / "docs" / "voorbeelden" / "regio.jsonl", rules).pairs
    print(f"assess {len(base)} scenario profiles: {time.perf_counter() - start:.2f} s")
    towns = [f"Gemeente {i:02d}" for i in range(args.municipalities)]
    districts = [None, "Noord", "Zuid", "Oost", "West", "Centrum"]
    neighbours = read_neighbours("oost-nederland")
    for town_a, town_b in itertools.pairwise(towns):
        neighbours.add(town_a, town_b)
    print(f"{'profiles':>9} {'cells hidden':>13} {'collect s':>10} {'(cpu s)':>8} "
          f"{'html s':>7} {'html MB':>8}")
    for n in args.n:
        rnd = random.Random(n)
        pairs = []
        for i in range(n):
            profile, a = base[i % len(base)]
            town, district = rnd.choice(towns), rnd.choice(districts)
            pid = f"p{i}"
            receipt = a.receipt.model_copy(update={"profile_id": pid, "municipality": town})
            p2 = profile.model_copy(update={"id": pid, "municipality": town,
                                            "district": district})
            pairs.append((p2, a.model_copy(update={"receipt": receipt})))
            if i % 4 == 0:
                old = base[(i + 7) % len(base)][1]
                day = receipt.peildatum - dt.timedelta(days=365)
                r_old = old.receipt.model_copy(update={"profile_id": pid, "municipality": town,
                                                       "peildatum": day})
                pairs.append((p2, old.model_copy(update={"receipt": r_old})))
        start, cpu = time.perf_counter(), time.process_time()
        beeld = collect(pairs, rules, neighbours=neighbours)
        t_collect, c_collect = time.perf_counter() - start, time.process_time() - cpu
        start = time.perf_counter()
        html = render_beeld(beeld, "html", "nl", rules)
        t_html = time.perf_counter() - start
        hidden = beeld.model_dump_json().count('"suppressed":true')
        total = beeld.profiles if not isinstance(beeld.profiles, Hidden) else "< k"
        print(f"{total!s:>9} {hidden:>13} {t_collect:>10.2f} {c_collect:>8.2f} "
              f"{t_html:>7.2f} {len(html) / 1e6:>8.2f}")


if __name__ == "__main__":
    main()
