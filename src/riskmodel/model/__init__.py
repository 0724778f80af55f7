"""Stage 2: pydantic models of the rule language, profiles and assessments."""
