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
    html,
    leftovers,
    links,
    people,
    profiles,
    sections,
)
from episodeparse.checks.notes import PARSER_GROUP, PROFILES, Check, Notes, Options, Profile
from episodeparse.diagnostics import Diagnostic
from episodeparse.pipeline import Parsed

__all__ = [
    "CHECKS",
    "DEFAULT_CHECKS",
    "PARSER_GROUP",
    "PROFILES",
    "SOURCE_CODES",
    "Check",
    "Options",
    "Profile",
    "UnknownSelector",
    "by_code",
    "codes",
    "matches",
    "resolve",
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
    links.plain_http,
    leftovers.unrecognized,
    sections.empty,
    html.unclosed,
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


SOURCE_CODES = frozenset(c.code for c in CHECKS if c.on_source)
"""The codes whose findings are lines of the file as written, not of its text."""

DEFAULT_CHECKS: tuple[Check, ...] = tuple(c for c in CHECKS if c.default)
"""The checks that run when nothing is selected: all but the opt-in groups'."""


class UnknownSelector(ValueError):
    """A ``select`` or ``ignore`` entry that names no check, part or group."""


def matches(selector: str, item: Check) -> bool:
    """Whether ``selector`` names ``item``: ``ALL``, its code, its part (the code's prefix:
    ``people``), or its opt-in group (``parser``).

    >>> [matches(s, by_code("people/no-guest")) for s in ("ALL", "people", "parser", "peo")]
    [True, True, True, False]
    """
    return (
        selector == "ALL"
        or selector == item.code
        or item.code.startswith(selector.rstrip("/") + "/")
        or (item.group is not None and selector == item.group)
    )


def by_code(code: str) -> Check:
    """The check of ``code``; KeyError for none."""
    for item in CHECKS:
        if item.code == code:
            return item
    raise KeyError(code)


def resolve(
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] = (),
    extend_select: tuple[str, ...] = (),
) -> tuple[Check, ...]:
    """The checks to run, as ruff chooses its rules: those ``select`` names (None: the
    default ones), plus those ``extend_select`` names, minus those ``ignore`` names.
    Raises ``UnknownSelector`` for an entry that names nothing.

    >>> len(resolve()) == len(DEFAULT_CHECKS), len(resolve(("ALL",))) == len(CHECKS)
    (True, True)
    >>> [c.code for c in resolve(("links",), ignore=("links/http",))]
    ['links/malformed', 'links/duplicate', 'links/plain-http']
    """
    for selector in (*(select or ()), *ignore, *extend_select):
        if not any(matches(selector, c) for c in CHECKS):
            raise UnknownSelector(selector)
    base = DEFAULT_CHECKS if select is None else ()
    wanted = (*(select or ()), *extend_select)
    return tuple(
        c
        for c in CHECKS
        if (c in base or any(matches(s, c) for s in wanted))
        and not any(matches(s, c) for s in ignore)
    )


def codes() -> list[str]:
    """Every check's code, in registry order."""
    return [c.code for c in CHECKS]


def selected(ignore: tuple[str, ...] = ()) -> tuple[Check, ...]:
    """Every check (the opt-in ones too) minus those ignored: a code (``people/no-guest``)
    or a part (``people``).

    >>> len(selected(("leftovers",))) == len(CHECKS) - 1
    True
    """
    return tuple(c for c in CHECKS if not any(matches(i, c) for i in ignore))


def run_checks(
    parsed: Parsed,
    options: Options,
    path: str,
    checks: tuple[Check, ...] = DEFAULT_CHECKS,
    source: str | None = None,
) -> list[Diagnostic]:
    """Every applicable check on one parsed episode, as diagnostics sorted by position.
    ``source``: HTML notes as written, for the checks that read the markup (their lines
    are those of ``source``, the others' those of the converted text)."""
    notes = Notes(parsed.episode, parsed.document, parsed.context, options, source)
    out: list[Diagnostic] = []
    for item in checks:
        if not options.applies(item.profile):
            continue
        for finding in item.run(notes):
            out.append(
                Diagnostic(
                    path, finding.line, finding.column, item.code, item.severity, finding.message
                )
            )
    return sorted(out)
