"""Building blocks for sheets written inside tests."""

from __future__ import annotations

CAPS = {
    "1.1": 6, "1.2": 5, "1.3": 4, "1.4.1": 3, "1.4.2": 3, "2.1.1": 2, "2.1.2": 4, "2.2.1": 5,
    "2.2.2": 4, "2.2.3": 4, "2.2.4": 2, "3.1": 4, "3.2.1": 6, "3.2.2": 3, "3.3.1": 4,
    "3.3.2": 5, "3.4": 3, "3.5": 4, "3.6": 4, "4.1": 3, "4.2": 7, "4.3": 6, "4.4": 3,
    "5.1": 3, "5.2": 3,
}


def sheet_text(
    overrides: dict[str, str] | None = None,
    college: str = "测试学院",
    year: str = "2024",
    extra: str = "",
) -> str:
    """A full sheet (every item whole, self = cap, assessed = cap) with some entries replaced.

    ``overrides`` maps an id to the text after ``id:``; an empty text drops the entry.
    The first item, 1.1, is on line 5.
    """
    overrides = overrides or {}
    lines = [f"college: {college}", f"year: {year}", "scores:", "  # items"]
    for item_id, cap in CAPS.items():
        body = overrides.get(item_id, f"{{self: {cap}, assessed: {cap}}}")
        if body:
            lines.append(f"  {item_id}: {body}")
    lines.append(extra)
    return "\n".join(lines) + "\n"
