"""`riskmodel serve`: the analyst's workbench and the HTTP API over the same library.

Needs the `serve` extra: `pip install 'riskmodel[serve]'`. See docs/serve.md.
"""
