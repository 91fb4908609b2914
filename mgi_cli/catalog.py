"""The loaded profiles: unique ids per edition, and resolving what a user types to a profile.

A profile is found by id, edition id (`kyrgyzstan-2018`), name, the ISO 3166 alpha-3 code or
name of its country, the country of a local profile (when only one matches), or a unique
prefix, ignoring case and accents. When two editions share an id, the plain id means the
latest and each edition also answers to its id with the year.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from mgi_cli.errors import MgiError
from mgi_cli.model import Problem, Profile
from mgi_cli.text import slugify

MAX_SUGGESTIONS = 3
SUGGESTION_CUTOFF = 70  # rapidfuzz ratio, 0-100: "kazakstan" scores 95 against "kazakhstan"


class UnknownProfile(MgiError):
    """No profile, or more than one, answers to what the user typed."""


class Catalog:
    def __init__(self, profiles: Iterable[Profile]) -> None:
        self.problems: list[Problem] = []
        self._base: dict[str, str] = {}  # edition id -> the id the editions share
        self.profiles = sorted(self._unique_ids(list(profiles)), key=lambda p: p.id)
        self._tables: tuple[dict[str, list[Profile]], dict[str, list[Profile]]] | None = None

    def _lookup_tables(self) -> tuple[dict[str, list[Profile]], dict[str, list[Profile]]]:
        """Names and countries -> profiles; built on the first lookup, as most runs need none."""
        if self._tables is None:
            names: dict[str, list[Profile]] = defaultdict(list)
            countries: dict[str, list[Profile]] = defaultdict(list)
            for profile in self.profiles:
                for alias in {profile.id, profile.name, *profile.aliases}:
                    names[slugify(alias)].append(profile)
                for country in {profile.country, profile.country_code} - {None}:
                    countries[slugify(country)].append(profile)
            self._tables = names, countries
        return self._tables

    def resolve(self, query: str) -> Profile:
        """The one profile a name, id, code or unique prefix means; UnknownProfile otherwise."""
        key = slugify(query)
        if not key:
            raise UnknownProfile("A profile name is empty. Run 'mgi list' to see the profiles.")
        names, countries = self._lookup_tables()
        for table in (names, countries):
            if found := self._one_edition(table.get(key, [])):
                return found
            if table.get(key):
                raise self._ambiguous(query, table[key])
        prefixed = {p.id: p for k, ps in names.items() if k.startswith(key) for p in ps}
        if found := self._one_edition(list(prefixed.values())):
            return found
        if prefixed:
            raise self._ambiguous(query, list(prefixed.values()))
        raise UnknownProfile(f"Unknown profile {query!r}.{self._suggest(key)}")

    def editions(self, profile: Profile) -> list[Profile]:
        """Every loaded edition of a profile, oldest first."""
        base = self._base[profile.id]
        found = [p for p in self.profiles if self._base[p.id] == base]
        return sorted(found, key=lambda p: (p.published or "", p.edition))

    def edition_pair(self, profiles: list[Profile]) -> tuple[Profile, Profile]:
        """(older, newer) to diff: two profiles as given, or one and its neighbouring edition."""
        if len(profiles) == 2:
            return profiles[0], profiles[1]
        if len(profiles) != 1:
            raise MgiError("Diff one profile (with its previous edition) or two profiles.")
        editions = self.editions(profiles[0])
        if len(editions) < 2:
            raise MgiError(
                f"Only one edition of {profiles[0].id!r} is loaded; add the other edition to "
                "the data folder, or name two profiles: mgi diff OLD NEW."
            )
        at = editions.index(profiles[0])
        return (editions[at - 1], editions[at]) if at else (editions[0], editions[1])

    def _one_edition(self, candidates: list[Profile]) -> Profile | None:
        """The candidate when all are editions of one profile: the latest of them."""
        if not candidates or len({self._base[p.id] for p in candidates}) != 1:
            return None
        return max(candidates, key=lambda p: (p.published or "", p.edition))

    def _ambiguous(self, query: str, candidates: list[Profile]) -> UnknownProfile:
        ids = ", ".join(sorted({p.id for p in candidates}))
        return UnknownProfile(f"Profile {query!r} is ambiguous: it could be {ids}.")

    def _suggest(self, key: str) -> str:
        from rapidfuzz import fuzz, process

        names = self._lookup_tables()[0]
        matches = process.extract(
            key, list(names), scorer=fuzz.ratio, limit=20, score_cutoff=SUGGESTION_CUTOFF
        )
        ids = list(dict.fromkeys(p.id for alias, _, _ in matches for p in names[alias]))
        if not ids:
            return " Run 'mgi list' to see the profiles."
        return f" Did you mean: {', '.join(ids[:MAX_SUGGESTIONS])}?"

    def _unique_ids(self, profiles: list[Profile]) -> list[Profile]:
        """Give each edition of a profile its own id; the latest keeps the plain one."""
        groups: dict[str, list[Profile]] = defaultdict(list)
        for profile in profiles:
            groups[profile.id].append(profile)
        unique: list[Profile] = []
        for base, group in groups.items():
            group.sort(key=lambda p: (p.published or "", p.edition))
            taken: set[str] = {base}
            for position, profile in enumerate(group):
                latest = position == len(group) - 1
                dated = self._edition_id(base, profile, taken)
                new_id = base if latest else dated
                if len(group) > 1:  # only editions change: most profiles are kept as they are
                    aliases = (*profile.aliases, dated)
                    profile = dataclasses.replace(profile, id=new_id, aliases=aliases)
                unique.append(profile)
                self._base[new_id] = base
        return unique

    def _edition_id(self, base: str, profile: Profile, taken: set[str]) -> str:
        year = (profile.published or "")[:4]
        candidate = f"{base}-{year}" if year else f"{base}-edition-{profile.edition}"
        if candidate in taken:
            self.problems.append(
                Problem(profile.source, 0, f"duplicate profile id {candidate!r}; renamed")
            )
            suffix = 2
            while f"{candidate}-{suffix}" in taken:
                suffix += 1
            candidate = f"{candidate}-{suffix}"
        taken.add(candidate)
        return candidate
