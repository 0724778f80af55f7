"""Stage 1: read YAML/JSON files into plain data with positions, then into pydantic models."""
