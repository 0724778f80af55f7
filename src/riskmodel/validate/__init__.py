"""Stage 2b: cross-file checks a schema cannot express (references, types, registers)."""
