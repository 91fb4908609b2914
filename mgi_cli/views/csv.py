"""Results -> CSV: column names and flat rows, the shape spreadsheets and pandas read.
The Markdown tables of list, search and overview are built from the same rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mgi_cli.dataset import Record, Rows, finding_rows, profile_rows
from mgi_cli.model import KINDS, UNSORTED, Kind, Profile

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.compare import Comparison
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
    writer.writerows(rows)
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
