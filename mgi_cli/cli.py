"""The mgi command line: each command parses its arguments, calls the core, renders, prints.

Only this module (with output.py, its printing half) prints or exits. Errors from the core
(MgiError) become one line on stderr and exit code 2 (usage) or 1 (nothing found), in one
place: _Group.invoke.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from mgi_cli import __version__
from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.model import KINDS
from mgi_cli.output import OutputFormat, SimpleFormat, write, write_json

if TYPE_CHECKING:  # keep startup lean: the core is imported when a command needs it
    from mgi_cli.library import Library


class _Lazy:
    """A module imported on first use: `mgi show -f json` never imports rich's renderers."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        from importlib import import_module

        return getattr(import_module(self._name), attribute)


render = _Lazy("mgi_cli.render")
rows = _Lazy("mgi_cli.rows")
serialize = _Lazy("mgi_cli.serialize")
textformats = _Lazy("mgi_cli.textformats")


class _Group(TyperGroup):
    """Turns the core's exceptions into one line on stderr and a trustworthy exit code."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MgiError as error:
            prefix = "" if isinstance(error, NothingFound) else "Error: "
            typer.echo(f"{prefix}{error}", err=True)
            raise typer.Exit(error.exit_code) from None
        finally:
            if isinstance(ctx.obj, Settings):
                _store_warnings(ctx.obj)


app = typer.Typer(
    cls=_Group,
    name="mgi",
    help="Read, search and compare IOM Migration Governance Indicators (MGI) profiles.\n\n"
    "Example: mgi show kazakhstan",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Kind(str, Enum):
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

    return [i.domain.key for i in DOMAINS if i.domain.key.startswith(incomplete.lower())]


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="table for people; json, csv or markdown to reuse."),
]
SimpleFormatOption = Annotated[
    SimpleFormat, typer.Option("--format", "-f", help="table for people, json for programs.")
]
DomainOption = Annotated[
    str | None,
    typer.Option("--domain", "-d", help="Only this domain: key, number 1-6, name or alias.",
                 autocompletion=complete_domain),
]
OnlyOption = Annotated[
    Kind | None,
    typer.Option("--only", help="Only well-developed areas (strengths) or the others (gaps)."),
]
SaveOption = Annotated[
    Path | None,
    typer.Option("--save", help="Also save the table as shown, to a .svg, .html or .txt file."),
]
LanguageOption = Annotated[
    Language,
    typer.Option("--lang", envvar="MGI_LANG",
                 help="The language a plain id means when a profile exists in several."),
]
ProfileArgument = Annotated[
    str, typer.Argument(help="Profile id, name, country or ISO code.",
                        autocompletion=complete_profile)
]


class Settings:
    """The global options, and what one command loads once (a plain class: a dataclass
    compiles its methods at import, on every start)."""

    def __init__(self, data_dir: Path | None, no_color: bool, pager: bool,
                 language: str = "en") -> None:
        self.data_dir, self.no_color, self.pager = data_dir, no_color, pager
        self.language = language  # what a plain id prefers among a profile's translations
        self.library: Library | None = None
        self.warned = 0  # how many of the library's warnings were printed


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mgi {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", envvar="MGI_DATA_DIR",
                     help="Read profiles from this folder instead of the bundled ones."),
    ] = None,
    lang: LanguageOption = Language.en,
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the output.")] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page long output, even on a terminal.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Read, search and compare IOM Migration Governance Indicators (MGI) profiles.

    Example: mgi show kazakhstan
    """
    ctx.obj = Settings(data_dir, no_color, pager=not no_pager, language=lang.value)


# -- loading ----------------------------------------------------------------------------------

PROGRESS_AFTER_SECONDS = 0.3


def _library(ctx: typer.Context) -> Library:
    """The profiles of the data folder (or the bundled seeds), loaded once per command."""
    settings: Settings = ctx.obj
    if settings.library is None:
        from mgi_cli import library

        found = _with_progress(lambda on_file: library.open(
            settings.data_dir, language=settings.language, on_file=on_file))
        settings.library = found
        _store_warnings(settings)
        _warn([p for p in found.problems if p.warn])
        if not found.profiles:
            folder = settings.data_dir or "the bundled profiles"
            raise NothingFound(f"No MGI profiles found in {str(folder)!r}; see mgi check.")
    return settings.library


def _store_warnings(settings: Settings) -> None:
    """What the store had to do (rebuilt, not used), each said once, when it happens."""
    if settings.library is None:
        return
    for warning in settings.library.warnings[settings.warned:]:
        typer.echo(f"warning: {warning}", err=True)
    settings.warned = len(settings.library.warnings)


WARNINGS_PER_FILE = 3
WARNINGS_IN_ALL = 10


def _warn(problems: list) -> None:
    """One line per problem on stderr, at most a few per file and a few in all: damaged files
    should not bury the results under thousands of lines; `mgi check` lists them all."""
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in problems:
        if shown.get(problem.source, 0) >= WARNINGS_PER_FILE or sum(
                shown.values()) >= WARNINGS_IN_ALL:  # a dozen numbers at most
            hidden[problem.source] = hidden.get(problem.source, 0) + 1
            continue
        shown[problem.source] = shown.get(problem.source, 0) + 1
        where = f"{problem.source}:{problem.line}" if problem.line else problem.source
        typer.echo(f"warning: {where}: {problem.message} (see mgi check)", err=True)
    if len(hidden) == 1:
        (source, more), = hidden.items()
        typer.echo(f"warning: {source}: {more} more problems (see mgi check)", err=True)
    elif hidden:
        typer.echo(f"warning: {sum(hidden.values())} more problems in {len(hidden)} files "
                   "(see mgi check)", err=True)


def _with_progress(load: Callable[[Any], Library]) -> Library:
    """Run `load(on_file)`; on a terminal, a progress bar on stderr once loading takes a
    moment."""
    if not sys.stderr.isatty():
        return load(None)
    started = time.monotonic()
    bar: dict[str, Any] = {}

    def step(done: int, total: int, path: Path) -> None:
        if not bar and time.monotonic() - started > PROGRESS_AFTER_SECONDS:
            from rich.console import Console
            from rich.progress import Progress

            bar["progress"] = Progress(console=Console(stderr=True), transient=True)
            bar["task"] = bar["progress"].add_task("Reading profiles", total=total)
            bar["progress"].start()
        if bar:
            bar["progress"].update(bar["task"], completed=done, description=f"Reading {path.name}")

    try:
        return load(step)
    finally:
        if bar:
            bar["progress"].stop()


# -- output -----------------------------------------------------------------------------------


def _emit(ctx: typer.Context, output: Enum, save: Path | None = None, **views: Any) -> None:
    """Print one view: `table` (a rich renderable), `json` (data), `csv` (columns, rows) or
    `markdown` (text), each given as a function so only the one asked for is built."""
    from mgi_cli import output as out

    if save is not None and output.value != "table":
        raise MgiError("--save keeps a copy of a table; leave out --format or use --format table.")
    out.check_save_path(save)
    view = views[output.value]()
    if output.value == "json":
        write_json(view)
    elif output.value == "csv":
        from mgi_cli.textformats import to_csv

        sys.stdout.write(to_csv(*view))
    elif output.value == "markdown":
        write(view)
    else:
        settings: Settings = ctx.obj
        out.print_table(view, settings.no_color, settings.pager, save)


def _kinds(only: Kind | None) -> tuple[str, ...]:
    return (only.value,) if only else KINDS


def _domain(domain: str | None):
    if domain is None:  # most runs: the domain table is not imported
        return None
    from mgi_cli.domains import resolve_domain

    return resolve_domain(domain)


# -- commands ---------------------------------------------------------------------------------


@app.command("list")
def list_profiles(
    ctx: typer.Context, output: FormatOption = OutputFormat.table, save: SaveOption = None
) -> None:
    """List the profiles: id, name, level, country, date, edition and findings per list.

    Example: mgi list --format csv > profiles.csv
    """
    profiles = _library(ctx).profiles
    _emit(ctx, output, save,
          table=lambda: render.profile_list(profiles),
          json=lambda: [serialize.profile_summary(p) for p in profiles],
          csv=lambda: rows.profile_rows(profiles),
          markdown=lambda: textformats.rows_table(*rows.profile_rows(profiles)))


@app.command()
def show(
    ctx: typer.Context,
    profile: ProfileArgument,
    domain: DomainOption = None,
    only: OnlyOption = None,
    output: FormatOption = OutputFormat.table,
    save: SaveOption = None,
) -> None:
    """Show one profile: all six domains, both lists, under MGI's own wording.

    Example: mgi show kazakhstan --domain partnerships
    """
    wanted = _domain(domain)
    found = _library(ctx).profile(profile)
    blocks = [b for b in found.domains if wanted is None or b.domain.key == wanted.key]
    kinds = _kinds(only)

    _emit(ctx, output, save,
          table=lambda: render.profile_view(found, blocks, kinds),
          json=lambda: serialize.profile_dict(found, blocks, kinds),
          csv=lambda: rows.finding_rows([found], blocks, kinds),
          markdown=lambda: textformats.profile_markdown(found, blocks, kinds))


@app.command()
def compare(
    ctx: typer.Context,
    profiles: Annotated[list[str], typer.Argument(help="Two to four profiles.",
                                                  autocompletion=complete_profile)],
    domain: DomainOption = None,
    only: OnlyOption = None,
    shared: Annotated[bool, typer.Option(
        "--shared", help="Only findings that say nearly the same thing in several profiles.")
    ] = False,
    output: FormatOption = OutputFormat.table,
    save: SaveOption = None,
) -> None:
    """Set two to four profiles side by side, one table per domain; shared findings marked.

    Example: mgi compare azerbaijan kyrgyzstan --domain partnerships
    """
    comparison = _library(ctx).compare(profiles, _domain(domain))
    if shared:
        comparison = comparison.only_shared()
        if not comparison.rows:
            raise NothingFound("These profiles share no findings that say nearly the same thing.")
    kinds = _kinds(only)

    _emit(ctx, output, save,
          table=lambda: render.comparison_view(comparison, kinds),
          json=lambda: serialize.comparison_dict(comparison, kinds),
          csv=lambda: rows.comparison_rows(comparison, kinds),
          markdown=lambda: textformats.comparison_markdown(comparison, kinds))


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(
        help='Words to find (every one); "a phrase" in quotes; prefix* for any ending.')],
    domain: DomainOption = None,
    profile: Annotated[
        list[str] | None,
        typer.Option("--profile", "-p", help="Only this profile (repeatable).",
                     autocompletion=complete_profile),
    ] = None,
    only: OnlyOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Show the N most relevant.")
    ] = None,
    lang: Annotated[
        Language | None, typer.Option("--lang", help="Only profiles in this language.")
    ] = None,
    exact: Annotated[bool, typer.Option(
        "--exact", help="The words as typed: no stems, spellings, translations or typos.")
    ] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="List the forms each term was searched in, before the hits.")
    ] = False,
    output: FormatOption = OutputFormat.table,
    save: SaveOption = None,
) -> None:
    """Find every finding on a subject across profiles and languages, most relevant first.

    Example: mgi search "trafficking" --domain safe --limit 10
    """
    from mgi_cli.search import check_query

    check_query(query)  # a bad query is a usage error before any file is read
    library = _library(ctx)
    try:
        found = library.search(query, domain=_domain(domain), profiles=profile,
                               kinds=_kinds(only), limit=limit,
                               language=lang.value if lang else None, exact=exact)
    except NothingFound:
        if output.value == "table" and not explain:
            raise
        from mgi_cli.query import plan  # no hits: still what was searched, and the shape

        terms = plan(query, library.index, exact) if explain else None
        _search_views(ctx, output, save, query, [], 0, terms)
        raise typer.Exit(1) from None
    _search_views(ctx, output, save, query, found.hits, found.total,
                  found.terms if explain else None)


def _search_views(ctx: typer.Context, output: OutputFormat, save: Path | None, query: str,
                  shown: list, total: int, terms: list | None) -> None:
    """Hits in the format asked for; with no hits, JSON's empty list and the CSV and
    Markdown headers (the contract holds), and the table's explanation, if asked for."""
    if not shown and output.value == "table":
        typer.echo(f"No findings match {query!r}.", err=True)
    _emit(ctx, output, save,
          table=lambda: render.search_view(query, shown, total, terms),
          json=lambda: serialize.search_dict(query, shown, total, terms),
          csv=lambda: rows.hit_rows(shown),
          markdown=lambda: textformats.rows_table(*rows.hit_rows(shown)))


@app.command()
def overview(
    ctx: typer.Context, output: FormatOption = OutputFormat.table, save: SaveOption = None
) -> None:
    """A matrix of profiles by the six domains: findings per list in each cell (not scores).

    Example: mgi overview --format markdown > overview.md
    """
    profiles = _library(ctx).profiles
    _emit(ctx, output, save,
          table=lambda: render.overview_view(profiles),
          json=lambda: serialize.overview_list(profiles),
          csv=lambda: rows.overview_rows(profiles),
          markdown=lambda: textformats.overview_markdown(*rows.overview_rows(profiles)))


@app.command("diff")
def diff_editions(
    ctx: typer.Context,
    profiles: Annotated[list[str], typer.Argument(
        help="A profile (its previous edition to this one), or two profiles (from, to).",
        autocompletion=complete_profile)],
    unchanged: Annotated[bool, typer.Option(
        "--unchanged", help="Also list the findings that did not change.")] = False,
    output: SimpleFormatOption = SimpleFormat.table,
    save: SaveOption = None,
) -> None:
    """What changed between two editions: findings kept, reworded, new, gone or moved.

    Example: mgi diff kyrgyzstan
    """
    changes = _library(ctx).diff(*profiles)

    _emit(ctx, output, save,
          table=lambda: render.diff_view(changes, unchanged),
          json=lambda: serialize.diff_dict(changes))


@app.command()
def export(
    ctx: typer.Context,
    output: Annotated[ExportFormat, typer.Option("--format", "-f", help="json, csv or sqlite.")
                      ] = ExportFormat.json,
    path: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here (required for sqlite); else to stdout.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing file (not needed for -, a pipe or a device).")
                     ] = False,
) -> None:
    """Export every finding, one per row: JSON, CSV, or SQLite with full-text search.

    Example: mgi export --format sqlite --output mgi.db && datasette mgi.db
    """
    from mgi_cli import export as exporter
    from mgi_cli.rows import finding_rows
    from mgi_cli.serialize import to_json
    from mgi_cli.textformats import to_csv

    if output is ExportFormat.sqlite and path is None:
        raise MgiError("--format sqlite needs --output FILE (or '-o -' to send the database's "
                       "bytes to stdout).")
    lib = _library(ctx)
    profiles = lib.with_findings()
    if output is ExportFormat.sqlite:
        exporter.write_sqlite(lib, path, force)
        where = "stdout" if str(path) == "-" else path
        typer.echo(f"Wrote {where}: {len(profiles)} profiles.", err=True)
        return
    columns, found = finding_rows(profiles)
    text = to_json(found) + "\n" if output is ExportFormat.json else to_csv(columns, found)
    if path is None or str(path) == "-":
        sys.stdout.write(text)
    else:
        exporter.write_text(path, text, force)


@app.command()
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (default: the data folder).")
    ] = None,
    output: SimpleFormatOption = SimpleFormat.table,
) -> None:
    """Check profile files: what each holds, every guess, everything that could not be placed.

    Exit code 0 when every file is clean (nothing guessed, nothing left out), 1 otherwise.

    Example: mgi check ~/mgi-profiles/
    """
    from mgi_cli import library
    from mgi_cli.check import check as check_files
    from mgi_cli.check import summary

    language = ctx.obj.language
    found = _with_progress(lambda on_file: library.read(paths, language=language, on_file=on_file)
                           if paths else library.open(ctx.obj.data_dir, language=language,
                                                      on_file=on_file))
    ctx.obj.library = found
    _store_warnings(ctx.obj)
    files = check_files(found)
    line = summary(files)

    _emit(ctx, output, table=lambda: render.check_view(files, line),
          json=lambda: serialize.check_dict(files, line))
    if not files or not all(f.clean for f in files):
        raise typer.Exit(1)


@app.command("domains")
def list_domains(ctx: typer.Context, output: SimpleFormatOption = SimpleFormat.table) -> None:
    """List the six MGI domains: number, key, name, accepted aliases, what each covers.

    Example: mgi domains
    """
    from mgi_cli.domains import DOMAINS

    _emit(ctx, output, table=render.domains_view, json=lambda: [
        {**vars(i.domain), "aliases": list(i.aliases), "national": i.national, "local": i.local}
        for i in DOMAINS
    ])


def main() -> None:
    """The `mgi` command. Typer builds every registered command before parsing; a process
    runs one, so only that one is kept (mgi starts on every Tab of shell completion)."""
    invoked = _invoked_command(_words())
    if invoked is not None:
        app.registered_commands = [c for c in app.registered_commands if _name(c) == invoked]
    app(prog_name="mgi")


def _words() -> list[str]:
    """The command line's words, or the words being completed in completion mode."""
    if "_MGI_COMPLETE" not in os.environ:
        return sys.argv[1:]
    import shlex

    line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS", "")
    try:
        words = shlex.split(line)[1:]
    except ValueError:
        return []
    # The word under the cursor may be a command name still being typed: keep them all.
    cursor = os.environ.get("COMP_CWORD")
    return words[: int(cursor) - 1] if cursor and cursor.isdigit() else words[:-1]


_VALUED_GLOBALS = ("--data-dir", "--lang")  # global options followed by a value


def _invoked_command(words: list[str]) -> str | None:
    """The command the words name, past the global options; None for top-level help."""
    names = {_name(c) for c in app.registered_commands}
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in _VALUED_GLOBALS:
            skip = True
        elif word in ("-h", "--help", "--version") or word.startswith("--install-completion") or (
                word.startswith("--show-completion")):
            return None
        elif not word.startswith("-"):
            return word if word in names else None
    return None


def _name(command: Any) -> str:
    return command.name or command.callback.__name__.replace("_", "-")
