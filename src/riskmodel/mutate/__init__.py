"""Mutation testing of a model against its scenarios: which rule parts does no scenario pin
down? (issue 12; docs/scenarios.md, section "Mutatietesten")."""

from riskmodel.mutate.operators import Mutant, mutants
from riskmodel.mutate.run import MutationReport, run_mutation

__all__ = ["Mutant", "MutationReport", "mutants", "run_mutation"]
