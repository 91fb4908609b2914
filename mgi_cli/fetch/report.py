"""A run's outcomes, told: counts, the summary line, reasons in a few words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mgi_cli.fetch.resource import Outcome

STATUSES = ("fetched", "unchanged", "skipped", "failed")


def counts(outcomes: Sequence[Outcome]) -> dict[str, int]:
    found = Counter(outcome.status for outcome in outcomes)
    return {status: found[status] for status in STATUSES}


def short_reason(reason: str) -> str:
    """A skip's reason as the summary groups it."""
    if "robots.txt" in reason:
        return "robots.txt"
    if reason.startswith("not an MGI profile"):
        return "not a profile"
    if reason.startswith("the same profile as"):
        return "duplicate"
    if "changed here since it was fetched" in reason:
        return "edited here"
    return reason


def summary_line(outcomes: Sequence[Outcome], dry_run: bool = False) -> str:
    """"fetched 212, unchanged 3, skipped 1 (robots.txt), failed 2"."""
    numbers = counts(outcomes)
    skipped = Counter(short_reason(o.reason) for o in outcomes if o.status == "skipped")
    parts = []
    for status in STATUSES:
        word = "would fetch" if dry_run and status == "fetched" else status
        part = f"{word} {numbers[status]}"
        if status == "skipped" and skipped:
            reasons = ", ".join(f"{n} {why}" if len(skipped) > 1 else why
                                for why, n in sorted(skipped.items()))
            part += f" ({reasons})"
        parts.append(part)
    return ", ".join(parts)


def as_dict(outcomes: Sequence[Outcome], folder: str, dry_run: bool, requests: int,
            interrupted: bool = False) -> dict[str, Any]:
    """The JSON contract: the folder, the counts, and one object per URL."""
    return {
        "folder": folder,
        "dry_run": dry_run,
        "interrupted": interrupted,
        "summary": {**counts(outcomes), "requests": requests},
        "outcomes": [{"url": o.url, "status": o.status, "reason": o.reason or None,
                      "file": o.file, "profile": o.profile} for o in outcomes],
    }
