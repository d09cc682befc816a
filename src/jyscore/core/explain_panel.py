"""Why a panel's figures are what they are. Pure: data and sentences, no printing.

:func:`panel_work` explains one college's panel: for each figure (items, then base, bonus and
total) each assessor's value, which the method dropped, the exact aggregate (a fraction when it
does not terminate) and the half-up rounding to the published figure; for the total, the vetoes
and the grade as :mod:`jyscore.core.explain_totals` words them.

Every sentence is a hint of :mod:`jyscore.i18n.messages`; the numbers are the ones
:mod:`jyscore.core.panels` computed, not a second computation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from jyscore.core.explain_totals import (
    band_lines,
    grade_veto_line,
    listed,
    named_value,
    veto_line,
)
from jyscore.core.models import ASSESSED, Node, Rubric
from jyscore.core.numbers import format_decimal, round_half_up
from jyscore.core.panel_figures import Figure
from jyscore.core.panel_model import Panel
from jyscore.core.totals import grade_of
from jyscore.i18n.messages import hint

TRUNCATED_EXTRA_DIGITS = 4  # a non-terminating aggregate shows this many digits beyond places


def _d(value: Decimal) -> str:
    return format_decimal(value)


def exact_text(value: Fraction, places: int) -> str:
    """An exact aggregate: its decimal when it terminates, else the fraction with the first
    digits of its expansion (``539/6 = 89.8333…``)."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:
        return format_decimal(round_half_up(value, _terminating_places(value)))
    digits = places + TRUNCATED_EXTRA_DIGITS
    scaled = abs(value.numerator) * 10**digits // value.denominator  # truncated, exactly
    sign = "-" if value < 0 else ""
    shown = format_decimal(Decimal(f"{scaled}E-{digits}"))
    return f"{value.numerator}/{value.denominator} = {sign}{shown}…"


def _terminating_places(value: Fraction) -> int:
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    return places


def json_exact(value: Fraction) -> str:
    """The exact aggregate in JSON: ``"539/6"`` when it does not terminate, else its decimal."""
    text = exact_text(value, 0)
    return text.split(" = ")[0] if "/" in text else text


@dataclass(frozen=True)
class FigureWork:
    """How one figure of a panel (an item, a group or a total) was aggregated, in sentences."""
    key: str  # a node id, or "base", "bonus", "total"
    name: str
    figure: Figure | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PanelWork:
    """A panel's explanation: who assessed, then each figure's work."""
    panel: Panel
    lines: tuple[str, ...]  # the method, level and places in words
    figures: tuple[FigureWork, ...]

    def as_data(self) -> dict[str, Any]:
        settings = self.panel.settings
        return {
            "method": settings.method,
            "level": settings.level,
            "places": settings.places,
            "assessors": list(self.panel.assessors),
            "notes": list(self.lines),
            "figures": [
                {
                    "id": work.key,
                    "name": work.name,
                    "assessors": [] if work.figure is None else [
                        {"assessor": name, "value": _d(value), "kept": kept}
                        for name, value, kept in zip(self.panel.assessors, work.figure.values,
                                                     work.figure.kept, strict=False)
                    ],
                    "exact": None if work.figure is None else json_exact(work.figure.exact),
                    "published": None if work.figure is None else _d(work.figure.published),
                    "work": list(work.lines),
                }
                for work in self.figures
            ],
        }


def _summed_parts(panel: Panel, key: str) -> list[str] | None:
    """The figures a ``level: item`` figure is the exact sum of; None for an aggregated one."""
    if panel.settings.level != "item" or key == "adjustments":  # those are aggregated
        return None
    rubric = panel.result.rubric
    if key == "total":
        return ["base", "bonus"] + (["adjustments"] if "adjustments" in panel.figures else [])
    if key == "base":
        return [root.id for root in rubric.indicators]
    if key == "bonus":
        return [leaf.id for root in rubric.bonus for leaf, _ in root.walk()
                if not leaf.children and leaf.rule is not None]
    return _node_parts(rubric, rubric.nodes[key])


def _node_parts(rubric: Rubric, node: Node) -> list[str] | None:
    """What a node's ``level: item`` figure sums: a bonus group its ruled leaves, an indicator
    group its children; None for an item (aggregated)."""
    in_bonus = {n.id for root in rubric.bonus for n, _ in root.walk()}
    if node.id in in_bonus:
        return [leaf.id for leaf in node.leaves() if leaf.rule is not None] if (
            node.rule is None) else None
    return [child.id for child in node.children] if node.children else None


def _figure_lines(panel: Panel, key: str, found: Figure) -> list[str]:
    """Each assessor's value, how the figure was made of them (or of the figures it sums), and
    its rounding to the published figure."""
    values = [named_value(name, value)
              for name, value in zip(panel.assessors, found.values, strict=False)]
    lines = [hint("explain-panel-values", values=listed(values))]
    parts = _summed_parts(panel, key)
    if parts is not None:
        lines.append(_sum_of_parts_line(panel, parts, found))
    else:
        lines.extend(_aggregate_lines(panel, found))
    if key == "total" and panel.settings.level == "total":
        lines.extend(_member_adjusted_lines(panel))
    lines.append(_rounding_line(panel.settings.places, found))
    return lines


def _sum_of_parts_line(panel: Panel, parts: Sequence[str], found: Figure) -> str:
    """A ``level: item`` figure: the exact sum of the figures ``parts``."""
    places = panel.settings.places
    exact = exact_text(found.exact, places)
    if not parts:
        return hint("explain-panel-exact-one", exact=exact)
    if len(parts) == 1:
        return hint("explain-panel-sum-one", ids=parts[0], exact=exact)
    terms = _signed_sum(exact_text(panel.figures[p].exact, places).split(" = ")[0]
                        for p in parts if p in panel.figures)
    return hint("explain-panel-sum", ids=" + ".join(_totals_label(panel, p) or p for p in parts),
                terms=terms or "0", exact=exact)


def _totals_label(panel: Panel, key: str) -> str | None:
    """The rubric's label of a figure of the totals (基础分, 加分, …); None for a node's figure."""
    labels = panel.result.rubric.labels
    names = {"base": labels.base, "bonus": labels.bonus, "adjustments": labels.adjustments,
             "total": labels.total}
    return names.get(key)


def _signed_sum(terms: Iterable[str]) -> str:
    """``a + b − c``: a negative term is subtracted, as the single sheet's sums write it."""
    text = ""
    for term in terms:
        if not text:
            text = term
        elif term.startswith("-"):
            text += f" − {term[1:]}"
        else:
            text += f" + {term}"
    return text


def _aggregate_lines(panel: Panel, found: Figure) -> list[str]:
    """An aggregated figure: the values the method dropped, and the exact aggregate of the rest."""
    settings = panel.settings
    used = list(zip(panel.assessors, found.values, found.kept, strict=False))
    kept = [(n, v) for n, v, k in used if k]
    dropped = [(n, v) for n, v, k in used if not k]
    lines = []
    if dropped:
        shown = listed([named_value(n, v) for n, v in dropped])
        lines.append(hint(f"explain-panel-dropped-{settings.method}", dropped=shown))
    exact = exact_text(found.exact, settings.places)
    if len(kept) == 1:
        lines.append(hint("explain-panel-exact-one", exact=exact))
    else:
        terms = " + ".join(_d(v) for _, v in kept)
        lines.append(hint("explain-panel-exact", terms=terms, count=len(kept), exact=exact))
    return lines


def _member_adjusted_lines(panel: Panel) -> list[str]:
    """Each assessor whose own total adjustments or vetoes changed (``level: total``)."""
    lines = []
    for member in panel.members:
        totals = member.totals
        if totals is None or not (totals.adjustments or totals.vetoes):
            continue
        changes = [f"{a.adjustment.id} {'−' if a.signed < 0 else '+'}{_d(a.amount)}"
                   for a in totals.adjustments] + [v.id for v in totals.vetoes]
        lines.append(hint("explain-panel-member-adjusted", assessor=member.assessor,
                          total=_d(totals.total), changes=listed(changes)))
    return lines


def _rounding_line(places: int, found: Figure) -> str:
    key = ("explain-panel-not-rounded" if Fraction(found.published) == found.exact
           else "explain-panel-rounded")
    return hint(key, places=places, published=_d(found.published))


def panel_work(panel: Panel, ids: Sequence[str] = ()) -> PanelWork:
    """Every figure of ``panel`` (or the nodes ``ids``), then base, bonus and total."""
    first = panel.members[0].result
    wanted = list(ids) or [row.node.id for row in (*first.rows, *first.bonus_rows)
                           if not row.node.children and not row.is_part]
    totals = ("base", "bonus", *(("adjustments",) if "adjustments" in panel.figures else ()),
              "total")
    figures = tuple(_figure_work(panel, key) for key in (*wanted, *totals))
    return PanelWork(panel, tuple(_panel_head(panel)), figures)


def _panel_head(panel: Panel) -> list[str]:
    """Who assessed which college and year, and the method, level and places in words."""
    settings = panel.settings
    sheet = panel.members[0].result.sheet
    return [
        hint("explain-panel-head", count=len(panel.members), college=sheet.college,
             year=sheet.year, assessors=listed(panel.assessors)),
        hint(f"explain-panel-method-{settings.method}"),
        hint(f"explain-panel-level-{settings.level}"),
        hint("explain-panel-places", places=settings.places),
    ]


def _figure_work(panel: Panel, key: str) -> FigureWork:
    """One figure (a node id, or ``base``, ``bonus``, ``adjustments``, ``total``) and its work."""
    rubric = panel.result.rubric
    name = _totals_label(panel, key) or rubric.nodes[key].name
    found = panel.figures.get(key)
    if found is None:
        return FigureWork(key, name, None, (hint("explain-panel-no-figure"),))
    lines = _figure_lines(panel, key, found)
    if key == "total":
        lines.extend(_panel_veto_lines(panel, found))
        lines.extend(_panel_grade_lines(panel, found))
    return FigureWork(key, name, found, tuple(lines))


def _panel_veto_lines(panel: Panel, found: Figure) -> list[str]:
    """The vetoes the panel reports and the total they leave of the aggregate ``found``."""
    published = panel.result.totals.get(ASSESSED)
    if published is None or not published.vetoes:
        return []
    labels = panel.result.rubric.labels
    lines = [veto_line(v.id, v.name, v.total, v.grade) for v in published.vetoes]
    if any(v.total is not None for v in published.vetoes):
        lines.append(hint("explain-total-vetoed", total_label=labels.total,
                          total=_d(published.total), scored=_d(found.published)))
    else:
        lines.append(hint("explain-total-kept", total_label=labels.total,
                          total=_d(published.total)))
    return lines


def _panel_grade_lines(panel: Panel, found: Figure) -> list[str]:
    """The panel's grade: set by a veto, or the band its published total reaches."""
    rubric = panel.result.rubric
    grades = rubric.grades
    if grades is None:
        return []
    published = panel.result.totals.get(ASSESSED)
    if published is not None and any(v.grade is not None for v in published.vetoes):
        return [grade_veto_line(rubric.labels, published.vetoes, published.grade)]
    total = published.total if published is not None else found.published
    grade = grade_of(total, grades)
    band = next(b for b in grades.bands if b.name == grade)
    return band_lines(rubric, grades, band, total)
