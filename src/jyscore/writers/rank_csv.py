"""A ranking as CSV: a header row (the rubric's labels) and one row per college, exact numbers.

Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) would be run as a formula by Excel or LibreOffice, so such a cell is written with a single
quote in front (``'=HYPERLINK(…)``), which both show as text. Numbers are never altered, so a
negative gap stays a number. Written with ``-o``, the file starts with a UTF-8 byte order mark so
that Excel on Windows reads the Chinese text correctly; on stdout there is none.
"""

from __future__ import annotations

import csv
import io

from jyscore.core.run import RankOutcome
from jyscore.writers.rank_common import RankRenderOptions, cell_text, rank_columns

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def safe_text(text: str) -> str:
    """Text that a spreadsheet shows as text: a leading formula character gets a ``'`` first."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render_rank_csv(outcome: RankOutcome, options: RankRenderOptions) -> str:
    columns = rank_columns(outcome, options.show_self, with_year=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(c.header) for c in columns])
    for row in outcome.ranking.rows:
        writer.writerow(
            [
                cell_text(c.value(row)) if c.numeric else safe_text(cell_text(c.value(row)))
                for c in columns
            ]
        )
    text = buffer.getvalue()
    return BOM + text if options.for_file else text
