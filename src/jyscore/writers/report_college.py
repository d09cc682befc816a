"""The HTML report's section of one college (a page of its own when printed): its totals and
change since the previous year, what its vetoes and the grade quota did, its panel, its primary
indicators against the median college, where it lost points (with the assessors' notes) and its
bonus."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from jyscore.core import rules
from jyscore.core.comparison import CollegeChange, Comparison
from jyscore.core.engine import BonusRow, Result, Totals
from jyscore.core.losses import lost_items, primary_shares
from jyscore.core.models import Node, Rubric
from jyscore.core.numbers import format_fraction
from jyscore.core.panels import PanelSummary
from jyscore.core.ranking import RankedRow
from jyscore.i18n.messages import hint
from jyscore.writers import report_charts as charts
from jyscore.writers.rank_common import quota_note
from jyscore.writers.report_parts import anchor, num, percent, signed, table, text


class CollegeSection:
    """Writes a college's section; ``medians`` are the median college's primary shares,
    ``changes`` each college's change since the ``comparison``'s previous year."""

    def __init__(
        self, rubric: Rubric, column: str, medians: Mapping[str, Fraction],
        comparison: Comparison | None = None,
        changes: Mapping[str, CollegeChange] | None = None,
    ) -> None:
        self.rubric = rubric
        self.labels = rubric.labels
        self.column = column
        self.medians = medians
        self.comparison = comparison
        self.changes = changes or {}

    def render(self, index: int, row: RankedRow) -> str:
        result = row.result
        parts = [f'<section class=college id="{anchor(index)}">'
                 f"<h2>{text(hint('report-college', rank=row.rank, college=row.college))}</h2>"]
        parts.append("<dl class=totals>" + "".join(
            f"<dt>{text(k)}</dt><dd>{text(v)}</dd>" for k, v in self.facts(row)) + "</dl>")
        parts.extend(f"<p class=verdict>{text(sentence)}</p>" for sentence in self.verdicts(row))
        parts.append(self.panel(row))
        parts.append(self.primary(row))
        if result is not None:
            parts.append(self.lost(result, row))
            parts.append(self.bonus(result, row))
        parts.append("</section>")
        return "".join(parts)

    def facts(self, row: RankedRow) -> list[tuple[str, str]]:
        """Rank, base, bonus, the adjustments, total, the change since the previous year and
        the grade."""
        labels = self.labels
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
        return facts

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

    def primary(self, row: RankedRow) -> str:
        """The primary indicators' shares of their points, against the median college's: a
        chart beside a table."""
        labels = self.labels
        shares = primary_shares(row, self.rubric)
        svg = charts.render_svg(charts.primary_spec(self.rubric, shares, self.medians))
        return (
            f'<h3>{text(hint("report-primary"))}</h3>'
            f"<div class=primary><div class=chart>{svg}</div>"
            + table(
                [(labels.id, False), (labels.name, False), (labels.points, True),
                 (self.column_label(), True), (hint("report-share"), True),
                 (hint("report-chart-median"), True)],
                [[(text(n.id), ""), (text(n.name), ""), (num(n.points), "num"),
                  (num(row.primary.get(n.id)), "num"), (percent(shares[n.id]), "num"),
                  (percent(self.medians[n.id]), "num")] for n in self.rubric.indicators],
            )
            + "</div>"
        )

    def column_label(self) -> str:
        return self.labels.self_ if self.column == "self" else self.labels.assessed

    def lost(self, result: Result, row: RankedRow) -> str:
        """The items where the college lost points, with the notes on them; a panel's caption
        says when its rounded aggregates do not add up to the points lost."""
        panel = row.standing.panel
        found = lost_items(result, self.column, whole_items=panel is not None)
        title = f'<h3>{text(hint("report-lost"))}</h3>'
        if not found:
            return title + f"<p>{text(hint('report-lost-none'))}</p>"
        labels = self.labels
        notes = _assessor_notes(panel, [node for node, *_ in found]) if panel is not None else {}
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


def _assessor_notes(panel: PanelSummary, items: list[Node]) -> dict[str, list[str]]:
    """Each assessor's note on an item or on one of its parts, named, by the item's id."""
    notes: dict[str, list[str]] = {}
    within = {node.id: {node.id, *(p.id for p in node.parts)} for node in items}
    for node_id, assessor, note in panel.notes:
        for item_id, ids in within.items():
            if node_id in ids:
                notes.setdefault(item_id, []).append(
                    hint("report-assessor-note", assessor=assessor, note=note)
                    if node_id == item_id else
                    hint("report-assessor-part-note", assessor=assessor, part=node_id,
                         note=note))
    return notes
