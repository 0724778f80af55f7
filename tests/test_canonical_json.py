"""The direct serialisation of `Assessment.to_json` and `assess_json` (issue 8) against the
sorting path.

The assembler gives every object's fields in sorted order (explain/construct.py), and
`to_json` then lets pydantic-core write the canonical JSON directly. These tests hold that
path byte-equal to `model_dump` + orjson with sorted keys on every scenario profile, with
two engines and with and without the ranking of unknown facts, and check that what could
break the order (texts, a copy with changes, a document read back) takes the sorting path.
"""

from __future__ import annotations

import orjson
import pytest
from model_copies import EXAMPLE_PROFILE, MINI, MINI_SCENARIOS, REPO, scenario_profiles

import riskmodel
from riskmodel.explain.construct import sorted_fields
from riskmodel.model.assessment import (
    Assessment,
    Receipt,
    has_sorted_fields,
    mark_sorted_fields,
)


def _sorting(a: Assessment) -> str:
    return orjson.dumps(a.model_dump(mode="json", exclude_none=True),
                        option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE).decode()


@pytest.mark.parametrize("engine", ["compiled", "python"])
@pytest.mark.parametrize("which", ["bundled", "mini"])
def test_direct_json_equals_sorted_json_on_every_scenario(engine: str, which: str) -> None:
    rules = riskmodel.load_rules(None if which == "bundled" else MINI)
    profiles = scenario_profiles(rules, REPO / "scenarios" if which == "bundled" else MINI_SCENARIOS)
    assert len(profiles) >= 3
    for n, profile in enumerate(profiles):
        a = riskmodel.assess(profile, rules, engine=engine,  # type: ignore[arg-type]
                             find_out=n % 2 == 0)
        assert has_sorted_fields(a) and sorted_fields(a), profile.id
        assert a.to_json() == _sorting(a), profile.id
        # the document made without objects (assess_json) is the same, byte for byte
        assert riskmodel.assess_json(profile, rules, engine=engine,  # type: ignore[arg-type]
                                     find_out=n % 2 == 0) == a.to_json(), profile.id


def test_assess_json_with_durable_texts_and_dates() -> None:
    rules = riskmodel.load_rules()
    for engine in ("durable", "compiled"):
        for texts in (False, True):
            a = riskmodel.assess(EXAMPLE_PROFILE, rules, engine=engine, texts=texts,
                                 find_out=True)
            assert riskmodel.assess_json(EXAMPLE_PROFILE, rules, engine=engine, texts=texts,
                                         find_out=True) == a.to_json()
    other_day = riskmodel.assess(EXAMPLE_PROFILE, rules, peildatum="2027-03-04")
    assert riskmodel.assess_json(EXAMPLE_PROFILE, rules,
                                 peildatum="2027-03-04") == other_day.to_json()


def test_texts_lists_and_dates_take_the_right_path() -> None:
    rules = riskmodel.load_rules()
    a = riskmodel.assess(EXAMPLE_PROFILE, rules, texts=True, find_out=True)
    assert not has_sorted_fields(a)  # labels are (nl, en): not sorted
    assert a.to_json() == _sorting(a)
    plain = riskmodel.assess(EXAMPLE_PROFILE, rules)
    assert has_sorted_fields(plain)
    doc = plain.to_json()
    assert '"peildatum":"' in doc and doc.endswith("}\n") and "\n" not in doc[:-1]


def test_read_back_and_changed_copies_sort() -> None:
    a = riskmodel.assess(EXAMPLE_PROFILE, riskmodel.load_rules())
    back = Assessment.model_validate_json(a.to_json())
    assert not has_sorted_fields(back) and back.to_json() == a.to_json()
    receipt = Receipt(**a.receipt.model_dump())  # declaration order, not sorted
    assert not sorted_fields(receipt)
    changed = a.model_copy(update={"receipt": receipt})
    assert not has_sorted_fields(changed)
    assert changed.to_json() == a.to_json()  # the sorting path: same bytes
    assert not has_sorted_fields(a.model_copy())  # another object: the sorting path
    assert a.model_copy() == a and a.model_copy().to_json() == a.to_json()
    # the direct path on an unsorted object would differ: the test above can fail
    mark_sorted_fields(changed)
    assert changed.to_json() != a.to_json()
