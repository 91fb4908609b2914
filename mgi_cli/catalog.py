"""The loaded profiles: unique ids per edition and language, and resolving what a user types.

A profile is found by id, edition id (`kyrgyzstan-2018`), language id (`kazakhstan-fr`,
`kazakhstan-2018-fr`), name, the ISO 3166 alpha-3 code or name of its country, the country of
a local profile (when only one matches), or a unique prefix, ignoring case and accents. When
several editions or translations share an id, the plain id means the latest edition in the
preferred language, and each also answers to its id with the year and with the language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from mgi_cli.errors import MgiError, NotEditions
from mgi_cli.model import Problem, Profile
from mgi_cli.text import slugify

LANGUAGES = ("en", "fr", "es")  # MGI's languages, in the order a plain id prefers them
Slot = tuple[str, str]  # (edition label, language): one copy of a profile
MAX_SUGGESTIONS = 3
SUGGESTION_CUTOFF = 70  # rapidfuzz ratio, 0-100: "kazakstan" scores 95 against "kazakhstan"


class UnknownProfile(MgiError):
    """No profile, or more than one, answers to what the user typed."""


class Catalog:
    """The profiles with unique ids, and what each answers to.

    `language` is the one a plain id prefers when an edition exists in several languages.
    """

    def __init__(self, profiles: Iterable[Profile], language: str = "en") -> None:
        self.language = language
        self.problems: list[Problem] = []
        self._base: dict[str, str] = {}  # id -> the id its editions and translations share
        # id -> (edition, language preference, not a duplicate): the highest is what a name
        # shared by several of one profile's copies means. Absent for a profile with no copy.
        self._rank: dict[str, tuple[int, int, int]] = {}
        # By base id, then newest edition first, then English, French, Spanish: an order the
        # preferred language never changes, as the cached search index numbers findings in it.
        self.profiles = sorted(self._unique_ids(list(profiles)), key=lambda p: self._base[p.id])
        self._tables: dict[str, dict[str, list[Profile]]] = {}

    def _table(self, kind: str) -> dict[str, list[Profile]]:
        """Names, edition ids or countries -> profiles, each built on its first use: most
        runs look nothing up, and most lookups find a name."""
        if kind not in self._tables:
            table: dict[str, list[Profile]] = defaultdict(list)
            for profile in self.profiles:
                for key in self._keys(kind, profile):
                    table[key].append(profile)
            self._tables[kind] = table
        return self._tables[kind]

    def _keys(self, kind: str, profile: Profile) -> Iterable[str]:
        if kind == "names":
            return {slugify(a) for a in (profile.id, profile.name, *profile.aliases)}
        if kind == "editions":  # every profile answers to ID-LANG, ID-YEAR and ID-YEAR-LANG
            base, label, language = self._base[profile.id], _label(profile), profile.language
            return f"{base}-{language}", f"{base}-{label}", f"{base}-{label}-{language}"
        return {slugify(c) for c in (profile.country, profile.country_code) if c}

    def resolve(self, query: str) -> Profile:
        """The one profile a name, id, code or unique prefix means; UnknownProfile otherwise."""
        key = slugify(query)
        if not key:
            raise UnknownProfile("A profile name is empty. Run 'mgi list' to see the profiles.")
        for kind in ("names", "editions", "countries"):
            table = self._table(kind)
            if found := self._one_edition(table.get(key, [])):
                return found
            if table.get(key):
                raise self._ambiguous(query, table[key])
        names = self._table("names")
        prefixed = {p.id: p for k, ps in names.items() if k.startswith(key) for p in ps}
        if found := self._one_edition(list(prefixed.values())):
            return found
        if prefixed:
            raise self._ambiguous(query, list(prefixed.values()))
        raise UnknownProfile(f"Unknown profile {query!r}.{self._suggest(key)}")

    def editions(self, profile: Profile) -> list[Profile]:
        """Every loaded edition of a profile in its language, oldest first: a diff of one
        profile never sets two languages side by side."""
        base = self._base[profile.id]
        found = [p for p in self.profiles
                 if self._base[p.id] == base and p.language == profile.language]
        return sorted(found, key=self._rank_of)

    def edition_pair(self, profiles: Sequence[Profile]) -> tuple[Profile, Profile]:
        """(older, newer) to diff: one profile and its neighbouring edition in its language,
        or two editions of one profile in one language, put in order whichever comes first.
        Anything else is refused (NotEditions): diff pairs findings by their words, so two
        different profiles, or two languages, would show every finding as gone and new."""
        if len(profiles) == 1:
            return self._neighbours(profiles[0])
        if len(profiles) != 2:
            raise not_one_or_two(len(profiles))
        first, second = profiles
        self._check_editions(first, second)
        later = self._rank_of(first)[0] > self._rank_of(second)[0]
        return (second, first) if later else (first, second)

    def _neighbours(self, profile: Profile) -> tuple[Profile, Profile]:
        """A profile and its previous edition in its language (its next, for the first)."""
        editions = self.editions(profile)
        if len(editions) < 2:
            raise MgiError(
                f"Only one edition of {profile.id!r} in its language is loaded; add the "
                "other edition to the data folder, or name two profiles: mgi diff OLD NEW."
            )
        at = editions.index(profile)
        return (editions[at - 1], editions[at]) if at else (editions[0], editions[1])

    def _check_editions(self, first: Profile, second: Profile) -> None:
        """Refuse two profiles that are not two editions of one profile in one language."""
        if first.id == second.id:
            raise NotEditions(
                f"{first.id!r} is named twice: diff compares two editions of one profile. "
                f"To diff it with its previous edition, name it once: mgi diff {first.id}")
        if self._base.get(first.id, first.id) != self._base.get(second.id, second.id):
            raise NotEditions(
                f"{first.id!r} ({first.name}) and {second.id!r} ({second.name}) are different "
                "profiles: diff compares editions of one profile. To set different profiles "
                f"side by side: mgi compare {first.id} {second.id}")
        if first.language != second.language:
            raise NotEditions(self._languages_apart(first, second))

    def _languages_apart(self, first: Profile, second: Profile) -> str:
        """Why two languages are not diffed, and the diff or comparison meant instead."""
        languages = f"({first.language}, {second.language})"
        edition = self._rank_of(second)[0]
        if self._rank_of(first)[0] == edition:
            return (f"{first.id!r} and {second.id!r} are one edition in two languages "
                    f"{languages}: diff compares editions in one language, pairing findings "
                    f"by their words. To read them side by side: mgi compare {first.id} "
                    f"{second.id}")
        counterparts = [p for p in self.editions(first) if self._rank_of(p)[0] == edition]
        hint = "."
        if counterparts:  # the other edition, in the first one's language
            pair = self.edition_pair([first, max(counterparts, key=self._rank_of)])
            hint = f": mgi diff {pair[0].id} {pair[1].id}"
        return (f"{first.id!r} and {second.id!r} are in two languages {languages}: diff pairs "
                "findings by their words, so every finding would show as gone and new. Diff "
                f"two editions in one language{hint}")

    def _one_edition(self, candidates: list[Profile]) -> Profile | None:
        """The candidate when all are copies of one profile: the latest edition, in the
        preferred language when that edition has several."""
        if not candidates or len({self._base[p.id] for p in candidates}) != 1:
            return None
        return max(candidates, key=self._rank_of)

    def _rank_of(self, profile: Profile) -> tuple[int, int, int]:
        return self._rank.get(profile.id, (0, 0, 1))

    def _ambiguous(self, query: str, candidates: list[Profile]) -> UnknownProfile:
        ids = ", ".join(sorted({p.id for p in candidates}))
        return UnknownProfile(f"Profile {query!r} is ambiguous: it could be {ids}.")

    def _suggest(self, key: str) -> str:
        from rapidfuzz import fuzz, process

        names = self._table("names")
        matches = process.extract(
            key, list(names), scorer=fuzz.ratio, limit=20, score_cutoff=SUGGESTION_CUTOFF
        )
        ids = list(dict.fromkeys(p.id for alias, _, _ in matches for p in names[alias]))
        if not ids:
            return " Run 'mgi list' to see the profiles."
        return f" Did you mean: {', '.join(ids[:MAX_SUGGESTIONS])}?"

    def _unique_ids(self, profiles: list[Profile]) -> list[Profile]:
        """Profiles with the same id are editions or translations of one: give each its own."""
        groups: dict[str, list[Profile]] = defaultdict(list)
        for profile in profiles:
            groups[profile.id].append(profile)
        unique: list[Profile] = []
        for base, group in groups.items():
            # Most profiles have no other copy, and are kept as they are.
            named = self._name_copies(base, group) if len(group) > 1 else group
            for profile in named:
                self._base[profile.id] = base
            unique += named
        return unique

    def _name_copies(self, base: str, group: list[Profile]) -> list[Profile]:
        """The latest edition, in the preferred language, keeps the plain id; each other copy
        takes the shortest id that means it alone: ID-LANG (the latest in its language),
        ID-YEAR (its year's copy in the preferred language), else ID-YEAR-LANG."""
        slots: dict[Slot, Profile] = {}
        duplicates = []
        for profile in group:
            slot = (_label(profile), profile.language)
            if slot in slots:
                duplicates.append(profile)
            else:
                slots[slot] = profile
        rank = self._slot_ranks(slots)
        plain = max(slots, key=rank.__getitem__)
        named = []
        for slot, profile in slots.items():
            new_id = base if slot == plain else self._copy_id(base, slot, rank)
            self._rank[new_id] = (*rank[slot], 1)
            named.append(profile.replace(id=new_id) if new_id != base else profile)
        multilingual = len({language for _, language in slots}) > 1
        taken = {p.id for p in named}
        for profile in duplicates:
            slot = (_label(profile), profile.language)
            copy = self._duplicate(profile, f"{base}-{slot[0]}", multilingual, taken)
            self._rank[copy.id] = (*rank[slot], 0)
            named.append(copy)
        return sorted(named, key=lambda p: (-self._rank[p.id][0], _language_order(p.language),
                                            -self._rank[p.id][2]))

    def _slot_ranks(self, slots: dict[Slot, Profile]) -> dict[Slot, tuple[int, int]]:
        """(edition, language preference) of each (edition label, language): editions in
        order of their latest publication date, then edition number."""
        latest: dict[str, tuple[str, int]] = {}
        for (label, _), profile in slots.items():
            date = (profile.published or "", profile.edition)
            latest[label] = max(latest.get(label, date), date)
        order = sorted(latest, key=latest.__getitem__)
        return {slot: (order.index(slot[0]), self._preference(slot[1])) for slot in slots}

    def _copy_id(self, base: str, slot: Slot, rank: dict[Slot, tuple[int, int]]) -> str:
        label, language = slot
        latest_in_language = max((s for s in rank if s[1] == language), key=rank.__getitem__)
        preferred_of_year = max((s for s in rank if s[0] == label), key=rank.__getitem__)
        forms = [
            f"{base}-{language}" if latest_in_language == slot else "",
            f"{base}-{label}" if preferred_of_year == slot else "",
            f"{base}-{label}-{language}",
        ]
        return min((form for form in forms if form), key=len)

    def _preference(self, language: str) -> int:
        """Higher for a language a plain id prefers: the one asked for, then English, French
        and Spanish."""
        order = [self.language, *LANGUAGES]
        return -order.index(language) if language in order else -len(order)

    def _duplicate(self, profile: Profile, dated: str, multilingual: bool,
                   taken: set[str]) -> Profile:
        """A second file of the same edition in the same language: renamed, and reported."""
        candidate = f"{dated}-{profile.language}" if multilingual else dated
        self.problems.append(
            Problem(profile.source, 0, f"duplicate profile id {candidate!r}; renamed")
        )
        suffix = 2
        while f"{candidate}-{suffix}" in taken:
            suffix += 1
        taken.add(f"{candidate}-{suffix}")
        return profile.replace(id=f"{candidate}-{suffix}")


def not_one_or_two(count: int) -> NotEditions:
    """The refusal of a diff of `count` profiles (raised before any is looked up)."""
    return NotEditions(f"Diff one profile (with its previous edition) or two editions of one "
                       f"profile, not {count} profiles.")


def _language_order(language: str) -> int:
    return LANGUAGES.index(language) if language in LANGUAGES else len(LANGUAGES)


def _label(profile: Profile) -> str:
    """What tells an edition in ids: its year, else its edition number."""
    year = (profile.published or "")[:4]
    return year or f"edition-{profile.edition}"
