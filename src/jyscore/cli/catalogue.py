"""Every English text jyscore shows, as catalogue entries; and the tool that updates a ``.po``.

    python -m jyscore.cli.catalogue zh      # add new entries to locale/zh/…/jyscore.po

An entry keeps its translation while its English is unchanged; when the English of a key
changed, the old translation is kept but marked ``#, fuzzy`` (not shown) with the old English as
a ``#|`` comment, for the translator to revise; entries whose key is gone are dropped. Not
imported by jyscore at run time (it imports every command to read their help).
"""

from __future__ import annotations

import sys
from typing import NamedTuple

import click

from jyscore.cli.localized import (
    METAVAR_WORD,
    LocalizedHelp,
    LocalizedOption,
    NotLocalizedError,
    help_key,
)
from jyscore.i18n.catalogue import LANGUAGES, SOURCE_LANGUAGE, catalogue_path, quote_po, read_po

# click's own words that jyscore's users meet (help pages and usage errors), context "click"
CLICK_TEXTS = (
    "Usage:",
    "Options",
    "Commands",
    "Error: {message}",
    "Try '{command} {option}' for help.",
    "Missing argument",
    "Missing option",
    "Missing parameter",
    "Missing command.",
    "No such command {name!r}.",
    "No such option {name!r}.",
    "Option {name!r} does not take a value.",
    "Invalid value for {param_hint}: {message}",
    "Invalid value: {message}",
    "{name} {filename!r} does not exist.",
    "{name} {filename!r} is a directory.",
    "{name} {filename!r} is a file.",
    "file",
    "path",
    "directory",
    "{value} is not in the range {range}.",
    "{value!r} is not a valid {number_type}.",
    "default: {default}",
    "required",
    "Got unexpected extra argument ({args})",
    "Got unexpected extra arguments ({args})",
    "{value!r} is not {choice}.",
    "{value!r} is not one of {choices}.",
    "Option {name!r} requires an argument.",
    "Option {name!r} requires {nargs} arguments.",
    "Did you mean {possibility}?",
    "(Did you mean one of: {possibilities}?)",
    "Aborted!",
)


# the names of click's parameter types, as click fills them into its messages; context click-type
CLICK_TYPE_NAMES = ("integer", "integer range", "float", "float range", "boolean", "text",
                    "choice", "path", "file", "datetime", "uuid")


class Source(NamedTuple):
    context: str
    english: str
    where: str  # a reference comment for translators


def _command_entries() -> list[Source]:
    from jyscore.i18n import catalogue as i18n

    before = i18n._chosen
    i18n.set_language(SOURCE_LANGUAGE)  # the metavars as click makes them, in English
    try:
        return _english_command_entries()
    finally:
        i18n.set_language(before)


def _english_command_entries() -> list[Source]:
    """The help of every command and option, and the metavars that are words, in English."""
    from jyscore.cli import cli

    ctx = click.Context(cli, info_name="jyscore")
    entries: list[Source] = []
    seen: set[tuple[str, str]] = set()  # an option of several commands (--lang) is one entry
    metavars: set[str] = set()
    for command in _every_command(ctx):
        localized = _localized(command)
        key = localized.help_name or command.name
        where = f"jyscore {key} --help"
        if localized.english_help:
            entries.append(Source(f"help:{key}", localized.english_help, where))
        sub = click.Context(command, info_name=command.name, parent=ctx)
        metavars.update(command.collect_usage_pieces(sub))
        for option in _shown_options(command, sub):
            if not (option.is_flag or option.count):
                metavars.add(option.make_metavar(sub))
            option_key = (help_key(option), option.english_help or "")
            if option.english_help and option_key not in seen:
                seen.add(option_key)
                entries.append(Source(*option_key, where))
    entries.extend(_metavar_entries(metavars))
    return entries


def _every_command(ctx: click.Context) -> list[click.Command]:
    """jyscore itself, then each command in name order, a group followed by its subcommands
    (jyscore rubric check)."""
    from jyscore.cli import cli, command_names

    commands: list[click.Command] = [cli]
    for name in command_names():
        command = cli.get_command(ctx, name)
        if command is None:
            raise LookupError(name)
        commands.append(command)
        if isinstance(command, click.Group):
            commands.extend(command.commands[sub] for sub in sorted(command.commands))
    return commands


def _localized(command: click.Command) -> LocalizedHelp:
    """The command as a localized one, whose English help the catalogue holds."""
    if not isinstance(command, LocalizedHelp):
        raise NotLocalizedError(
            f"command {command.name} is not a LocalizedCommand or LocalizedGroup: its help "
            "would stay in English"
        )
    return command


def _shown_options(command: click.Command, ctx: click.Context) -> list[LocalizedOption]:
    """The options ``--help`` lists, the help option too; every one must be localized."""
    help_option = command.get_help_option(ctx)
    shown = []
    for param in [*command.params, *([help_option] if help_option else [])]:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        if not isinstance(param, LocalizedOption):
            raise NotLocalizedError(
                f"option {'/'.join(param.opts)} of {command.name} is not a LocalizedOption: "
                "its help would stay in English"
            )
        shown.append(param)
    return shown


def _metavar_entries(metavars: set[str]) -> list[Source]:
    """A list of choices (zh|en) is shown as it is; the other metavars are words."""
    return [Source("metavar", m, "metavar in --help") for m in sorted(metavars)
            if METAVAR_WORD.search(m)]


def source_entries() -> list[Source]:
    """Every (context, English) pair: problem codes, hints, help texts and click's words."""
    from jyscore.i18n.messages import HINTS, MESSAGES

    entries = [
        Source(code, m.template, f"problem {code} ({m.slug})") for code, m in MESSAGES.items()
    ]
    entries.extend(Source(name, text, f"hint {name}") for name, text in HINTS.items())
    entries.extend(_command_entries())
    entries.extend(Source("click", text, "click") for text in CLICK_TEXTS)
    entries.extend(Source("click-type", text, "click") for text in CLICK_TYPE_NAMES)
    return entries


HEADER = """# jyscore messages, {language}.
# msgctxt: the stable key (a problem code, a hint's name, help:<command or option>, click).
# msgid: the English text (jyscore's source); msgstr: its translation, with the same
# {{placeholders}}. Update with: python -m jyscore.cli.catalogue {language}
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: {language}\\n"
"""


class Translated(NamedTuple):
    source: Source
    msgstr: str
    old_english: str | None  # set when the English changed since the translation: fuzzy


def render_po(language: str, entries: list[Translated]) -> str:
    parts = [HEADER.format(language=language)]
    for entry in entries:
        lines = [f"#: {entry.source.where}"]
        if entry.old_english is not None:
            lines.append("#, fuzzy")
            lines.extend(f"#| {line}" for line in entry.old_english.splitlines() or [""])
        lines.append(f"msgctxt {quote_po(entry.source.context)}")
        lines.append(f"msgid {quote_po(entry.source.english)}")
        lines.append(f"msgstr {quote_po(entry.msgstr)}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def merge(entries: list[Source], old_text: str) -> list[Translated]:
    """Each source entry with its translation: exact (context, English) first; else the old
    translation of the same context, marked fuzzy (only for keys that are unique)."""
    exact: dict[tuple[str, str], str] = {}
    by_context: dict[str, list[tuple[str, str]]] = {}
    for entry in read_po(old_text):
        if entry.msgid and entry.msgstr:
            if not entry.fuzzy:
                exact[(entry.context, entry.msgid)] = entry.msgstr
            by_context.setdefault(entry.context, []).append((entry.msgid, entry.msgstr))
    out = []
    for source in entries:
        found = exact.get((source.context, source.english))
        if found is not None:
            out.append(Translated(source, found, None))
            continue
        previous = by_context.get(source.context, [])
        if len(previous) == 1 and source.context not in ("click",):
            out.append(Translated(source, previous[0][1], previous[0][0]))
        else:
            out.append(Translated(source, "", None))
    return out


def update(language: str) -> int:
    """Rewrite the language's ``.po`` with all source entries; return how many need translating."""
    path = catalogue_path(language)
    old_text = path.read_text(encoding="utf-8") if path.exists() else ""
    merged = merge(source_entries(), old_text)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_po(language, merged), encoding="utf-8")
    return sum(1 for e in merged if not e.msgstr or e.old_english is not None)


def main(argv: list[str] | None = None) -> int:
    languages = (argv if argv is not None else sys.argv[1:]) or [
        lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE
    ]
    for language in languages:
        try:
            missing = update(language)
        except NotLocalizedError as exc:  # nothing is written: the entries would be incomplete
            print(f"{catalogue_path(language)}: not updated: {exc}", file=sys.stderr)
            return 1
        entries = "entry" if missing == 1 else "entries"
        print(f"{catalogue_path(language)}: {missing} {entries} to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
