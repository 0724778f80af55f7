"""Stage 3: compile a RuleSet for one peildatum into an engine-agnostic IR."""
