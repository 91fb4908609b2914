"""Results -> CSV: column names and flat rows, the shape spreadsheets and pandas read.
The Markdown tables of list, search and overview are built from the same rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mgi_cli.dataset import Record, Rows, finding_rows, profile_rows
from mgi_cli.model import KINDS, UNSORTED, Kind, Profile

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.compare import Comparison
    from mgi_cli.objective_queries import ObjectiveCounts, TaggedFinding
    from mgi_cli.search import Hit

__all__ = ["Rows", "comparison_rows", "finding_rows", "hit_rows", "overview_rows",
           "profile_rows", "to_csv"]

HIT_COLUMNS = ["profile", "domain", "domain_name", "kind", "position", "score", "language",
               "matched", "text"]
COMPARISON_COLUMNS = ["domain", "domain_name", "profile", "kind", "position", "shared", "text"]


def to_csv(columns: Sequence[str], rows: Sequence[Record]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: ";".join(map(str, value)) if isinstance(value, list) else value
                      for key, value in row.items()} for row in rows)  # objectives: "10;7"
    return out.getvalue()


def hit_rows(hits: Sequence[Hit]) -> Rows:
    return HIT_COLUMNS, [
        {"profile": h.profile.id, "domain": h.domain.key, "domain_name": h.domain.name,
         "kind": h.kind, "position": h.position, "score": h.score,
         "language": h.profile.language, "matched": "; ".join(h.matched), "text": h.text}
        for h in hits
    ]


def comparison_rows(comparison: Comparison, kinds: Sequence[Kind] = KINDS) -> Rows:
    rows = []
    for domain, cells in comparison.rows:
        for profile, cell in zip(comparison.profiles, cells, strict=True):
            for kind in kinds:
                for position, text in comparison.numbered(profile.id, cell, kind):
                    rows.append({"domain": domain.key, "domain_name": domain.name,
                                 "profile": profile.id, "kind": kind, "position": position,
                                 "shared": comparison.mark(profile.id, kind, text),
                                 "text": text})
    return COMPARISON_COLUMNS, rows


def overview_columns() -> list[str]:
    from mgi_cli.domains import DOMAINS

    return ["id", "name"] + [f"{i.domain.key}_{k}" for i in DOMAINS for k in KINDS] + [
        "unsorted"]


def overview_rows(profiles: Sequence[Profile]) -> Rows:
    rows = []
    for profile in profiles:
        row: Record = {"id": profile.id, "name": profile.name}
        for count in profile.canonical_counts():  # empty cells: a domain not in this profile
            for kind in KINDS:
                row[f"{count.domain}_{kind}"] = count.of(kind) if count.present else None
        row["unsorted"] = profile.count(UNSORTED)  # in no list or no domain
        rows.append(row)
    return overview_columns(), rows


TAGGED_COLUMNS = ["profile", "domain", "kind", "position", "objectives", "text", "language"]


def tagged_rows(rows: Sequence[TaggedFinding], why: bool = False) -> Rows:
    """`mgi findings`: objectives as "10;7" (main first); with --why, "10 trafficking; ..."."""
    columns = TAGGED_COLUMNS + (["why"] if why else [])
    return columns, [
        {"profile": row.profile.id, "domain": row.domain.key, "kind": row.kind,
         "position": row.position, "objectives": row.objectives, "text": row.text,
         "language": row.profile.language,
         **({"why": "; ".join(f"{t.number} {t.cue}" for t in row.tags)} if why else {})}
        for row in rows]


def objective_rows(profiles: Sequence[Profile], counts: Sequence[ObjectiveCounts]) -> Rows:
    """`mgi objectives`: one row per objective and profile (long form, for pandas)."""
    columns = ["objective", "name", "profile", "strengths", "gaps"]
    return columns, [
        {"objective": row.objective.number, "name": row.objective.name, "profile": p.id,
         "strengths": s, "gaps": g}
        for row in counts for p, (s, g) in zip(profiles, row.counts, strict=True)]
