"""The durable-rules backend: translation of the IR into Rete rulesets, the measured limits
of its C core, and the evaluator that runs them. Nothing else imports durable-rules."""
