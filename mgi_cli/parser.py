"""Profile text -> Profile: a pure function, with the problems it met, no file I/O.

The text is read line by line. A domain block starts at a heading, which is a short line that
either follows a "Key findings" marker, or is followed by a list label, or carries a domain
number ("Domain 2:", "4."). That is why the MGI introduction, which names each domain and
describes it in prose, never yields a domain. Inside a list, a bullet glyph starts a finding
and other lines continue it (hard wraps, a paragraph split from its bullet); in a list with no
glyphs at all, a line starts a new finding when the previous one ended a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mgi_cli import domains, labels, metadata
from mgi_cli.errors import MgiError
from mgi_cli.model import GAPS, STRENGTHS, DomainFindings, Problem, Profile
from mgi_cli.text import clean, fold, slugify

_BULLET = re.compile(r"^\s*(?:\(cid:\d+\)|[•●▪◦▫■□‣⁃∙·○►▶➢✓\uf0b7\uf0a7*\-–—])\s*(?=\S)")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of|de|sur)\s*\d{1,3})?\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?;]['\"”’)\]]*$")
_LABEL_START = re.compile(
    r"^(migration governance|gouvernance des migrations|gobernanza de la migracion|examples"
    r"|exemples|ejemplos|areas|domaines|aspects)\b"
)
_IMPLEMENTATION = re.compile(r"\b(implemented|mise en (oe|œ)uvre|implementad[ao])\b", re.I)
_FUNDING = re.compile(r"\b(funding|funded|financ\w+)\b", re.I)
# Parts of real compounds: a hyphen at a line end after such a head, or before such a tail,
# is kept ("well-" / "being", "migration-" / "related"); other line-end hyphens split a word.
_COMPOUND_HEADS = {
    "well", "whole", "self", "non", "co", "socio", "long", "short", "cross", "multi", "anti",
    "post", "pre", "ex", "high", "low", "large", "small", "decision", "policy", "gender",
    "child", "age", "old", "cost", "state", "semi", "full", "part", "man", "half", "mid",
    "e", "follow", "time", "case", "region", "sub", "inter", "intra", "peer", "rights",
}
_COMPOUND_TAILS = {
    "based", "funded", "led", "related", "specific", "sensitive", "term", "made", "scale",
    "level", "wide", "owned", "run", "free", "friendly", "oriented", "responsive", "making",
    "up", "seekers", "seeker", "being", "government", "governmental", "border", "affected",
    "sponsored", "driven", "centred", "centered", "focused", "bound", "income", "skilled",
    "year", "time", "old", "in", "out", "on", "off", "like", "wise",
}


class NotAProfile(MgiError):
    """The text holds no MGI findings."""


@dataclass
class _Block:
    key: str
    heading: str
    line: int
    lists: dict[str, list[str]] = field(default_factory=lambda: {STRENGTHS: [], GAPS: []})

    def size(self) -> int:
        return len(self.lists[STRENGTHS]) + len(self.lists[GAPS])


@dataclass
class _State:
    source: str
    lines: list[str]
    blocks: dict[str, _Block] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    block: _Block | None = None
    kind: str | None = None
    bullet: list[str] | None = None  # the open finding, line by line
    glyphs: bool = False  # the current list marks its items with glyphs
    item_indent: int = 0  # in a list without glyphs, the indentation of its items
    blank_before: bool = False
    after_marker: bool = False
    in_introduction: bool = True
    title: str | None = None
    published: str | None = None
    prose: list[str] = field(default_factory=list)
    introduction: list[str] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)  # the text's words, folded
    compounds: set[str] = field(default_factory=set)  # its hyphenated pairs, "man-made"

    def problem(self, line: int, message: str, warn: bool = True) -> None:
        self.problems.append(Problem(self.source, line, message, warn))


def split_lines(text: str) -> list[str]:
    """Every line ending (LF, CRLF, CR, form feed, Unicode separators) as one, text cleaned."""
    text = re.sub(r"\r\n?|[\f\v\u2028\u2029\x85]", "\n", text)
    return [_clean_line(line) for line in text.split("\n")]


def _clean_line(line: str) -> str:
    """Clean a line's text but keep its indentation, which can mark list items."""
    body = clean(line).strip()
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" \t\u00a0"))
    return " " * indent + body if body else ""


def parse_profile(text: str, source: str = "<text>") -> tuple[Profile, list[Problem]]:
    """Read one profile from its text; raise NotAProfile when it holds no findings."""
    state = _State(source, split_lines(text))
    unbroken = re.sub(r"\w+-[ \t]*\r?\n\s*\w+", " ", fold(text))  # without split words
    state.vocabulary = set(re.findall(r"\w+", unbroken))
    state.compounds = {f"{a}-{b}" for a, b in re.findall(r"(\w+)-(\w+)", unbroken)}
    index = 0
    while index < len(state.lines):
        index = _read_line(state, index)
    _close_bullet(state)
    if not state.blocks:
        raise NotAProfile(f"{source}: no MGI domain headings or findings found")
    return _build(state), state.problems


def _read_line(state: _State, index: int) -> int:
    """Consume the line at index (sometimes two); return the index of the next one."""
    line = state.lines[index]
    text = line.strip()
    if not text:
        state.blank_before = True
        return index + 1
    number = index + 1
    consumed = index + 1
    if _PAGE_NUMBER.match(text):
        return consumed
    if labels.is_section_marker(text):
        _close_bullet(state)
        state.after_marker = True
        return consumed
    kind, consumed = _label_at(state, index)
    if kind:
        _start_list(state, kind, number)
    elif (published := metadata.parse_date(text)) and _is_date_line(state, line, published):
        _close_bullet(state)
        state.published = state.published or published
    elif metadata.is_title(text):
        _close_bullet(state)
        title, consumed = _title_at(state, index)
        state.title = state.title or title
    elif (match := _BULLET.match(line)) and not _is_dash_continuation(state, line, match):
        _start_bullet(state, line[match.end():].strip(), number, glyph=True)
    elif (wrapped := _wrapped_heading(state, index)) is not None:
        _start_block(state, wrapped[0], number)
        consumed = wrapped[1]
    elif _is_heading(state, index):
        _start_block(state, text, number)
    else:
        _read_text(state, line, number)
    state.blank_before = False
    state.after_marker = False
    return consumed


def _is_date_line(state: _State, line: str, published: str) -> bool:
    """A date line, unless it continues a wrapped finding that has not ended its sentence."""
    if state.bullet is None or not _continues(state, line):
        return True
    return len(published) > 4 and bool(_SENTENCE_END.search(state.bullet[-1]))


def _is_dash_continuation(state: _State, line: str, match: re.Match[str]) -> bool:
    """A wrapped line that starts with a dash ("– including access ...") continues the open
    finding when that finding has not ended its sentence and the words go on in lower case."""
    rest = line[match.end():]
    return (
        line.lstrip()[:1] in "-–—"
        and rest[:1].islower()
        and state.bullet is not None
        and not _SENTENCE_END.search(state.bullet[-1])
    )


def _label_at(state: _State, index: int) -> tuple[str | None, int]:
    """A list label on this line, or wrapped over this line and the next."""
    line = state.lines[index].strip()
    if _BULLET.match(state.lines[index]):
        return None, index + 1
    wrapped = state.bullet is not None and _continues(state, state.lines[index])
    if wrapped and not _LABEL_START.match(fold(line[:60])):  # a wrapped finding naming a label
        return None, index + 1
    following = _next_text(state, index)
    if kind := labels.list_label(line):
        if following is not None and _label_tail(state, line, following):
            return kind, following + 1
        return kind, index + 1
    if following is None or not _LABEL_START.match(fold(line[:60])):
        return None, index + 1
    joined = _join(line, state.lines[following].strip(), state)
    kind = labels.list_label(joined)
    return (kind, following + 1) if kind else (None, index + 1)


def _label_tail(state: _State, label: str, following: int) -> bool:
    """Whether the next line ends a label wrapped by a narrow column ("... de desarrollo" /
    "adicional"): a word or two, in lower case, that still reads as the same label."""
    tail = state.lines[following].strip()
    if len(tail.split()) > 2 or not tail[:1].islower() or _BULLET.match(state.lines[following]):
        return False
    return labels.list_label(_join(label, tail, state)) is not None


def _next_text(state: _State, index: int) -> int | None:
    """The index of the next non-blank line that is not a page number."""
    for following in range(index + 1, min(index + 4, len(state.lines))):
        text = state.lines[following].strip()
        if text and not _PAGE_NUMBER.match(text):
            return following
    return None


def _wrapped_heading(state: _State, index: int) -> tuple[str, int] | None:
    """A domain heading wrapped over two lines ("DOMAIN 5: MOBILITY DIMENSIONS OF" / "CRISES")
    right before a list label: the joined heading and the index after it."""
    following = index + 1
    if following >= len(state.lines) or not state.lines[following].strip():
        return None
    first, second = state.lines[index].strip(), state.lines[following].strip()
    if not _is_heading_text(first) or _SENTENCE_END.search(first) or _BULLET.match(first):
        return None
    after = _next_text(state, following)
    if after is None or _label_at(state, after)[0] is None or _label_at(state, following)[0]:
        return None
    if _continues(state, state.lines[index]) and not state.blank_before:
        return None
    joined = _join(first, second, state)
    if _is_heading_text(joined) and domains.normalize_heading(joined):
        return joined, following + 1
    return None


def _is_heading_text(text: str) -> bool:
    return len(text.split()) <= domains.MAX_HEADING_WORDS and not text.endswith((".", ";", ","))


def _title_at(state: _State, index: int) -> tuple[str, int]:
    """A title, with the tail of a title wrapped onto the next line ("... of Kazakh-" /
    "stan"): a few words that are neither a heading, a label nor a date."""
    title = state.lines[index].strip()
    following = index + 1
    if following >= len(state.lines):
        return title, following
    tail = state.lines[following].strip()
    if (
        not tail
        or len(tail.split()) > 5
        or _SENTENCE_END.search(tail)
        or labels.is_section_marker(tail)
        or labels.list_label(tail)
        or metadata.parse_date(tail)
        or domains.normalize_heading(tail)
        or _BULLET.match(tail)
    ):
        return title, following
    return _join(title, tail, state), following + 1


def _is_heading(state: _State, index: int) -> bool:
    """A short line that starts a domain block (see the module docstring)."""
    text = state.lines[index].strip()
    if not _is_heading_text(text):
        return False
    if labels.is_introduction(text) and (state.after_marker or state.block is None):
        return True
    following = _next_text(state, index)
    label_next = following is not None and _label_at(state, following)[0] is not None
    maps = domains.normalize_heading(text) is not None
    if state.bullet is not None and _continues(state, state.lines[index]) and not maps:
        return False
    return label_next or state.after_marker or (maps and domains.has_numbering(text))


def _start_block(state: _State, heading: str, number: int) -> None:
    _close_bullet(state)
    state.kind = None
    if labels.is_introduction(heading):
        state.block, state.in_introduction = None, True
        return
    state.in_introduction = False
    key = domains.normalize_heading(heading)
    if key is None:
        state.problem(number, f"heading maps to no MGI domain: {heading!r}")
        key = domains.UNCLASSIFIED.key
    block = state.blocks.get(key)
    if block is None or (block.size() == 0 and key != domains.UNCLASSIFIED.key):
        state.blocks[key] = block = _Block(key, heading, number)
    elif key == domains.UNCLASSIFIED.key:
        block.heading = f"{block.heading} / {heading}"
    else:
        state.problem(number, f"{heading!r} repeats the domain of line {block.line}; merged")
    state.block = block


def _start_list(state: _State, kind: str, number: int) -> None:
    _close_bullet(state)
    if state.block is None:
        state.problem(number, "list label outside any domain; its findings are unclassified")
        state.block = _unclassified(state, number)
    state.in_introduction = False
    state.kind = kind
    state.glyphs = False


def _unclassified(state: _State, number: int) -> _Block:
    key = domains.UNCLASSIFIED.key
    return state.blocks.setdefault(key, _Block(key, "", number))


def _start_bullet(state: _State, text: str, number: int, glyph: bool) -> None:
    _close_bullet(state)
    if state.kind is None:
        where = f"under {state.block.heading!r}" if state.block else "outside any domain"
        state.problem(number, f"finding {where} before any list label; kept as unclassified")
    state.glyphs = state.glyphs or glyph
    state.bullet = [text]


def _continues(state: _State, line: str) -> bool:
    """Whether a plain line continues the open finding rather than starting something new."""
    if state.bullet is None:
        return False
    text = line.strip()
    ended = bool(_SENTENCE_END.search(state.bullet[-1]))
    starts_lower = text[:1].islower() or not text[:1].isalpha()
    if state.glyphs:
        return not (state.blank_before and ended and not starts_lower)
    if _indent(line) != state.item_indent:  # flush or deeper: a wrapped line
        return True
    return not ended or starts_lower


def _read_text(state: _State, line: str, number: int) -> None:
    text = line.strip()
    if state.bullet is not None and _continues(state, line):
        _extend(state, text)
    elif state.kind is not None and not state.glyphs:
        _start_bullet(state, text, number, glyph=False)
        state.item_indent = _indent(line)
    elif state.in_introduction or state.block is None:
        _close_bullet(state)
        state.prose.append(text)
        if not state.blocks and state.in_introduction:
            state.introduction.append(text)
    else:
        _close_bullet(state)
        state.problem(number, f"text outside any list, not a finding: {_shorten(text)!r}")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _close_bullet(state: _State) -> None:
    """File the open finding in its list; one found before any list label is unclassified."""
    if state.bullet is None:
        return
    text = "".join(state.bullet).strip()
    if state.block is not None and state.kind is not None:
        state.block.lists[state.kind].append(text)
    else:
        _unclassified(state, 0).lists[STRENGTHS].append(text)
    state.bullet = None


def _extend(state: _State, text: str) -> None:
    """Add a wrapped line to the open finding. The finding is kept as a list of its lines,
    joined once at the end, so a finding of many lines costs linear time."""
    last = state.bullet[-1]
    joined = _join(last[-80:], text, state)  # only the end of the line decides the joint
    state.bullet[-1] = last[:-80] + joined[: len(joined) - len(text)]
    state.bullet.append(text)


def _join(left: str, right: str, state: _State) -> str:
    """Join a wrapped line to its predecessor, mending a hyphen only where a word was split."""
    match = re.search(r"(\w+)-$", left)
    if not match or not right[:1].isalpha():
        return f"{left} {right}"
    head = fold(match.group(1))
    tail = fold(re.match(r"\w*", right).group(0))
    if _is_compound(head, tail, state):
        return left + right
    return left[:-1] + right


def _is_compound(head: str, tail: str, state: _State) -> bool:
    """Whether 'head-' at a line end and 'tail' on the next make a hyphenated compound."""
    if f"{head}-{tail}" in state.compounds:
        return True
    if head + tail in state.vocabulary:
        return False
    if head in _COMPOUND_HEADS or tail in _COMPOUND_TAILS:
        return True
    return head in state.vocabulary and tail in state.vocabulary and len(head) > 2


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _build(state: _State) -> Profile:
    title = state.title or ""
    intro = " ".join(state.introduction) or " ".join(state.prose)
    place = metadata.describe_place(title, intro) if title else None
    if place is None:
        state.problem(0, "no profile title found; named after the file")
    ordered = []
    for info in domains.DOMAINS:
        block = state.blocks.get(info.domain.key)
        if block is None:
            missing = f"no heading for domain {info.domain.number} ({info.domain.name})"
            state.problem(0, missing, warn=False)
        ordered.append(_findings(info.domain, block))
    if (extra := state.blocks.get(domains.UNCLASSIFIED.key)) is not None:
        ordered.append(_findings(domains.UNCLASSIFIED, extra))
    stem = re.sub(r"\.[^.]*$", "", state.source.rsplit("/", 1)[-1])
    return Profile(
        id=place.id if place else slugify(stem) or "profile",
        name=place.name if place else stem,
        title=title,
        level=place.level if place else "national",
        country=place.country if place else None,
        country_code=place.country_code if place else None,
        published=state.published or metadata.title_year(title),
        edition=metadata.edition(title),
        source=state.source,
        domains=tuple(ordered),
        implementation=_sentence(_IMPLEMENTATION, " ".join(state.prose)),
        funding=_sentence(_FUNDING, " ".join(state.prose)),
        aliases=place.aliases if place else (),
    )


def _findings(domain: domains.Domain, block: _Block | None) -> DomainFindings:
    if block is None:
        return DomainFindings(domain, "")
    return DomainFindings(
        domain, block.heading, tuple(block.lists[STRENGTHS]), tuple(block.lists[GAPS])
    )


def _sentence(pattern: re.Pattern[str], text: str) -> str | None:
    """The last sentence of the introduction that matches (who implemented, who funded)."""
    sentences = re.findall(r"[^.]+\.", text)
    matches = [s.strip() for s in sentences if len(s) < 1000 and pattern.search(s)]
    return matches[-1] if matches else None
