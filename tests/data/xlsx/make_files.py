"""Regenerate the workbooks in good/ and bad/ (run from the repository root:
``python tests/data/xlsx/make_files.py``). The LibreOffice-saved files need ``soffice``.

The files are committed so that the tests read real files; this script only documents how each
was made. Each bad file's expected problems (code and cell) are in bad/expected.json.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from xlsx_helpers import fill, set_cells  # noqa: E402

from jyscore import load_rubric, load_sheet  # noqa: E402
from jyscore.writers.xlsx.form import build_form  # noqa: E402

GOOD, BAD = HERE / "good", HERE / "bad"
EXAMPLE = ROOT / "examples" / "2024" / "文学院.yaml"


def soffice(source: Path, target_dir: Path, fmt: str = "xlsx") -> Path:
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", fmt, "--outdir", out, str(source)],
            check=True, capture_output=True, timeout=180,
        )
        made = Path(out) / (source.stem + "." + fmt)
        target = target_dir / made.name
        shutil.move(made, target)
        return target


def rezip(
    source: Path, target: Path, change: dict[str, bytes | None],
    extra: dict[str, bytes] | None = None,
) -> None:
    """Copy a workbook, replacing (or with None dropping) some parts and adding others."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in change:
                if change[info.filename] is not None:
                    new.writestr(info.filename, change[info.filename])
            else:
                new.writestr(info.filename, old.read(info))
        for name, data in (extra or {}).items():
            new.writestr(name, data)


def main() -> None:
    rubric = load_rubric()
    sheet = load_sheet(EXAMPLE, rubric)
    blank = GOOD / "blank.xlsx"
    build_form(rubric, "文学院", 2024).save(blank)
    filled = fill(blank, rubric, sheet, GOOD / "文学院.xlsx")
    blank.unlink()

    # good: saved by LibreOffice (shared strings, cached values), and a typed formula with its value
    if shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as work:
            copy = Path(work) / "文学院-libreoffice.xlsx"
            shutil.copy(filled, copy)
            soffice(copy, GOOD)
            formula = set_cells(filled, {"H15": "=1+2"}, Path(work) / "formula-cached.xlsx")
            soffice(formula, GOOD)
            xls = soffice(filled, Path(work), "xls")
            shutil.copy(xls, BAD / "legacy-xls.xlsx")

    # bad values, each at a cell
    set_cells(filled, {"H6": 4.5}, BAD / "over-cap.xlsx")  # 1.1.1 is worth 4
    set_cells(filled, {"I15": 2.3}, BAD / "off-step.xlsx")  # 1.4.1 assessed
    set_cells(filled, {"H16": "三分"}, BAD / "text-score.xlsx")  # 1.4.2 self
    # numbers stored as text (pasted, or typed into a text cell): the form's totals skip them
    set_cells(filled, {"H16": "2.5", "H67": "89.4"}, BAD / "number-as-text.xlsx")  # 1.4.2, target
    set_cells(filled, {"H7": None, "I7": None}, BAD / "partial-parts.xlsx")  # 1.1.2 left empty
    set_cells(filled, {"H15": "=1+2"}, BAD / "formula-no-value.xlsx")  # no cached value
    set_cells(filled, {"A16": "1.4.1"}, BAD / "duplicate-row.xlsx")
    set_cells(filled, {"A4": "序号"}, BAD / "no-header.xlsx")
    set_cells(filled, {"H5": 6}, BAD / "scored-twice.xlsx")  # 1.1 whole and through its parts

    # not an xlsx at all
    (BAD / "empty.xlsx").write_bytes(b"")
    (BAD / "csv-renamed.xlsx").write_text("学院,总分\n文学院,98\n", encoding="utf-8")
    (BAD / "html-renamed.xlsx").write_text(
        "<html><body><table><tr><td>文学院</td></tr></table></body></html>\n"
    )
    (BAD / "binary.xlsx").write_bytes(bytes(range(256)) * 4)
    data = filled.read_bytes()
    (BAD / "truncated.xlsx").write_bytes(data[: len(data) // 2])

    # zip archives that are not, or not only, a workbook
    with zipfile.ZipFile(BAD / "docx-renamed.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><document/>')
    rezip(filled, BAD / "bomb-ratio.xlsx", {}, {"xl/media/zeros.bin": bytes(8 * 1024 * 1024)})
    rezip(filled, BAD / "bomb-size.xlsx", {},
          {f"xl/media/zeros{i}.bin": bytes(1000 * 1024) for i in range(110)})

    # XML attacks
    with zipfile.ZipFile(filled) as archive:
        workbook_xml = archive.read("xl/workbook.xml")
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
    )
    body = workbook_xml.split(b"?>", 1)[1] if workbook_xml.startswith(b"<?xml") else workbook_xml
    rezip(filled, BAD / "billion-laughs.xlsx", {"xl/workbook.xml": laughs + body})
    xxe = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    rezip(filled, BAD / "xxe.xlsx", {"xl/workbook.xml": xxe + body})
    utf16 = (xxe.decode() + body.decode()).encode("utf-16")
    rezip(filled, BAD / "dtd-utf16.xlsx", {"xl/workbook.xml": utf16})
    odd_cells_and_parts(filled)


def odd_cells_and_parts(filled: Path) -> None:
    """Cells no form input holds and parts that point nowhere (found while fuzzing the reader).

    To make only these files, from this folder:
    ``python -c "import make_files as m; m.odd_cells_and_parts(m.GOOD / '文学院.xlsx')"``
    """
    import datetime
    import re

    set_cells(filled, {"H15": datetime.datetime(2024, 3, 1)}, BAD / "date-score.xlsx")
    with zipfile.ZipFile(filled) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")

    def cell(xml: bytes) -> bytes:  # H15 (1.4.1 self) as raw XML, whatever it held
        return re.sub(rb'<c r="H15"[^>]*?(/>|>.*?</c>)', xml, sheet, count=1)

    rezip(filled, BAD / "error-cell.xlsx",
          {"xl/worksheets/sheet1.xml": cell(b'<c r="H15" t="e"><v>#DIV/0!</v></c>')})
    rezip(filled, BAD / "huge-number.xlsx",
          {"xl/worksheets/sheet1.xml": cell(b'<c r="H15" t="n"><v>1e400</v></c>')})
    rezip(filled, BAD / "bad-shared-string.xlsx",
          {"xl/worksheets/sheet1.xml": cell(b'<c r="H15" t="s"><v>99999</v></c>')})
    rezip(filled, BAD / "no-sheets.xlsx",
          {"xl/workbook.xml": re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", workbook)})
    rezip(filled, BAD / "missing-sheet-part.xlsx", {"xl/worksheets/sheet1.xml": None})
    rezip(filled, BAD / "broken-relationship.xlsx",
          {"xl/_rels/workbook.xml.rels": rels.replace(b'Id="rId1"', b'Id="rIdX"')})


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
