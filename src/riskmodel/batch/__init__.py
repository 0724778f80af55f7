"""Many situations at once: tables of profiles in, one summary table out (issue 10)."""
