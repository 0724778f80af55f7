"""riskmodel: OMG risk classification and ondermijningsbeeld rules with bestuurlijke interventies.

Public API::

    rules = load_rules()                      # the bundled model, or load_rules("rules/")
    profile = load_profile("profiel.yaml", rules)
    assessment = assess(profile, rules)       # durable-rules by default
    print(assessment.explain("nl"))
"""

from __future__ import annotations

from riskmodel._version import __version__
from riskmodel.api import assess, load_profile, load_rules
from riskmodel.errors import (
    EngineError,
    ProfileError,
    RiskmodelError,
    RuleError,
    UserInputError,
)
from riskmodel.model.assessment import Assessment

__all__ = [
    "Assessment",
    "EngineError",
    "ProfileError",
    "RiskmodelError",
    "RuleError",
    "UserInputError",
    "__version__",
    "assess",
    "load_profile",
    "load_rules",
]
