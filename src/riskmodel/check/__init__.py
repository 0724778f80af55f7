"""Every check of a model or profile: references, personal data, lint, static analysis and
the limits of the durable-rules engine. `check_model` runs them all for `riskmodel check`."""

from riskmodel.check.model_check import CheckReport, check_model

__all__ = ["CheckReport", "check_model"]
