"""The measured limits of durable-rules' C core, and the checks that keep a plan inside them.

Every number here was measured with durable-rules 2.0.28 (see docs/architecture.md); the
translation (translate.plan_phase) chunks rules to stay inside them and `riskmodel check`
reports any plan that would not.
"""

from __future__ import annotations

from typing import Any

from riskmodel.evaluate.durable.plan import DurablePlan, distinct_conditions, max_conditions

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


def check_plan(plan: DurablePlan) -> list[str]:
    """Problems that would make durable-rules fail or hang; empty when the plan is safe."""
    problems: list[str] = []
    for rs in plan.rulesets:
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
