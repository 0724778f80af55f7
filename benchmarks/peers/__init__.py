"""The OMG phenomenon encoded for peer rule engines (GoRules zen-engine, rule-engine) and the
harness that checks their tiers equal to riskmodel's and times all of them."""
