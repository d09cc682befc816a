"""A year-over-year :class:`~jyscore.core.comparison.Comparison` as JSON, CSV or a rich table.

JSON::

    {"from": {"year", "rubric"}, "to": {"year", "rubric"},
     "colleges": [{"college", "from": {"total", "rank"} | null, "to": {"total", "rank"} | null,
                   "delta"}],
     "items": [{"id", "name", "from_cap", "to_cap", "mean_lost_from", "mean_lost_to",
                "mean_share_lost_from", "mean_share_lost_to", "compared_as"}],
     "unmatched": [{"id", "name", "cap", "in", "year"}],
     "skipped": [{"file", "year", "problems": […]}]}

Totals and caps are the exact published figures; a mean of lost points is rounded half-up to 2
places and a share of the cap (0 … 1) to 4 places, as they are shown (they are not published
figures). ``compared_as`` is ``points`` when the cap stayed, ``share`` when it changed.
CSV holds three sections (colleges, items, unmatched items), each with its own header row, a
blank line between them, and a fourth naming the sheets skipped as invalid when there are any;
text cells are protected against formula injection.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from jyscore.core.comparison import (
    CollegeChange,
    Comparison,
    ItemChange,
    Place,
    Side,
    UnmatchedItem,
)
from jyscore.core.numbers import format_decimal, format_fraction, round_half_up
from jyscore.core.run import Skipped
from jyscore.core.text import display_path
from jyscore.i18n.messages import hint
from jyscore.writers.jsontext import dumps
from jyscore.writers.problems import problem_dict
from jyscore.writers.rank_csv import BOM, safe_text

if TYPE_CHECKING:
    from jyscore.writers.rank_common import RankRenderOptions

MEAN_PLACES = 2
SHARE_PLACES = 4


rounded = round_half_up


def percent(value: Fraction) -> str:
    """A share (0 … 1) as a percentage with one decimal place: ``0.125`` -> ``12.5%``."""
    return f"{format_fraction(value * 100, 1)}%"


def signed(text: str, plain: bool = False) -> str:
    """``+3.5`` for a rise in a table; CSV keeps plain numbers (``3.5``) for spreadsheets."""
    if plain or text.startswith("-") or text in ("0", "0%"):
        return text
    return f"+{text}"


def _side(side: Side) -> dict[str, Any]:
    return {"year": side.year, "rubric": side.rubric.id}


def _place(place: Place | None) -> dict[str, Any] | None:
    return None if place is None else {"total": place.total, "rank": place.rank}


def _college(change: CollegeChange) -> dict[str, Any]:
    return {"college": change.college, "from": _place(change.before),
            "to": _place(change.after), "delta": change.delta}


def _item(item: ItemChange) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": item.name,
        "from_cap": item.before_cap,
        "to_cap": item.after_cap,
        "mean_lost_from": rounded(item.mean_lost_before, MEAN_PLACES),
        "mean_lost_to": rounded(item.mean_lost_after, MEAN_PLACES),
        "mean_share_lost_from": rounded(item.mean_share_before, SHARE_PLACES),
        "mean_share_lost_to": rounded(item.mean_share_after, SHARE_PLACES),
        "compared_as": "points" if item.same_cap else "share",
    }


def _unmatched(item: UnmatchedItem, comparison: Comparison) -> dict[str, Any]:
    year = comparison.before.year if item.side == "from" else comparison.after.year
    return {"id": item.id, "name": item.name, "cap": item.cap, "in": item.side, "year": year}


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    return {
        "from": _side(comparison.before),
        "to": _side(comparison.after),
        "colleges": [_college(c) for c in comparison.colleges],
        "items": [_item(i) for i in comparison.items],
        "unmatched": [_unmatched(u, comparison) for u in comparison.unmatched],
        "skipped": [
            {"file": display_path(s.path), "year": side.year,
             "problems": [problem_dict(p) for p in s.problems]}
            for side, s in _skipped(comparison)
        ],
    }


def _skipped(comparison: Comparison) -> list[tuple[Side, Skipped]]:
    """The sheets each side left out as invalid, the earlier year's first."""
    return [(side, s) for side in (comparison.before, comparison.after) for s in side.skipped]


def render_compare_json(comparison: Comparison, options: RankRenderOptions) -> str:
    return dumps(comparison_data(comparison)) + "\n"


def _text(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return format_decimal(value) if isinstance(value, Decimal) else str(value)


def change_text(item: ItemChange, plain: bool = False) -> str:
    """The change in mean loss: points when the cap stayed, percentage points of the cap else."""
    if item.same_cap:
        return signed(format_fraction(item.change, MEAN_PLACES), plain)
    return signed(percent(item.change), plain)


def college_cells(change: CollegeChange, plain: bool = False) -> list[str]:
    before, after = change.before, change.after
    moved = change.rank_change
    return [
        _text(before.total if before else None), _text(before.rank if before else None),
        _text(after.total if after else None), _text(after.rank if after else None),
        signed(_text(change.delta), plain) if change.delta is not None else "",
        signed(str(moved), plain) if moved is not None else "",
    ]


def item_cells(item: ItemChange, plain: bool = False) -> list[str]:
    return [
        format_decimal(item.before_cap), format_decimal(item.after_cap),
        format_fraction(item.mean_lost_before, MEAN_PLACES),
        format_fraction(item.mean_lost_after, MEAN_PLACES),
        percent(item.mean_share_before), percent(item.mean_share_after), change_text(item, plain),
    ]


def _headers(comparison: Comparison) -> tuple[list[str], list[str], list[str]]:
    old, new = comparison.before.year, comparison.after.year
    colleges = [
        hint("compare-college"), hint("compare-total", year=old), hint("compare-rank", year=old),
        hint("compare-total", year=new), hint("compare-rank", year=new),
        hint("compare-delta"), hint("compare-rank-change"),
    ]
    items = [
        hint("compare-item"), hint("compare-name"), hint("compare-cap", year=old),
        hint("compare-cap", year=new), hint("compare-mean-lost", year=old),
        hint("compare-mean-lost", year=new), hint("compare-share-lost", year=old),
        hint("compare-share-lost", year=new), hint("compare-change"),
    ]
    unmatched = [hint("compare-item"), hint("compare-name"), hint("compare-cap-only"),
                 hint("compare-only-in")]
    return colleges, items, unmatched


def render_compare_csv(comparison: Comparison, options: RankRenderOptions) -> str:
    """Starts with a UTF-8 byte order mark for a file (``options.for_file``), for Excel."""
    college_head, item_head, unmatched_head = _headers(comparison)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in college_head])
    for change in comparison.colleges:
        writer.writerow([safe_text(change.college), *college_cells(change, plain=True)])
    writer.writerow([])
    writer.writerow([safe_text(h) for h in item_head])
    for item in comparison.items:
        writer.writerow([safe_text(item.id), safe_text(item.name), *item_cells(item, plain=True)])
    writer.writerow([])
    writer.writerow([safe_text(h) for h in unmatched_head])
    for unmatched in comparison.unmatched:
        year = comparison.before.year if unmatched.side == "from" else comparison.after.year
        writer.writerow([safe_text(unmatched.id), safe_text(unmatched.name),
                         format_decimal(unmatched.cap), str(year)])
    skipped = _skipped(comparison)
    if skipped:
        writer.writerow([])
        writer.writerow([safe_text(hint("compare-skipped-file")), safe_text(hint("compare-year"))])
        for side, sheet in skipped:
            writer.writerow([safe_text(display_path(sheet.path)), str(side.year)])
    text = buffer.getvalue()
    return BOM + text if options.for_file else text


def render_compare_table(comparison: Comparison, options: RankRenderOptions) -> str:
    """Rich tables, ``options.width`` wide, coloured when ``options.color``."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from jyscore.writers.terminal import text_console

    college_head, item_head, unmatched_head = _headers(comparison)
    before, after = comparison.before, comparison.after
    title = hint("compare-title", old=before.year, new=after.year)
    colleges = Table(*college_head, title=title, box=box.SIMPLE_HEAVY)
    for column in colleges.columns[1:]:
        column.justify = "right"
        column.max_width = 10
    for change in comparison.colleges:
        colleges.add_row(Text(change.college), *(Text(c) for c in college_cells(change)))
    items = Table(*item_head, title=hint("compare-items-title"), box=box.SIMPLE_HEAVY,
                  caption=hint("compare-items-caption"))
    items.columns[1].overflow = "fold"
    items.columns[1].min_width = 16
    for column in items.columns[2:]:
        column.justify = "right"
        column.max_width = 10  # headers wrap ("Mean lost" over "2023"), figures never do
    for item in comparison.items:
        items.add_row(Text(item.id), Text(item.name), *(Text(c) for c in item_cells(item)))
    console, buffer = text_console(options.width, options.color, color_system="standard")
    console.print(colleges)
    console.print(items)
    if before.rubric.id != after.rubric.id:
        console.print(Text(hint("compare-rubrics", old=before.rubric.id, new=after.rubric.id)))
    if comparison.unmatched:
        unmatched = Table(*unmatched_head, title=hint("compare-unmatched-title"),
                          box=box.SIMPLE_HEAVY)
        for entry in comparison.unmatched:
            year = before.year if entry.side == "from" else after.year
            unmatched.add_row(Text(entry.id), Text(entry.name), Text(format_decimal(entry.cap)),
                              Text(str(year)))
        console.print(unmatched)
    for side in (before, after):
        if side.skipped:
            files = ", ".join(display_path(s.path) for s in side.skipped)
            console.print(Text(hint("compare-skipped-note", year=side.year, files=files)))
    return buffer.getvalue()
