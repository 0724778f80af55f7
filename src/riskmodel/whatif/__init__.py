"""The analyst's tools over the API: what-if (compare), and profile templates (template)."""

from riskmodel.whatif.compare import (
    Change,
    FactChange,
    LevelChange,
    WhatIf,
    check_changes,
    compare,
    parse_setting,
    render_whatif,
    whatif,
)

__all__ = ["Change", "FactChange", "LevelChange", "WhatIf", "check_changes", "compare",
           "parse_setting", "render_whatif", "whatif"]
