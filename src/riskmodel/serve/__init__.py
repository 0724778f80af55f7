"""riskmodel serve: the analyst's workbench (web page, HTTP API, case store) over the library."""
