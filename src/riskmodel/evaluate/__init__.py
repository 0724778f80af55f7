"""Stage 4: evaluate compiled conditions (durable-rules or the Python reference)."""
