"""The checks of ``episodeparse validate``: one module per part of the notes, one function
per code, and this registry, which lists every check explicitly.

Adding a check is one function with ``@check(code, severity, summary)`` in the module of the
part it checks, one line in ``CHECKS``, one row in the README's code table (a test keeps
the two in step), and a note under ``fixtures/validate/`` that triggers it.
"""

from __future__ import annotations

from episodeparse.checks import (
    abstract,
    chapters,
    header,
    leftovers,
    links,
    people,
    profiles,
    sections,
)
from episodeparse.checks.notes import PROFILES, Check, Notes, Options, Profile
from episodeparse.diagnostics import Diagnostic
from episodeparse.pipeline import Parsed

__all__ = [
    "CHECKS",
    "PROFILES",
    "Check",
    "Options",
    "Profile",
    "codes",
    "run_checks",
    "selected",
]

CHECKS: tuple[Check, ...] = (
    header.no_title,
    people.no_guest,
    people.no_bio,
    people.bio_without_person,
    abstract.empty,
    abstract.missing,
    abstract.short,
    chapters.out_of_order,
    chapters.duplicate_time,
    chapters.bad_time,
    chapters.too_short,
    chapters.after_end,
    chapters.implausible_time,
    chapters.not_taken,
    links.malformed,
    links.duplicate,
    links.http,
    leftovers.unrecognized,
    sections.empty,
    profiles.youtube_first_at_zero,
    profiles.youtube_too_few,
    profiles.youtube_not_ascending,
    profiles.youtube_too_short,
    profiles.spotify_first_at_zero,
    profiles.spotify_too_few,
    profiles.spotify_not_chronological,
    profiles.spotify_same_line,
    profiles.spotify_punctuation,
    profiles.spotify_long_title,
    profiles.apple_first_at_zero,
    profiles.apple_too_few,
    profiles.podcasting2_start_time,
    profiles.podcasting2_not_ascending,
    profiles.podcasting2_no_title,
)


def codes() -> list[str]:
    """Every check's code, in registry order."""
    return [c.code for c in CHECKS]


def selected(ignore: tuple[str, ...] = ()) -> tuple[Check, ...]:
    """The checks minus those ignored: a code (``people/no-guest``) or a part (``people``).

    >>> len(selected(("leftovers",))) == len(CHECKS) - 1
    True
    """
    return tuple(
        c for c in CHECKS if not any(c.code == i or c.code.startswith(i + "/") for i in ignore)
    )


def run_checks(
    parsed: Parsed,
    options: Options,
    path: str,
    checks: tuple[Check, ...] = CHECKS,
) -> list[Diagnostic]:
    """Every applicable check on one parsed episode, as diagnostics sorted by position."""
    notes = Notes(parsed.episode, parsed.document, parsed.context, options)
    out: list[Diagnostic] = []
    for item in checks:
        if item.profile is not None and item.profile != options.profile:
            continue
        for finding in item.run(notes):
            out.append(
                Diagnostic(
                    path, finding.line, finding.column, item.code, item.severity, finding.message
                )
            )
    return sorted(out)
