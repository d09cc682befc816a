"""The problem codes of a file as such: reading it (JY001-JY019, JY030), an Excel workbook read back
(JY6xx, checked before any XML is parsed) and writing an output (JY7xx).

English is the source text (the ``msgid``); the zh translation is the entry of the same key in
``locale/zh/LC_MESSAGES/jyscore.po``. Import nothing from here: use
:mod:`jyscore.i18n.messages`, which gathers every table.
"""

from __future__ import annotations

from jyscore.i18n.codes import Message

MESSAGES: dict[str, Message] = {
    # -- the file itself -------------------------------------------------------------------------
    "JY001": Message("unreadable", "cannot read the file: {reason}"),
    "JY002": Message(
        "not-text",
        "the file is not text in UTF-8 or GB18030 (first bad byte at offset {offset}); "
        "save it as UTF-8",
    ),
    "JY003": Message(
        "legacy-encoding",
        "the file is encoded as {encoding}, not UTF-8; it was read, but save it as UTF-8 "
        "so that every tool reads it the same way",
    ),
    "JY004": Message("yaml-syntax", "YAML syntax error: {reason}"),
    "JY005": Message("empty", "the file is empty; expected a sheet with college, year and scores"),
    "JY006": Message(
        "multiple-documents", "the file holds more than one YAML document (a second '---'); "
        "expected exactly one"
    ),
    "JY007": Message(
        "anchor-alias",
        "YAML anchors and aliases ({what}) are not allowed in a {kind}; write every value out",
    ),
    "JY008": Message(
        "tag", "the YAML tag {tag} is not allowed; write plain values without '!' tags"
    ),
    "JY009": Message(
        "duplicate-key", "{key!r} is given twice (first on line {first_line}); keep one"
    ),
    "JY010": Message(
        "too-large", "the file is {size} bytes; a {kind} may be at most {limit} bytes"
    ),
    "JY011": Message(
        "too-complex", "the file has more than {limit} YAML values; a {kind} has far fewer"
    ),
    "JY013": Message(
        "too-deep", "values are nested more than {limit} levels deep; a {kind} is nearly flat"
    ),
    "JY014": Message(
        "bad-character",
        "the control character {character} is not allowed in YAML; delete it (it often comes "
        "with text pasted from Word or Excel; line and paragraph separators U+2028, U+2029 and "
        "U+0085 are refused too, as YAML would count them as line breaks)",
    ),
    "JY015": Message(
        "utf16-no-bom",
        "the file looks like UTF-16 text saved without a byte order mark (every other byte is "
        "0), so its byte order is unknown; save it as UTF-8",
    ),
    "JY016": Message(
        "tab-indent",
        "the line is indented with a tab; YAML indents with spaces: indent with spaces, not a tab",
    ),
    "JY030": Message("not-regular-file", "this is {what}, not a regular file; {advice}"),
    "JY017": Message(
        "unwritable-character",
        "the value holds the character {character} (character {index} of the value), a control "
        "character, line separator or non-character that no workbook or report can hold; "
        "remove it",
    ),
    "JY018": Message(
        "text-too-long",
        "the text is {length} characters long as Excel counts them (an emoji or other character "
        "beyond U+FFFF counts twice); a cell holds at most {limit}, so it could not be kept "
        "whole; shorten it (or keep the long text in a separate document and name it here)",
    ),
    "JY019": Message(
        "stray-bytes",
        "the file is UTF-8 except for the bytes {stray} here (offset {offset}), which are not "
        "UTF-8, perhaps text pasted from a GBK file; retype the text here and save the file as "
        "UTF-8",
    ),
    "JY012": Message("complex-key", "a mapping key must be plain text such as 1.1 or self"),
    # -- Excel workbooks (the form read back; checked before any XML is parsed) ----------------
    "JY600": Message(
        "xlsx-empty",
        "the file is empty (0 bytes); expected an Excel workbook (.xlsx) such as the form made "
        "by 'jyscore template'",
    ),
    "JY601": Message(
        "xlsx-legacy",
        "this is an old Excel 97-2003 workbook (.xls) or a password-protected one, not an .xlsx "
        "file; open it in Excel or WPS, remove any password and save it as 'Excel 工作簿 (*.xlsx)'",
    ),
    "JY602": Message(
        "xlsx-text",
        "the file is text ({kind}), not an Excel workbook, although it is named .xlsx; "
        "open it in Excel or WPS and save it as .xlsx",
    ),
    "JY603": Message(
        "xlsx-unknown",
        "the file is not an Excel workbook: an .xlsx file starts with the bytes 50 4B (a zip "
        "archive), this one with {start}",
    ),
    "JY604": Message(
        "xlsx-damaged",
        "the workbook is damaged or incomplete ({reason}); save it again from Excel or WPS, "
        "or copy it again if a transfer was cut short",
    ),
    "JY605": Message(
        "xlsx-too-large", "the file is {size} bytes; a score workbook may be at most {limit} bytes"
    ),
    "JY606": Message(
        "xlsx-bomb",
        "{reason}; a score form is far smaller, so the file was refused before unpacking",
    ),
    "JY607": Message(
        "xlsx-not-workbook",
        "the file is a zip archive but not an Excel workbook (it has no {part}); it may be a "
        ".docx, a .pptx or a zip of files renamed to .xlsx",
    ),
    "JY608": Message(
        "xlsx-dtd",
        "the part {part} declares an XML document type or entities (<!DOCTYPE or <!ENTITY), "
        "which Excel never writes and XML attacks use; the file was refused unread",
    ),
    "JY609": Message(
        "xlsx-unsupported",
        "jyscore reads Excel workbooks saved as .xlsx, not {suffix} files; open it in Excel or "
        "WPS and save it as 'Excel 工作簿 (*.xlsx)' (without macros), then read the .xlsx",
    ),
    "JY610": Message(
        "formula-no-value",
        "the cell holds a formula ({formula}) but no computed value was saved with it (the "
        "program that wrote the file does not calculate); open and save the file in Excel, WPS "
        "or LibreOffice, or type the number",
    ),
    "JY611": Message(
        "no-header",
        "the form sheet ({sheet!r}) has no header row with {columns} in its first {rows} rows; "
        "fill in the form made by 'jyscore template'",
    ),
    "JY612": Message(
        "duplicate-row", "{key} is in two rows (first in {first}); keep one row per item"
    ),
    "JY613": Message(
        "number-as-text",
        "the cell holds {value!r} stored as text, not as a number, and the form's total skips "
        "it; jyscore refuses it rather than disagree with the workbook: retype it as a number "
        "(format the cell as 常规/General first)",
    ),
    "JY619": Message(
        "outside-the-form",
        "{count} cell(s) to the right of the form's last column ({column}) hold values, the "
        "first at {cell}; they are not part of the form and were not read: move them into the "
        "note column, or delete them",
    ),
    "JY616": Message(
        "hidden-sheets",
        "the workbook has hidden sheets ({sheets}); they were not read: only the visible sheet "
        "{sheet!r} is scored",
    ),
    "JY614": Message(
        "beyond-form",
        "this cell holds a value outside the area jyscore reads (rows 1 to {rows}, columns A to "
        "{column}), so it would be left out; move it into the form or delete it",
    ),
    "JY615": Message(
        "no-visible-sheet",
        "every sheet of the workbook is hidden ({sheets}); unhide the form sheet in Excel or "
        "WPS (Format > Sheet > Unhide) and save it",
    ),
    # -- writing outputs -------------------------------------------------------------------------
    "JY701": Message(
        "output-exists", "{path} already exists; pass --force to replace it (nothing was written)"
    ),
    "JY702": Message(
        "output-locked",
        "cannot replace {path}: {reason}; close it in Excel/WPS and try again "
        "(the old file is unchanged)",
    ),
    "JY703": Message("output-failed", "cannot write {path}: {reason} (nothing was written)"),
}
