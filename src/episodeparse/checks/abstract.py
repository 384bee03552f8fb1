"""The abstract: the episode's description.

- ``abstract/empty`` (warning): an "Abstract" / "Description" heading with no text under it.
- ``abstract/missing`` (warning): no abstract at all (no such heading, and no descriptive
  prose at the start of the notes).
- ``abstract/short`` (warning): an abstract of fewer than five words, which says nothing
  a listener could choose by.
"""

from __future__ import annotations

from collections.abc import Iterator

from episodeparse import recache
from episodeparse.checks.notes import PARSER_GROUP, Finding, Notes, check, quote
from episodeparse.document import SectionBlock

__all__ = ["empty", "missing", "short"]

_WORD = recache.compile(r"\w+")
_MIN_WORDS = 5


def _empty_blocks(notes: Notes) -> list[SectionBlock]:
    return [
        block
        for block in notes.document.blocks("abstract")
        if block.heading is not None and not any(_WORD.search(seg.text) for seg in block.segments)
    ]


@check("abstract/empty", "warning", "an abstract heading with nothing under it")
def empty(notes: Notes) -> Iterator[Finding]:
    """Why: An empty description heading is a draft left in the published notes.

    Example::

        // Abstract
        // Bio

    Fix::

        // Abstract
        Ada Lovelace joins us to talk about analytical engines.
    """
    for block in _empty_blocks(notes):
        assert block.heading is not None
        seg = block.heading
        yield Finding(
            seg.line,
            notes.column(seg.line, seg.text[:30]),
            f'"{block.title}" heading with no text under it: write the episode\'s description '
            "below it",
        )


@check("abstract/missing", "warning", "the notes have no abstract", group=PARSER_GROUP)
def missing(notes: Notes) -> Iterator[Finding]:
    """Why: Apps show the description in the episode list. Opt-in: the parser may not find
    prose it does not recognise as one.

    Example::

        a title line, a bio and chapters, no description

    Fix::

        a paragraph after the title line
    """
    if (notes.episode.abstract or "").strip() or _empty_blocks(notes):
        return
    yield Finding(
        1,
        1,
        'no abstract: describe the episode under an "Abstract" or "Description" heading, '
        "or in a paragraph after the title line",
    )


@check("abstract/short", "warning", "an abstract of fewer than five words", group=PARSER_GROUP)
def short(notes: Notes) -> Iterator[Finding]:
    """Why: A description of a few words says nothing a listener can choose by. Opt-in.

    Example::

        // Abstract
        Engines, mostly.

    Fix::

        // Abstract
        Ada Lovelace joins us to talk about analytical engines.
    """
    abstract = (notes.episode.abstract or "").strip()
    words = _WORD.findall(abstract)
    if not abstract or len(words) >= _MIN_WORDS:
        return
    first = abstract.splitlines()[0]
    line = next(
        (
            seg.line
            for seg in notes.document.segments
            if first[:20] in seg.text and not seg.is_heading
        ),
        1,
    )
    yield Finding(
        line,
        notes.column(line, first[:20]),
        f"the abstract is only {quote(abstract)} ({len(words)} word"
        f"{'' if len(words) == 1 else 's'}): say what the episode is about",
    )
