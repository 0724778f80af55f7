"""riskmodel: OMG risk classification and ondermijningsbeeld rules with bestuurlijke interventies.

Public API::

    import riskmodel

    rules = riskmodel.load_rules()                     # the bundled model (cached), or a path
    profile = riskmodel.load_profile("profiel.yaml", rules)
    assessment = riskmodel.assess(profile, rules, peildatum="2024-06-01")
    document = riskmodel.assess_json(profile, rules)   # = assessment.to_json(), faster
    print(riskmodel.render(assessment, "text", lang="nl"))
    outcomes = riskmodel.assess_many(["profielen/"], rules)   # one result or error per input
    change = riskmodel.whatif(profile, {"clubhuis_status": "in_gebruik"}, rules)  # what changes

Everything not listed in ``__all__`` is private and may change without notice.
"""

from __future__ import annotations

from riskmodel._version import __version__
from riskmodel.api import Outcome, assess, assess_json, assess_many, load_profile, load_rules
from riskmodel.errors import (
    Diagnostic,
    EngineError,
    OutputError,
    ProfileError,
    RiskmodelError,
    RuleError,
    ScenarioError,
    UserInputError,
)
from riskmodel.evaluate.base import Evaluator
from riskmodel.model.assessment import (
    SCHEMA_VERSION,
    AppliedOverride,
    Assessment,
    Citation,
    Evidence,
    FlagResult,
    GateResult,
    IndicatorResult,
    InterventionResult,
    LegalBasisOut,
    LevelOut,
    PhenomenonResult,
    Receipt,
    ScoreRange,
    TraceNode,
)
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.report.render import render, render_explain

# last: the name `whatif` is the function (its package is riskmodel.whatif.*)
from riskmodel.whatif.compare import WhatIf, whatif

#: names served by `__getattr__` on first use: the batch path needs polars, which
#: `import riskmodel` must not load (start-up time of every command and application)
_LAZY = {"assess_table": "riskmodel.batch.run", "BatchResult": "riskmodel.batch.run"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'riskmodel' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "SCHEMA_VERSION",
    "AppliedOverride",
    "Assessment",
    "BatchResult",
    "Citation",
    "Diagnostic",
    "EngineError",
    "Evaluator",
    "Evidence",
    "FlagResult",
    "GateResult",
    "IndicatorResult",
    "InterventionResult",
    "LegalBasisOut",
    "LevelOut",
    "Outcome",
    "OutputError",
    "PhenomenonResult",
    "Profile",
    "ProfileError",
    "Receipt",
    "RiskmodelError",
    "RuleError",
    "RuleSet",
    "ScenarioError",
    "ScoreRange",
    "TraceNode",
    "UserInputError",
    "WhatIf",
    "__version__",
    "assess",
    "assess_json",
    "assess_many",
    "assess_table",
    "load_profile",
    "load_rules",
    "render",
    "render_explain",
    "whatif",
]
