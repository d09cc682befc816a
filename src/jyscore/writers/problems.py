"""Problems as text (``file:line:col: error JY101 [1.1 领导重视] …``), JSON or GitHub
annotations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from jyscore.core.problems import Problem
from jyscore.core.text import printable
from jyscore.i18n.messages import hint
from jyscore.writers.options import RenderOptions, short_name

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m"}
_DIM, _RESET = "\033[2m", "\033[0m"


def location(problem: Problem) -> str:
    if problem.cell:
        return f"{problem.file}!{problem.cell}"
    if problem.line is not None:
        return f"{problem.file}:{problem.line}:{problem.column or 1}"
    return problem.file


def item_label(problem: Problem) -> str:
    if not problem.item_id:
        return ""
    name = short_name(problem.item_name)
    return f"[{problem.item_id} {name}] " if name else f"[{problem.item_id}] "


def text_line(problem: Problem, color: bool = False) -> str:
    """One problem as a line for a terminal: whatever a file or its name holds, no control
    character reaches the terminal (only the colours added here)."""
    severity = hint(f"severity-{problem.severity}")
    if color:
        severity = f"{_COLORS[str(problem.severity)]}{severity}{_RESET}"
        where = f"{_DIM}{printable(location(problem))}:{_RESET}"
    else:
        where = f"{printable(location(problem))}:"
    return f"{where} {severity} {problem.code} {printable(item_label(problem) + problem.message)}"


def render_text(problems: Sequence[Problem], options: RenderOptions, files_checked: int) -> str:
    return "".join(text_line(p, options.color) + "\n" for p in problems)


def problem_dict(problem: Problem) -> dict[str, object]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "cell": problem.cell,
        "id": problem.item_id,
        "name": problem.item_name,
        "severity": str(problem.severity),
        "code": problem.code,
        "rule": problem.slug,
        "message": problem.message,
    }


def render_json(problems: Sequence[Problem], options: RenderOptions, files_checked: int) -> str:
    from jyscore.writers.jsontext import (
        dumps,  # json only for this format: every command imports this module
    )

    document = {"files_checked": files_checked, "problems": [problem_dict(p) for p in problems]}
    return dumps(document) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(problem: Problem) -> str:
    properties = [f"file={_escape_property(printable(problem.file))}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        properties.append(f"col={problem.column or 1}")
    properties.append(f"title={_escape_property(f'{problem.code} {problem.slug}')}")
    message = printable(item_label(problem) + problem.message)
    if problem.cell:
        message = f"{problem.cell}: {message}"
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(message)}"


def render_github(problems: Sequence[Problem], options: RenderOptions, files_checked: int) -> str:
    return "".join(github_line(p) + "\n" for p in problems)


ProblemRenderer = Callable[[Sequence[Problem], RenderOptions, int], str]

PROBLEM_FORMATS: dict[str, ProblemRenderer] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}
