"""The placed findings and the metadata -> a Profile: the six domains in order, then the
unclassified block; the title, place, date, edition and language.
"""

from __future__ import annotations

import re

from mgi_cli import domains, metadata
from mgi_cli.dates import title_year
from mgi_cli.lines import FURNITURE
from mgi_cli.model import GAPS, LISTS, STRENGTHS, UNSORTED, Domain, DomainFindings, Profile
from mgi_cli.parse_notes import note_glued_sentences
from mgi_cli.parse_state import State
from mgi_cli.placement import Placed, place_blocks
from mgi_cli.text import slugify

_IMPLEMENTATION = re.compile(r"\b(implemented|mise? en (oe|œ)uvre|implementad[ao])\b", re.I)
_FUNDING = re.compile(r"\b(funding|funded|financ\w+)\b", re.I)
def build(state: State) -> Profile:
    placed = place_blocks(state)
    title = state.title or _running_title(state) or ""
    intro = " ".join(state.introduction) or " ".join(state.prose)
    place = metadata.describe_place(title, intro) if title else None
    if place is None:
        state.problem(0, "no profile title found; named after the file")
    ordered = []
    for info in domains.DOMAINS:
        found = placed.get(info.domain.key)
        if found is None:
            missing = f"no heading for domain {info.domain.number} ({info.domain.name})"
            state.problem(0, missing, warn=False)
        ordered.append(_findings(info.domain, found))
    if (extra := placed.get(domains.UNCLASSIFIED.key)) is not None:
        ordered.append(_findings(domains.UNCLASSIFIED, extra))
    note_glued_sentences(state)
    stem = re.sub(r"\.[^.]*$", "", state.source.rsplit("/", 1)[-1])
    named = place is not None and place.id != "profile"  # "profile": a title that names no place
    return Profile(
        id=place.id if place is not None and named else slugify(stem) or "profile",
        name=place.name if place else stem,
        title=title,
        level=place.level if place else "national",
        country=place.country if place else None,
        country_code=place.country_code if place else None,
        published=state.published or title_year(title),
        edition=metadata.edition(title),
        source=state.source,
        domains=tuple(ordered),
        implementation=_sentence(_IMPLEMENTATION, " ".join(state.prose)),
        funding=_sentence(_FUNDING, " ".join(state.prose)),
        aliases=place.aliases if place else (),
        language=_language(state),
    )


def _running_title(state: State) -> str | None:
    """A title that only runs as a page header: better than none, when nothing else names
    the profile."""
    return next((line.strip() for line, kind in zip(state.lines, state.kinds, strict=True)
                 if kind == FURNITURE and metadata.is_title(line)), None)


def _findings(domain: Domain, found: Placed | None) -> DomainFindings:
    if found is None:
        return DomainFindings(domain, "", present=False)
    texts = {kind: tuple(text for text, _ in items) for kind, items in found.lists.items()}
    placed = (found.reasons.get(STRENGTHS, found.mapped), found.reasons.get(GAPS, found.mapped))
    return DomainFindings(
        domain, found.heading, texts[STRENGTHS], texts[GAPS], placed=placed,
        unsorted=texts[UNSORTED],
        lines=tuple(tuple(line for _, line in found.lists[kind]) for kind in LISTS),
    )


def _language(state: State) -> str:
    from mgi_cli.language import detect

    findings = [text for b in state.blocks for run in b.lists for text, _ in run.items]
    return detect(" ".join(findings) or "\n".join(state.lines))


def _sentence(pattern: re.Pattern[str], text: str) -> str | None:
    """The last sentence of the introduction that matches (who implemented, who funded)."""
    sentences = re.findall(r"[^.]+\.", text)
    matches = [s.strip() for s in sentences if len(s) < 1000 and pattern.search(s)]
    return matches[-1] if matches else None
