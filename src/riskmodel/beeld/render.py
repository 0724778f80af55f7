"""The regional picture as HTML (one self-contained file), Markdown or JSON.

The HTML has no external reference at all (no CDN, no font, no image URL): inline CSS and
SVG charts generated here, so it opens offline on a municipal laptop and prints (`@media
print`). Every text that comes from input (municipality, district, profile ids) or the model
is escaped. Counts are the published cells of the `Beeld`: a hidden cell shows as "< k" or
"x" in every format, and as {"suppressed": true, "below": k} in JSON.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Literal

import orjson

from riskmodel.batch.columns import NOT_SUGGESTED
from riskmodel.beeld.aggregate import (
    STATUSES,
    TRIGGER,
    Beeld,
    InstrumentPicture,
    LevelRow,
    PhenomenonPicture,
)
from riskmodel.beeld.suppress import Cell, Hidden
from riskmodel.messages import status_text, t
from riskmodel.model.ruleset import RuleSet

Format = Literal["html", "markdown", "json"]
SUFFIXES: dict[str, Format] = {".html": "html", ".htm": "html", ".md": "markdown",
                               ".json": "json"}


def render_beeld(beeld: Beeld, fmt: Format, lang: str, rules: RuleSet) -> str:
    if fmt == "json":
        return _json(beeld, lang)
    words = _Words(beeld, lang, rules)
    return _html(beeld, words) if fmt == "html" else _markdown(beeld, words)


# ---------------------------------------------------------------- shared

def cell_text(cell: Cell) -> str:
    if isinstance(cell, Hidden):
        return f"< {cell.below}" if cell.below is not None else "x"
    return str(cell)


def share(part: Cell, whole: Cell) -> float | None:
    """The share part/whole when both are shown and the whole is not 0."""
    if isinstance(part, Hidden) or isinstance(whole, Hidden) or whole == 0:
        return None
    return part / whole


class _Words:
    """Names from the model and the catalogue in one language."""

    def __init__(self, beeld: Beeld, lang: str, rules: RuleSet) -> None:
        self.lang, self.rules, self.k = lang, rules, beeld.k

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def phenomenon(self, pid: str) -> str:
        ph = self.rules.phenomena.get(pid)
        return ph.label.get(self.lang) if ph else pid

    def level(self, pid: str, lid: str) -> str:
        ph = self.rules.phenomena.get(pid)
        for lv in ph.levels if ph else []:
            if lv.id == lid:
                label = lv.label.get(self.lang)
                return lid if label == lid else f"{lid} {label}" if len(label) <= 24 else lid
        return lid

    def instrument(self, iid: str) -> str:
        iv = self.rules.interventions.get(iid)
        return iv.label.get(self.lang) if iv else iid

    def gate(self, iid: str, gid: str) -> str:
        if gid == TRIGGER:
            return self.t("beeld.trigger")
        iv = self.rules.interventions.get(iid)
        for g in iv.legal_gates if iv else []:
            if g.id == gid:
                return g.label.get(self.lang)
        return gid

    def fact(self, fid: str) -> tuple[str, str]:
        f = self.rules.facts.get(fid)
        if f is None:
            return fid, ""
        return f.label.get(self.lang), f.question.get(self.lang) if f.question else ""

    def status(self, status: str) -> str:
        if status == NOT_SUGGESTED:
            return self.t("beeld.not_suggested")
        return status_text(status, self.lang)

    def area(self, row: LevelRow) -> str:
        if row.municipality is None:
            return self.t("beeld.region")
        if row.district is None:
            return row.municipality
        return f"{row.municipality} / {row.district or self.t('beeld.no_district')}"

    def dates(self, beeld: Beeld) -> str:
        days = [d.isoformat() for d in beeld.peildata]
        if len(days) > 3:
            return f"{days[0]} … {days[-1]}"
        return ", ".join(days) or "-"


def _on_table(inst: InstrumentPicture) -> bool:
    return any(isinstance(c, Hidden) or c > 0
               for s, c in inst.statuses.items() if s != NOT_SUGGESTED)


def _json(beeld: Beeld, lang: str) -> str:
    data = beeld.model_dump(mode="json", exclude_none=True)
    data["suppression"] = {"k": beeld.k, "rule": t("beeld.rule", lang, k=beeld.k)}
    data["lang"] = lang
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
                        | orjson.OPT_APPEND_NEWLINE).decode()


# ---------------------------------------------------------------- Markdown

def _md(text: object) -> str:
    """A table cell: no pipes or line breaks from input break the table."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in head) + " |",
             "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _level_cells(row: LevelRow, levels: list[str]) -> list[str]:
    return [f"{cell_text(row.certain[lv])} ({cell_text(row.possible[lv])})" for lv in levels]


def _markdown(beeld: Beeld, w: _Words) -> str:
    out = [f"# {w.t('beeld.title')}", "",
           w.t("beeld.subtitle", n=cell_text(beeld.profiles), m=len(beeld.municipalities),
               dates=w.dates(beeld)) + "  ",
           w.t("beeld.model", model=beeld.model, version=beeld.model_version), "",
           f"**{w.t('beeld.rule_title')}.** {w.t('beeld.rule', k=beeld.k)}", "",
           w.t("beeld.ids_note") if beeld.ids else w.t("beeld.ids_left_out"), ""]
    if beeld.rejected:
        out += [f"**{w.t('beeld.rejected', n=len(beeld.rejected))}**", ""]
        out += [f"- {_md(p.source)} ({', '.join(p.codes)})" for p in beeld.rejected] + [""]
    # heat map as a table
    out += [f"## {w.t('beeld.heatmap')}", "", w.t("beeld.heatmap_note"), ""]
    phen = beeld.phenomena
    rows: list[list[object]] = []
    for m in beeld.municipalities:
        line: list[object] = [m]
        for ph in phen:
            row = next((r for r in ph.municipalities if r.municipality == m), None)
            line.append(_share_text(row))
        rows.append(line)
    out += _md_table([w.t("beeld.municipality"), *(w.phenomenon(p.id) for p in phen)], rows)
    out += [f"## {w.t('beeld.levels')}", "", w.t("beeld.levels_note"), ""]
    for ph in phen:
        out += [f"### {w.phenomenon(ph.id)}", ""]
        head = [w.t("beeld.area"), w.t("beeld.total"),
                *(w.level(ph.id, lv) for lv in ph.levels), w.t("beeld.top")]
        out += _md_table(head, [[w.area(r), cell_text(r.total), *_level_cells(r, ph.levels),
                                 cell_text(r.top)] for r in _rows(ph)])
    out += [f"## {w.t('beeld.instruments')}", "", w.t("beeld.instruments_note"), ""]
    shown = [i for i in beeld.instruments if _on_table(i)]
    if not shown:
        out += [w.t("beeld.no_instruments"), ""]
    for inst in shown:
        out += [f"### {w.instrument(inst.id)}", ""]
        out += _md_table([w.t("beeld.status"), w.t("beeld.count")],
                         [[w.status(s), cell_text(inst.statuses[s])] for s in STATUSES])
        for title, gates in ((w.t("beeld.blocking"), inst.blocking),
                             (w.t("beeld.undecided"), inst.undecided)):
            if gates:
                out += _md_table([title, w.t("beeld.count")],
                                 [[w.gate(inst.id, g.id), cell_text(g.count)] for g in gates])
    out += [f"## {w.t('beeld.missing')}", "", w.t("beeld.missing_note"), ""]
    if beeld.missing_facts:
        out += _md_table([w.t("beeld.fact"), w.t("beeld.question"), w.t("beeld.count")],
                         [[w.fact(f.id)[0], w.fact(f.id)[1], cell_text(f.profiles)]
                          for f in beeld.missing_facts])
    else:
        out += [w.t("beeld.no_missing"), ""]
    out += [f"## {w.t('beeld.change')}", ""]
    ch = beeld.change
    if ch is None:
        out += [w.t("beeld.no_change"), ""]
    else:
        out += [w.t(f"beeld.change_{ch.basis}", n=cell_text(ch.profiles)), ""]
        rows = []
        for r in ch.rows:
            levels = [lv.id for lv in w.rules.phenomena[r.phenomenon].levels]
            rows.append([r.municipality, w.phenomenon(r.phenomenon), cell_text(r.total),
                         " · ".join(f"{lv} {cell_text(r.then[lv])}" for lv in levels),
                         " · ".join(f"{lv} {cell_text(r.now[lv])}" for lv in levels),
                         cell_text(r.up), cell_text(r.down), cell_text(r.same)])
        out += _md_table([w.t("beeld.municipality"), w.t("beeld.phenomenon"),
                          w.t("beeld.total"), w.t("beeld.then"), w.t("beeld.now"),
                          w.t("beeld.up"), w.t("beeld.down"), w.t("beeld.same")], rows)
        if ch.moves:
            out += [f"### {w.t('beeld.moves')}", ""]
            out += _md_table(
                [w.t("beeld.profile"), w.t("beeld.municipality"), w.t("beeld.phenomenon"),
                 w.t("beeld.then"), w.t("beeld.now")],
                [[mv.id, mv.municipality, w.phenomenon(mv.phenomenon),
                  f"{mv.before} ({mv.then_date})", f"{mv.after} ({mv.now_date})"]
                 for mv in ch.moves])
    out += [f"## {w.t('beeld.waterbed')}", ""]
    out += _waterbed_lines(beeld, w, lambda head, rows: _md_table(head, rows))
    return "\n".join(out).rstrip("\n") + "\n"


def _waterbed_lines(beeld: Beeld, w: _Words,
                    table: Callable[[list[str], list[list[object]]], list[str]]) -> list[str]:
    if beeld.waterbed is None:
        return [w.t("beeld.waterbed_off"), ""]
    out = [w.t("beeld.waterbed_note", days=beeld.waterbed_window), ""]
    if not beeld.waterbed:
        return [*out, w.t("beeld.waterbed_none"), ""]
    head = [w.t("beeld.acted_in"), w.t("beeld.rose_in"), w.t("beeld.phenomenon"),
            w.t("beeld.interventions"), w.t("beeld.how"), w.t("beeld.first_action"),
            w.t("beeld.first_rise"), w.t("beeld.actions"), w.t("beeld.rises")]
    if beeld.ids:
        head.append(w.t("beeld.ids"))
    rows: list[list[object]] = []
    for s in beeld.waterbed:
        row: list[object] = [
            s.municipality, s.neighbour, w.phenomenon(s.phenomenon),
            ", ".join(w.instrument(i) for i in s.interventions),
            ", ".join(w.t(f"beeld.how.{h}") for h in s.how), s.first_action, s.first_rise,
            cell_text(s.actions), cell_text(s.rises)]
        if beeld.ids:
            row.append(", ".join(s.action_ids) + " → " + ", ".join(s.rise_ids))
        rows.append(row)
    return out + table(head, rows)


def _rows(ph: PhenomenonPicture) -> list[LevelRow]:
    """Region first, then each municipality followed by its districts."""
    out = [ph.region]
    for m in ph.municipalities:
        out.append(m)
        out += [d for d in ph.districts if d.municipality == m.municipality]
    return out


def _share_text(row: LevelRow | None) -> str:
    if row is None:
        return ""
    value = share(row.top, row.total)
    if value is None:
        # a hidden total says most: the municipality has fewer than k such profiles
        hidden = row.total if isinstance(row.total, Hidden) else row.top
        return cell_text(hidden) if isinstance(hidden, Hidden) else "-"
    return f"{round(100 * value)}%"


# ---------------------------------------------------------------- HTML

def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


CSS = """
:root { --ink:#1b1f24; --muted:#5b6470; --line:#d4d9df; --bg:#ffffff; --accent:#8c1d18; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: var(--ink); background: var(--bg); margin: 0 auto; padding: 1.5rem 2rem;
       max-width: 1200px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--accent);
     padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.note, .muted { color: var(--muted); }
.rule { border-left: 4px solid var(--accent); background: #f7f1f0; padding: .6rem .9rem;
        margin: 1rem 0; }
nav ol { columns: 2; margin: .3rem 0 0; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: right;
         vertical-align: top; }
th { background: #f1f3f5; }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
td { white-space: nowrap; }
td.text { white-space: normal; }
tr.district td:first-child { padding-left: 1.4rem; color: var(--muted); }
tr.region td { font-weight: 600; background: #fafafa; }
td.hidden { color: var(--muted); font-style: italic; }
figure { margin: .5rem 0 1rem; }
figcaption { color: var(--muted); font-size: .88rem; }
.instruments { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
               gap: .8rem 1.5rem; }
.instrument { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
.instrument h3 { margin-top: .2rem; }
svg text { font-family: inherit; }
svg.heatmap, svg.bars { max-width: 100%; height: auto; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  table, figure, .instrument, .rule { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4; margin: 14mm; }
}
"""

#: sequential palette from white to the accent red (share 0 .. 1)
_LOW = (255, 255, 255)
_HIGH = (140, 29, 24)


def _color(value: float) -> str:
    rgb = [round(lo + (hi - lo) * value) for lo, hi in zip(_LOW, _HIGH, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _hatch(pid: str) -> str:
    return (f'<defs><pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#eceff1"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="#9aa3ad" stroke-width="2"/>'
            f'</pattern></defs>')


def heatmap_svg(beeld: Beeld, w: _Words) -> str:
    phen = beeld.phenomena
    munis = beeld.municipalities
    cw, ch, left, top = 64, 26, max(120, 8 * max((len(m) for m in munis), default=8)), 160
    width = left + cw * len(phen) + 170  # room for the last slanted column label
    height = top + ch * len(munis) + 40
    parts = [f'<svg class="heatmap" role="img" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f"<title>{_e(w.t('beeld.heatmap_label'))}</title>", _hatch("hatch-heat")]
    for j, ph in enumerate(phen):
        x = left + j * cw + cw / 2
        name = w.phenomenon(ph.id)
        short = name if len(name) <= 30 else name[:29].rstrip() + "…"
        parts.append(f'<text x="{x:.0f}" y="{top - 8}" font-size="12" '
                     f'transform="rotate(-40 {x:.0f} {top - 8})"><title>{_e(name)}</title>'
                     f'{_e(short)}</text>')
    for i, m in enumerate(munis):
        y = top + i * ch
        parts.append(f'<text x="{left - 8}" y="{y + ch * 0.65:.0f}" font-size="12" '
                     f'text-anchor="end">{_e(m)}</text>')
        for j, ph in enumerate(phen):
            x = left + j * cw
            row = next((r for r in ph.municipalities if r.municipality == m), None)
            if row is None:
                parts.append(f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" '
                             f'fill="#ffffff" stroke="#d4d9df"/>')
                continue
            value = share(row.top, row.total)
            if value is None:
                label = _share_text(row)
                fill = "url(#hatch-heat)" if label != "-" else "#ffffff"
                parts.append(f'<rect class="cell hidden" x="{x}" y="{y}" width="{cw - 2}" '
                             f'height="{ch - 2}" fill="{fill}" stroke="#d4d9df"/>'
                             f'<text x="{x + cw / 2 - 1:.0f}" y="{y + ch * 0.65:.0f}" '
                             f'font-size="11" text-anchor="middle">{_e(label)}</text>')
                continue
            ink = "#ffffff" if value > 0.55 else "#1b1f24"
            parts.append(f'<rect class="cell" x="{x}" y="{y}" width="{cw - 2}" '
                         f'height="{ch - 2}" fill="{_color(value)}" stroke="#d4d9df">'
                         f'<title>{_e(m)} · {_e(w.phenomenon(ph.id))}: '
                         f'{cell_text(row.top)}/{cell_text(row.total)}</title></rect>'
                         f'<text x="{x + cw / 2 - 1:.0f}" y="{y + ch * 0.65:.0f}" '
                         f'font-size="11" text-anchor="middle" fill="{ink}">'
                         f'{round(100 * value)}%</text>')
    # legend
    ly = top + ch * len(munis) + 14
    parts.append('<defs><linearGradient id="heat-legend"><stop offset="0" '
                 f'stop-color="{_color(0)}"/><stop offset="1" stop-color="{_color(1)}"/>'
                 '</linearGradient></defs>')
    parts.append(f'<rect x="{left}" y="{ly}" width="160" height="12" fill="url(#heat-legend)" '
                 f'stroke="#d4d9df"/><text x="{left - 4}" y="{ly + 10}" font-size="11" '
                 f'text-anchor="end">{_e(w.t("beeld.legend_low"))}</text>'
                 f'<text x="{left + 166}" y="{ly + 10}" font-size="11">'
                 f'{_e(w.t("beeld.legend_high"))}</text>'
                 f'<rect x="{left + 220}" y="{ly}" width="24" height="12" '
                 f'fill="url(#hatch-heat)" stroke="#d4d9df"/><text x="{left + 250}" '
                 f'y="{ly + 10}" font-size="11">&lt; {beeld.k} / x</text>')
    parts.append("</svg>")
    return "".join(parts)


_STATUS_COLORS = {"aanbevolen": "#2e7d32", "te_overwegen": "#9e9d24",
                  "onvoldoende_gegevens": "#ef6c00", "juridisch_niet_mogelijk": "#c62828",
                  "niet_beschikbaar": "#757575"}


def bars_svg(inst: InstrumentPicture, w: _Words, index: int) -> str:
    statuses = [s for s in STATUSES if s != NOT_SUGGESTED]
    shown = [c for s in statuses if not isinstance(c := inst.statuses[s], Hidden)]
    most = max([*shown, 1])
    left, bar_w, row_h = 170, 150, 22
    width, height = left + bar_w + 50, row_h * len(statuses) + 6
    pid = f"hatch-bar-{index}"
    parts = [f'<svg class="bars" role="img" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f"<title>{_e(w.t('beeld.bars_label', name=w.instrument(inst.id)))}</title>",
             _hatch(pid)]
    for i, s in enumerate(statuses):
        y = 3 + i * row_h
        cell = inst.statuses[s]
        parts.append(f'<text x="{left - 6}" y="{y + 14}" font-size="12" text-anchor="end">'
                     f'{_e(w.status(s))}</text>')
        if isinstance(cell, Hidden):
            parts.append(f'<rect class="bar hidden" x="{left}" y="{y + 3}" width="18" '
                         f'height="{row_h - 8}" fill="url(#{pid})" stroke="#9aa3ad"/>'
                         f'<text x="{left + 24}" y="{y + 14}" font-size="12">'
                         f'{_e(cell_text(cell))}</text>')
            continue
        length = bar_w * cell / most
        parts.append(f'<rect class="bar" x="{left}" y="{y + 3}" width="{length:.1f}" '
                     f'height="{row_h - 8}" fill="{_STATUS_COLORS[s]}"/>'
                     f'<text x="{left + length + 6:.1f}" y="{y + 14}" font-size="12">'
                     f'{cell}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _td(cell: Cell | str, cls: str = "") -> str:
    if isinstance(cell, Hidden):
        return f'<td class="hidden">{_e(cell_text(cell))}</td>'
    return f'<td{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>{_e(cell)}</td>'


def _html_table(head: Sequence[str], rows: Sequence[Sequence[Cell | str]],
                classes: Sequence[str] = (), text_cols: int = 1) -> str:
    out = ["<table><thead><tr>"]
    out += [f'<th{" class=text" if i < text_cols else ""}>{_e(h)}</th>'
            for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    for i, row in enumerate(rows):
        cls = classes[i] if i < len(classes) else ""
        out.append(f'<tr class="{cls}">' if cls else "<tr>")
        out += [_td(c, "text" if j < text_cols else "") for j, c in enumerate(row)]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _html(beeld: Beeld, w: _Words) -> str:
    body: list[str] = []
    add = body.append
    add(f"<header><h1>{_e(w.t('beeld.title'))}</h1>")
    subtitle = w.t("beeld.subtitle", n=cell_text(beeld.profiles), m=len(beeld.municipalities),
                   dates=w.dates(beeld))
    model = w.t("beeld.model", model=beeld.model, version=beeld.model_version)
    add(f"<p>{_e(subtitle)}<br><span class=muted>{_e(model)}</span></p>")
    add(f'<div class="rule"><strong>{_e(w.t("beeld.rule_title"))}.</strong> '
        f'{_e(w.t("beeld.rule", k=beeld.k))}<br>'
        f'{_e(w.t("beeld.ids_note") if beeld.ids else w.t("beeld.ids_left_out"))}</div>')
    if beeld.rejected:
        add(f"<p><strong>{_e(w.t('beeld.rejected', n=len(beeld.rejected)))}</strong></p><ul>")
        add("".join(f"<li>{_e(p.source)} ({_e(', '.join(p.codes))})</li>"
                    for p in beeld.rejected) + "</ul>")
    else:
        add(f"<p class=muted>{_e(w.t('beeld.rejected_none'))}</p>")
    add("</header>")
    sections = [("heatmap", w.t("beeld.heatmap")), ("niveaus", w.t("beeld.levels")),
                ("instrumenten", w.t("beeld.instruments")),
                ("uitzoeken", w.t("beeld.missing")), ("verandering", w.t("beeld.change")),
                ("waterbed", w.t("beeld.waterbed"))]
    add(f"<nav><strong>{_e(w.t('beeld.contents'))}</strong><ol>"
        + "".join(f'<li><a href="#{a}">{_e(title)}</a></li>' for a, title in sections)
        + "</ol></nav>")
    # heat map
    add(f'<section id="heatmap"><h2>{_e(w.t("beeld.heatmap"))}</h2>'
        f'<figure>{heatmap_svg(beeld, w)}<figcaption>{_e(w.t("beeld.heatmap_note"))}'
        "</figcaption></figure></section>")
    # levels
    add(f'<section id="niveaus"><h2>{_e(w.t("beeld.levels"))}</h2>'
        f'<p class="note">{_e(w.t("beeld.levels_note"))}</p>')
    for ph in beeld.phenomena:
        rows = _rows(ph)
        head = [w.t("beeld.area"), w.t("beeld.total"),
                *(w.level(ph.id, lv) for lv in ph.levels), w.t("beeld.top")]
        add(f"<h3>{_e(w.phenomenon(ph.id))}</h3>")
        add(_html_table(head, [[w.area(r), r.total, *_level_cells(r, ph.levels), r.top]
                               for r in rows],
                        classes=["region" if r.municipality is None else
                                 "district" if r.district is not None else "" for r in rows]))
    add("</section>")
    # instruments
    add(f'<section id="instrumenten"><h2>{_e(w.t("beeld.instruments"))}</h2>'
        f'<p class="note">{_e(w.t("beeld.instruments_note"))}</p>')
    shown = [i for i in beeld.instruments if _on_table(i)]
    if not shown:
        add(f"<p>{_e(w.t('beeld.no_instruments'))}</p>")
    add('<div class="instruments">')
    for n, inst in enumerate(shown):
        add(f'<div class="instrument"><h3>{_e(w.instrument(inst.id))}</h3>'
            f"<figure>{bars_svg(inst, w, n)}</figure>")
        add(f"<p class=muted>{_e(w.status(NOT_SUGGESTED))}: "
            f"{_e(cell_text(inst.statuses[NOT_SUGGESTED]))}</p>")
        for title, gates in ((w.t("beeld.blocking"), inst.blocking),
                             (w.t("beeld.undecided"), inst.undecided)):
            if gates:
                add(_html_table([title, w.t("beeld.count")],
                                [[w.gate(inst.id, g.id), g.count] for g in gates]))
        add("</div>")
    add("</div></section>")
    # missing facts
    add(f'<section id="uitzoeken"><h2>{_e(w.t("beeld.missing"))}</h2>'
        f'<p class="note">{_e(w.t("beeld.missing_note"))}</p>')
    if beeld.missing_facts:
        add(_html_table([w.t("beeld.fact"), w.t("beeld.question"), w.t("beeld.count")],
                        [[*w.fact(f.id), f.profiles] for f in beeld.missing_facts],
                        text_cols=2))
    else:
        add(f"<p>{_e(w.t('beeld.no_missing'))}</p>")
    add("</section>")
    # change
    add(f'<section id="verandering"><h2>{_e(w.t("beeld.change"))}</h2>')
    ch = beeld.change
    if ch is None:
        add(f"<p>{_e(w.t('beeld.no_change'))}</p>")
    else:
        add(f"<p class=note>{_e(w.t(f'beeld.change_{ch.basis}', n=cell_text(ch.profiles)))}"
            "</p>")
        rows2: list[list[Cell | str]] = []
        for r in ch.rows:
            levels = [lv.id for lv in w.rules.phenomena[r.phenomenon].levels]
            rows2.append([r.municipality, w.phenomenon(r.phenomenon), r.total,
                          " · ".join(f"{lv} {cell_text(r.then[lv])}" for lv in levels),
                          " · ".join(f"{lv} {cell_text(r.now[lv])}" for lv in levels),
                          r.up, r.down, r.same])
        add(_html_table([w.t("beeld.municipality"), w.t("beeld.phenomenon"),
                         w.t("beeld.total"), w.t("beeld.then"), w.t("beeld.now"),
                         w.t("beeld.up"), w.t("beeld.down"), w.t("beeld.same")], rows2,
                        text_cols=2))
        if ch.moves:
            add(f"<h3>{_e(w.t('beeld.moves'))}</h3>")
            add(_html_table(
                [w.t("beeld.profile"), w.t("beeld.municipality"), w.t("beeld.phenomenon"),
                 w.t("beeld.then"), w.t("beeld.now")],
                [[mv.id, mv.municipality, w.phenomenon(mv.phenomenon),
                  f"{mv.before} ({mv.then_date})", f"{mv.after} ({mv.now_date})"]
                 for mv in ch.moves], text_cols=5))
    add("</section>")
    # waterbed
    add(f'<section id="waterbed"><h2>{_e(w.t("beeld.waterbed"))}</h2>')

    def table(head: list[str], rows: list[list[object]]) -> list[str]:
        return [_html_table(head, [[c if isinstance(c, Hidden) else str(c) for c in row]
                                   for row in rows], text_cols=7)]

    for item in _waterbed_lines(beeld, w, table):
        if item.startswith("<table"):
            add(item)
        elif item:
            add(f"<p class=note>{_e(item)}</p>")
    add("</section>")
    lang = _e(w.lang)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(w.t('beeld.title'))}</title><style>{CSS}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
