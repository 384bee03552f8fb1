"""Where records come from: files, directories, standard input and feeds.

``iter_records(paths)`` yields, in order, either an ``Episode`` or an ``InputFailure`` for
every input it could not read, so that one bad file never stops the others. Feeds stream:
a feed file is read from disk item by item (never whole), and each item's record is yielded
as soon as the item has been read, so memory stays flat however long the feed.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple, cast

from episodeparse import errors, recache, sniff
from episodeparse.digest import sha256_hex
from episodeparse.document import InputError, decode
from episodeparse.extractors import names_at
from episodeparse.extractors.header import parse_title_line
from episodeparse.model import Chapter, Episode, Feed, Link, Person, Role, Section, Source
from episodeparse.pipeline import detect_format, parse_notes

if TYPE_CHECKING:
    from episodeparse import feeds

# feeds and chapter_formats are imported for an input that sniff says needs them: a
# convert of notes loads neither (nor the XML parser, decimal and fractions they use).

__all__ = [
    "DEFAULT_MAX_BYTES",
    "NOTE_SUFFIXES",
    "InputFailure",
    "expand",
    "internal_failure",
    "iter_records",
    "read_input",
    "records_from_bytes",
    "survey",
]

NOTE_SUFFIXES = frozenset((".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom"))
FEED_SUFFIXES = frozenset((".xml", ".rss", ".atom"))  # a feed, or a PSC chapters file
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
STDIN = "-"


class InputFailure(NamedTuple):
    """An input that gave no record: its path (``-`` for stdin), why, and the code of the
    problem in ``errors.CATALOGUE`` (``"internal"``: an exception nothing expected, a bug)."""

    path: str
    message: str
    code: str = "input/unreadable"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def expand(paths: list[str]) -> Iterator[str | InputFailure]:
    """Each path as given; a directory as its notes files, sorted, walked recursively."""
    for raw in paths:
        if raw == STDIN:
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for note in _notes_under(path):
                found = True
                yield note
            if not found:
                code = "input/empty-directory"
                yield InputFailure(raw, errors.message(code), code)
        elif not path.exists():
            yield InputFailure(raw, errors.message("input/not-found"), "input/not-found")
        else:
            yield raw


# A repository's own documents, not episodes: skipped when a directory is walked (named on
# the command line, they are read like any file).
_NOT_NOTES = frozenset(("README", "LICENSE", "CHANGELOG", "CONTRIBUTING", "CODE_OF_CONDUCT"))


class Survey(NamedTuple):
    """What ``paths`` hold, before they are read: for a progress bar and a closing line."""

    total_bytes: int | None  # None when one of them is standard input
    skipped: list[str]  # repository documents (README, LICENSE, ...) left out of a directory


def survey(paths: list[str]) -> Survey:
    """The inputs' sizes and what a directory walk leaves out, by the walk ``expand`` does."""
    total: int | None = 0
    skipped: list[str] = []
    for raw in paths:
        if raw == STDIN:
            total = None
            continue
        path = Path(raw)
        found = _notes_under(path, skipped) if path.is_dir() else iter((raw,))
        for entry in found:
            try:
                size = Path(entry).stat().st_size
            except OSError:
                continue
            if total is not None:
                total += size
    return Survey(total, skipped)


# Told of every read of an input in this process (a whole file, a feed's chunk), in bytes:
# the progress bar's measure. None: nobody is listening.
read_meter: Callable[[int], None] | None = None


def _metered(data: bytes) -> bytes:
    if read_meter is not None:
        read_meter(len(data))
    return data


def _notes_under(folder: Path, skipped: list[str] | None = None) -> Iterator[str]:
    """The notes files under ``folder`` in the order of ``sorted(folder.rglob("*"))``, as
    ``str(path)``, holding one directory's names at a time rather than every path: entries
    sorted by name, depth first, give the order of paths compared part by part. Like
    ``rglob``, it does not follow links to directories, and skips folders it cannot list.
    The names of the repository documents it leaves out are added to ``skipped``."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        try:
            if entry.is_dir() and not entry.is_symlink():
                if name.startswith("."):
                    continue  # .git, .venv: not notes
                yield from _notes_under(folder / name, skipped)
                continue
            dot = name.rfind(".")  # Path.suffix: not a leading or trailing dot
            suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""
            if (
                suffix in NOTE_SUFFIXES
                and name[:dot].upper() not in _NOT_NOTES
                and not name.startswith(".")
                and entry.is_file()
            ):
                yield str(folder / name)
            elif (
                skipped is not None and suffix in NOTE_SUFFIXES and name[:dot].upper() in _NOT_NOTES
            ):
                skipped.append(name)
            elif skipped is not None and not suffix and name.upper() in _NOT_NOTES:
                skipped.append(name)  # LICENSE, README: not notes, and said so
        except OSError:
            continue


def _read(path: str, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    source = _read_or_open_feed(path, max_bytes, stdin, open_feeds=False)
    assert isinstance(source, bytes)
    return source


def _too_large(max_bytes: int) -> InputError:
    return InputError(errors.message("input/too-large", limit=max_bytes))


class _Limited:
    """A feed file for ``feeds.iter_items``, refused past ``max_bytes`` as a whole read
    would be (for files whose size ``stat`` does not tell, such as pipes)."""

    def __init__(self, handle: BinaryIO, max_bytes: int) -> None:
        self.handle = handle
        self.max_bytes = max_bytes
        self.total = 0

    def read(self, size: int = -1) -> bytes:
        data = _metered(self.handle.read(size))
        self.total += len(data)
        if self.total > self.max_bytes:
            raise _too_large(self.max_bytes)
        return data

    def close(self) -> None:
        self.handle.close()


def _read_or_open_feed(
    path: str, max_bytes: int, stdin: BinaryIO | None, *, open_feeds: bool = True
) -> bytes | _Limited:
    """An input's bytes; with ``open_feeds``, a feed file instead comes back open at its
    start, for ``feeds.iter_items`` to stream (the caller closes it)."""
    if path == STDIN:
        if stdin is None and sys.stdin is None:  # started with "0<&-"
            raise InputError(errors.message("input/stdin-closed"))
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
    else:
        try:
            # Not a with-block: a feed's file goes back to the caller still open.
            handle = Path(path).open("rb")  # noqa: SIM115
            try:
                data = handle.read(min(sniff.SNIFF_BYTES, max_bytes + 1))
                if open_feeds and sniff.looks_like_feed(data):
                    info = os.fstat(handle.fileno())
                    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                        raise _too_large(max_bytes)
                    handle.seek(0)
                    return _Limited(handle, max_bytes)
                data += handle.read(max_bytes + 1 - len(data))
            except BaseException:
                handle.close()
                raise
            handle.close()
        except OSError as exc:
            code = errors.oserror_code(exc)
            reason = exc.strerror or str(exc)
            raise InputError(errors.message(code, reason=reason)) from None
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return _metered(data)


def read_input(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> bytes:
    """The bytes of one input (``-`` for standard input), at most ``max_bytes`` of them.

    Raises ``InputError`` for a file that cannot be read or is larger than ``max_bytes``.
    """
    return _read(path, max_bytes, stdin)


def feed_block(item: feeds.FeedItem, digest: str) -> Feed:
    """The record's ``feed`` key for one feed item (SPEC.md, "Feed items")."""
    enclosure = item.enclosure
    return Feed(
        id=item.guid
        or (enclosure.url if enclosure is not None else None)
        or item.link
        or f"sha256:{digest}",
        guid=item.guid,
        title=item.title,
        link=item.link,
        published=item.published_utc,
        duration=item.duration_seconds,
        season=item.season,
        episode=item.episode,
        episode_type=item.episode_type if item.episode_type in _EPISODE_TYPES else None,
        explicit=item.explicit,
        image=item.image,
        enclosure=enclosure,
        chapters_url=item.chapters_url,
        transcripts=item.transcripts,
        channel=item.channel,
    )


_EPISODE_TYPES = frozenset(("full", "trailer", "bonus"))


def _feed_record(item: feeds.FeedItem, path: str | None) -> Episode:
    digest = sha256_hex(item.raw)
    source = Source(path=path, format="rss", item=item.index, sha256=digest)
    from episodeparse.html import strip_tags  # loaded with feeds: not for notes

    said = strip_tags(item.title) if item.title else None
    record = parse_notes(
        item.notes, source, podcast=item.podcast, title=said, written=item.written()
    )
    changes: dict[str, object] = {"feed": feed_block(item, digest)}
    if said:
        line = parse_title_line(said)
        changes["title"] = line.title or record.title
        if line.series and record.series is None:
            changes["series"] = line.series
        if line.episode is not None:
            changes["episode"] = line.episode
        if line.podcast and record.podcast is None:
            changes["podcast"] = line.podcast
    if item.episode is not None:
        changes["episode"] = item.episode
    if item.published:
        changes["date"] = item.published
    if item.podcast and record.podcast is None and "podcast" not in changes:
        changes["podcast"] = item.podcast
    if item.persons:
        people = changes.get("people", record.people)
        assert isinstance(people, tuple)
        changes["people"] = _merge_people(people, item.persons)
    if item.channel.author:
        people = changes.get("people", record.people)
        assert isinstance(people, tuple)
        changes["people"] = _with_author_hosts(people, item.channel.author)
    if item.chapters:
        changes.update(_feed_chapters(record, item.chapters))
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def _feed_chapters(
    record: Episode, chapters: tuple[feeds.FeedChapter, ...]
) -> dict[str, tuple[Chapter, ...] | tuple[Link, ...] | tuple[Section, ...]]:
    """The item's Podlove Simple Chapters as the record's chapters: structured data wins
    over chapter lines in the notes. A chapter's ``href`` joins the links; chapter lines of
    the notes that the feed's chapters do not repeat are kept as a "Chapters" section, so
    that nothing the notes say is lost."""
    from episodeparse.chapter_formats.record import record_times
    from episodeparse.extractors.links import platform_of

    times = record_times([c.start_ms for c in chapters])
    ours = tuple(
        Chapter(time, c.start_ms // 1000, c.title) for time, c in zip(times, chapters, strict=True)
    )
    changes: dict[str, tuple[Chapter, ...] | tuple[Link, ...] | tuple[Section, ...]] = {
        "chapters": ours
    }
    known = {link.url for link in record.links}
    added = tuple(
        Link(c.url, None, c.title or None, None, None, platform_of(c.url), "reference")
        for c in chapters
        if c.url and c.url not in known
    )
    if added:
        changes["links"] = record.links + tuple({link.url: link for link in added}.values())
    listed = {(c.seconds, c.title.casefold()) for c in ours}
    unsaid = [c for c in record.chapters if (c.seconds, c.title.casefold()) not in listed]
    if unsaid:
        text = "\n".join(f"{c.time} {c.title}" for c in unsaid)
        changes["sections"] = (*record.sections, Section("Chapters", text))
    return changes


def _with_author_hosts(people: tuple[Person, ...], author: str) -> tuple[Person, ...]:
    """The channel's author as the show's host, where the notes (and ``podcast:person``)
    name no host and the author is one or more people's full names ("Ada Byrne & Col
    Finch"), not a company, a network or the show ("Example Radio", "Acme Media LLC")."""
    if any(person.role in ("host", "co-host") for person in people):
        return people
    names = _people_names(author)
    extra = tuple(
        Person(name, "host")
        for name in names
        if not any(_same_person(person.name, name) for person in people)
    )
    return people + extra


def _people_names(text: str) -> list[str]:
    """The full names ``text`` consists of, or [] where it is anything else.

    >>> _people_names("Ada Byrne & Col N. Finch"), _people_names("Example Radio")
    (['Ada Byrne', 'Col N. Finch'], [])
    >>> _people_names("Acme Media LLC"), _people_names("Quillcast"), _people_names("KXQ News")
    ([], [], [])
    """
    text = " ".join(text.split())
    names, end = names_at(text, 0)
    if not names or end != len(text):
        return []
    organisation = _feed_people_words("organisation")
    for name in names:
        words = name.split()
        if len(words) < 2 or len(words) > 4:
            return []
        for word in words:
            letters = word.rstrip(".")  # "N." is an initial, "NDR" a station
            if word in organisation or (len(letters) > 1 and letters.isupper()):
                return []  # "Radio", "LLC", "NDR": a station or a company
    return names


@functools.cache
def _feed_people_words(group: str) -> frozenset[str]:
    """A group of cues/feed_people.json, casefolded where it is compared so."""
    from episodeparse import cues  # read for feeds only: notes never need these words

    return frozenset(cues.words("feed_people", group))


@functools.cache
def _honorific() -> re.Pattern[str]:
    """ "Dr. " or "Prof " opening a ``podcast:person`` name (cues/feed_people.json)."""
    from episodeparse import cues

    return recache.compile(r"^(?:" + cues.alternation("feed_people", "honorific") + r")\.?[ \t]+")


@functools.cache
def _peerage() -> frozenset[str]:
    return frozenset(word.casefold() for word in _feed_people_words("peerage"))


def _same_person(a: str, b: str) -> bool:
    """ "Tom Okafor" and "Thomas J. Okafor": same surname, same start of first name."""
    x, y = ([w for w in n.casefold().split() if w not in _peerage()] for n in (a, b))
    if not x or not y:
        return False
    if x == y:
        return True
    if len(x) < 2 or len(y) < 2:
        return x[:1] == y[:1] and (len(x) == 1 or len(y) == 1)
    return x[-1] == y[-1] and x[0][:3] == y[0][:3]


def _merge_people(
    people: tuple[Person, ...], persons: tuple[feeds.FeedPerson, ...]
) -> tuple[Person, ...]:
    """The notes' people with the feed's ``podcast:person`` entries: a feed entry names
    the role; a person the notes already name keeps their place, and the longer name."""
    merged = list(people)
    for fp in persons:
        name = _honorific().sub("", " ".join(fp.name.split()))
        if not name:
            continue
        role: Role = (
            "co-host"
            if fp.role in ("co-host", "cohost")
            else "guest"
            if fp.role == "guest"
            else "host"
        )
        for i, person in enumerate(merged):
            if _same_person(person.name, name):
                longer = max(person.name, name, key=len)
                aliases = tuple(
                    dict.fromkeys(a for a in (*person.aliases, person.name, name) if a != longer)
                )
                merged[i] = dataclasses.replace(person, name=longer, role=role, aliases=aliases)
                break
        else:
            merged.append(Person(name, role))
    return tuple(merged)


def records_from_bytes(
    data: bytes, path: str | None, *, encoding: str | None = None
) -> Iterator[Episode]:
    """The records in one input's bytes: one for notes, one per item for a feed, one for a
    chapters file (Podcasting 2.0 JSON, PSC, WebVTT, FFMETADATA, mp4chaps; told apart by
    content, whatever the file is called). A ``.xml``, ``.rss`` or ``.atom`` file that is
    neither a feed nor a chapters file is refused, not read as notes.

    Raises ``InputError`` (or ``feeds.FeedError``, ``chapter_formats.ChapterFormatError``)
    for input that cannot be read.
    """
    if sniff.looks_like_feed(data):
        from episodeparse import feeds

        for item in feeds.iter_items(data):
            yield _feed_record(item, path)
        return
    if sniff.looks_like_chapters(data, encoding):  # else chapter_formats.read gives None
        from episodeparse import chapter_formats

        chapter_file = chapter_formats.read(data, encoding)
        if chapter_file is not None:
            digest = sha256_hex(data)
            source = Source(path=path, format="text", item=None, sha256=digest)
            yield chapter_formats.to_episode(chapter_file, source)
            return
    if path is not None and Path(path).suffix.lower() in FEED_SUFFIXES:
        # feed.xml holding an error page, JSON or nothing: not notes to make a record of.
        raise InputError(errors.message("input/not-a-feed"))
    text = decode(data, encoding)
    digest = sha256_hex(data)
    source = Source(path=path, format=detect_format(text, path), item=None, sha256=digest)
    yield parse_notes(text, source)


def iter_records(
    paths: list[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Episode | InputFailure]:
    """Records for every input, in order; an ``InputFailure`` where an input fails."""
    for entry in expand(paths):
        if isinstance(entry, InputFailure):
            yield entry
            continue
        try:
            shown = None if entry == STDIN else entry
            source = _read_or_open_feed(entry, max_bytes, stdin)
            if isinstance(source, bytes):
                yield from records_from_bytes(source, shown, encoding=encoding)
                continue
            with closing(source):
                from episodeparse import feeds

                # iter_items only ever calls read() on its stream.
                for item in feeds.iter_items(cast(BinaryIO, source)):
                    yield _feed_record(item, shown)
        except _read_errors() as exc:
            yield InputFailure(entry, str(exc))
        except Exception as exc:  # a bug: this input fails, the others are still read
            yield internal_failure(entry, exc)


def internal_failure(entry: str, exc: Exception) -> InputFailure:
    """The failure of an input whose reading or parsing raised what nothing expected."""
    return InputFailure(entry, errors.internal_message(exc), "internal")


def _read_errors() -> tuple[type[Exception], ...]:
    """``InputError``, with ``feeds.FeedError`` and ``chapter_formats.ChapterFormatError``
    if their readers were imported: one never imported has raised nothing. (An ``except``
    clause evaluates this only when an exception reaches it.)"""
    found: list[type[Exception]] = [InputError]
    for module, name in (
        ("episodeparse.feeds", "FeedError"),
        ("episodeparse.chapter_formats.timeline", "ChapterFormatError"),
    ):
        loaded = sys.modules.get(module)
        if loaded is not None:
            found.append(getattr(loaded, name))
    return tuple(found)
