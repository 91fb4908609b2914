"""The command line's options and arguments, each defined once and reused by every command
that takes it (an Enum for its choices, an Annotated alias for its help and completion)."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from mgi_cli.views import OutputFormat, SimpleFormat

__all__ = ["OutputFormat", "SimpleFormat"]


class ListChoice(str, Enum):
    """--only: one of MGI's two lists."""

    strengths = "strengths"
    gaps = "gaps"


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    sqlite = "sqlite"


class Language(str, Enum):
    en = "en"
    fr = "fr"
    es = "es"


def complete_profile(ctx: typer.Context, incomplete: str) -> list[str]:
    """Profile ids for shell completion (never fails: completion must stay quiet)."""
    from mgi_cli.completion import profile_ids

    params = ctx.find_root().params or {}
    lang = params.get("lang")  # a Language, or the string typed on the line being completed
    language = str(getattr(lang, "value", lang) or os.environ.get("MGI_LANG") or "en")
    return [i for i in profile_ids(params.get("data_dir"), language)
            if i.startswith(incomplete.lower())]


def complete_domain(incomplete: str) -> list[str]:
    from mgi_cli.domains import DOMAINS

    keys = [i.domain.key for i in DOMAINS] + ["unclassified"]
    return [key for key in keys if key.startswith(incomplete.lower())]


def checked_save(save: Path | None) -> Path | None:
    """--save: a name mgi can write, refused before anything is read or printed."""
    if save is None:  # most runs, completion among them: nothing to import
        return None
    from mgi_cli.terminal import SAVE_SUFFIXES

    if save.suffix.lower() not in SAVE_SUFFIXES:
        raise typer.BadParameter(f"takes a file ending in {', '.join(SAVE_SUFFIXES)}, "
                                 f"not {str(save)!r}.")
    return save


def data_folder(typed: str | None) -> Path | None:
    """--data-dir / MGI_DATA_DIR as a folder: never empty (that would quietly mean the current
    folder), `~` expanded as a shell would (an environment variable's value is not)."""
    if typed is None:
        return None
    if not typed.strip():
        raise typer.BadParameter("is empty: give a folder, or leave it out for the bundled "
                                 "profiles and your library.", param_hint="--data-dir")
    return Path(typed).expanduser()


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="table for people; json, csv or markdown to reuse."),
]
SimpleFormatOption = Annotated[
    SimpleFormat, typer.Option("--format", "-f", help="table for people, json for programs.")
]
DomainsOption = Annotated[  # a list, so that a repeated --domain is seen, never dropped
    list[str] | None,
    typer.Option("--domain", "-d", metavar="<domain>",
                 help="Only this domain: key, number 1-6, name, alias or unclassified.",
                 autocompletion=complete_domain),
]
OnlyOption = Annotated[
    ListChoice | None,
    typer.Option("--only", help="Only well-developed areas (strengths) or the others (gaps)."),
]
SaveOption = Annotated[
    Path | None,
    typer.Option("--save", callback=checked_save,
                 help="Also save the table as shown, to a .svg, .html or .txt file."),
]
LanguageOption = Annotated[
    Language,
    typer.Option("--lang", envvar="MGI_LANG",
                 help="The language a plain id means when a profile exists in several."),
]
DataDirOption = Annotated[  # a str: a Path would make "" the current folder
    str | None,
    typer.Option("--data-dir", envvar="MGI_DATA_DIR", metavar="<folder>",
                 help="Read profiles from this folder instead of the bundled ones and your "
                 "library."),
]
ProfileArgument = Annotated[
    str, typer.Argument(help="Profile id, name, country or ISO code.",
                        autocompletion=complete_profile)
]
ProfilesArgument = Annotated[
    list[str], typer.Argument(help="Two to four profiles.", autocompletion=complete_profile)
]
EditionsArgument = Annotated[list[str], typer.Argument(
    help="A profile (from its previous edition), or two editions of one profile.",
    autocompletion=complete_profile)]
QueryArgument = Annotated[str, typer.Argument(
    help='Words to find (every one); "a phrase" in quotes; prefix* for any ending.')]
PathsArgument = Annotated[list[Path] | None, typer.Argument(
    help="Files or folders (default: the data folder).")]
ProfileFilterOption = Annotated[list[str] | None, typer.Option(
    "--profile", "-p", help="Only this profile (repeatable).", autocompletion=complete_profile)]
LimitOption = Annotated[int | None, typer.Option(
    "--limit", "-n", min=1, help="Show the N most relevant.")]
LanguageFilterOption = Annotated[Language | None, typer.Option(
    "--lang", help="Only profiles in this language.")]
ExactOption = Annotated[bool, typer.Option(
    "--exact", help="The words as typed: no stems, spellings, translations or typos.")]
ExplainOption = Annotated[bool, typer.Option(
    "--explain", help="List the forms each term was searched in, before the hits.")]
SharedOption = Annotated[bool, typer.Option(
    "--shared", help="Only findings that say nearly the same thing in several profiles.")]
UnchangedOption = Annotated[bool, typer.Option(
    "--unchanged", help="Also list the findings that did not change.")]
ExportFormatOption = Annotated[ExportFormat, typer.Option(
    "--format", "-f", help="json, csv or sqlite.")]
OutputPathOption = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write here (required for sqlite); else to stdout.")]
ForceOption = Annotated[bool, typer.Option(
    "--force", help="Replace an existing file (not needed for -, a pipe or a device).")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Never colour the output.")]
NoPagerOption = Annotated[bool, typer.Option(
    "--no-pager", help="Never page long output, even on a terminal.")]
ObjectiveOption = Annotated[str | None, typer.Option(
    "--objective", metavar="<objective>",
    help="Only findings on this GCM objective: its number 1-23 or a word of its name.")]
WhyOption = Annotated[bool, typer.Option(
    "--why", help="Show the cue in the text that gave each objective.")]
ObjectivesFlag = Annotated[bool, typer.Option(
    "--objectives", help="Show each finding's GCM objectives beside it.")]
OptionalProfilesArgument = Annotated[list[str] | None, typer.Argument(
    help="Profiles (default: every profile loaded).", autocompletion=complete_profile)]
