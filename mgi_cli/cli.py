"""The mgi command line: each command takes its options, makes one library call, presents
one View (views/), and that is all.

Errors from the core (MgiError) and usage errors become one line on stderr and an exit code
in one place: boundary.py.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mgi_cli import __version__
from mgi_cli import options as opt
from mgi_cli.boundary import Boundary
from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.model import KINDS, Kind
from mgi_cli.session import Session
from mgi_cli.views import Lazy, View, present

if TYPE_CHECKING:  # names for annotations only: the core is imported when a command needs it
    from mgi_cli.gcm import Objective
    from mgi_cli.model import Domain
    from mgi_cli.query import Term
    from mgi_cli.search import Hit


table = Lazy("mgi_cli.views.table")
side_by_side = Lazy("mgi_cli.views.table_compare")
as_json = Lazy("mgi_cli.views.json")
as_csv = Lazy("mgi_cli.views.csv")
markdown = Lazy("mgi_cli.views.markdown")


app = typer.Typer(
    cls=Boundary,
    name="mgi",
    help="Read, search and compare IOM Migration Governance Indicators (MGI) profiles.\n\n"
    "Example: mgi show kazakhstan",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mgi {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: opt.DataDirOption = None,
    lang: opt.LanguageOption = opt.Language.en,
    no_color: opt.NoColorOption = False,
    no_pager: opt.NoPagerOption = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Read, search and compare IOM Migration Governance Indicators (MGI) profiles.

    Example: mgi show kazakhstan
    """
    from mgi_cli.terminal import Terminal

    # A test hands its own Terminal in as the context's object; a run detects the real one.
    terminal = ctx.obj if isinstance(ctx.obj, Terminal) else Terminal.detect()
    terminal = terminal.without(color=no_color, pager=no_pager)
    ctx.obj = Session(terminal, opt.data_folder(data_dir), language=lang.value)


def session_of(ctx: typer.Context) -> Session:
    session: Session = ctx.obj
    return session


def present_view(ctx: typer.Context, output: opt.OutputFormat | opt.SimpleFormat, view: View,
          save: Path | None = None) -> None:
    present(view, output, session_of(ctx).terminal, save)


def kinds_of(only: opt.ListChoice | None) -> tuple[Kind, ...]:
    return KINDS if only is None else (KINDS[0] if only is opt.ListChoice.strengths else KINDS[1],)


def _resolve(domain: str) -> Domain:
    from mgi_cli.domains import resolve_domain

    return resolve_domain(domain)


def one_domain(domains: list[str] | None, command: str) -> Domain | None:
    """The one --domain a command looks in; given twice, a usage error, never one dropped."""
    if not domains:  # most runs: the domain table is not imported
        return None
    if len(domains) > 1:
        raise MgiError(f"--domain is given {len(domains)} times; {command} looks in one domain "
                       "or in all (leave it out).")
    return _resolve(domains[0])


def objective_of(query: str | None) -> Objective | None:
    """--objective: a number 1-23 or a word of an objective's name, in any of the three
    languages; anything else a one-line error with suggestions."""
    if query is None:
        return None
    from mgi_cli.gcm import find_objective

    return find_objective(query)


# -- commands ---------------------------------------------------------------------------------


@app.command("list")
def list_profiles(
    ctx: typer.Context, output: opt.FormatOption = opt.OutputFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """List the profiles: id, name, level, country, date, edition and findings per list.

    Example: mgi list --format csv > profiles.csv
    """
    library = session_of(ctx).load()
    profiles, sources = library.profiles, library.provenance  # the manifest: read if asked
    present_view(ctx, output, View(
        table=lambda: table.profile_list(profiles),
        json=lambda: as_json.profile_list(profiles, sources),
        csv=lambda: as_csv.profile_rows(profiles, sources),
        markdown=lambda: markdown.rows_table(as_csv.profile_rows(profiles, sources))), save)


@app.command()
def show(
    ctx: typer.Context,
    profile: opt.ProfileArgument,
    domain: opt.DomainsOption = None,
    only: opt.OnlyOption = None,
    objectives: opt.ObjectivesFlag = False,
    why: opt.WhyOption = False,
    output: opt.FormatOption = opt.OutputFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """Show one profile: all six domains, both lists, under MGI's own wording.

    Example: mgi show kazakhstan --domain partnerships --objectives
    """
    wanted = {d.key for d in map(_resolve, domain or ())}
    library = session_of(ctx).load()
    found = library.profile(profile)
    blocks = [b for b in found.domains if not wanted or b.domain.key in wanted]
    if not blocks:
        raise NothingFound(f"{found.id} has no findings outside the six domains.")
    kinds = kinds_of(only)
    tags = library.tags.of(found) if objectives or why else None  # --why implies them
    fetched = library.provenance(found)
    present_view(ctx, output, View(
        table=lambda: table.profile_view(found, blocks, kinds, tags, why, fetched),
        json=lambda: as_json.profile_dict(found, blocks, kinds, tags, why, fetched),
        csv=lambda: as_csv.finding_rows([found], blocks, kinds, library.tags.of,
                                        library.provenance),
        markdown=lambda: markdown.profile_markdown(found, blocks, kinds, tags, why,
                                                   fetched)), save)


@app.command()
def compare(
    ctx: typer.Context,
    profiles: opt.ProfilesArgument,
    domain: opt.DomainsOption = None,
    only: opt.OnlyOption = None,
    shared: opt.SharedOption = False,
    objective: opt.ObjectiveOption = None,
    output: opt.FormatOption = opt.OutputFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """Set two to four profiles side by side, one table per domain; shared findings marked.

    Example: mgi compare azerbaijan kyrgyzstan --domain partnerships
    """
    session = session_of(ctx)
    library = session.load()
    comparison = library.compare(profiles, one_domain(domain, "compare"))
    if shared:
        comparison = comparison.only_shared()
        if not comparison.rows:
            raise NothingFound("These profiles share no findings that say nearly the same thing.")
    if on := objective_of(objective):
        comparison = library.on_objective(comparison, on.number)
    kinds = kinds_of(only)
    present_view(ctx, output, View(
        table=lambda: side_by_side.comparison_view(comparison, kinds, session.terminal.width),
        json=lambda: as_json.comparison_dict(comparison, kinds),
        csv=lambda: as_csv.comparison_rows(comparison, kinds),
        markdown=lambda: markdown.comparison_markdown(comparison, kinds)), save)


@app.command()
def search(
    ctx: typer.Context,
    query: opt.QueryArgument,
    domain: opt.DomainsOption = None,
    profile: opt.ProfileFilterOption = None,
    only: opt.OnlyOption = None,
    limit: opt.LimitOption = None,
    lang: opt.LanguageFilterOption = None,
    exact: opt.ExactOption = False,
    objective: opt.ObjectiveOption = None,
    explain: opt.ExplainOption = False,
    output: opt.FormatOption = opt.OutputFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """Find every finding on a subject across profiles and languages, most relevant first.

    Example: mgi search "trafficking" --domain safe --limit 10
    """
    from mgi_cli.search import check_query

    check_query(query)  # a bad query is a usage error before any file is read
    library = session_of(ctx).load()
    try:
        on = objective_of(objective)
        found = library.search(query, domain=one_domain(domain, "search"), profiles=profile,
                               kinds=kinds_of(only), limit=limit,
                               language=lang.value if lang else None, exact=exact,
                               objective=on.number if on else None)
    except NothingFound:
        if output is opt.OutputFormat.table and not explain:
            raise
        from mgi_cli.query import plan  # no hits: still what was searched, and the shape

        terms = plan(query, library.index, exact) if explain else None
        _search_results(ctx, output, save, query, [], 0, terms)
        raise typer.Exit(1) from None
    _search_results(ctx, output, save, query, found.hits, found.total,
                    found.terms if explain else None)


def _search_results(ctx: typer.Context, output: opt.OutputFormat, save: Path | None, query: str,
                    shown: Sequence[Hit], total: int, terms: Sequence[Term] | None) -> None:
    """Hits in the format asked for; with no hits, JSON's empty list and the CSV and
    Markdown headers (the contract holds), and the table's explanation, if asked for."""
    if not shown and output is opt.OutputFormat.table:
        session_of(ctx).terminal.error(f"No findings match {query!r}.")
    present_view(ctx, output, View(
        table=lambda: table.search_view(query, shown, total, terms),
        json=lambda: as_json.search_dict(query, shown, total, terms),
        csv=lambda: as_csv.hit_rows(shown),
        markdown=lambda: markdown.rows_table(as_csv.hit_rows(shown))), save)


@app.command()
def overview(
    ctx: typer.Context, output: opt.FormatOption = opt.OutputFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """A matrix of profiles by the six domains: findings per list in each cell (not scores).

    Example: mgi overview --format markdown > overview.md
    """
    session = session_of(ctx)
    profiles = session.load().profiles
    present_view(ctx, output, View(
        table=lambda: table.overview_view(profiles, session.terminal.colors),
        json=lambda: as_json.overview_list(profiles),
        csv=lambda: as_csv.overview_rows(profiles),
        markdown=lambda: markdown.overview_markdown(as_csv.overview_rows(profiles))), save)


@app.command("diff")
def diff_editions(
    ctx: typer.Context,
    profiles: opt.EditionsArgument,
    unchanged: opt.UnchangedOption = False,
    output: opt.SimpleFormatOption = opt.SimpleFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """What changed between two editions: findings kept, reworded, new, gone or moved.

    Example: mgi diff kyrgyzstan
    """
    session = session_of(ctx)
    changes = session.load().diff(*profiles)
    for warning in changes.warnings:  # e.g. the newer edition named first: shown in order
        session.terminal.error(f"warning: {warning}")
    present_view(ctx, output, View(
        table=lambda: side_by_side.diff_view(changes, unchanged),
        json=lambda: as_json.diff_dict(changes)), save)


@app.command()
def export(
    ctx: typer.Context,
    output: opt.ExportFormatOption = opt.ExportFormat.json,
    path: opt.OutputPathOption = None,
    force: opt.ForceOption = False,
) -> None:
    """Export every finding, one per row: JSON, CSV, or SQLite with full-text search.

    Example: mgi export --format sqlite --output mgi.db && datasette mgi.db
    """
    from mgi_cli import export as exporter

    if output is opt.ExportFormat.sqlite and path is None:
        raise MgiError("--format sqlite needs --output FILE (or '-o -' to send the database's "
                       "bytes to stdout).")
    session = session_of(ctx)
    library = session.load()
    if output is opt.ExportFormat.sqlite and path is not None:
        exporter.write_sqlite(library, path, force)
        where = "stdout" if str(path) == "-" else path
        session.terminal.error(f"Wrote {where}: {len(library.with_findings())} profiles.")
        return
    from mgi_cli.dataset import finding_rows
    from mgi_cli.views.csv import to_csv
    from mgi_cli.views.json import to_json

    columns, rows = finding_rows(library.with_findings(), tags=library.tags.of,
                                 sources=library.provenance)
    text = to_json(rows) + "\n" if output is opt.ExportFormat.json else to_csv(columns, rows)
    if path is None or str(path) == "-":
        sys.stdout.write(text)
    else:
        exporter.write_text(path, text, force)


@app.command()
def check(
    ctx: typer.Context,
    paths: opt.PathsArgument = None,
    output: opt.SimpleFormatOption = opt.SimpleFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """Check profile files: what each holds, every guess, everything that could not be placed.

    Exit code 0 when every file is clean (nothing guessed, nothing left out), 1 otherwise.

    Example: mgi check ~/mgi-profiles/
    """
    from mgi_cli import library
    from mgi_cli.check import check as check_files
    from mgi_cli.check import summary

    session = session_of(ctx)
    session.library = session.with_progress(lambda on_file: library.read(
        paths, language=session.language, on_file=on_file) if paths else library.open(
        session.data_dir, language=session.language, on_file=on_file))
    session.store_warnings()
    files = check_files(session.library)
    line = summary(files)
    present_view(ctx, output, View(table=lambda: table.check_view(files, line),
                            json=lambda: as_json.check_dict(files, line)), save)
    if not files or not all(f.clean for f in files):
        raise typer.Exit(1)


@app.command("domains")
def list_domains(ctx: typer.Context, output: opt.SimpleFormatOption = opt.SimpleFormat.table,
                 save: opt.SaveOption = None) -> None:
    """List the six MGI domains: number, key, name, accepted aliases, what each covers.

    Example: mgi domains
    """
    present_view(ctx, output, View(table=lambda: table.domains_view(),
                            json=lambda: as_json.domains_list()), save)


def main() -> None:
    """The `mgi` command. Typer builds every registered command before parsing; a process
    runs one, so only that one is kept (mgi starts on every Tab of shell completion)."""
    from mgi_cli.prescan import invoked_command, words

    invoked = invoked_command(words(), (command_name(c) for c in app.registered_commands))
    if invoked is not None:
        app.registered_commands = [c for c in app.registered_commands
                                   if command_name(c) == invoked]
    app(prog_name="mgi")


def command_name(command: Any) -> str:
    return str(command.name or command.callback.__name__.replace("_", "-"))


# The commands by GCM objective, and fetch, live apart; importing them registers them.
from mgi_cli import cli_fetch, cli_gcm  # noqa: E402, F401
