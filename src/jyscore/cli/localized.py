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

import inspect
from typing import Any, Sequence

import click

from ..i18n import LANGUAGES, set_language, translate

LANG_HELP = (
    "Language of messages and help: zh (中文) or en [default: JYSCORE_LANG, else the locale]."
)


def help_key(param: click.Parameter) -> str:
    long_names = [o for o in param.opts if o.startswith("--")]
    return f"help:{(long_names or param.opts)[0]}"


class LocalizedOption(click.Option):
    """An option whose ``help`` is translated each time it is read."""

    @property
    def help(self) -> str | None:
        english: str | None = vars(self).get("_english_help")
        return translate(help_key(self), english) if english else english

    @help.setter
    def help(self, value: str | None) -> None:
        vars(self)["_english_help"] = inspect.cleandoc(value) if value else value

    @property
    def english_help(self) -> str | None:
        english: str | None = vars(self).get("_english_help")
        return english


def localize_option(option: click.Option) -> click.Option:
    """Make a plain click option a :class:`LocalizedOption` (same object, same settings)."""
    if type(option) is click.Option:
        english = vars(option).pop("help", None)
        option.__class__ = LocalizedOption
        option.help = english
    return option


class LocalizedHelp:
    """A mixin for click commands and groups: docstring help translated at help time."""

    name: str | None
    params: list[click.Parameter]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(lang_option())
        for param in self.params:
            if isinstance(param, click.Option):
                localize_option(param)

    @property
    def help(self) -> str | None:
        english: str | None = vars(self).get("_english_help")
        return translate(f"help:{self.name}", english) if english else english

    @help.setter
    def help(self, value: str | None) -> None:
        vars(self)["_english_help"] = inspect.cleandoc(value) if value else value

    @property
    def english_help(self) -> str | None:
        english: str | None = vars(self).get("_english_help")
        return english

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        return localize_option(option) if option is not None else None


class LocalizedCommand(LocalizedHelp, click.Command):
    pass


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
CLICK_MODULES = ("core", "exceptions", "types", "parser", "formatting", "termui", "utils")


def _click_gettext(message: str) -> str:
    return translate("click", message)


def _click_ngettext(singular: str, plural: str, count: int) -> str:
    return translate("click", singular if count == 1 else plural)


def install_click_translation() -> None:
    import importlib

    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if callable(getattr(module, "_", None)):
            module._ = _click_gettext  # type: ignore[attr-defined]
        if callable(getattr(module, "ngettext", None)):
            module.ngettext = _click_ngettext  # type: ignore[attr-defined]
