"""What every request handler (API and web pages) reads from `request.app.state.ctx`."""

from __future__ import annotations

from dataclasses import dataclass, field

from riskmodel.model.ruleset import RuleSet
from riskmodel.serve.settings import ServeSettings
from riskmodel.store import CaseStore


@dataclass
class ServeContext:
    settings: ServeSettings
    rules: RuleSet
    store: CaseStore
    #: responses that depend only on the model, built once (e.g. GET /v1/model)
    cache: dict[str, bytes] = field(default_factory=dict)
