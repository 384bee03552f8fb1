"""Leftovers: text the parser did not understand.

``leftovers/unrecognized`` (warning): a piece of the notes that no field of the record took
(kept in ``leftovers`` with reason ``unrecognized``). Known boilerplate (an aggregator's
"Visit the podcast's native language site") is not reported, nor the text of a bio that
``people/bio-without-person`` reports, nor a heading left over because nothing of its own
stands under it (``sections/empty`` reports the empty ones).
"""

from __future__ import annotations

from collections.abc import Iterator

from episodeparse.checks.notes import PARSER_GROUP, Finding, Notes, check, quote
from episodeparse.checks.people import loose_bios

__all__ = ["unrecognized"]


@check("leftovers/unrecognized", "warning", "text no field of the record took", group=PARSER_GROUP)
def unrecognized(notes: Notes) -> Iterator[Finding]:
    """Why: text no field took is not in the record, so no app shows it. Opt-in (group
    parser): more often the parser's gap than the author's mistake, such as a cast list.

    Example::

        ~~ 42 ~~ ++ recorded by candlelight ++

    Fix::

        write it as prose, or under a heading that says what it is
    """
    explained = {seg.line for _, loose in loose_bios(notes) for seg in loose}
    headings = {(seg.line, seg.text) for seg in notes.document.segments if seg.is_heading}
    for leftover in notes.episode.leftovers:
        if leftover.reason != "unrecognized" or leftover.line in explained:
            continue
        if (leftover.line, leftover.text) in headings:
            continue
        yield Finding(
            leftover.line,
            notes.column(leftover.line, leftover.text[:30]),
            f"not understood, kept as a leftover: {quote(leftover.text)}",
        )
