"""Texts of `riskmodel serve`: the HTTP API's problems, the login page, start-up refusals."""

from __future__ import annotations

SERVE: dict[str, dict[str, str]] = {
    # ---- problem titles (RFC 9457 `title`), by HTTP status
    "serve.title.400": {"nl": "Ongeldig verzoek", "en": "Bad request"},
    "serve.title.401": {"nl": "Niet aangemeld", "en": "Not authenticated"},
    "serve.title.403": {"nl": "Geweigerd", "en": "Forbidden"},
    "serve.title.404": {"nl": "Niet gevonden", "en": "Not found"},
    "serve.title.405": {"nl": "Methode niet toegestaan", "en": "Method not allowed"},
    "serve.title.413": {"nl": "Verzoek te groot", "en": "Request too large"},
    "serve.title.415": {"nl": "Verkeerd inhoudstype", "en": "Unsupported media type"},
    "serve.title.422": {"nl": "Invoer afgewezen", "en": "Input refused"},
    "serve.title.500": {"nl": "Interne fout", "en": "Internal error"},
    # ---- problem details
    "diag.serve.body_too_large": {
        "nl": "de inhoud van het verzoek is groter dan {max} bytes",
        "en": "the request body is larger than {max} bytes"},
    "diag.serve.bad_json": {
        "nl": "de inhoud is geen geldige JSON ({error})",
        "en": "the body is not valid JSON ({error})"},
    "diag.serve.content_type": {
        "nl": "inhoudstype '{got}' wordt niet geaccepteerd",
        "en": "content type '{got}' is not accepted"},
    "diag.serve.expected_object": {
        "nl": "verwacht een JSON-object (een profiel), kreeg {got}",
        "en": "expected a JSON object (a profile), got {got}"},
    "diag.serve.expected_list": {
        "nl": "verwacht een JSON-lijst van profielen, kreeg {got}",
        "en": "expected a JSON list of profiles, got {got}"},
    "diag.serve.batch_too_many": {
        "nl": "{n} profielen in één verzoek; het maximum is {max}",
        "en": "{n} profiles in one request; the maximum is {max}"},
    "diag.serve.unknown_case": {
        "nl": "dossier '{id}' bestaat niet", "en": "case '{id}' does not exist"},
    "diag.serve.unknown_version": {
        "nl": "dossier '{id}' heeft geen versie {version}",
        "en": "case '{id}' has no version {version}"},
    "diag.serve.unknown_kind": {
        "nl": "onbekend schema '{kind}'", "en": "unknown schema '{kind}'"},
    "diag.serve.bad_param": {
        "nl": "ongeldige waarde voor '{name}': {value}",
        "en": "invalid value for '{name}': {value}"},
    "diag.serve.not_found": {
        "nl": "geen pagina of eindpunt op dit pad", "en": "no page or endpoint at this path"},
    "diag.serve.method": {
        "nl": "methode {method} is hier niet toegestaan",
        "en": "method {method} is not allowed here"},
    "diag.serve.unauthorized": {
        "nl": "deze server vraagt een token: stuur 'Authorization: Bearer <token>' of meld "
              "je aan via /login",
        "en": "this server requires a token: send 'Authorization: Bearer <token>' or log in "
              "at /login"},
    "diag.serve.cross_origin": {
        "nl": "verzoek van een andere herkomst ({origin}) geweigerd (CSRF-bescherming)",
        "en": "request from another origin ({origin}) refused (CSRF protection)"},
    "diag.serve.internal": {
        "nl": "interne fout bij dit verzoek; meld dit als fout",
        "en": "internal error on this request; please report it"},
    "diag.serve.bind_needs_token": {
        "nl": "--host {host} is geen loopback-adres: andere machines kunnen de server dan "
              "bereiken; geef een token met --token of --token-file",
        "en": "--host {host} is not a loopback address: other machines could reach the "
              "server; give a token with --token or --token-file"},
    "diag.serve.token_short": {
        "nl": "het token is {n} tekens; gebruik er minstens {min}",
        "en": "the token has {n} characters; use at least {min}"},
    "diag.serve.token_file": {
        "nl": "tokenbestand kan niet gelezen worden ({error})",
        "en": "token file cannot be read ({error})"},
    "diag.serve.store": {
        "nl": "de dossieropslag kan niet geopend worden: {error}",
        "en": "the case store cannot be opened: {error}"},
    "diag.serve.free_text": {
        "nl": "vrije tekst in '{field}': {reason}",
        "en": "free text in '{field}': {reason}"},
    # ---- login page
    "serve.login.title": {"nl": "Aanmelden", "en": "Log in"},
    "serve.login.token": {"nl": "Token", "en": "Token"},
    "serve.login.submit": {"nl": "Aanmelden", "en": "Log in"},
    "serve.login.wrong": {"nl": "Onjuist token.", "en": "Wrong token."},
    "serve.docs.title": {"nl": "riskmodel HTTP API", "en": "riskmodel HTTP API"},
    "serve.docs.intro": {
        "nl": "De volledige OpenAPI-beschrijving staat in {link}. Eindpunten:",
        "en": "The full OpenAPI description is at {link}. Endpoints:"},
    "serve.needs_extra": {
        "nl": "riskmodel serve heeft de extra 'serve' nodig (ontbreekt: {module}); installeer "
              "met: pip install 'riskmodel[serve]'",
        "en": "riskmodel serve needs the 'serve' extra (missing: {module}); install it with: "
              "pip install 'riskmodel[serve]'"},
    "serve.started": {
        "nl": "riskmodel serve: http://{host}:{port}/ (stoppen met Ctrl+C)",
        "en": "riskmodel serve: http://{host}:{port}/ (stop with Ctrl+C)"},
}
