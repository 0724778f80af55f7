"""Stage 6: render an Assessment (JSON, Markdown, text) and write it safely."""
