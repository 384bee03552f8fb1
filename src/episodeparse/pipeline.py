"""parse(): text -> document -> extractors -> Episode. The one registration point.

The extractors run in a fixed order because each may take segments that a later one must
not read again: the header first (title line, teaser), then people and bios (which the
links need to say whose a link is), dates, categories, chapters, the abstract, links, and
last the sections and leftovers, which get whatever nobody took.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, NamedTuple

from episodeparse import recache, sniff
from episodeparse.digest import sha256_hex
from episodeparse.document import HEADING_WORDS, Document, Segment, is_boilerplate
from episodeparse.extractors import (
    PLACE_TAIL,
    Context,
    PersonDraft,
    places_before,
    word_ending_at,
    word_starts,
)
from episodeparse.extractors import abstract as abstract_x
from episodeparse.extractors import bios as bios_x
from episodeparse.extractors import categories as categories_x
from episodeparse.extractors import chapters as chapters_x
from episodeparse.extractors import dates as dates_x
from episodeparse.extractors import header as header_x
from episodeparse.extractors import links as links_x
from episodeparse.extractors import people as people_x
from episodeparse.extractors import roster as roster_x
from episodeparse.model import (
    SCHEMA,
    Episode,
    Leftover,
    LeftoverReason,
    Link,
    Person,
    Section,
    Source,
    SourceFormat,
)
from episodeparse.normalize import clean_prose

if TYPE_CHECKING:
    from episodeparse.positions import LineMap, Written

__all__ = ["Parsed", "keep_documents", "parse", "parse_notes", "parse_with_document"]

# Markdown markup: "## Heading" or "- [label]" opening a line, or "](http". A line's start
# is sought from its line break, not tried at every position as a "^" in MULTILINE mode
# would be (the first line is matched on its own); "](http" is sought as plain substrings,
# which are found faster than a regex tries its first character at every position.
_MARKDOWN_HINT = recache.compile(r"\n(?:\#{1,6}[ \t]|[*-][ \t]\[)")
_MARKDOWN_START = recache.compile(r"\#{1,6}[ \t]|[*-][ \t]\[")
# Headings whose words are structure, not content: taken even when their section is empty.
_STRUCTURAL = frozenset(("abstract", "bio", "chapters", "categories", "people"))
# Sections a field of their own reads: what it leaves is left over, not section text.
_FIELD_KINDS = frozenset(("abstract", "bio", "categories", "people"))
_WORD = recache.compile(r"\w+")
_HEADING_WORD = recache.compile(r"[^\W_]+")
_TITLES = frozenset(("Sir", "Dr.", "Dr", "Lord", "Lady", "Dame"))
# The capital first, then "(?<![\w-].)" for the character before it: a pattern that opens
# with a character class is sought by that class, where one that opens with a lookbehind
# is tried at every position of the notes.
_POSSESSIVE = recache.compile(r"([A-Z](?<![\w-].)[a-z]{2,12})['’]s?\b")
# Where a ``_POSSESSIVE`` match before an apostrophe at ``endpos`` would start.
_NAME_BEFORE_MARK = recache.compile(r"[A-Z][a-z]{2,12}\Z")


def _order_people(doc: Document, people: list[PersonDraft]) -> list[PersonDraft]:
    """In order of first mention of any of a person's names in the notes."""
    text = doc.text

    def first(person: PersonDraft) -> int:
        spots = [next(word_starts(text, name), None) for name in person.names()]
        found = [spot for spot in spots if spot is not None]
        return min(found) if found else len(text)

    return sorted(people, key=first)


def _first_name_aliases(ctx: Context, people: list[PersonDraft]) -> None:
    """A first name used on its own elsewhere in the notes is an alias ("Cory's Twitter"),
    and so is a possessive short form of it ("Des's Twitter handle" for Desiree)."""
    text = ctx.doc.text
    possessives: list[str] | None = None  # found once, for everyone
    blanks: tuple[str, ...] | None = None  # likewise
    # The words of each name, split once for everyone (no name changes here).
    name_words: list[tuple[PersonDraft, list[str]]] | None = None
    subjects: dict[str, list[int]] | None = None
    for person in people:
        parts = person.name.split()
        if len(parts) < 2:
            continue
        given = [p for p in parts[:-1] if p[:1].isupper() and p not in _TITLES]
        word = given[0] if given else None
        if word is not None:
            # The full name's places (found one after the other: sorted, none overlapping)
            # walked beside the word's, which come in order too: a place of the word is
            # inside the name where it is before the end of the last place of the name at or
            # before it.
            name = person.name
            size = len(name)
            inside_end = -1
            next_name = text.find(name)
            for at in word_starts(text, word, "-"):
                while next_name != -1 and next_name <= at:
                    inside_end = next_name + size
                    next_name = text.find(name, inside_end)
                if at >= inside_end:
                    ctx.add_alias(person, word)
                    break
        first = parts[0]
        if possessives is None:
            possessives = _possessives(text)
        for short in possessives:
            if short != first and first.startswith(short):
                ctx.add_alias(person, short)
                break
        if len(people) <= _MAX_SHORT_ALIAS_PEOPLE:
            if blanks is None:
                blanks = (" ", "\t") if "\t" in text else (" ",)
                name_words = [(p, p.name.split()) for p in ctx.people]
                subjects = places_before(text, _BLANK_SUBJECT)
            _short_aliases(ctx, person, text, blanks, name_words, subjects)


# Short forms are sought for each person through the whole notes and against everyone
# else: beyond a cast this large (a credits list) the cost would grow with its square.
_MAX_SHORT_ALIAS_PEOPLE = 12
# After a name standing alone as the subject of a sentence: "Rich is ...", "Lee broke ...".
_SUBJECT_AFTER = recache.compile(r"[ \t]+(?:is|was|has|had|says|said|broke|wrote|joined)\b")


def _short_aliases(
    ctx: Context,
    person: PersonDraft,
    text: str,
    blanks: tuple[str, ...] = (" ", "\t"),
    name_words: list[tuple[PersonDraft, list[str]]] | None = None,
    subjects: dict[str, list[int]] | None = None,
) -> None:
    """Other names the notes use for someone, as the subject of a sentence: a short form of
    the first name ("Rich is ..." for Richard) or the surname alone ("As a reporter, Lee
    broke ..."), where no other person of the notes has that name. ``blanks``: those the
    notes hold (a tab is sought only in notes that hold one); ``name_words``: each person
    of ``ctx.people`` with the words of their name, where the caller split them once;
    ``subjects``: where a subject's verb follows (``places_before``), found once."""
    parts = person.name.split()
    first, last = parts[0], parts[-1]
    shorts = [w for w in (first[:3], first[:4], first[:5]) if len(w) < len(first)]
    candidates = [*dict.fromkeys(shorts), last] if len(parts) >= 2 else []
    if not candidates:
        return
    given = tuple(parts[:-1])
    if name_words is None:
        name_words = [(p, p.name.split()) for p in ctx.people]
    # The words of everyone else's names: a candidate that is one is someone else's.
    others = {w for p, words in name_words if p is not person for w in words}
    for word in candidates:
        if word in person.aliases or not word[:1].isupper() or word in others:
            continue
        # _SUBJECT_AFTER opens with a blank: only the places of the word before one are read
        # (the word found anywhere else is passed over at C speed).
        places = (
            _before_blank(text, word, blanks) if word.isalnum() else word_starts(text, word, "-")
        )
        if subjects is not None and len(word) >= PLACE_TAIL:
            # Only the places where a subject's verb follows: looked up by the word's end.
            places = word_ending_at(text, word, subjects, "-")
        for at in places:
            before = text[max(0, at - 2) : at]
            if word == last and _ends_with(text, at, given):
                continue  # the full name, not the surname alone
            if before.strip() and before[-1:] not in (" ", "\n") and before[-1:] != "\t":
                continue
            if _SUBJECT_AFTER.match(text, at + len(word)):
                ctx.add_alias(person, word)
                break


# _SUBJECT_AFTER from the blank just before its verb, after a space or a tab (for
# places_before).
_BLANK_SUBJECT = tuple(
    recache.compile(blank + r"(?:is|was|has|had|says|said|broke|wrote|joined)\b")
    for blank in (" ", "\t")
)


def _before_blank(text: str, word: str, blanks: tuple[str, ...]) -> Iterator[int]:
    """The places of ``word`` (letters and digits) that :func:`word_starts` finds with the
    joiner "-", where one of ``blanks`` follows it (" " and, where the notes hold one, a
    tab): those of "word " then of "word\\t".

    >>> list(_before_blank("Lee. Lee is, Ann-Lee \\tLee\\tLee", "Lee", (" ", "\\t")))
    [5, 22]
    """
    for blank in blanks:
        sought = word + blank
        at = text.find(sought)
        while at != -1:
            if at == 0 or not _is_word_char(text[at - 1]):
                yield at  # no letter, digit, "_" nor "-" before it: where the word starts
            at = text.find(sought, at + 1)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _ends_with(text: str, at: int, words: tuple[str, ...]) -> bool:
    """Whether ``text[:at]``, trailing blanks aside, ends with one of ``words``: read from a
    window before ``at``, not from a copy of all the text before it (one per place).

    >>> _ends_with("Ann Lee and Lee", 4, ("Ann",)), _ends_with("Ann Lee and Lee", 12, ("Ann",))
    (True, False)
    """
    window = max(0, at - _WINDOW)
    end = window + len(text[window:at].rstrip())
    if end == window and window > 0:
        end = len(text[:at].rstrip())  # blanks fill the window: read back to their start
    return text.endswith(words, 0, end)


_WINDOW = 64  # characters before a place: the blanks before it, and the word before those


def _possessives(text: str) -> list[str]:
    """``m.group(1)`` of each ``_POSSESSIVE`` match in ``text``, in order ("Des" of "Des's").

    Sought from each apostrophe (a note holds a few) back to the capital before it, not
    from each capital (a note holds hundreds): a match ends its lowercase run at an
    apostrophe, so no two overlap and each apostrophe ends at most one.
    """
    found: list[tuple[int, str]] = []
    for mark in ("'", "’"):
        at = text.find(mark)
        while at != -1:
            start = _NAME_BEFORE_MARK.search(text, max(0, at - 13), at)
            m = _POSSESSIVE.match(text, start.start()) if start else None
            if m:
                found.append((m.start(), m.group(1)))
            at = text.find(mark, at + 1)
    found.sort()
    return [name for _, name in found]


def _only_heading_words(title: str) -> bool:
    """A heading of known heading words only, which says nothing of its own.

    >>> _only_heading_words("Today's Sponsors"), _only_heading_words("A0 SPONSOR")
    (True, False)
    """
    return set(_HEADING_WORD.findall(title.casefold())) <= HEADING_WORDS


def _sections(ctx: Context, links: list[Link]) -> list[Section]:
    out: list[Section] = []
    taken = ctx.taken  # ctx.is_taken, without a call per segment
    for block in ctx.doc.sections:
        if block.heading is None or block.kind in _FIELD_KINDS:
            continue
        if ctx.title is not None and block.heading.index == ctx.title.index:
            continue  # the title heading: its prose is the abstract, the rest leftovers
        rest = [s for s in block.segments if s.index not in taken]
        text = clean_prose(Document.join(rest))
        if text:
            out.append(Section(block.title or "", text))
            ctx.take(*rest)
            ctx.take(block.heading)
        elif _only_heading_words(block.title or ""):
            ctx.take(block.heading)  # known words only ("Transcript", "Show Notes"): structure
        # else a heading with nothing of its own left ("A0 Sponsor", "Where to find Owen") is a
        # leftover, unless a link names it
    headings_used = {link.section for link in links}
    for block in ctx.doc.sections:
        heading = block.heading
        if heading is None or heading.index in taken:
            continue
        if block.kind in _STRUCTURAL or heading.heading in headings_used:
            ctx.take(heading)
    return out


def _leftovers(ctx: Context) -> list[Leftover]:
    out: list[Leftover] = []
    pending: Segment | None = None
    unread: dict[int, list[str]] = {}
    for seg, text in ctx.unread:
        unread.setdefault(seg.index, []).append(text)
    taken = ctx.taken  # ctx.is_taken, without a call per segment
    for seg in ctx.doc.segments:
        if unread:
            for text in unread.get(seg.index, ()):
                # A part of a taken segment that no field holds ("Title // Live // Series #3").
                out.append(Leftover(seg.line, text, "unrecognized"))
                pending = None
        if seg.index in taken or not _WORD.search(seg.text):
            continue
        reason: LeftoverReason = "boilerplate" if is_boilerplate(seg.text) else "unrecognized"
        if (
            pending is not None
            and out
            and out[-1].reason == reason == "unrecognized"
            and pending.line == seg.line
            and pending.index == seg.index - 1
        ):
            # Pieces of one physical line that nobody took stay together.
            out[-1] = Leftover(out[-1].line, out[-1].text + " " + seg.text, reason)
        else:
            out.append(Leftover(seg.line, seg.text, reason))
        pending = seg
    return out


def _in_file(leftovers: list[Leftover], lines: LineMap) -> list[Leftover]:
    """``leftovers`` (at lines of the text read) at their lines of the input as written."""
    return [Leftover(lines.line(x.line), x.text, x.reason) for x in leftovers]


def parse_notes(
    text: str,
    source: Source,
    *,
    podcast: str | None = None,
    title: str | None = None,
    written: Written | None = None,
) -> Episode:
    """Build the record of one episode's notes (already decoded text). ``podcast`` is the
    show's name where the caller knows it (a feed's channel title): never a person;
    ``title`` the episode's title where the caller knows it (a feed item's).
    ``written``: where ``text`` stands in its file (a feed item's bytes), whose lines the
    leftovers count; HTML notes count lines of ``text`` as given, other notes are read as
    written."""
    if source.format == "html" or sniff.looks_like_html(text):
        from episodeparse.html import html_to_text  # not imported for text notes
        from episodeparse.positions import Written

        if written is None:
            written = Written(text)
        text = html_to_text(text)
    doc = Document(text)
    ctx = Context(doc)
    header = header_x.extract(ctx, title=title)
    ctx.podcast = header.podcast or podcast
    chapters = chapters_x.extract(ctx)
    people_x.extract(ctx)
    bios_x.extract(ctx)
    roster_x.extract(ctx)
    date = dates_x.extract(ctx) or header.date
    categories = categories_x.extract(ctx)
    abstract = abstract_x.extract(ctx)
    ctx.use_fullest_names()
    ctx.drop_show_name()
    ctx.nickname_aliases()
    people = _order_people(doc, ctx.people)
    _first_name_aliases(ctx, people)
    links = links_x.extract(ctx)
    sections = _sections(ctx, links)
    leftovers = read = _leftovers(ctx)
    if leftovers and written is not None:  # the text read is not the text as written
        leftovers = _in_file(read, written.line_map(doc.text))
    episode = Episode(
        schema=SCHEMA,
        source=source,
        feed=None,
        title=header.title,
        podcast=header.podcast,
        series=header.series,
        episode=header.episode,
        date=date,
        people=tuple(
            Person(p.name, p.role, p.affiliation, tuple(p.aliases), p.bio) for p in people
        ),
        summary=header.summary,
        abstract=abstract,
        chapters=tuple(chapters),
        links=tuple(links),
        categories=tuple(categories),
        sections=tuple(sections),
        leftovers=tuple(leftovers),
    )
    kept = _KEPT.get()
    if kept is not None:
        kept.append(Parsed(episode, doc, ctx, written, tuple(read)))
    return episode


def detect_format(text: str, path: str | None) -> SourceFormat:
    """``html`` for .html/.htm files or text that is HTML, ``markdown`` for .md or Markdown
    markup, else ``text``."""
    suffix = (path or "").lower().rsplit(".", 1)[-1] if path and "." in path else ""
    if suffix in ("html", "htm") or sniff.looks_like_html(text):
        return "html"
    if suffix in ("md", "markdown") or _MARKDOWN_START.match(text):
        return "markdown"
    head = text[:20000]
    if "](http://" in head or "](https://" in head or _MARKDOWN_HINT.search(head):
        return "markdown"
    return "text"


def parse(text: str, *, path: str | None = None, sha256: str | None = None) -> Episode:
    """Parse one episode's show notes into its record. Never raises on content.

    >>> ep = parse("Intro // Ada Lovelace - Alan Turing // Tea Talks #7\\n[00:10] Hello")
    >>> ep.title, ep.series, ep.episode, [p.name for p in ep.people], ep.chapters[0].seconds
    ('Intro', 'Tea Talks', 7, ['Ada Lovelace', 'Alan Turing'], 10)
    """
    digest = sha256 or sha256_hex(text.encode("utf-8", "surrogatepass"))
    text = text.removeprefix("\ufeff")  # a byte-order mark read as text
    source = Source(path=path, format=detect_format(text, path), item=None, sha256=digest)
    return parse_notes(text, source)


# Where a record came from: for validate, which needs line numbers the record does not carry.


class Parsed(NamedTuple):
    """A record with the ``Document`` it was read from and the extractors' ``Context``
    (which segments some field took); for HTML notes and feed items, where the document's
    text is written (``written``) and the record's leftovers at their lines of the
    document (``leftovers``: the record's count lines of the input as written)."""

    episode: Episode
    document: Document
    context: Context
    written: Written | None = None
    leftovers: tuple[Leftover, ...] | None = None


_KEPT: ContextVar[list[Parsed] | None] = ContextVar("episodeparse_kept", default=None)


@contextmanager
def keep_documents() -> Iterator[list[Parsed]]:
    """While open, every record ``parse_notes`` builds (also through
    ``inputs.iter_records``) is appended to the yielded list with its document. The caller
    empties the list as it goes.

    >>> with keep_documents() as kept:
    ...     record = parse("Hello // Ada Lovelace // Meetup #1")
    >>> kept[0].episode is record, kept[0].document.segments[0].line
    (True, 1)
    """
    kept: list[Parsed] = []
    token = _KEPT.set(kept)
    try:
        yield kept
    finally:
        _KEPT.reset(token)


def parse_with_document(text: str, source: Source) -> Parsed:
    """``parse_notes``, also returning the document and context the record was read from."""
    with keep_documents() as kept:
        parse_notes(text, source)
    return kept[-1]
