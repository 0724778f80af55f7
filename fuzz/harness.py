"""The one function every fuzzer drives: bytes in, a profile or a UserInputError out.

Anything else (an internal error, a traceback) is a bug. Used by the atheris target
(`fuzz/fuzz_profile.py`), the Hypothesis tests and the corpus regression test
(`tests/test_fuzz_corpus.py`).
"""

from __future__ import annotations

from pathlib import Path

from riskmodel.errors import Diagnostic, UserInputError
from riskmodel.model.ruleset import RuleSet

MINI = Path(__file__).resolve().parents[1] / "tests" / "models" / "mini"
_RULES: list[RuleSet] = []


def rules() -> RuleSet:
    if not _RULES:
        from riskmodel import load_rules

        _RULES.append(load_rules(MINI))
    return _RULES[0]


def check_one(data: bytes) -> None:
    """Read `data` as a YAML profile and as a JSON profile (first byte chooses the suffix
    order), validate against the mini model, and assess what validates.

    Raises only if riskmodel fails in a way a user could not fix: any exception other than
    UserInputError, or a UserInputError with an empty or unlocated diagnostic."""
    from riskmodel import assess
    from riskmodel.check.profile import profile_from_doc
    from riskmodel.load.yamlsource import YamlSyntaxError, parse_text

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # read_source refuses these before parsing (tested elsewhere)
    for name in ("fuzz.yaml", "fuzz.json"):
        try:
            doc = parse_text(text, name)
            profile = profile_from_doc(doc, rules())
            assess(profile, rules(), engine="compiled")
        except YamlSyntaxError as exc:
            _check_diagnostics(exc.diagnostics)
        except UserInputError as exc:
            _check_diagnostics(exc.diagnostics)


def _check_diagnostics(diagnostics: list[Diagnostic]) -> None:
    assert diagnostics, "a user error without a diagnostic"
    for d in diagnostics:
        assert d.code != "internal", d.format()
        assert d.file and d.message_in("nl") and d.message_in("en"), d
        assert len(d.format()) < 2000, "a message that echoes too much"
