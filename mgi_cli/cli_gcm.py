"""The commands by GCM objective: `mgi findings` (one row per finding, with its objectives)
and `mgi objectives` (objectives by profiles, or profiles side by side on one). Registered on
cli.app when cli.py is imported; they take options, make one query, present one View."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from mgi_cli import options as opt
from mgi_cli.cli import (
    app,
    as_csv,
    as_json,
    kinds_of,
    markdown,
    objective_of,
    one_domain,
    present_view,
    session_of,
)
from mgi_cli.cli import side_by_side as compare_views
from mgi_cli.errors import NothingFound
from mgi_cli.views import Lazy, View

if TYPE_CHECKING:
    from mgi_cli.library import Library
    from mgi_cli.model import Profile
    from mgi_cli.objective_queries import TaggedFinding

objective_views = Lazy("mgi_cli.views.table_objectives")


@app.command()
def findings(
    ctx: typer.Context,
    profiles: opt.OptionalProfilesArgument = None,
    domain: opt.DomainsOption = None,
    only: opt.OnlyOption = None,
    objective: opt.ObjectiveOption = None,
    lang: opt.LanguageFilterOption = None,
    why: opt.WhyOption = False,
    output: opt.FormatOption = opt.OutputFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """One row per finding: profile, domain, list, position, GCM objectives, text.

    Example: mgi findings kazakhstan --objective trafficking --format csv
    """
    from mgi_cli.objective_queries import tagged_findings

    library = session_of(ctx).load()
    chosen = _profiles(library, profiles, lang.value if lang else None)
    wanted = objective_of(objective)
    rows = tagged_findings(library, chosen, one_domain(domain, "findings"), kinds_of(only),
                           wanted.number if wanted else None)
    if not rows and output is opt.OutputFormat.table:
        raise NothingFound("No findings match" + (f" objective {wanted.number} ({wanted.name})."
                                                  if wanted else "."))
    present_view(ctx, output, _tagged_view(rows, why), save)
    if not rows:  # the empty list, or the CSV header: scripts still get the shape
        raise typer.Exit(1)


@app.command()
def objectives(
    ctx: typer.Context,
    profiles: opt.OptionalProfilesArgument = None,
    objective: opt.ObjectiveOption = None,
    only: opt.OnlyOption = None,
    output: opt.FormatOption = opt.OutputFormat.table,
    save: opt.SaveOption = None,
) -> None:
    """The 23 GCM objectives by profile: findings per list on each (not a score).

    With --objective, those profiles side by side: their findings on it, in both lists.

    Example: mgi objectives --objective 18 kazakhstan kyrgyzstan azerbaijan
    """
    from mgi_cli.objective_queries import objective_counts, side_by_side, tagged_findings

    session = session_of(ctx)
    library = session.load()
    chosen = _profiles(library, profiles, None)
    wanted = objective_of(objective)
    if wanted is None:
        counts = objective_counts(library, chosen)
        present_view(ctx, output, View(
            table=lambda: objective_views.objectives_view(chosen, counts, session.terminal.width),
            json=lambda: as_json.objectives_list(chosen, counts),
            csv=lambda: as_csv.objective_rows(chosen, counts),
            markdown=lambda: markdown.objectives_markdown(chosen, counts)), save)
        return
    on_it = tagged_findings(library, chosen, objective=wanted.number)
    comparison, kinds = side_by_side(chosen, wanted, on_it), kinds_of(only)
    view = _tagged_view([r for r in on_it if r.kind in kinds])  # real domains and positions
    present_view(ctx, output, View(
        table=lambda: compare_views.comparison_view(comparison, kinds, session.terminal.width),
        json=view.json, csv=view.csv, markdown=view.markdown), save)


def _tagged_view(rows: list[TaggedFinding], why: bool = False) -> View:
    """Findings with their objectives, in every format."""
    return View(table=lambda: objective_views.findings_view(rows, why),
                json=lambda: as_json.tagged_list(rows, why),
                csv=lambda: as_csv.tagged_rows(rows, why),
                markdown=lambda: markdown.rows_table(as_csv.tagged_rows(rows, why)))


def _profiles(library: Library, names: list[str] | None,
              language: str | None) -> list[Profile]:
    """The profiles named (each resolved as everywhere), or every profile loaded; in one
    language when --lang is given."""
    named = [library.profile(name) for name in names] if names else library.with_findings()
    chosen = [p for p in named if language is None or p.language == language]
    if not chosen:
        which = "None of the profiles named is" if names else "No profile loaded is"
        raise NothingFound(f"{which} in language {language!r}.")
    return chosen
