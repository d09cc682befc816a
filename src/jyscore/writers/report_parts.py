"""The HTML report's building blocks: the page's style sheet and security policy, escaped text,
numbers and changes as the report shows them, and tables of escaped cells.

Everything that comes from a sheet or a rubric goes through :func:`text` (:func:`html.escape`,
quotes included) before it is put in the page; :func:`table` takes cells that are already HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from html import escape

from jyscore.core.numbers import format_decimal, format_fraction
from jyscore.core.problems import Problem

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
         '"Microsoft YaHei", "WenQuanYi Micro Hei", SimHei, "Noto Sans", Arial, sans-serif')

# %-formatting, not an f-string: the CSS is full of braces
STYLE = """
:root { color-scheme: light; }
body { font-family: %(fonts)s; color: #1d2330; margin: 0 auto; max-width: 1100px;
       padding: 24px; line-height: 1.5; }
h1 { font-size: 1.6em; margin: 0 0 .3em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #2f6db3; padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 1.4em 0 .4em; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: .9em; }
th, td { border: 1px solid #ccd3dd; padding: 3px 7px; vertical-align: top; }
th { background: #eef2f7; text-align: left; word-break: keep-all; }
td.college { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { caption-side: bottom; text-align: left; color: #555; font-size: .85em; padding-top: 4px; }
.meta, .note { color: #555; font-size: .9em; }
.chart { overflow-x: auto; margin: .5em 0 1em; }
.chart svg { max-width: none; height: auto; }
.chart svg text { font-family: %(fonts)s; }
section.college { content-visibility: auto; contain-intrinsic-size: auto 1400px; }
.up { color: #1e7b45; } .down { color: #b03a2e; }
.skipped { background: #fff4e5; border: 1px solid #f0c36d; padding: 8px 12px; }
dl.totals { display: grid; grid-template-columns: max-content max-content; gap: 2px 16px; }
dl.totals dt { color: #555; } dl.totals dd { margin: 0; text-align: right;
  font-variant-numeric: tabular-nums; }
nav ol { columns: 4; font-size: .9em; }
a { color: #2f6db3; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section.college { break-before: page; content-visibility: visible; }
  .chart { overflow: visible; }
  .chart svg { max-width: 100%%; height: auto; }
  /* a college's section fits about one page: its chart beside its table */
  div.primary { display: flex; gap: 12px; align-items: flex-start; }
  div.primary .chart { flex: 0 0 46%%; margin: 0; }
  div.primary .chart svg { width: 100%%; }
  section.college table { font-size: .85em; margin: .3em 0 .6em; }
  section.college th, section.college td { padding: 1px 5px; }
  dl.totals { grid-template-columns: repeat(4, max-content max-content); }
  section.college h3 { margin: .8em 0 .3em; }
  table.ranking { font-size: 7.5pt; }
  table.ranking th, table.ranking td { padding: 2px 4px; }
  /* rows and charts stay whole; a table may go on over a page, never pushed whole to the next */
  tr, .chart svg, dl.totals { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
""" % {"fonts": FONTS}  # noqa: UP031


def text(value: object) -> str:
    """Escaped text for an element's content or a quoted attribute value."""
    return escape(str(value), quote=True)


def num(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return format_decimal(value) if isinstance(value, Decimal) else str(value)


def percent(value: Fraction) -> str:
    return f"{format_fraction(value * 100, 1)}%"


def signed(value: Decimal | int | None) -> str:
    if value is None:
        return "—"
    shown = num(value)
    return shown if value <= 0 else f"+{shown}"


def change_class(value: Decimal | int | None) -> str:
    if value is None or value == 0:
        return "num"
    return "num up" if value > 0 else "num down"


def problem_text(problem: Problem) -> str:
    """``12:5 JY101 [1.1 领导重视] assessed 9 is over the cap …``: where, which code, what."""
    where = problem.cell or (f"{problem.line}:{problem.column or 1}" if problem.line else "")
    item = ""
    if problem.item_id:
        name = f" {problem.item_name}" if problem.item_name else ""
        item = f"[{problem.item_id}{name}]"
    return " ".join(part for part in (where, problem.code, item, problem.message) if part)


def anchor(index: int) -> str:
    return f"college-{index}"


def table(head: Sequence[tuple[str, bool]], rows: Iterable[Sequence[tuple[str, str]]],
          caption: str = "", css: str = "") -> str:
    """A table from escaped HTML cells: ``head`` is (text, numeric), a cell (html, class)."""
    parts = [f"<table class={css}>" if css else "<table>"]
    if caption:
        parts.append(f"<caption>{text(caption)}</caption>")
    parts.append("<thead><tr>")
    parts.extend(f'<th{" class=num" if numeric else ""}>{text(h)}</th>' for h, numeric in head)
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>")
        parts.extend(f'<td class="{css}">{html}</td>' if css else f"<td>{html}</td>"
                     for html, css in row)
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)
