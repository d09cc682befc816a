"""Every user-facing text of jyscore, in English, and the functions that turn it into words.

The one place to import from. Nothing else in jyscore spells out a message: the code that finds a
problem names its stable code and the values it found (:func:`render_message`), and the code that
shows anything else names a hint (:func:`hint`, :func:`phrase`). English is the source text; the
other languages are gettext catalogues (``locale/zh/LC_MESSAGES/jyscore.po``) whose entries are
found by the code (or hint name) as ``msgctxt`` and the English text as ``msgid``
(:mod:`jyscore.i18n.catalogue`). Every entry is a complete sentence or phrase with named
placeholders; a value that is itself words (``what``, ``expected``, ``reason`` …) is a
:class:`Phrase`, another entry of :data:`HINTS`, rendered in the same language — never English
text from the code.

The texts are kept in tables by area, gathered here:

- ``MESSAGES``, the problem codes: ``codes_files`` (reading a file, Excel workbooks, writing
  outputs), ``codes_sheets`` (a sheet's content), ``codes_rubrics`` (a rubric file) and
  ``codes_runs`` (checks across a run, assessor panels, ranking);
- ``HINTS``, every other text: ``hints_checks`` (words passed into the problem texts, rules and
  explain's arithmetic in words) and ``hints_outputs`` (forms, workbooks, validate, rank, grades,
  compare, the report, labels). Two tables, not one per area: each module imported costs start-up
  time.

The codes are stable: a test, a CI log or a conversation can refer to ``JY101`` for years.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from jyscore.i18n import hints_checks, hints_outputs
from jyscore.i18n.catalogue import translate

if TYPE_CHECKING:
    from jyscore.i18n.codes import Message

    MESSAGES: dict[str, Message]  # gathered on first use, see __getattr__

# Fragments that the checks pass into the problem texts, and every other text a user reads.
HINTS: dict[str, str] = {**hints_checks.HINTS, **hints_outputs.HINTS}


@cache
def _messages() -> dict[str, Message]:
    # Imported on the first problem, not with this module: a run without problems (the common
    # `jyscore score`) never reads the problem codes, which keeps start-up light.
    from jyscore.i18n import codes_files, codes_rubrics, codes_runs, codes_sheets

    return {
        **codes_files.MESSAGES,
        **codes_sheets.MESSAGES,
        **codes_rubrics.MESSAGES,
        **codes_runs.MESSAGES,
    }


def __getattr__(name: str) -> object:
    """``MESSAGES`` (every problem code) and ``Message``, loaded when first asked for."""
    if name == "MESSAGES":
        return _messages()
    if name == "Message":
        from jyscore.i18n.codes import Message

        return Message
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Phrase(NamedTuple):
    """Words passed as a message's parameter: a hint rendered in the language of the message.

    Kept as data in a problem's ``params`` (picklable, language-free), so that the message can
    be rendered again in another language.
    """

    name: str
    params: Mapping[str, object] = {}

    def __str__(self) -> str:
        return hint(self.name, **self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def phrase(name: str, /, **params: object) -> Phrase:
    if name not in HINTS:
        raise KeyError(name)
    return Phrase(name, params)


def _resolved(params: Mapping[str, object]) -> dict[str, object]:
    return {k: str(v) if isinstance(v, Phrase) else v for k, v in params.items()}


_OS_ERRORS = {
    "ENOENT": "os-not-found",
    "EACCES": "os-permission",
    "EPERM": "os-permission",
    "EISDIR": "os-is-folder",
    "ENOTDIR": "os-not-folder",
    "ENAMETOOLONG": "os-too-long",
    "ELOOP": "os-loop",
    "ENOSPC": "os-no-space",
    "EROFS": "os-read-only",
    "EBUSY": "os-busy",
    "ETXTBSY": "os-busy",
}


def os_error_phrase(error: OSError) -> Phrase:
    """Why the system refused, in our words (``strerror`` is English, or the C locale's)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    if name in _OS_ERRORS:
        return Phrase(_OS_ERRORS[name])
    return Phrase("os-other", {"name": name or type(error).__name__})


def counted(name: str, count: object) -> str:
    """The hint ``name``, or its ``-one`` variant when ``count`` is exactly 1 (``1 point``,
    ``0.5 points``, ``2 points``): languages that inflect say it in the catalogue."""
    return f"{name}-one" if count == 1 and f"{name}-one" in HINTS else name


def damage_phrase(error: BaseException) -> Phrase:
    """Why a workbook could not be read (JY604), in words: by the kind of the failure, never its
    class name."""
    import zipfile
    import zlib

    if isinstance(error, (zipfile.BadZipFile, zlib.error, EOFError)):
        return Phrase("xlsx-damaged-zip")
    if isinstance(error, NotImplementedError):
        return Phrase("xlsx-zip-method")
    if isinstance(error, KeyError):
        return Phrase("xlsx-missing-part")
    if isinstance(error, IndexError):
        return Phrase("xlsx-bad-reference")
    if isinstance(error, (ValueError, TypeError)):
        return Phrase("xlsx-bad-value")
    return Phrase("xlsx-xml-damaged")


def hint(name: str, /, **params: object) -> str:
    template = translate(name, HINTS[name])
    return template.format(**_resolved(params)) if params else template


def render_message(code: str, params: Mapping[str, object]) -> str:
    return translate(code, _messages()[code].template).format(**_resolved(params))


def slug(code: str) -> str:
    return _messages()[code].slug
