"""A profile document becomes a Profile only after the personal-data check: nothing that
identifies a person reaches validation messages, assessments or logs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from riskmodel.check.privacy import find_personal_data, find_unsafe_text
from riskmodel.errors import DiagnosticList, ProfileError, msg
from riskmodel.load.limits import current_limits, shape_problem
from riskmodel.load.profile import build_profile
from riskmodel.load.yamlsource import YamlSyntaxError, parse_text
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import Loc, SourceDoc


def profile_from_doc(doc: SourceDoc, rules: RuleSet, base: Loc = (),
                     peildatum: dt.date | None = None) -> Profile:
    """Refuse personal data, then validate against the vocabulary (as of `peildatum`)."""
    data = doc.data
    for node in base:
        data = data[node]
    diags = DiagnosticList()
    problem = shape_problem(data, current_limits())
    if problem is not None:  # in-memory data skipped the loader's limits
        where, what, limit = problem
        diags.add(doc.diagnostic((*base, *where), msg(f"limits.{what}", max=limit,
                                                      value="..."),
                                 code="too-large", expected=msg("exp.limit", max=limit,
                                                                name=what)))
        diags.raise_if_any(ProfileError)
    for loc, reason in find_unsafe_text(data):
        diags.add(doc.diagnostic((*base, *loc), reason, code="unsafe-text",
                                 expected=msg("exp.printable_text")))
    diags.raise_if_any(ProfileError)
    for loc, reason in find_personal_data(data):
        diags.add(doc.diagnostic((*base, *loc), reason, code="personal-data"))
    diags.raise_if_any(ProfileError)
    return build_profile(doc, rules, base, peildatum=peildatum)


def profile_from_data(data: Any, rules: RuleSet, name: str = "<profiel>",
                      peildatum: dt.date | None = None) -> Profile:
    """Validate an in-memory profile (e.g. from an application) the same way as a file."""
    return profile_from_doc(SourceDoc(name, data), rules, peildatum=peildatum)


def profile_from_text(text: str, rules: RuleSet, name: str = "<profiel>") -> Profile:
    try:
        doc = parse_text(text, name)
    except YamlSyntaxError as exc:
        raise ProfileError(exc.diagnostics) from None
    return profile_from_doc(doc, rules)
