"""The header: the episode's title.

``header/no-title`` (warning): the record has no title, so the notes state none that the
parser could read (a title line ``Title // Guest // Series #57``, a first heading
``# Title``, or ``Episode 12: Title``).
"""

from __future__ import annotations

from collections.abc import Iterator

from episodeparse.checks.notes import PARSER_GROUP, Finding, Notes, check

__all__ = ["no_title"]


@check("header/no-title", "warning", "the notes state no episode title", group=PARSER_GROUP)
def no_title(notes: Notes) -> Iterator[Finding]:
    """Why: A listener picks an episode by its title; an app shows the file name without
    one.

    Example::

        Night Sessions #12 with Ada Lovelace.

    Fix::

        Engines of Thought // Ada Lovelace // Night Sessions #12
    """
    if notes.episode.title is not None:
        return
    if notes.episode.source.item is not None:
        yield Finding(1, 1, "no episode title: the item's <title> and its notes state none")
    else:
        yield Finding(
            1,
            1,
            "no episode title: open the notes with a title line such as "
            '"Title // Guest // Series #57" or a heading "# Title"',
        )
