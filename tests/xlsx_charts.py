"""The charts of a saved workbook, read from the file's parts as Excel finds them (the sheet ->
its drawing -> the drawing's charts), not from a library's private attributes."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
RELATION_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class Chart:
    kind: str  # the plot's element: barChart, lineChart, …
    values: tuple[str, ...]  # the cells each series plots, e.g. "'排名'!$J$4:$J$10"


def sheet_charts(path: Path, title: str) -> list[Chart]:
    """The charts drawn on the sheet named ``title`` of the workbook at ``path``."""
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        (sheet_id,) = [sheet.get(RELATION_ID, "") for sheet in book.iter(f"{MAIN}sheet")
                       if sheet.get("name") == title]
        sheet_part = _related(archive, "xl/workbook.xml")[sheet_id]
        drawings = _related(archive, sheet_part)
        charts = []
        for drawing in ElementTree.fromstring(archive.read(sheet_part)).iter(f"{MAIN}drawing"):
            for chart_part in _related(archive, drawings[drawing.get(RELATION_ID, "")],
                                       kind="/chart").values():
                charts.append(_chart(ElementTree.fromstring(archive.read(chart_part))))
    return charts


def _related(archive: zipfile.ZipFile, part: str, kind: str = "") -> dict[str, str]:
    """Relationship id -> the part it names, of the relationships of ``part`` whose type ends
    in ``kind``."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    found = {}
    for relation in ElementTree.fromstring(archive.read(rels)).iter(RELATIONSHIP):
        if relation.get("Type", "").endswith(kind):
            target = relation.get("Target", "")
            found[relation.get("Id", "")] = (
                target.lstrip("/") if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target)))
    return found


def _chart(space: ElementTree.Element) -> Chart:
    (plot,) = [element for element in space.iterfind(f"{CHART}chart/{CHART}plotArea/*")
               if element.tag.endswith("Chart")]
    values = tuple(formula.text or "" for formula
                   in plot.iterfind(f"{CHART}ser/{CHART}val/{CHART}numRef/{CHART}f"))
    return Chart(plot.tag.removeprefix(CHART), values)
