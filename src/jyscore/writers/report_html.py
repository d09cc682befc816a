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

This module writes the page and its sections about the year; :mod:`.report_college` writes a
college's section and :mod:`.report_parts` holds the style sheet, the escaping and the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from jyscore.core.comparison import CollegeChange, Comparison
from jyscore.core.losses import LossTable, loss_table, median_primary_shares
from jyscore.core.models import Rubric
from jyscore.core.numbers import format_fraction
from jyscore.core.ranking import RankedRow
from jyscore.core.run import RankOutcome
from jyscore.core.version import __version__
from jyscore.i18n.catalogue import current_language
from jyscore.i18n.messages import counted, hint, phrase
from jyscore.writers import report_charts as charts
from jyscore.writers.rank_common import cell_text, rank_columns
from jyscore.writers.report_college import CollegeSection
from jyscore.writers.report_parts import (
    CSP,
    STYLE,
    anchor,
    change_class,
    num,
    percent,
    problem_text,
    signed,
    table,
    text,
)


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
        self.sections = CollegeSection(self.rubric, self.column, self.medians, self.comparison,
                                       self.changes)

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
                    colleges=phrase(counted("count-colleges", len(self.rows)),
                                    count=len(self.rows)),
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
        sheets = phrase(counted("count-sheets", count), count=count)
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
        return self.sections.render(index, row)


def render_report(data: ReportInput) -> str:
    return ReportWriter(data).page()
