"""Stage 5: turn evaluation results into an explained Assessment and readable text."""
