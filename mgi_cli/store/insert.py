"""A profile's rows (the profile, its domain headings, its findings with their stems) and a
file's problems, as the store and `mgi export --format sqlite` both write them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from mgi_cli.model import Problem, Profile, counted
from mgi_cli.store.schema import FINDINGS_PER_PROFILE, PROFILE_FIELDS, SEPARATOR

if TYPE_CHECKING:
    from mgi_cli.gcm import Tag
    from mgi_cli.manifest import Provenance


def write_profile(connection: sqlite3.Connection, profile: Profile, file: str,
                  profile_id: str | None = None,
                  tags: Sequence[Sequence[Tag]] | None = None,
                  provenance: Provenance | None = None) -> int:
    """A profile's rows: the profile, its domain headings, its findings (in the order
    model.ordered_findings gives them, which search numbers them by) and their GCM objectives
    (`tags`, one sequence per finding in that order; by default the rules'). Also used by
    export, which passes the tags with the analyst's corrections, and where the profile's
    file was fetched from (the store leaves that to the folder's mgi-sources.json)."""
    from mgi_cli.model import ordered_findings
    from mgi_cli.stems import terms

    count = sum(1 for _ in ordered_findings(profile))
    cursor = connection.execute(
        f"INSERT INTO profiles (id, parsed_id, file, source, {', '.join(PROFILE_FIELDS)}, "
        f"aliases, findings, source_url, fetched_at) "
        f"VALUES ({', '.join('?' * (len(PROFILE_FIELDS) + 8))})",
        (profile_id, profile.id, file, profile.source,
         *(getattr(profile, f) for f in PROFILE_FIELDS), SEPARATOR.join(profile.aliases),
         count, *((provenance.url, provenance.fetched_at) if provenance else (None, None))))
    key = cursor.lastrowid
    assert key is not None  # an INSERT's row id
    connection.executemany(
        "INSERT INTO domains VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(key, b.domain.key, b.domain.number, b.domain.name, b.heading, b.present, *b.placed,
          *counted(b).lists()) for b in profile.domains])
    connection.executemany(
        "INSERT INTO findings (id, profile, profile_name, level, country, published, domain, "
        "domain_name, kind, position, text, language, placed, heading, line, profile_key, "
        "ordinal, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(key * FINDINGS_PER_PROFILE + ordinal, profile_id, profile.name, profile.level,
          profile.country, profile.published,
          block.domain.key, block.domain.name, kind, position, text, profile.language,
          block.placement(kind), block.heading, block.line(kind, position), key, ordinal,
          terms(text, profile.language))
         for ordinal, (block, kind, position, text) in enumerate(ordered_findings(profile))])
    _write_tags(connection, profile, key, tags)
    return key


def _write_tags(connection: sqlite3.Connection, profile: Profile, key: int,
                tags: Sequence[Sequence[Tag]] | None) -> None:
    if tags is None:
        from mgi_cli.gcm import tag_profile

        tags = tag_profile(profile)
    connection.executemany(
        "INSERT OR IGNORE INTO finding_objectives VALUES (?, ?, ?, ?)",
        [(key * FINDINGS_PER_PROFILE + ordinal, tag.number, rank, tag.cue)
         for ordinal, found in enumerate(tags) for rank, tag in enumerate(found)])


def write_problems(connection: sqlite3.Connection, file: str,
                   problems: Iterable[Problem]) -> None:
    connection.executemany(
        "INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)",
        [(file, p.line, p.message, p.warn, p.note, n) for n, p in enumerate(problems)])


