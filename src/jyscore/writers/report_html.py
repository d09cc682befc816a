"""The HTML report: one self-contained page (styles, charts and font fallbacks inside).

Everything that comes from a sheet or a rubric (college names, item names, notes, file names) is
escaped with :func:`html.escape` — text and attribute values alike — and the page carries a
Content-Security-Policy of ``default-src 'none'`` that allows only its own inline styles: no
script runs, nothing is fetched, whatever a note says. Links are the page's own anchors
(``#college-3``), never built from input. Numbers are the exact published figures
(:func:`~jyscore.core.numbers.format_decimal`); shares of a cap are percentages rounded to one
place.

The page: title and method, the sheets left out, the ranking (with the change since the
previous year), the chart of totals, the items where colleges lose most and the heat map, the
year-over-year section, then a section per college (a page of its own when printed). On screen
the browser lays out a college's section only when it is scrolled to (``content-visibility``),
so that a report of a thousand colleges opens in seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from html import escape

from jyscore.core import rules
from jyscore.core.comparison import CollegeChange, Comparison
from jyscore.core.engine import BonusRow, Result, Totals
from jyscore.core.losses import (
    LossTable,
    loss_table,
    lost_items,
    median_primary_shares,
    primary_shares,
)
from jyscore.core.models import Rubric
from jyscore.core.numbers import format_decimal, format_fraction
from jyscore.core.problems import Problem
from jyscore.core.ranking import RankedRow
from jyscore.core.run import RankOutcome
from jyscore.core.version import __version__
from jyscore.i18n.catalogue import current_language
from jyscore.i18n.messages import hint, phrase
from jyscore.writers import report_charts as charts
from jyscore.writers.rank_common import cell_text, quota_note, rank_columns

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


@dataclass(frozen=True)
class ReportInput:
    """What the page shows: this year's ranking (with every college's item table) and, with
    ``--previous``, the comparison with the previous year."""

    outcome: RankOutcome
    comparison: Comparison | None = None


class ReportWriter:
    def __init__(self, data: ReportInput) -> None:
        self.outcome = data.outcome
        self.comparison = data.comparison
        self.rubric: Rubric = data.outcome.rubric
        self.labels = self.rubric.labels
        self.column = data.outcome.ranking.column
        self.rows = data.outcome.ranking.rows
        self.losses: LossTable = loss_table(data.outcome.ranking, self.rubric)
        self.medians = median_primary_shares(data.outcome.ranking, self.rubric)
        self.changes = {c.college: c for c in data.comparison.colleges} if data.comparison else {}
        self.indicator_ids = {node.id for node in self.rubric.indicators}

    # -- the whole page ----------------------------------------------------------------------
    def page(self) -> str:
        title = hint("report-title", rubric=self.rubric.name, year=self.outcome.year)
        body = [
            self.header(title), self.contents(), self.skipped(), self.ranking(), self.totals(),
            self.losses_section(), self.previous(),
            *(self.college(index, row) for index, row in enumerate(self.rows, start=1)),
        ]
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{"zh-CN" if current_language() == "zh" else "en"}">'
            '<head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="jyscore {text(__version__)}">'
            f"<title>{text(title)}</title><style>{STYLE}</style></head>\n<body>\n"
            + "\n".join(part for part in body if part)
            + "\n</body></html>\n"
        )

    def header(self, title: str) -> str:
        column = self.labels.self_ if self.column == "self" else self.labels.assessed
        meta = hint("report-meta", rubric=self.rubric.name, rubric_id=self.rubric.id,
                    year=self.outcome.year, column=column,
                    colleges=phrase("count-colleges-one" if len(self.rows) == 1
                                    else "count-colleges", count=len(self.rows)),
                    version=__version__)
        return f"<header><h1>{text(title)}</h1><p class=meta>{text(meta)}</p></header>"

    def contents(self) -> str:
        links = "".join(
            f'<li><a href="#{anchor(i)}">{text(row.college)}</a></li>'
            for i, row in enumerate(self.rows, start=1)
        )
        return f"<nav><h2>{text(hint('report-contents'))}</h2><ol>{links}</ol></nav>"

    def skipped(self) -> str:
        if not self.outcome.skipped:
            return ""
        items = []
        for skipped in self.outcome.skipped:
            problems = "".join(f"<li>{text(problem_text(p))}</li>" for p in skipped.errors)
            items.append(f"<li><code>{text(skipped.path)}</code><ul>{problems}</ul></li>")
        count = len(self.outcome.skipped)
        sheets = phrase("count-sheets-one" if count == 1 else "count-sheets", count=count)
        return (f'<section class=skipped id=skipped><h3>{text(hint("report-skipped-title"))}</h3>'
                f'<p>{text(hint("report-skipped", sheets=sheets))}</p>'
                f"<ul>{''.join(items)}</ul></section>")

    # -- the ranking ---------------------------------------------------------------------------
    def ranking(self) -> str:
        columns = rank_columns(self.outcome, show_self=False)  # the columns `rank` prints
        head: list[tuple[str, bool]] = [
            (f"{c.key} {c.header}" if c.key in self.indicator_ids else c.header, c.numeric)
            for c in columns
        ]
        if self.comparison:
            head.extend([(hint("report-delta-total"), True), (hint("report-delta-rank"), True)])
        rows = []
        for index, row in enumerate(self.rows, start=1):
            cells = []
            for column in columns:
                shown = text(cell_text(column.value(row)))
                if column.key == "college":
                    cells.append((f'<a href="#{anchor(index)}">{shown}</a>', "college"))
                else:
                    cells.append((shown, "num" if column.numeric else ""))
            if self.comparison:
                cells.extend(self.change_cells(self.changes.get(row.college)))
            rows.append(cells)
        return (f'<section id=ranking><h2>{text(hint("report-ranking"))}</h2>'
                f"{table(head, rows, self.outcome.tie_policy, css='ranking')}</section>")

    @staticmethod
    def change_cells(change: CollegeChange | None) -> list[tuple[str, str]]:
        if change is None or change.delta is None:
            return [(text(hint("report-new-college")), "num"), ("—", "num")]
        moved = change.rank_change
        return [(text(signed(change.delta)), change_class(change.delta)),
                (text(signed(moved)), change_class(moved))]

    def totals(self) -> str:
        svg = charts.render_svg(charts.totals_spec(self.outcome.ranking, self.labels.total,
                                                   self.labels.college))
        return (f'<section id=totals><h2>{text(hint("report-totals"))}</h2>'
                f"<div class=chart>{svg}</div></section>")

    # -- where colleges lose points ------------------------------------------------------------
    def losses_section(self) -> str:
        count = len(self.rows)
        worst = self.losses.worst_first()
        head = [(self.labels.id, False), (self.labels.name, False), (self.labels.points, True),
                (hint("report-mean-lost"), True), (hint("report-share-lost"), True),
                (hint("report-colleges-losing"), True), (hint("report-total-lost"), True)]
        rows = [
            [(text(item.item.id), ""), (text(item.item.name), ""), (num(item.cap), "num"),
             (format_fraction(item.mean_lost, 2), "num"), (percent(item.mean_share_lost), "num"),
             (text(hint("report-of", part=item.colleges_losing, whole=count)), "num"),
             (num(item.total_lost), "num")]
            for item in worst
        ]
        labels = {"college": self.labels.college, "item": self.labels.name,
                  "share": hint("report-share-lost")}
        svg = charts.render_svg(charts.heatmap_spec(self.losses, labels))
        none = "" if worst else f"<p>{text(hint('report-nothing-lost'))}</p>"
        return (
            f'<section id=losses><h2>{text(hint("report-losses"))}</h2>'
            f'<p class=note>{text(hint("report-losses-note"))}</p>{none}'
            f'{table(head, rows, hint("report-losses-caption")) if worst else ""}'
            f'<h3>{text(hint("report-heatmap"))}</h3>'
            f'<p class=note>{text(hint("report-heatmap-note"))}</p>'
            f"<div class=chart>{svg}</div></section>"
        )

    # -- the previous year ---------------------------------------------------------------------
    def previous(self) -> str:
        comparison = self.comparison
        if comparison is None:
            return ""
        old, new = comparison.before, comparison.after
        changed = [i for i in comparison.items if not i.same_cap]
        title = hint("report-previous", old=old.year, new=new.year)
        parts = [f"<section id=previous><h2>{text(title)}</h2>"]
        if old.rubric.id != new.rubric.id or comparison.unmatched or changed:
            note = hint("compare-rubrics", old=old.rubric.id, new=new.rubric.id)
            parts.append(f"<p class=note>{text(note)}</p>")
        svg = charts.render_svg(charts.change_spec(comparison, hint("report-delta-total")))
        parts.append(f"<div class=chart>{svg}</div>")
        parts.append(self.changes_table(comparison))
        labels = self.labels
        if changed:
            parts.append(f'<h3>{text(hint("report-caps-changed"))}</h3>')
            head = [(labels.id, False), (labels.name, False),
                    (hint("compare-cap", year=old.year), True),
                    (hint("compare-cap", year=new.year), True),
                    (hint("compare-share-lost", year=old.year), True),
                    (hint("compare-share-lost", year=new.year), True)]
            parts.append(table(head, [
                [(text(i.id), ""), (text(i.name), ""), (num(i.before_cap), "num"),
                 (num(i.after_cap), "num"), (percent(i.mean_share_before), "num"),
                 (percent(i.mean_share_after), "num")] for i in changed
            ]))
        if comparison.unmatched:
            parts.append(f'<h3>{text(hint("compare-unmatched-title"))}</h3>')
            head = [(labels.id, False), (labels.name, False), (labels.points, True),
                    (hint("compare-only-in"), True)]
            parts.append(table(head, [
                [(text(u.id), ""), (text(u.name), ""), (num(u.cap), "num"),
                 (num(old.year if u.side == "from" else new.year), "num")]
                for u in comparison.unmatched
            ]))
        parts.append("</section>")
        return "".join(parts)

    def changes_table(self, comparison: Comparison) -> str:
        old, new = comparison.before.year, comparison.after.year
        head = [(self.labels.college, False),
                (hint("compare-total", year=old), True), (hint("compare-rank", year=old), True),
                (hint("compare-total", year=new), True), (hint("compare-rank", year=new), True),
                (hint("report-delta-total"), True), (hint("report-delta-rank"), True)]
        rows = []
        for change in comparison.colleges:
            was, now, delta, moved = change.before, change.after, change.delta, change.rank_change
            rows.append([
                (text(change.college), ""),
                (num(was.total) if was else "—", "num"), (num(was.rank) if was else "—", "num"),
                (num(now.total) if now else "—", "num"), (num(now.rank) if now else "—", "num"),
                (text(signed(delta)), change_class(delta)),
                (text(signed(moved)), change_class(moved)),
            ])
        return table(head, rows)

    # -- one college ---------------------------------------------------------------------------
    def college(self, index: int, row: RankedRow) -> str:
        labels = self.labels
        result = row.result
        parts = [f'<section class=college id="{anchor(index)}">'
                 f"<h2>{text(hint('report-college', rank=row.rank, college=row.college))}</h2>"]
        facts = [(labels.rank, num(row.rank)), (labels.base, num(row.base)),
                 (labels.bonus, num(row.bonus)), (labels.total, num(row.total))]
        change = self.changes.get(row.college)
        if self.comparison and change and change.before:
            previous_total = hint("compare-total", year=self.comparison.before.year)
            facts.extend([
                (previous_total, num(change.before.total)),
                (hint("report-delta-total"), signed(change.delta)),
                (hint("report-delta-rank"), signed(change.rank_change)),
            ])
        facts[3:3] = self.adjustment_facts(row)
        if row.grade is not None:
            facts.append((labels.grade, row.grade))
        parts.append("<dl class=totals>" + "".join(
            f"<dt>{text(k)}</dt><dd>{text(v)}</dd>" for k, v in facts) + "</dl>")
        parts.extend(f"<p class=verdict>{text(sentence)}</p>" for sentence in self.verdicts(row))
        parts.append(self.panel(row))
        shares = primary_shares(row, self.rubric)
        parts.append(f'<h3>{text(hint("report-primary"))}</h3>')
        svg = charts.render_svg(charts.primary_spec(self.rubric, shares, self.medians))
        parts.append(f"<div class=primary><div class=chart>{svg}</div>")
        parts.append(table(
            [(labels.id, False), (labels.name, False), (labels.points, True),
             (self.column_label(), True), (hint("report-share"), True),
             (hint("report-chart-median"), True)],
            [[(text(n.id), ""), (text(n.name), ""), (num(n.points), "num"),
              (num(row.primary.get(n.id)), "num"), (percent(shares[n.id]), "num"),
              (percent(self.medians[n.id]), "num")] for n in self.rubric.indicators],
        ) + "</div>")
        if result is not None:
            parts.append(self.lost(result, row))
            parts.append(self.bonus(result, row))
        parts.append("</section>")
        return "".join(parts)

    def adjustment_facts(self, row: RankedRow) -> list[tuple[str, str]]:
        """Each adjustment the sheet enters, by name, with its signed amount (and its note)."""
        totals: Totals | None = row.totals
        if totals is None or not self.rubric.adjustments:
            return []
        facts = [(f"{a.adjustment.id} {a.adjustment.name}", signed(a.signed)
                  + (f" ({a.note})" if a.note else "")) for a in totals.adjustments]
        if not facts:
            facts.append((self.labels.adjustments, num(Decimal(0))))
        return facts

    def verdicts(self, row: RankedRow) -> list[str]:
        """What each reported veto set, and why a quota moved the grade down."""
        sentences = []
        for veto in row.vetoes:
            names = {"id": veto.id, "veto_name": veto.name}
            if veto.total is not None and veto.grade is not None:
                sentences.append(hint("explain-veto-total-grade", total=num(veto.total),
                                      grade=veto.grade, **names))
            elif veto.total is not None:
                sentences.append(hint("explain-veto-total", total=num(veto.total), **names))
            elif veto.grade is not None:
                sentences.append(hint("explain-veto-grade", grade=veto.grade, **names))
            else:
                sentences.append(hint("explain-veto-reported", **names))
        note = quota_note(row)
        if note:
            sentences.append(note)
        return sentences

    def panel(self, row: RankedRow) -> str:
        """A panel's assessors with each one's total, and the spread between them."""
        panel = row.standing.panel
        if panel is None:
            return ""
        rows = [[(text(name), ""), (num(total), "num")]
                for name, total in zip(panel.assessors, panel.totals, strict=False)]
        caption = hint("report-panel-spread", spread=num(panel.spread))
        return (f'<h3>{text(hint("report-panel"))}</h3>'
                + table([(hint("report-panel-assessor"), False), (self.labels.total, True)],
                        rows, caption))

    def column_label(self) -> str:
        return self.labels.self_ if self.column == "self" else self.labels.assessed

    def lost(self, result: Result, row: RankedRow) -> str:
        panel = row.standing.panel
        found = lost_items(result, self.column, whole_items=panel is not None)
        title = f'<h3>{text(hint("report-lost"))}</h3>'
        if not found:
            return title + f"<p>{text(hint('report-lost-none'))}</p>"
        labels = self.labels
        notes: dict[str, list[str]] = {}
        if panel is not None:  # each assessor's note on the item or on one of its parts, named
            within = {node.id: {node.id, *(p.id for p in node.parts)} for node, *_ in found}
            for node_id, assessor, note in panel.notes:
                for item_id, ids in within.items():
                    if node_id in ids:
                        notes.setdefault(item_id, []).append(
                            hint("report-assessor-note", assessor=assessor, note=note)
                            if node_id == item_id else
                            hint("report-assessor-part-note", assessor=assessor, part=node_id,
                                 note=note))
        rows = [
            [(text(node.id), ""), (text(node.name), ""), (num(node.points), "num"),
             (num(value), "num"), (num(lost), "num"),
             ("<br>".join(text(n) for n in notes.get(node.id, [])) if panel is not None
              else text(note or ""), "")]
            for node, value, lost, note in found
        ]
        total = sum((lost for _, _, lost, _ in found), Decimal(0))
        head = [(labels.id, False), (labels.name, False), (labels.points, True),
                (self.column_label(), True), (hint("report-lost-points"), True),
                (labels.note, False)]
        caption = hint("report-lost-total", lost=num(total))
        full = sum((node.points or Decimal(0) for node in self.rubric.indicators), Decimal(0))
        if panel is not None and total != full - row.base:  # aggregates rounded one by one
            caption = hint("sentences", first=caption, second=hint(
                "report-lost-rounded", full=num(full), base=num(row.base),
                difference=num(full - row.base)))
        return title + table(head, rows, caption)

    def bonus(self, result: Result, row: RankedRow) -> str:
        if not self.rubric.bonus:
            return ""
        labels = self.labels
        rows = []
        for bonus_row in result.bonus_rows:
            if bonus_row.node.children:
                continue
            rows.append([
                (text(bonus_row.node.id), ""), (text(bonus_row.node.name), ""),
                (text(self.inputs(bonus_row)), ""), (text(self.rule(bonus_row)), ""),
                (num(bonus_row.scores.get(self.column)), "num"), (text(bonus_row.note or ""), ""),
            ])
        head = [(labels.id, False), (labels.name, False), (hint("report-bonus-inputs"), False),
                (hint("report-bonus-rule"), False), (labels.bonus, True), (labels.note, False)]
        caption = hint("report-bonus-total", bonus=labels.bonus, points=num(row.bonus))
        return f'<h3>{text(hint("report-bonus"))}</h3>' + table(head, rows, caption)

    def inputs(self, row: BonusRow) -> str:
        if row.entry is None:
            return hint("report-bonus-none")
        given = row.entry.values(self.column)
        shown = [f"{spec.shown(self.labels)} {num(given[spec.name])}"
                 for spec in rules.input_specs(row.node) if spec.name in given]
        rate = row.rate
        if rate is not None and "rate" not in given:
            shown.append(f"{self.labels.rate} {format_fraction(rate, 2)}%")
        manual = row.entry.column(self.column)
        if manual is not None:
            shown.append(f"{self.column_label()} {num(manual)}")
        return hint("list-separator").join(shown)

    def rule(self, row: BonusRow) -> str:
        return rules.describe(row.node, self.labels)


def render_report(data: ReportInput) -> str:
    return ReportWriter(data).page()
