"""``--lang`` and help texts that follow it: click commands and options whose help is looked up
in the catalogue when the help is shown, not when the command is defined.

The English help stays where click users expect it (a command's docstring, an option's
``help=``) and is the catalogue's ``msgid``; the ``msgctxt`` is ``help:<command name>`` for a
command and ``help:<first long option>`` (``help:--format``) for an option. A
:class:`LocalizedCommand` turns its plain options into :class:`LocalizedOption` when it is built,
so a command module only says ``@click.command(cls=LocalizedCommand)``.

``--lang`` is read before click parses anything (:func:`language_in_args`), wherever it stands
on the command line, so that even ``jyscore rank --help --lang zh`` is in Chinese; the option is
also declared on the group and on every command, so that click accepts it and lists it.

Click's own words (``Usage:``, ``Options:``, ``Error: Missing argument …``) come from
:func:`gettext.gettext` inside click; :func:`install_click_translation` points click's modules at
our catalogue (context ``click``), since click offers no other hook for an application's own
catalogue.
"""

from __future__ import annotations

import importlib
import inspect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import click

from jyscore.i18n.catalogue import LANGUAGES, set_language, translate

LANG_HELP = (
    "Language of messages and help: zh (中文) or en [default: JYSCORE_LANG, else the locale]."
)


def help_key(param: click.Parameter) -> str:
    long_names = [o for o in param.opts if o.startswith("--")]
    return f"help:{(long_names or param.opts)[0]}"


class TranslatedHelp:
    """``help`` kept in English as written (``english_help``) and translated each time it is read,
    under the catalogue key :meth:`catalogue_key` gives."""

    def catalogue_key(self) -> str:
        raise NotImplementedError

    @property
    def help(self) -> str | None:
        english = self.english_help
        return translate(self.catalogue_key(), english) if english else english

    @help.setter
    def help(self, value: str | None) -> None:
        vars(self)["_english_help"] = inspect.cleandoc(value) if value else value

    @property
    def english_help(self) -> str | None:
        english: str | None = vars(self).get("_english_help")
        return english


class LocalizedOption(click.Option, TranslatedHelp):
    """An option whose ``help`` is translated each time it is read (key ``help:--name``).

    click's own options become this class in place (``localize_option``), which Python allows
    only while ``click.Option`` comes first; click defines no ``help`` of its own above it."""

    def catalogue_key(self) -> str:
        return help_key(self)

    def make_metavar(self, ctx: click.Context) -> str:
        return localized_metavar(super().make_metavar(ctx))


METAVAR_WORD = re.compile(r"[A-Z]{2,}")


def localized_metavar(english: str) -> str:
    """A metavar (``SHEET...``, ``[OPTIONS]``, ``INTEGER RANGE``) in the language, context
    ``metavar``; a list of choices (``zh|en``) is left as it is."""
    return translate("metavar", english) if METAVAR_WORD.search(english) else english


class LocalizedArgument(click.Argument):
    """An argument whose metavar (``SHEET...``) is translated each time it is shown."""

    def make_metavar(self, ctx: click.Context) -> str:
        return localized_metavar(super().make_metavar(ctx))


def localize_option(option: click.Option) -> click.Option:
    """Make a plain click option a :class:`LocalizedOption` (same object, same settings)."""
    if type(option) is click.Option:
        english = vars(option).pop("help", None)
        option.__class__ = LocalizedOption
        option.help = english
    return option


def display_width(text: str) -> int:
    """Terminal columns of ``text``: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wide(text: str) -> bool:
    return display_width(text) != len(text)


_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_OPENING = "（《「『“〔【"
_CLOSING = "，。；：、）》」』”！？〕】,.;:)!?"
# a unit that may not be split: one wide character or one run of other non-space characters,
# with opening punctuation kept on the next line and closing punctuation on this one; compiled
# (by re's cache) when help is first wrapped, not at start-up: ~2 ms for its character classes
_UNIT = rf"[{_OPENING}]*(?:[{_WIDE}]|[^\s{_WIDE}]+)[{_CLOSING}]*[ \t]*"


def wrap_wide(text: str, width: int, indent: str = "") -> list[str]:
    """One paragraph as lines of at most ``width`` terminal columns (a longer word stays whole)."""
    lines: list[str] = []
    line = ""
    for unit in re.findall(_UNIT, " ".join(text.split())):
        if line and display_width(indent + line + unit.rstrip()) > width:
            lines.append(indent + line.rstrip())
            line = ""
        line += unit
    if line.strip():
        lines.append(indent + line.rstrip())
    return lines


def _paragraphs(text: str) -> list[tuple[str, bool, str]]:
    """(indent, keep as it is, text) per paragraph, as click reads them (``\\b`` keeps one)."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.splitlines()
        if not lines:
            continue
        if lines[0].strip() == "\b":
            out.append(("", True, "\n".join(lines[1:])))
        else:
            indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
            out.append((indent, False, " ".join(line.strip() for line in lines)))
    return out


def short_help(text: str, limit: int) -> str:
    """A help's first sentence in at most ``limit`` terminal columns, cut after a clause (or a
    character) with "…" when it is longer."""
    first = _paragraphs(text)[0][2] if text.strip() else ""
    sentence = re.split(r"(?<=[。！？])|(?<=\.)\s", first, maxsplit=1)[0].strip()
    sentence = sentence.rstrip("。.")
    if display_width(sentence) <= limit:
        return sentence
    cut = ""
    for clause in re.findall(r"[^，；：,;:]+[，；：,;:]?", sentence):
        if display_width(cut + clause) + 1 > limit:
            break
        cut += clause
    if not cut:
        for char in sentence:
            if display_width(cut + char) + 1 > limit:
                break
            cut += char
    return cut.rstrip("，；：,;: ") + "…"


class WideTextFormatter(click.HelpFormatter):
    """Click's help formatter, for text with Chinese characters: click wraps by characters and
    only at spaces, so a paragraph with wide characters is wrapped here by terminal columns,
    between any two Chinese characters, and the option column is aligned by display width."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        usage = translate("click", "Usage:")
        if prefix is None and _wide(usage):
            prefix = usage  # no space after a full-width colon
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if not _wide(heading):
            super().write_heading(heading)
            return
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        if not _wide(text):
            super().write_text(text)
            return
        indent = " " * self.current_indent
        blocks = []
        for extra, keep, paragraph in _paragraphs(text):
            if keep:
                blocks.append("\n".join(indent + line for line in paragraph.splitlines()))
            else:
                blocks.append("\n".join(wrap_wide(paragraph, self.width, indent + extra)))
        self.write("\n\n".join(blocks) + "\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        if not any(_wide(first) or _wide(second) for first, second in rows):
            super().write_dl(rows, col_max, col_spacing)
            return
        first_col = min(max((display_width(first) for first, _ in rows), default=0),
                        col_max) + col_spacing
        margin = " " * (first_col + self.current_indent)
        columns = max(self.width - first_col - self.current_indent, 10)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + margin)
            lines = wrap_wide(second, columns) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{margin}{line}\n")


class LocalizedContext(click.Context):
    formatter_class = WideTextFormatter


class LocalizedHelp(TranslatedHelp):
    """A mixin for click commands and groups: docstring help translated at help time."""

    name: str | None
    params: list[click.Parameter]
    context_class: type[click.Context] = LocalizedContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(lang_option())
        for param in self.params:
            if isinstance(param, click.Option):
                localize_option(param)
            elif type(param) is click.Argument:
                param.__class__ = LocalizedArgument

    # the catalogue's key is help:<name>; a group's subcommand is keyed help:<group> <name>
    help_name: str | None = None

    def catalogue_key(self) -> str:
        return f"help:{self.help_name or self.name}"

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces: list[str] = super().collect_usage_pieces(ctx)  # type: ignore[misc]
        return [localized_metavar(piece) for piece in pieces]

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence of the help, cut where a clause ends when it is too long: click
        cuts only at spaces, and a Chinese sentence has none (it would show only "...")."""
        text = vars(self).get("short_help") or self.help or ""
        if not _wide(text):
            return str(super().get_short_help_str(limit))  # type: ignore[misc]
        return short_help(text, limit)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        return localize_option(option) if option is not None else None


class LocalizedCommand(LocalizedHelp, click.Command):
    pass


class NotLocalizedError(TypeError):
    """A command or option built with plain click: its help would stay in English in every
    language (a bug of jyscore, found by :func:`jyscore.cli.load_command` and the catalogue
    tool)."""


class LocalizedGroup(LocalizedHelp, click.Group):
    """A group of commands (``jyscore rubric check``) whose subcommands are localized too."""

    command_class = LocalizedCommand

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(cmd, name)
        if isinstance(cmd, LocalizedHelp):
            cmd.help_name = f"{self.name} {name or cmd.name}"


def _set_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        set_language(value)


def lang_option() -> click.Option:
    return LocalizedOption(
        ["--lang"], type=click.Choice(LANGUAGES), default=None, expose_value=False,
        is_eager=True, callback=_set_language, metavar="zh|en", help=LANG_HELP,
    )


def language_in_args(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before ``--``, if it is a language."""
    found: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value in LANGUAGES:
            found = value
    return found


# click's strings that a user of jyscore sees; each is a catalogue entry with context "click"
CLICK_MODULES = ("core", "decorators", "exceptions", "types", "parser", "formatting", "termui",
                 "utils")


_ASCII_STOP = re.compile(r"(?<=[^\s.0-9A-Za-z_])\.(?=\s|$)")
_SPACE_AFTER_WIDE_STOP = re.compile(r"([。！？；，：）])[ \t]+")


def full_width_punctuation(text: str) -> str:
    """Click's sentences end in ASCII ``.`` and are joined with a space (``… 'SHEET'. Try …``);
    in Chinese a sentence ends in ``。`` and needs no space after it. A ``.`` inside a name or a
    number (``a.yaml``, ``0.1``) stays."""
    return _SPACE_AFTER_WIDE_STOP.sub(r"\1", _ASCII_STOP.sub("。", text))


class ClickText(str):
    """Click's text in the language; what click fills in is made to match it: a type's name
    (``integer range``) is translated (context ``click-type``) and, in a language that is not
    English, the punctuation click adds is made the language's."""

    def format(self, *args: object, **kwargs: object) -> str:
        if "number_type" in kwargs:
            kwargs["number_type"] = translate("click-type", str(kwargs["number_type"]))
        text = str.format(self, *args, **kwargs)
        return full_width_punctuation(text) if _wide(text) else text


def _click_gettext(message: str) -> str:
    return ClickText(translate("click", message))


def _click_ngettext(singular: str, plural: str, count: int) -> str:
    return ClickText(translate("click", singular if count == 1 else plural))


def install_click_translation() -> None:
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if callable(getattr(module, "_", None)):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if callable(getattr(module, "ngettext", None)):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]
