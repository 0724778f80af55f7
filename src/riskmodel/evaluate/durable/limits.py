"""The measured limits of durable-rules' C core, and the checks that keep a plan inside them.

Every number here was measured with durable-rules 2.0.28 (see docs/architecture.md); the
translation (translate.plan_phase) chunks rules to stay inside them and `riskmodel check`
reports any plan that would not.
"""

from __future__ import annotations

from typing import Any

from riskmodel.compile.ir import ConditionKey
from riskmodel.evaluate.durable.plan import (
    DurablePlan,
    DurableRuleset,
    distinct_conditions,
    max_conditions,
)

TYPE_ATTR = "t"

#: more than 64 rules matching one fact fails in the C core (error 303)
MAX_RULES_PER_FACT = 64
#: a fact with more than 254 properties is refused (error 302, measured)
MAX_FACT_PROPERTIES = 254
#: 512 distinct conditions under one node makes ruleset creation loop forever
MAX_CONDITIONS_PER_NODE = 511
#: one slot per ruleset is taken by the sentinel rule (see SENTINEL_RULE)
RULES_PER_RULESET = 59
#: A rule that matches every asserted fact. Without it, an assert that matches nothing raises
#: MessageNotHandledException, and a later delete_state on that session crashes the C core
#: (segfault, measured with durable-rules 2.0.28). With it, every assert is handled.
SENTINEL_RULE = "sentinel"
#: Distinct leaf conditions per ruleset. Error 303 is raised when too many conditions match
#: one fact at once; the exact count the C core uses is not documented, and a 58-rule ruleset
#: with 146 distinct conditions failed on a real profile (measured). Capping the distinct
#: conditions of a ruleset at 64 makes it impossible for more than 64 to match, whatever
#: the profile, at the price of more (small) rulesets.
CONDITIONS_PER_RULESET = 64


#: $and/$or nodes in one pattern, the discriminator's $and included. Each costs two entries
#: (operator and end) of the C core's expression sequence of MAX_SEQUENCE_EXPRESSIONS = 32;
#: measured: 15 junctions register, 16 give error 113 (ERR_EXPRESSION_LIMIT_EXCEEDED),
#: whatever the nesting or the number of leaves under them.
MAX_JUNCTIONS_PER_PATTERN = 15
#: Alpha nodes a ruleset may have. Asserting a fact walks the alpha network depth-first on a
#: stack of MAX_STACK_SIZE = 64 entries and fails with error 303 when it is full. A node is
#: pushed at most once per walk, so a ruleset whose leaf tests (counted per rule, no sharing)
#: plus one node per rule (sentinel included) number at most 63 can never overflow it,
#: whatever the fact. Measured: one rule $or of 64 matching tests passes and 65 fail; k rules
#: over the same n tests fail past n + k = 65; the old cap (64 distinct conditions) let three
#: indicators over the same 60 `bekend` tests fail.
MAX_ALPHA_NODES = 63


def junctions(expr: Any) -> int:
    if isinstance(expr, dict):
        return sum((1 + sum(junctions(x) for x in v)) if k in ("$and", "$or") else 0
                   for k, v in expr.items())
    return 0


def alpha_nodes(definition: dict[str, Any]) -> int:
    return max_conditions(definition) + len(definition)


def check_plan(plan: DurablePlan) -> list[str]:
    """Problems that would make durable-rules fail or hang; empty when the plan is safe."""
    return [problem for problem, _ in located_problems(plan)]


def located_problems(plan: DurablePlan) -> list[tuple[str, list[ConditionKey]]]:
    """Each problem with the model conditions (indicators, gates, triggers...) it concerns."""
    out: list[tuple[str, list[ConditionKey]]] = []
    for rs in plan.rulesets:
        for problem in _ruleset_problems(rs):
            out.append((problem, plan.conditions_of(rs)))
    return out


def _ruleset_problems(rs: DurableRuleset) -> list[str]:
    problems: list[str] = []
    a = alpha_nodes(rs.definition)
    if a > MAX_ALPHA_NODES:
        problems.append(f"{rs.name}: {a} testen en regels in een ruleset "
                        f"(maximum {MAX_ALPHA_NODES}, fout 303)")
    for name, rule in rs.definition.items():
        j = junctions(rule["all"][0]["m"])
        if j > MAX_JUNCTIONS_PER_PATTERN:
            problems.append(f"{rs.name}.{name}: {j} en/of-knopen in een patroon "
                            f"(maximum {MAX_JUNCTIONS_PER_PATTERN}, fout 113)")
    n = len(rs.definition)
    if n > MAX_RULES_PER_FACT:
        problems.append(f"{rs.name}: {n} regels kunnen op een feit matchen "
                        f"(maximum {MAX_RULES_PER_FACT}, fout 303)")
    if len(rs.attributes) > MAX_FACT_PROPERTIES - 3:
        problems.append(f"{rs.name}: {len(rs.attributes)} attributen in een ruleset "
                        f"(een feit mag hoogstens {MAX_FACT_PROPERTIES} eigenschappen hebben, "
                        "fout 302)")
    distinct = distinct_conditions(rs.definition)
    if distinct > CONDITIONS_PER_RULESET:
        problems.append(f"{rs.name}: {distinct} verschillende condities in een ruleset "
                        f"(maximum {CONDITIONS_PER_RULESET}; meer kan tegelijk matchen en "
                        "geeft fout 303); splits de regel in kleinere delen")
    c = max_conditions(rs.definition)
    if c > MAX_CONDITIONS_PER_NODE:
        problems.append(f"{rs.name}: {c} condities onder een knoop "
                        f"(maximum {MAX_CONDITIONS_PER_NODE}; meer laat het aanmaken hangen)")
    for name, rule in rs.definition.items():
        pattern = rule["all"][0]["m"]
        if not _has_discriminator(pattern):
            problems.append(f"{rs.name}.{name}: patroon zonder typediscriminator")
    return problems


def _has_discriminator(pattern: dict[str, Any]) -> bool:
    if TYPE_ATTR in pattern:
        return True
    return any(isinstance(p, dict) and TYPE_ATTR in p for p in pattern.get("$and", []))


#: Rulesets kept registered in one process (least recently used ones are freed). Each costs
#: about 0.3 MB of C memory (measured on the shipped model), so this bounds the engine's
#: memory at roughly 150 MB however many models, peildata or evaluators a process sees.
MAX_REGISTERED_RULESETS = 512
