"""Placement: each block to its domain, each list to its kind, with a reason per guess.

A block is mapped by the meaning of its heading (STATED), else by its number (BY_NUMBER),
else kept unclassified; a list by its label, else by its position (MGI lists come
well-developed first, then further development), else kept unsorted. Every guess is a
problem `mgi check` reports with its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mgi_cli import domains, headings
from mgi_cli.model import (
    BY_NUMBER,
    BY_POSITION,
    GAPS,
    KINDS,
    STATED,
    STRENGTHS,
    UNCLASSIFIED,
    UNSORTED,
    Kind,
    Placement,
)
from mgi_cli.parse_state import Block, ListRun, State
from mgi_cli.text import fold, plural

# What a list holds when it holds nothing: "None identified.", "N/A", "Aucun.", "Ninguno."
_PLACEHOLDER = re.compile(
    r"^(?:none(?: identified| found| reported| at this time| to date)?|n/? ?a|nil|not applicable"
    r"|no (?:data|information) available|aucune?(?: identifiee?s?)?|neant|sans objet"
    r"|non applicable|ningun[oa]?(?: identificad[oa]s?)?|no aplica|nada|no se identific\w+"
    r"|[-–—]+)\s*[.!]?$")
# How the reports name each list.
_LIST_NAMES: dict[Kind, str] = {STRENGTHS: "well-developed areas", GAPS: "further development"}
# -- placement: blocks -> domains, lists -> kinds, every guess reported -----------------------


@dataclass
class Placed:
    """What the blocks of one domain add up to."""

    heading: str
    line: int
    mapped: Placement
    lists: dict[Kind, list[tuple[str, int]]] = field(  # kind -> (finding, line)
        default_factory=lambda: {STRENGTHS: [], GAPS: [], UNSORTED: []})
    reasons: dict[Kind, Placement] = field(default_factory=dict)  # kind -> BY_POSITION when guessed


def place_blocks(state: State) -> dict[str, Placed]:
    placed: dict[str, Placed] = {}
    _empty_placeholders(state)
    named = {b.key for b in state.blocks if b.mapped == STATED and b.size()}
    for block in state.blocks:
        if block.mapped == BY_NUMBER:
            _map_by_number(state, block, named)
        runs = list(_resolve_lists(state, block))
        target = placed.get(block.key)
        if target is None:
            target = placed[block.key] = Placed(block.heading, block.line, block.mapped)
        elif block.key == domains.UNCLASSIFIED.key:
            target.heading = " / ".join(h for h in (target.heading, block.heading) if h)
        elif not any(target.lists.values()):  # the first heading had nothing under it
            target.heading, target.line, target.mapped = block.heading, block.line, block.mapped
        elif block.size():
            state.problem(block.line, f"{block.heading!r} repeats the domain of line "
                                      f"{target.line}; merged")
        for run, kind, reason in runs:
            target.lists[kind] += run.items
            if reason == BY_POSITION:
                target.reasons[kind] = BY_POSITION
    return placed


def _empty_placeholders(state: State) -> None:
    """A list whose one item says it holds nothing ("None identified.", "N/A", "Aucun.") is
    empty; a note says so."""
    for block in state.blocks:
        for run in block.lists:
            if len(run.items) == 1 and _PLACEHOLDER.match(fold(run.items[0][0])):
                (text, line), run.items = run.items[0], []
                under = f"under {run.label!r}" if run.label else f"under {block.heading!r}"
                state.problem(line, f"{text!r} {under} is a placeholder, not a finding; the "
                                    "list is empty", warn=False, note=True)


def _map_by_number(state: State, block: Block, named: set[str]) -> None:
    """Keep a heading mapped by its number when no other heading names that domain."""
    domain = domains.BY_KEY[block.key]
    unread = (f"heading names {headings.naming(block.named)}: {block.heading!r}" if block.named
              else f"heading not recognised: {block.heading!r}")
    if block.key in named:
        block.key, block.mapped = domains.UNCLASSIFIED.key, UNCLASSIFIED
        state.problem(block.line, f"{unread}; its number is that of domain {domain.number}, "
                                  "which another heading names, so its findings are "
                                  "unclassified")
        return
    named.add(block.key)
    state.problem(block.line, f"{unread}; mapped to domain {domain.number} ({domain.name}) "
                              "by its number")


def _resolve_lists(state: State, block: Block) -> Iterator[tuple[ListRun, Kind, Placement]]:
    """Each list of a block with its kind and why: its label, else its position, else none."""
    stated = {run.stated for run in block.lists if run.stated}
    seen: set[str] = set()
    for position, run in enumerate(block.lists):
        if run.stated:
            if run.stated in seen and run.items:
                state.problem(run.line, f"a second {_LIST_NAMES[run.stated]} label in one "
                                        f"domain: {run.label!r} (line {run.line}); its "
                                        f"{plural(len(run.items), 'finding')} joined to that "
                                        "list")
            seen.add(run.stated)
            yield run, run.stated, STATED
            continue
        if len(block.lists) > 1 and position < len(KINDS) and KINDS[position] not in stated:
            kind, reason = KINDS[position], BY_POSITION
        else:
            kind, reason = UNSORTED, UNCLASSIFIED
        if run.items:
            state.problem(run.line, _guess_message(block, run, kind))
        yield run, kind, reason


def _guess_message(block: Block, run: ListRun, kind: Kind) -> str:
    findings = plural(len(run.items), "finding")
    outcome = (f"taken as {_LIST_NAMES[kind]} by position" if kind != UNSORTED
               else "kept unsorted")
    if run.label:
        return (f"list label not recognised: {run.label!r} (line {run.line}); its {findings} "
                f"{outcome}")
    where = f"under {block.heading!r}" if block.heading else "outside any domain"
    return f"{findings} {where} with no list label (line {run.line}); {outcome}"


