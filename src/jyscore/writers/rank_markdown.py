"""A ranking as a Markdown table, ready to paste into a report, an issue or a wiki page.

Numbers are right-aligned and exact; a ``|`` in a college name is escaped. The tie policy and
the sheets skipped as invalid follow the table as notes.
"""

from __future__ import annotations

from jyscore.core.run import RankOutcome
from jyscore.core.text import display_path
from jyscore.i18n.messages import hint
from jyscore.writers.rank_common import (
    RankRenderOptions,
    cell_text,
    quota_note,
    rank_columns,
    title,
)


def escape_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no HTML."""
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(text.split())


def render_rank_markdown(outcome: RankOutcome, options: RankRenderOptions) -> str:
    columns = rank_columns(outcome, options.show_self, grade_notes=False)
    lines = [
        f"**{escape_cell(title(outcome))}**",
        "",
        "| " + " | ".join(escape_cell(c.header) for c in columns) + " |",
        "|" + "|".join("---:" if c.numeric else "---" for c in columns) + "|",
    ]
    for row in outcome.ranking.rows:
        cells = [escape_cell(cell_text(c.value(row))) or "—" for c in columns]
        if row.vetoes:  # a veto is shown wherever the total is
            cells = [f"**{t}**" if c.key in ("veto", "total") else t
                     for c, t in zip(columns, cells, strict=False)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.extend(["", f"*{escape_cell(outcome.tie_policy)}*"])
    drops = ["- " + hint("college-note", college=escape_cell(row.college),
                          note=escape_cell(quota_note(row)))
             for row in outcome.ranking.rows if row.drops]
    if drops:
        lines.extend(["", *drops])
    if outcome.skipped:
        files = ", ".join(f"`{escape_cell(display_path(s.path))}`" for s in outcome.skipped)
        lines.extend(["", "> " + hint("rank-skipped-note", files=files)])
    return "\n".join(lines) + "\n"
