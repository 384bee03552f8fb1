"""Sections: headings with nothing under them.

``sections/empty`` (warning): a heading followed directly by the next heading or by the end
of the notes, or a "Categories" / "Tags" heading under which no category was found. Not
reported: a Markdown heading whose next heading is a deeper one (``## Links`` then
``### Guests``, or a bold line ``**Call us**``), a heading that is itself a chapter
(``### Intro (0:00)``) or the title, an empty "Abstract" heading (``abstract/empty`` says
so), and a line of topics written ``// One // Two // Three`` (no heading word among them).
"""

from __future__ import annotations

from collections.abc import Iterator

from episodeparse import recache
from episodeparse.checks.notes import Finding, Notes, check
from episodeparse.document import Segment

__all__ = ["empty"]

_WORD = recache.compile(r"\w")
_LEVEL = recache.compile(r"^(#{1,6})[ \t]")


def _level(seg: Segment) -> int | None:
    m = _LEVEL.match(seg.text)
    return len(m.group(1)) if m else None


@check("sections/empty", "warning", "a heading with nothing under it")
def empty(notes: Notes) -> Iterator[Finding]:
    """Why: A heading with nothing under it is a draft left in the published notes.

    Example::

        // Takeaways
        ## Sponsors

    Fix::

        remove the heading, or write under it
    """
    blocks = [b for b in notes.document.sections if b.heading is not None]
    chapter_segments = {s.segment.index for s in notes.chapter_spots if s.segment is not None}
    title = notes.episode.title
    for i, block in enumerate(blocks):
        heading = block.heading
        assert heading is not None
        if block.kind == "abstract" or heading.index in chapter_segments:
            continue
        if title and heading.heading and title in heading.heading:
            continue
        has_text = any(_WORD.search(seg.text) for seg in block.segments)
        if block.kind == "categories" and has_text and not notes.episode.categories:
            what = "no categories under it"
        elif not has_text:
            level = _level(heading)
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            nxt = following.heading if following is not None else None
            if (
                following is not None
                and nxt is not None
                and nxt.line == heading.line
                and block.kind == "other"
            ):
                continue  # "// Being Outside // Cast Party // ...": a list of topics
            # a Markdown heading whose next heading is deeper, or is only a bold or
            # "Label:" line (no "#"), has that heading's text under it
            deeper = nxt is not None and level is not None and (_level(nxt) or 7) > level
            if deeper:
                continue
            what = "nothing under it"
        else:
            continue
        yield Finding(
            heading.line,
            notes.column(heading.line, heading.text[:30]),
            f'heading "{block.title}" has {what}: fill it in or remove the heading',
        )
