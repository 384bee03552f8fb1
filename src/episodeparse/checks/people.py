"""People: the guests, and their biographies.

- ``people/no-guest`` (warning): the record names no guest. A show whose episodes have
  none can pass ``--ignore people/no-guest``.
- ``people/no-bio`` (info): a guest with no biography.
- ``people/bio-without-person`` (warning): text under a "Bio" heading that the parser gave
  to nobody: it does not open with the name of a person the notes name elsewhere (and the
  episode has not exactly one guest to give it to).
"""

from __future__ import annotations

from collections.abc import Iterator

from episodeparse import recache
from episodeparse.checks.notes import PARSER_GROUP, Finding, Notes, check, quote
from episodeparse.document import SectionBlock, Segment

__all__ = ["bio_without_person", "loose_bios", "no_bio", "no_guest"]

_WORD = recache.compile(r"\w")
# "with" (or "mit", "avec", "con") then a capitalised name of two or three words.
_WITH_NAME = recache.compile(
    r"\b(?:[Ww]ith|mit|avec|con)[ \t]+[A-Z][\w'’.-]{0,30}(?:[ \t][A-Z][\w'’.-]{0,30}){1,2}"
)
_TEASER_WINDOW = 2000  # characters: where a teaser names its guest


@check("people/no-guest", "warning", "the notes name no guest", group=PARSER_GROUP)
def no_guest(notes: Notes) -> Iterator[Finding]:
    """Why: Guests are how listeners search a catalogue. Opt-in: many shows have no guests,
    and the parser can miss a guest written in prose.

    Example::

        Engines of Thought // Night Sessions #12

    Fix::

        Engines of Thought // Ada Lovelace // Night Sessions #12
    """
    people = notes.episode.people
    if any(p.role == "guest" for p in people):
        return
    names = [p.name for p in people]
    named = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    role = "host" if len(names) == 1 else "hosts"
    who = f"the notes name {named}, as {role}" if named else "the notes name no one"
    written = _WITH_NAME.search(notes.document.text[:_TEASER_WINDOW])
    if written is not None:
        # The author did write a guest the usual way; the parser did not read it.
        advice = (
            f"the notes say {quote(written.group(), 40)}, which was not read as a guest: if "
            "that is the guest, also name them in the title line "
            '("Title // Ada Lovelace // Series #1")'
        )
    elif notes.episode.source.item is not None:
        advice = "name the guest in the item's <title> or in the notes' first lines"
    else:
        advice = (
            'name the guest in the title line ("Title // Ada Lovelace // Series #1") or '
            'with "with" and their name in the teaser'
        )
    yield Finding(1, 1, f"no guest found ({who}): {advice}")


@check("people/no-bio", "info", "a guest has no biography", group=PARSER_GROUP)
def no_bio(notes: Notes) -> Iterator[Finding]:
    """Why: A bio tells the listener who is speaking. Opt-in: a bio written in prose may
    not be recognised.

    Example::

        a guest named in the title line and no bio

    Fix::

        // Bio
        Ada Lovelace is a mathematician ...
    """
    for person in notes.episode.people:
        if person.role != "guest" or person.bio:
            continue
        line = next((n for n in map(notes.first_line, (person.name, *person.aliases)) if n), None)
        if line is None:  # named by the feed, not in the notes
            line, column = 1, 1
        else:
            column = notes.column(line, person.name)
        yield Finding(
            line,
            column,
            f'guest "{person.name}" has no bio: add one under a "Bio" heading, '
            f'starting with "{person.name}"',
        )


def loose_bios(notes: Notes) -> list[tuple[SectionBlock, list[Segment]]]:
    """The bio sections with text no one was given, and that text."""
    ctx = notes.context
    out: list[tuple[SectionBlock, list[Segment]]] = []
    for block in notes.document.blocks("bio"):
        loose = [
            seg
            for seg in block.segments
            if not ctx.is_taken(seg) and _WORD.search(seg.text) and seg.index not in notes.fenced
        ]
        if loose:
            out.append((block, loose))
    return out


@check(
    "people/bio-without-person",
    "warning",
    "a bio that belongs to no known person",
    group=PARSER_GROUP,
)
def bio_without_person(notes: Notes) -> Iterator[Finding]:
    """Why: A bio nobody is named in cannot be shown beside its person. Opt-in: it reports
    what the parser could not attach.

    Example::

        // Bio
        Charles Babbage designed ... (the guests are Ada and Mary)

    Fix::

        // Bio
        Ada Lovelace is ...
    """
    for block, loose in loose_bios(notes):
        heading = block.title or "Bio"
        guests = [p.name for p in notes.episode.people if p.role == "guest"]
        hint = (
            f'start each bio with the person\'s full name ("{guests[0]} is ...")'
            if guests
            else "name the guest in the title line or teaser, and start the bio with that name"
        )
        first = loose[0]
        yield Finding(
            first.line,
            notes.column(first.line, first.text[:30]),
            f'bio under "{heading}" belongs to no known person: {quote(first.text, 40)}; {hint}',
        )
