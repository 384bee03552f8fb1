"""Biographies: the ``// Bio`` section, split per person, and "NAME is ..." paragraphs.

Contract: sets ``bio`` (text without the leading full name) and ``aliases`` on the people in
the context. One bio section may hold several people's bios run together::

    // Bio Nicolas Del Monte Nico is the co-founder of ... Ruben Ostergaard Ruben is ...

It is cut at each known full name; the name the bio then uses ("Nico") becomes an alias.
A bio section that names nobody belongs to the only guest, when there is exactly one.
"""

from __future__ import annotations

import re

from episodeparse import recache
from episodeparse.document import Document, Segment, paragraphs
from episodeparse.extractors import (
    PLACE_TAIL,
    Context,
    PersonDraft,
    places_before,
    word_ending_at,
    word_starts,
)
from episodeparse.extractors.people import affiliation_after, job_phrase
from episodeparse.normalize import clean_prose, rendered

__all__ = ["extract", "stated_jobs"]

_VERB_AFTER = recache.compile(
    r"""^[ \t]+(?:(?:is|was)(?![ \t]+(?:joined|back|here|now|not)\b)  # not "is joined by"
        |has|leads|works|started|holds|spent|serves)\b""",
    re.VERBOSE,
)


def _split_by_names(text: str, people: list[PersonDraft]) -> list[tuple[PersonDraft, str]]:
    starts: list[tuple[int, int, PersonDraft]] = []
    for person in people:
        # The name as a whole word: "Hana KobayashiJoin" is not "Hana Kobayashi" + "Join"
        # (found without compiling a pattern per name).
        at = next(word_starts(text, person.name), None)
        if at is not None:
            starts.append((at, at + len(person.name), person))
    starts.sort(key=lambda s: s[0])
    out: list[tuple[PersonDraft, str]] = []
    for i, (start, end, person) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        if i == 0 and text[:start].strip():
            return []  # the bio does not open with a name: not a list of bios
        out.append((person, text[end:stop].strip()))
    return out


def _alias_from_bio(ctx: Context, person: PersonDraft, bio: str) -> None:
    """ "Nico is the co-founder ..." after "Nicolas Del Monte": Nico is an alias."""
    m = re.match(r"^([A-Z][\w'’-]{1,30})(?=[ \t]+[a-z])", bio)
    if m and m.group(1) not in person.name.split() and m.group(1) not in ("He", "She", "They"):
        ctx.add_alias(person, m.group(1))


def _add_bio(person: PersonDraft, text: str) -> None:
    """A second bio section about someone goes on their bio; it never replaces it."""
    text = clean_prose(text)
    if text:
        person.bio = f"{person.bio}\n{text}" if person.bio else text


def _bio_section(ctx: Context, block_segments: list[Segment]) -> None:
    text = Document.join(block_segments)
    people = [p for p in ctx.people if p.name in text]
    split = _split_by_names(text, people) if people else []
    if split:
        for person, bio in split:
            _alias_from_bio(ctx, person, bio)
            _add_bio(person, bio)
    else:
        guests = [p for p in ctx.people if p.role == "guest"]
        if len(guests) != 1:
            return
        _add_bio(guests[0], text)
    ctx.take(*block_segments)


def extract(ctx: Context) -> None:
    doc = ctx.doc
    for block in doc.blocks("bio"):
        # The bio runs up to the first segment another field took (a chapter list).
        free: list[Segment] = []
        for seg in block.segments:
            if ctx.is_taken(seg):
                break
            free.append(seg)
        if free:
            _bio_section(ctx, free)
    # "NAME is the Head of Product at ..." paragraphs outside a bio section.
    for block in doc.sections:
        if block.kind not in ("preamble", "abstract", "people", "other", "body"):
            continue
        writing: PersonDraft | None = None  # whose bio the last paragraph was
        for para in paragraphs(block.segments):
            raw = Document.join(para)
            # Both tests read the paragraph's first line only (a name, then a verb or a
            # word boundary, never run across lines): the whole paragraph is cleaned for
            # the bio it becomes, not for the test.
            if writing is not None and writing.bio:
                first = _first_line(raw)
                if _goes_on(writing, first):
                    # "David's current research ...": the next paragraph is about them too.
                    writing.bio += "\n" + clean_prose(raw)
                    continue
            elif not _may_name(raw, ctx.people):
                continue
            else:
                first = _first_line(raw)
            writing = None
            for person in ctx.people:
                if (
                    person.bio is None
                    and first.startswith(person.name)
                    and _VERB_AFTER.match(first[len(person.name) :])
                ):
                    person.bio = clean_prose(raw)[len(person.name) :].strip()
                    writing = person
                    break
    stated_jobs(ctx)


# The opening run of a text that rendering keeps as written: no blank, and none of the
# characters markup or an entity opens with (links, emphasis, escapes, "&amp;").
_VERBATIM_START = recache.compile(r"[^\s&\[*_\\]*")


def _may_name(raw: str, people: list[PersonDraft]) -> bool:
    """Whether ``clean_prose(raw)`` may open with the name of someone with no bio yet,
    read from the opening run of ``raw`` that rendering leaves as it is."""
    start = _VERBATIM_START.match(raw, len(raw) - len(raw.lstrip()))
    kept = start.group() if start else ""
    if not kept:
        return True  # opens with markup: only rendering tells
    return any(
        p.bio is None and (p.name.startswith(kept) or kept.startswith(p.name)) for p in people
    )


def _first_line(text: str) -> str:
    """The first line of ``clean_prose(text)``, without cleaning the rest."""
    return next((line for raw in text.split("\n") if (line := rendered(raw))), "")


# "Lee is now a senior correspondent at ...": what someone is, now (not "was").
_IS_NOW = recache.compile(r"[ \t]+is[ \t]+(?:(?:now|currently)[ \t]+)?(?=[a-zA-Z])")
# After a name, "is" and a blank (where _IS_NOW may match): from a space or a tab.
_IS_AFTER = tuple(recache.compile(blank + r"is(?=[ \t])") for blank in (" ", "\t"))


def stated_jobs(ctx: Context) -> None:
    """A person's job and organisation stated anywhere in the notes, under their full
    name, surname or first name ("Lee is now a senior correspondent at The Example"):
    their affiliation, where none was found beside their name."""
    text = ctx.doc.text
    places: dict[str, list[int]] | None = None  # where a name may end before "is": once
    for person in ctx.people:
        if person.affiliation is not None or person.role not in ("guest", "host", "co-host"):
            continue
        if places is None:
            places = places_before(text, _IS_AFTER)
        if not places:
            return  # no "NAME is" in the notes
        parts = person.name.split()
        keys = [person.name] if len(parts) < 2 else [person.name, parts[-1], parts[0]]
        for key in keys:
            if len(key) < PLACE_TAIL or not key[:1].isupper():
                continue
            job = next(
                (
                    found
                    for at in word_ending_at(text, key, places)
                    if (is_now := _IS_NOW.match(text, at + len(key)))
                    and (
                        found := job_phrase(
                            affiliation_after(text[is_now.end() : is_now.end() + 300])
                        )
                    )
                ),
                None,
            )
            if job is not None:
                person.affiliation = job
                break


def _goes_on(person: PersonDraft, text: str) -> bool:
    first = person.name.split()[0]
    return (
        re.match(rf"(?:{re.escape(first)}(?:['’]s)?|He|She|They|His|Her|Their)\b", text) is not None
    )
