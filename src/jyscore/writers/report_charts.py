"""The report's charts: Vega-Lite specifications rendered to SVG by ``vl-convert-python``.

vl-convert bundles Vega-Lite and its renderer (Rust and an embedded V8): it renders offline, and
the SVG it returns is inlined in the page, so nothing is fetched when the page is opened. This
module builds the specifications from a ranking; the geometry is Vega-Lite's. Chart positions
are floats (a bar's length), but every figure written as text on a chart is the exact published
one (``86.5``); the tables beside the charts give every figure.

Imported only by ``jyscore report`` (vl-convert starts V8 on first use).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from jyscore.core.comparison import Comparison
from jyscore.core.losses import LossTable
from jyscore.core.models import Rubric
from jyscore.core.numbers import format_decimal
from jyscore.core.ranking import Ranking
from jyscore.i18n.messages import hint

ACCENT = "#2f6db3"
MEDIAN = "#b0b7c3"
LABEL_LIMIT = 200  # px: longer item and college names are cut with an ellipsis on the axes
MANY = 80  # from this many colleges on, the charts draw them narrower and without axis labels


class ChartError(RuntimeError):
    """vl-convert returned something other than a plain SVG (never expected)."""


def _config() -> dict[str, Any]:
    # No font list here: the page's style sets the chart text's fonts (a CSS rule beats SVG's
    # font-family attribute), and a list of families costs vl-convert a font lookup for every
    # label it measures (twice the time). No ARIA attributes: the tables beside the charts carry
    # the figures, and each chart is a tenth smaller without them.
    return {
        "aria": False,
        "view": {"stroke": None},
        "axis": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": LABEL_LIMIT},
        "legend": {"labelFontSize": 11, "titleFontSize": 12},
    }


def _spec(body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "config": _config(), "background": "white", **body}


def short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def totals_spec(ranking: Ranking, total_label: str, college_label: str) -> dict[str, Any]:
    """A horizontal bar per college in ranking order, the exact total written at its end."""
    many = len(ranking.rows) >= MANY
    values = [
        {"college": row.college, "total": float(row.total), "label": format_decimal(row.total),
         "rank": row.rank}
        for row in ranking.rows
    ]
    y = {"field": "college", "type": "nominal", "sort": None, "title": college_label,
         "axis": {"labels": not many}}
    x = {"field": "total", "type": "quantitative", "title": total_label}
    layers: list[dict[str, Any]] = [{"mark": {"type": "bar", "color": ACCENT}}]
    if not many:
        layers.append({"mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
                       "encoding": {"text": {"field": "label", "type": "nominal"}}})
    return _spec({
        "data": {"values": values},
        "width": 520,
        "height": {"step": 4 if many else 18},
        "encoding": {"y": y, "x": x},
        "layer": layers,
    })


NOTHING_LOST = "#ffffff"


def heatmap_spec(losses: LossTable, labels: Mapping[str, str]) -> dict[str, Any]:
    """Points lost per item × college: rows are items in form order, columns colleges in
    ranking order, the colour the share of the item's cap lost."""
    many = len(losses.colleges) >= MANY
    values = []
    for item in losses.items:
        row_label = f"{item.item.id} {short(item.item.name)}"
        for college, lost in zip(losses.colleges, item.lost, strict=False):
            if lost is None:
                continue
            values.append({
                "item": row_label, "college": college, "lost": format_decimal(lost),
                "share": float(lost / item.cap) if item.cap else 0.0,
            })
    return _spec({
        "data": {"values": values},
        "mark": {"type": "rect", "stroke": "#e3e7ee", "strokeWidth": 0 if many else 0.5},
        "width": {"step": 4 if many else 22},
        "height": {"step": 16},
        "encoding": {
            "x": {"field": "college", "type": "nominal", "sort": list(losses.colleges),
                  "title": labels["college"],
                  "axis": {"labels": not many, "labelAngle": -60, "ticks": not many}},
            "y": {"field": "item", "type": "nominal", "sort": None, "title": labels["item"]},
            # nothing lost is white, apart from the palest orange of a small share
            "color": {"condition": {"test": "datum.share == 0", "value": NOTHING_LOST},
                      "field": "share", "type": "quantitative", "title": labels["share"],
                      "scale": {"domain": [0, 1], "scheme": "oranges"},
                      "legend": {"format": ".0%"}},
        },
    })


def primary_spec(
    rubric: Rubric, shares: Mapping[str, Fraction], medians: Mapping[str, Fraction]
) -> dict[str, Any]:
    """A college's share of each primary indicator's points beside the median college's (the
    table under the chart gives the figures)."""
    own, middle = hint("report-chart-own"), hint("report-chart-median")
    values = []
    for node in rubric.indicators:
        for who, value in ((own, shares[node.id]), (middle, medians[node.id])):
            values.append({"indicator": f"{node.id} {short(node.name, 12)}", "who": who,
                           "share": float(value)})
    return _spec({
        "data": {"values": values},
        "width": 360,
        "height": {"step": 14},
        "encoding": {
            "y": {"field": "indicator", "type": "nominal", "sort": None, "title": None},
            "yOffset": {"field": "who", "sort": [own, middle]},
            "x": {"field": "share", "type": "quantitative", "title": hint("report-chart-share"),
                  "scale": {"domain": [0, 1]}, "axis": {"format": ".0%"}},
            "color": {"field": "who", "type": "nominal", "title": None,
                      "sort": [own, middle],
                      "scale": {"domain": [own, middle], "range": [ACCENT, MEDIAN]},
                      "legend": {"orient": "bottom"}},
        },
        "mark": {"type": "bar"},
    })


def change_spec(comparison: Comparison, delta_label: str) -> dict[str, Any]:
    """Each college's change in total since the previous year (colleges in both years)."""
    values = [
        {"college": c.college, "delta": float(c.delta), "label": format_decimal(c.delta)}
        for c in comparison.colleges if c.delta is not None
    ]
    many = len(values) >= MANY
    return _spec({
        "data": {"values": values},
        "width": 520,
        "height": {"step": 4 if many else 18},
        "encoding": {
            "y": {"field": "college", "type": "nominal", "sort": None, "title": None,
                  "axis": {"labels": not many}},
            "x": {"field": "delta", "type": "quantitative", "title": delta_label},
        },
        "layer": [
            {"mark": {"type": "bar"},
             "encoding": {"color": {"condition": {"test": "datum.delta < 0", "value": "#c0392b"},
                                    "value": "#2e8b57"}}},
        ],
    })


# what an inert chart never holds: elements that run, embed or link, and attributes that do
_ACTIVE_ELEMENTS = frozenset({"script", "foreignObject", "image", "a", "use", "iframe", "style"})
_FETCHING_VALUE = re.compile(r"url\((?!\s*#)|javascript:", re.IGNORECASE)


def check_inert(svg: str) -> None:
    """Refuse an SVG with active content: scripts, links, event handlers or external URLs
    (Vega escapes the texts it draws; this holds whatever the renderer's version)."""
    from defusedxml.ElementTree import fromstring

    if not svg.startswith("<svg"):
        raise ChartError("the chart renderer returned something other than an SVG")
    for element in fromstring(svg).iter():
        tag = element.tag.rpartition("}")[2]
        if tag in _ACTIVE_ELEMENTS:
            raise ChartError(f"the chart holds a <{tag}> element")
        for name, value in element.attrib.items():
            local = name.rpartition("}")[2].lower()
            if local.startswith("aria-"):
                continue  # read out by screen readers, never fetched or run
            if local.startswith("on") or local == "href" or _FETCHING_VALUE.search(value):
                raise ChartError(f"the chart has an active attribute {local}")


def render_svg(spec: dict[str, Any]) -> str:
    """The SVG of a Vega-Lite spec, checked to be inert."""
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec)
    check_inert(svg)
    return svg
