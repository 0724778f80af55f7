"""Where a report finds its words: the assessment's own `texts`, or the model that made it.

An assessment carries ids; names, questions and reasons come from the model's text table
(explain.texts). A report needs the model that produced the assessment (the receipt pins its
SHA-256), or an assessment made with `texts=True`.
"""

from __future__ import annotations

from riskmodel.errors import Diagnostic, UserInputError
from riskmodel.explain.texts import Texts, model_sources, model_texts
from riskmodel.load.rules import read_bundled_model
from riskmodel.model.assessment import Assessment, Citation, Evidence
from riskmodel.model.common import Source
from riskmodel.model.ruleset import RuleSet


class Book:
    """Texts and evidence of one assessment, looked up by key."""

    def __init__(self, assessment: Assessment, rules: RuleSet | None = None) -> None:
        self.a = assessment
        self.rules = rules
        self.texts: Texts = assessment.texts or _model_texts_for(assessment, rules)
        self._sources: dict[str, Source] | None = None
        self.evidence: dict[str, Evidence] = {}
        for ind in assessment.indicators:
            self._add(ind.evidence)
        for ph in assessment.phenomena:
            self._add(ph.definition_evidence)
        for iv in assessment.interventions:
            for g in iv.legal_gates:
                self._add(g.evidence)
            for f in iv.flags:
                self._add(f.evidence)

    def _add(self, evidence: list[Evidence]) -> None:
        for e in evidence:
            self.evidence.setdefault(e.fact, e)

    def get(self, key: str, lang: str, default: str | None = None) -> str:
        """The text of `key` in `lang`; the id after the last colon when the model has none."""
        label = self.texts.get(key)
        if label is not None:
            return label.get(lang)
        return default if default is not None else key.rsplit(":", 1)[-1]

    def has(self, key: str) -> bool:
        return key in self.texts

    def citation(self, key: str) -> Citation:
        """A cited source in full: from the assessment, or from the model by the same key."""
        c = self.a.citations[key]
        if c.title or c.url or c.ecli:
            return c
        if self._sources is None:
            self._sources = model_sources(_rules_for(self.a, self.rules))
        src = self._sources.get(key)
        if src is None:
            return c
        return Citation(title=src.title, ecli=src.ecli, url=src.url, verified=c.verified,
                        remark=src.remark)

    def value(self, fact: str, value: object, lang: str) -> object:
        """An enum value (or list of them) by its name in the model, other values as they are."""
        if isinstance(value, str) and self.has(f"waarde:{fact}:{value}"):
            return self.get(f"waarde:{fact}:{value}", lang)
        if isinstance(value, list) and all(self.has(f"waarde:{fact}:{v}") for v in value):
            return [self.get(f"waarde:{fact}:{v}", lang) for v in value]
        return value


def _model_texts_for(a: Assessment, rules: RuleSet | None) -> Texts:
    return model_texts(_rules_for(a, rules))


def _rules_for(a: Assessment, rules: RuleSet | None) -> RuleSet:
    if rules is None:
        rules = read_bundled_model()
    if rules.sha256 != a.receipt.rules_sha256:
        raise UserInputError([Diagnostic(
            "<argument>", None, None, "rules",
            f"deze beoordeling komt van model {a.receipt.model} {a.receipt.model_version} "
            f"(sha256 {a.receipt.rules_sha256[:16]}...), niet van het gegeven model; geef "
            "dat model mee of beoordeel met texts=True",
            expected="het model uit de verantwoording", code="model-mismatch",
            loc=("rules",))])
    return rules
