"""The one way in: a data folder opened, with everything a command needs. Public API.

    import mgi_cli
    lib = mgi_cli.open()                      # the bundled profiles and the library folder's;
                                              # or mgi_cli.open("folder")
    lib.profiles                              # every profile, as `mgi list` orders them
    lib.profile("kazakhstan")                 # as the CLI resolves it; else UnknownProfile
    lib.search("trafficking", limit=20)       # hits, best first, as `mgi search`
    lib.compare(["azerbaijan", "kyrgyzstan"], domain="partnerships")
    lib.diff("kyrgyzstan-2018", "kyrgyzstan")
    list(lib.findings(profile="kazakhstan"))  # one dict per finding: the CSV export's columns
    lib.problems                              # what could not be read or placed, and guesses

The CLI calls only this module to load data. A data folder is read through its store (the
store/ package); files and folders given by path (`mgi check a.txt b.pdf`) are read as they are.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgi_cli.catalog import Catalog, UnknownProfile, not_one_or_two
from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.model import KINDS, Domain, Kind, Problem, Profile

if TYPE_CHECKING:
    from mgi_cli.compare import Comparison
    from mgi_cli.editions import EditionDiff
    from mgi_cli.manifest import Provenance
    from mgi_cli.search import Corpus, Found
    from mgi_cli.store import Store
    from mgi_cli.tags import Tags

__all__ = ["Library", "UnknownProfile", "open"]

Progress = Callable[[int, int, Path], None]


class Library:
    """Loaded profiles with unique ids, their problems, and what can be asked of them."""

    def __init__(self, profiles: Sequence[Profile], problems: Sequence[Problem],
                 files: Sequence[str], language: str = "en", store: Store | None = None,
                 warnings: Sequence[str] = ()) -> None:
        self.catalog = Catalog(profiles, language)
        self.language = language
        self.problems: tuple[Problem, ...] = (*problems, *self.catalog.problems)
        self.files: tuple[str, ...] = tuple(files)
        self._warnings = tuple(warnings)
        self._store = store
        self._corpus: Corpus | None = None
        self._tags: Tags | None = None
        self._provenance: dict[str, Provenance] | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """About the store, not the profiles: it had to be rebuilt, or was not used."""
        return tuple(self._store.warnings) if self._store is not None else self._warnings

    @property
    def profiles(self) -> list[Profile]:
        """Every profile, by id, newest edition first, then English, French, Spanish."""
        return self.catalog.profiles

    def with_findings(self) -> list[Profile]:
        """Every profile, its findings read at once: for what goes through them all."""
        if self._store is not None:
            self._store.preload(self.profiles)
        return self.profiles

    def profile(self, name: str) -> Profile:
        """The profile a name, id, code or unique prefix means; UnknownProfile otherwise."""
        return self.catalog.resolve(name)

    def provenance(self, profile: Profile) -> Provenance | None:
        """Where a profile's file was fetched from (`mgi fetch` keeps it in the folder's
        mgi-sources.json, read on first use); None for a file it did not fetch."""
        if self._provenance is None:
            self._provenance = self._store.provenance() if self._store is not None else {}
        return self._provenance.get(profile.source)

    @property
    def where(self) -> str:
        """What was read, as a message names it."""
        store = self._store
        if store is None:
            return "the files given"
        if store.seeds:
            return f"the bundled profiles and the library folder {str(store.folder)!r}"
        from mgi_cli.sources import bundled_seeds

        return "the bundled profiles" if store.folder == bundled_seeds() else repr(
            str(store.folder))

    @property
    def tags(self) -> Tags:
        """Each finding's GCM objectives, with the data folder's mgi-tags.csv applied."""
        if self._tags is None:
            from mgi_cli.tags import Tags

            self._tags = Tags(self._store, self._store.folder if self._store else None)
        return self._tags

    def tag_problems(self) -> list[Problem]:
        """What could not be used of mgi-tags.csv, once its corrections have been read."""
        return list(self._tags.problems) if self._tags is not None else []

    @property
    def index(self) -> Corpus:
        """The search index of every profile (the store's, when loaded from one)."""
        if self._corpus is None:
            from mgi_cli.search import Corpus

            self._corpus = Corpus(self.profiles, self._store)
        return self._corpus

    def search(self, query: str, *, domain: str | int | Domain | None = None,
               profiles: Sequence[str] | None = None, kinds: Sequence[Kind] = KINDS,
               limit: int | None = None, language: str | None = None,
               exact: bool = False, objective: int | None = None) -> Found:
        """The findings that match a query, most relevant first (NothingFound when none).
        `language` keeps the profiles in that language; `exact` searches the words as typed
        (no stems, spellings, translations or typos); `objective` keeps the findings tagged
        with that GCM objective."""
        from mgi_cli.catalog import LANGUAGES
        from mgi_cli.search import nothing_found

        if language is not None and language not in LANGUAGES:
            raise MgiError(f"Unknown language {language!r}: use one of {', '.join(LANGUAGES)}.")
        if language is not None and all(p.language != language for p in self.profiles):
            raise NothingFound(f"No profiles in language {language!r} are loaded, and --lang "
                               f"{language} searches only those.")
        chosen = [self.profile(name) for name in profiles] if profiles else None
        if objective is None:
            found = self.index.search(query, _domain(domain), chosen, kinds, limit, language,
                                      exact)
        else:  # the hits on the objective, then the limit
            found = self.index.search(query, _domain(domain), chosen, kinds, None, language,
                                      exact)
            hits = [h for h in found.hits
                    if self.tags.has(h.profile, (h.domain.key, h.kind, h.position), objective)]
            if found.total and not hits:
                raise NothingFound(f"{found.total} findings match {query!r}, none of them on "
                                   f"objective {objective}.")
            found = found._replace(hits=hits[:limit], total=len(hits))
        if not found.total:
            raise nothing_found(query)
        return found

    def compare(self, names: Sequence[str], domain: str | Domain | None = None) -> Comparison:
        """Two to four profiles aligned domain by domain, shared findings marked."""
        from mgi_cli.compare import compare

        return compare([self.profile(n) for n in names], _domain(domain), self.profiles,
                       self.index)

    def on_objective(self, comparison: Comparison, objective: int) -> Comparison:
        """A comparison cut down to the findings tagged with a GCM objective."""
        cut = comparison.only(lambda profile, domain, kind, position, text: self.tags.has(
            profile, (domain, kind, position), objective))
        if not cut.rows:
            raise NothingFound(f"None of these profiles' findings here is on objective "
                               f"{objective}.")
        return cut

    def diff(self, *names: str) -> EditionDiff:
        """What changed from a profile's previous edition to it (one name), or between two
        editions of one profile in one language, older first whichever was named first (the
        result's `warnings` then say so). NotEditions for two different profiles, one profile
        twice, two languages, or not one or two names."""
        from mgi_cli.editions import diff, put_in_order

        if len(names) not in (1, 2):  # before any name is looked up: a usage error first
            raise not_one_or_two(len(names))
        named = [self.profile(n) for n in names]
        older, newer = self.catalog.edition_pair(named)
        warnings = [put_in_order(older, newer)] if len(named) == 2 and named[0] is newer else []
        return diff(older, newer, self.profiles, self.index, warnings)

    def findings(self, profile: str | None = None, domain: str | Domain | None = None,
                 kinds: Sequence[Kind] = KINDS) -> Iterator[dict[str, Any]]:
        """One dict per finding, with the columns of `mgi export --format csv`."""
        from mgi_cli.dataset import finding_rows

        chosen = [self.profile(profile)] if profile else self.with_findings()
        wanted = _domain(domain)
        for found in chosen:
            blocks = [b for b in found.domains if wanted is None or b.domain.key == wanted.key]
            yield from finding_rows([found], blocks, kinds, self.tags.of, self.provenance)[1]


def open(data: str | os.PathLike[str] | None = None, *, language: str = "en",
         on_file: Progress | None = None) -> Library:  # noqa: A001 (mgi_cli.open, as io.open)
    """A data folder read through its store, brought up to date with its files. By default,
    the bundled profiles, and beside them the profiles of the user's library folder
    (sources.library_folder) when it holds any: a library copy of a bundled profile's edition
    replaces it. `language` is the one a plain id prefers (en, fr or es)."""
    from mgi_cli.catalog import LANGUAGES
    from mgi_cli.sources import default_data
    from mgi_cli.store import open_store

    if language not in LANGUAGES:
        raise MgiError(f"Unknown language {language!r}: use one of {', '.join(LANGUAGES)}.")
    folder, seeds = (Path(data).expanduser(), False) if data is not None else default_data()
    if not folder.is_dir():
        raise MgiError(f"The data folder {str(folder)!r} does not exist or is not a folder.")
    try:
        store = open_store(folder, on_file, seeds)
        try:
            return _library(store, language)
        except sqlite3.DatabaseError:  # damaged where opening did not look
            store.damaged()
            rebuilt = open_store(folder, on_file, seeds)
            rebuilt.warnings[:0] = store.warnings
            return _library(rebuilt, language)
    except OSError as error:
        raise MgiError(f"The data folder {str(folder)!r} cannot be read: "
                       f"{error.strerror or error}.") from None


def _library(store: Store, language: str) -> Library:
    return Library(store.profiles(), store.problems(), store.files(), language, store)


def read(paths: Sequence[Path], *, language: str = "en",
         on_file: Progress | None = None) -> Library:
    """Files and folders as given, each read afresh (what `mgi check PATH...` reads); a folder
    among them is read through its store."""
    from mgi_cli.loader import load_paths

    if len(paths) == 1 and paths[0].is_dir():
        return open(paths[0], language=language, on_file=on_file)
    result = load_paths(paths, on_file)
    return Library(result.profiles, result.problems, result.files, language)


def _domain(domain: str | int | Domain | None) -> Domain | None:
    if domain is None or isinstance(domain, Domain):
        return domain
    from mgi_cli.domains import resolve_domain

    return resolve_domain(str(domain))
