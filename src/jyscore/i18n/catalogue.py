"""Which language jyscore speaks (zh or en), and the catalogues its words come from.

The English text is the source: it lives in the code (:mod:`jyscore.i18n.messages`, the commands'
docstrings and ``help=``) and is the ``msgid`` of each catalogue entry. Every other language has a
gettext catalogue, ``locale/<lang>/LC_MESSAGES/jyscore.po``, the format translators' tools (Poedit,
Weblate, Babel, ``msgfmt``) read and write. An entry is found by its ``msgctxt`` — a stable key such
as the problem code ``JY101``, a hint's name or ``help:rank`` — *and* its ``msgid``, exactly like
gettext: when the English text changes, the old translation no longer matches and
``tests/test_i18n.py`` names it, so a stale translation is never shown.

Why our own reader of ``.po`` instead of compiled ``.mo`` files or Babel at run time: a ``.mo``
needs a build step that setuptools does not have (an sdist or an editable install would ship
without it); Babel costs about 25 ms to import, a tenth of ``jyscore score``'s start-up. The
reader below takes only the subset of the format we write (``#`` comments, ``msgctxt``,
``msgid``, ``msgstr``, continued strings and the escapes ``\\n \\t \\b \\" \\\\``), refuses anything
else loudly, skips ``#, fuzzy`` entries like gettext does, and is tested against Babel's reader.
A catalogue is read once per process, only when a text in that language is first needed.

The language: ``--lang`` (the CLI calls :func:`set_language`), else ``JYSCORE_LANG``, else the
POSIX locale — the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set and non-empty —
where a value beginning with ``zh`` means Chinese, else English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

LANGUAGES = ("zh", "en")
SOURCE_LANGUAGE = "en"  # the msgids: English needs no catalogue
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "jyscore"

_chosen: str | None = None


def normalize(value: str | None) -> str | None:
    """``zh_CN.UTF-8`` -> ``zh``, ``en_US`` -> ``en``; '' / None / anything else -> None."""
    if not value:
        return None
    lowered = value.strip().lower()
    for language in LANGUAGES:
        if lowered.startswith(language) and lowered[len(language):][:1] in ("", "_", "-", ".", "@"):
            return language
    return None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``JYSCORE_LANG``, else the POSIX locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else en."""
    env = os.environ if environ is None else environ
    chosen = normalize(env.get("JYSCORE_LANG"))
    if chosen:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:  # the first one set and non-empty decides, as in POSIX
            return "zh" if value.lower().startswith("zh") else "en"
    return SOURCE_LANGUAGE


def set_language(language: str | None) -> None:
    """Speak ``language`` from now on in this process; ``None`` goes back to the environment."""
    global _chosen
    if language is not None and language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
    _chosen = language


def current_language() -> str:
    return _chosen or language_from_environment()


def translate(context: str, english: str, language: str | None = None) -> str:
    """The text of ``context`` in the language (the current one by default), or ``english``."""
    language = language or current_language()
    if language == SOURCE_LANGUAGE:
        return english
    return catalogue(language).get((context, english), english)


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalogue(language: str) -> dict[tuple[str, str], str]:
    """(msgctxt, msgid) -> msgstr of the language's ``.po`` file (translated entries only)."""
    path = catalogue_path(language)
    return {
        (entry.context, entry.msgid): entry.msgstr
        for entry in read_po(path.read_text(encoding="utf-8"), str(path))
        if entry.msgstr and not entry.fuzzy and entry.msgid
    }


# -- the .po reader -------------------------------------------------------------------------------

class PoEntry:
    __slots__ = ("context", "msgid", "msgstr", "fuzzy", "line")

    def __init__(self, context: str, msgid: str, msgstr: str, fuzzy: bool, line: int) -> None:
        self.context, self.msgid, self.msgstr, self.fuzzy, self.line = (
            context, msgid, msgstr, fuzzy, line
        )


class PoSyntaxError(ValueError):
    pass


_KEYWORDS = ("msgctxt", "msgid", "msgstr")
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", '"': '"', "\\": "\\"}


def _unquote(quoted: str, where: str) -> str:
    """The value of a quoted .po string; the quotes and escapes checked strictly."""
    if len(quoted) < 2 or quoted[0] != '"' or quoted[-1] != '"':
        raise PoSyntaxError(f"{where}: expected a string in double quotes: {quoted!r}")
    body = quoted[1:-1]
    if "\\" not in body:
        if '"' in body:
            raise PoSyntaxError(f"{where}: an unescaped quote inside a string")
        return body

    def escape(match: re.Match[str]) -> str:
        char = match.group(1)
        if char not in _ESCAPES:
            raise PoSyntaxError(f"{where}: unknown escape \\{char}")
        return _ESCAPES[char]

    rest = _ESCAPE.sub("", body)
    if '"' in rest or "\\" in rest:
        raise PoSyntaxError(f"{where}: an unescaped quote or a lone backslash inside a string")
    return _ESCAPE.sub(escape, body)


def read_po(text: str, name: str = "<po>") -> list[PoEntry]:
    """Every entry of a ``.po`` text, in order (the header entry, msgid "", included)."""
    entries: list[PoEntry] = []
    fields: dict[str, str] = {}
    last: str | None = None
    fuzzy = False
    start = 0

    def flush() -> None:
        nonlocal fields, last, fuzzy
        if fields:
            if "msgid" not in fields or "msgstr" not in fields:
                raise PoSyntaxError(f"{name}:{start}: an entry needs msgid and msgstr")
            entries.append(PoEntry(fields.get("msgctxt", ""), fields["msgid"], fields["msgstr"],
                                   fuzzy, start))
        fields, last, fuzzy = {}, None, False

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        first = line[0]
        if first == "#":
            if "msgstr" in fields:
                flush()
            if line.startswith("#,") and "fuzzy" in line[2:].replace(",", " ").split():
                fuzzy = True
            continue
        where = f"{name}:{number}"
        if first == '"':
            if last is None:
                raise PoSyntaxError(f"{where}: a continued string outside an entry")
            fields[last] += _unquote(line, where)
            continue
        key, _, value = line.partition(" ")
        if key not in _KEYWORDS:
            raise PoSyntaxError(f"{where}: not part of the .po subset jyscore reads: {raw!r}")
        if key in fields or (key != "msgstr" and "msgstr" in fields):
            if "msgstr" not in fields:
                raise PoSyntaxError(f"{where}: {key} given twice in one entry")
            flush()
        if not fields:
            start = number
        fields[key] = _unquote(value.strip(), where)
        last = key
    flush()
    return entries


def quote_po(text: str) -> str:
    """A string as a ``.po`` value; multi-line text as "" followed by one line per string."""
    def one(part: str) -> str:
        escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        escaped = escaped.replace("\b", "\\b")
        return '"' + escaped.replace("\n", "\\n") + '"'

    if "\n" not in text:
        return one(text)
    pieces = text.splitlines(keepends=True)
    return '""\n' + "\n".join(one(p) for p in pieces)
