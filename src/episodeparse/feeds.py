"""RSS 2.0, RSS 1.0 (RDF) and Atom podcast feeds, read item by item.

Contract
--------
``iter_items(source)`` streams a feed and yields one ``FeedItem`` per ``<item>`` (RSS) or
``<entry>`` (Atom) as soon as it has been read; each item is cleared and detached after
use, so memory stays flat however long the feed. Output schema:

=================  =====================  ==================================================
field              type                   source
=================  =====================  ==================================================
index              int                    0-based position of the item in the feed
title              str or None            ``title``: plain text (tags stripped, entities
                                          decoded, whitespace collapsed)
published          str or None            ``pubDate`` (RFC 2822), else Atom ``published`` /
                                          ``updated`` or ``dc:date`` (ISO 8601), as
                                          ``YYYY-MM-DD`` in the time zone written
episode            int or None            ``itunes:episode``, else ``podcast:episode``;
                                          integers only
season             int or None            ``itunes:season``, else ``podcast:season``
episode_type       str or None            ``itunes:episodeType``, lowercased
persons            tuple[FeedPerson]      the item's ``podcast:person`` elements (name,
                                          role lowercased with default "host", href, img),
                                          then the channel's hosts when the item names no
                                          host of its own; all the channel's persons when
                                          the item names nobody
podcast            str or None            the channel's ``title``
notes              str                    ``content:encoded``, else ``description``, else
                                          ``itunes:summary`` (Atom: ``content``, else
                                          ``summary``), the first non-blank; raw HTML/text
link               str or None            ``link`` (Atom: ``link`` rel=alternate ``href``);
                                          else an RSS 2.0 ``guid`` that is an http(s)
                                          address and not ``isPermaLink="false"``
duration_seconds   int or None            ``itunes:duration``: seconds, ``MM:SS`` or
                                          ``HH:MM:SS``
raw                bytes                  the item element's bytes as written in the feed,
                                          from ``<item`` to ``</item>`` (before any repair)
line               int                    the line of the feed as given (file or bytes) on
                                          which ``<item`` opens, counting ``\n``s from 1
encoding           str or None            what ``raw`` is written in, where not UTF-8: the
                                          feed's declared encoding, or ``utf-16-le`` /
                                          ``utf-16-be``
guid               str or None            ``guid`` (Atom: ``id``; RSS 1.0: the item's
                                          ``rdf:about``), trimmed
published_utc      str or None            the same time as ``published``, in UTC, RFC 3339
                                          (``2023-06-22T04:00:00Z``); no zone means UTC
explicit           bool or None           ``itunes:explicit``: yes/true/explicit,
                                          no/false/clean
image              str or None            ``itunes:image`` ``href``, else
                                          ``media:thumbnail`` ``url``
enclosure          Enclosure or None      the first ``enclosure`` (Atom: ``link``
                                          rel=enclosure): url, type, length in bytes
chapters_url       ChaptersUrl or None    ``podcast:chapters`` url and type (not fetched)
transcripts        tuple[Transcript]      each ``podcast:transcript`` (not fetched)
chapters           tuple[FeedChapter]     the inline ``psc:chapters`` (Podlove Simple
                                          Chapters), in time order
channel            Channel                the show: title, link, language, author
                                          (``itunes:author``, else ``googleplay:author``,
                                          Atom ``author/name``, ``dc:creator``,
                                          ``managingEditor``), image (``itunes:image``,
                                          else ``image/url``, Atom ``logo``, ...)
=================  =====================  ==================================================

Channel data (title, persons, the channel fields) is taken from elements met before the
item, which is where real feeds put it.

Safety
------
Feeds come from other people's servers. Parsing goes through ``defusedxml`` with entity
declarations and external entities forbidden, and a DOCTYPE with an internal subset
(``<!DOCTYPE rss [...]>``, where entities are declared) refused as soon as it opens:
billion laughs, ``file:///etc/passwd`` and parameter entities raise ``FeedError`` before
anything is expanded or fetched. A DOCTYPE that only names an external DTD (RSS 0.91's
``<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://...">``)
is accepted: expat never reads an external DTD (parameter entity parsing is off), and
the HTML entities that DTD would define are read by the repair below. The parser never
touches the network. ``defusedxml`` is the one new runtime dependency: doing the same by
hand means setting expat handlers on a private parser attribute of ``xml.etree``;
defusedxml is that code, small and widely used.

Repairs turn errors that real feeds have into text instead of a fatal error: whitespace
before ``<?xml`` is skipped; outside CDATA and comments an HTML entity such as ``&nbsp;``
becomes its character while any other stray ``&`` becomes ``&amp;`` (``&gtgt;``); and the
well-known prefixes of ``WELL_KNOWN_PREFIXES`` that the root element does not declare are
declared on it (feeds that use ``itunes:`` without ``xmlns:itunes``). Well-formed input
means the same; an item's ``raw`` bytes are always the feed's own.

Speed (Python 3.11.7, defusedxml 0.7.1): all 416 items of the first eight corpus feeds
(2.0 MB) in 67 ms, about 0.16 ms per item; parsing alone takes 33 ms through defusedxml
against 24 ms for the C ``xml.etree.ElementTree.iterparse``, so the safety costs little.
Reading every field of the SPEC's feed block costs about 0.03 ms more per item (1,194
items of 17 corpus feeds: 0.21 s against 0.19 s of CPU, best of 9, on a loaded machine).
A synthetic feed of 10,000 items (35 MB) streams in 0.9 s with a peak of 0.5 MB of
traced memory.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from html.entities import html5 as _HTML5_ENTITIES
from typing import TYPE_CHECKING, BinaryIO, Final, Literal, cast

from episodeparse import recache
from episodeparse.document import every_byte
from episodeparse.html import strip_tags
from episodeparse.model import Channel, ChaptersUrl, Enclosure, Transcript
from episodeparse.positions import Written
from episodeparse.sniff import PSC_NAMESPACE, looks_like_feed

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from defusedxml.ElementTree import DefusedXMLParser

# The XML parser, defusedxml and email.utils are imported where they are used. Every
# convert sniffs its inputs with looks_like_feed (in ``sniff``, which does not import this
# module): only a feed needs the rest.

__all__ = [
    "FeedChapter",
    "FeedError",
    "FeedItem",
    "FeedPerson",
    "iter_items",
    "looks_like_feed",
]

ITUNES: Final = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST: Final = "https://podcastindex.org/namespace/1.0"
CONTENT: Final = "http://purl.org/rss/1.0/modules/content/"
ATOM: Final = "http://www.w3.org/2005/Atom"
RSS1: Final = "http://purl.org/rss/1.0/"
DUBLIN_CORE: Final = "http://purl.org/dc/elements/1.1/"
PSC: Final = PSC_NAMESPACE
GOOGLE_PLAY: Final = "http://www.google.com/schemas/play-podcasts/1.0"
MEDIA: Final = "http://search.yahoo.com/mrss/"
RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

# The prefixes real feeds use without declaring them (tolerant reading, see the module
# doc): an undeclared one is read as this namespace.
WELL_KNOWN_PREFIXES: Final = {
    "itunes": ITUNES,
    "podcast": PODCAST,
    "content": CONTENT,
    "atom": ATOM,
    "psc": PSC,
    "googleplay": GOOGLE_PLAY,
    "media": MEDIA,
    "dc": DUBLIN_CORE,
}

# Names the podcast namespace has been published under.
_PODCAST_ALIASES: Final = frozenset(
    {
        "https://podcastindex.org/namespace/1.0",
        "http://podcastindex.org/namespace/1.0",
        "https://github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
        "https://github.com/podcastindex-org/podcast-namespace",
    }
)

_CHUNK: Final = 64 * 1024


class FeedError(ValueError):
    """A feed that cannot be read safely: not well-formed XML, or a DTD / entity."""


@dataclass(frozen=True, slots=True)
class FeedPerson:
    """A ``podcast:person``."""

    name: str
    role: str
    href: str | None
    img: str | None


@dataclass(frozen=True, slots=True)
class FeedChapter:
    """A Podlove Simple Chapter (``<psc:chapter>``) written in the item."""

    start_ms: int
    title: str
    url: str | None


NO_CHANNEL: Final = Channel(title=None, link=None, language=None, author=None, image=None)


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One ``<item>`` / ``<entry>`` of a feed (see the module doc for each field)."""

    index: int
    title: str | None
    published: str | None
    episode: int | None
    season: int | None
    episode_type: str | None
    persons: tuple[FeedPerson, ...]
    podcast: str | None
    notes: str
    link: str | None
    duration_seconds: int | None
    raw: bytes
    guid: str | None = None
    published_utc: str | None = None
    explicit: bool | None = None
    image: str | None = None
    enclosure: Enclosure | None = None
    chapters_url: ChaptersUrl | None = None
    transcripts: tuple[Transcript, ...] = ()
    chapters: tuple[FeedChapter, ...] = ()
    channel: Channel = NO_CHANNEL
    line: int = 1
    encoding: str | None = None

    def written(self) -> Written:
        """Where the item's text is written: its bytes, from its line of the feed."""
        return Written(self.raw, self.line, self.encoding)


# ---------------------------------------------------------------------------
# Field normalisers
# ---------------------------------------------------------------------------

_ISO_DATE: Final = recache.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_INTEGER: Final = recache.compile(r"\s*\+?(\d{1,9})\s*")
_LENGTH: Final = recache.compile(r"\s*\+?(\d{1,18})\s*")
_DURATION: Final = recache.compile(r"\s*(?:(?:(\d{1,4}):)?(\d{1,4}):)?(\d{1,9})(?:[.,]\d*)?\s*")
_SPACES: Final = recache.compile(r"\s+")


def _iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_rfc2822_date(text: str) -> str | None:
    """``pubDate`` to ``YYYY-MM-DD`` (the date as written, not moved to UTC).

    >>> parse_rfc2822_date("Wed, 13 Sep 2023 21:00:19 -0500")
    '2023-09-13'
    >>> parse_rfc2822_date("2021-10-08T19:18:55Z")
    '2021-10-08'
    >>> parse_rfc2822_date("last Tuesday") is None
    True
    """
    from email.utils import parsedate_tz

    try:
        parsed = parsedate_tz(text)
    except (ValueError, IndexError, TypeError):  # pragma: no cover - email.utils quirks
        parsed = None
    if parsed is not None and parsed[0] > 0:
        return _iso_date(parsed[0], parsed[1], parsed[2])
    return parse_iso_date(text)


def parse_iso_date(text: str) -> str | None:
    """The ``YYYY-MM-DD`` at the start of an ISO 8601 timestamp.

    >>> parse_iso_date(" 2024-09-14T19:15:44+02:00")
    '2024-09-14'
    >>> parse_iso_date("2024-02-30") is None
    True
    """
    match = _ISO_DATE.match(text)
    if match is None:
        return None
    return _iso_date(int(match[1]), int(match[2]), int(match[3]))


def _dates(text: str) -> tuple[str | None, str | None]:
    """``parse_rfc2822_date(text)`` and ``parse_utc(text)``, the text read once."""
    from email.utils import parsedate_tz

    try:
        parsed = parsedate_tz(text)
    except (ValueError, IndexError, TypeError):  # pragma: no cover - email.utils quirks
        parsed = None
    if parsed is not None and parsed[0] > 0:
        return _iso_date(parsed[0], parsed[1], parsed[2]), _utc_of(parsed)
    return parse_iso_date(text), parse_utc(text)


# What email.utils.parsedate_tz returns: the fields of a time tuple, then the zone offset.
_ParsedDate = tuple[int, int, int, int, int, int, int, int, int, int | None]


def _utc_of(parsed: _ParsedDate) -> str | None:
    """RFC 3339 UTC of what ``email.utils.parsedate_tz`` read (no zone: UTC)."""
    year, month, day, hour, minute, second = parsed[:6]
    try:
        moment = datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
        moment -= timedelta(seconds=parsed[9] or 0)
    except (ValueError, OverflowError):
        return None
    return _rfc3339(moment)


def _rfc3339(moment: datetime) -> str:
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z"
    )


def parse_utc(text: str) -> str | None:
    """A feed's time (``pubDate`` in RFC 2822, else ISO 8601) as RFC 3339 in UTC; a time
    written without a zone is taken as UTC, a date alone as its midnight.

    >>> parse_utc("Thu, 22 Jun 2023 00:00:00 -0400")
    '2023-06-22T04:00:00Z'
    >>> parse_utc("2024-01-02T10:00:00+01:00"), parse_utc("2020-05-06")
    ('2024-01-02T09:00:00Z', '2020-05-06T00:00:00Z')
    >>> parse_utc("Tue, 10 Jun 2003 04:00:00 GMT"), parse_utc("last Tuesday")
    ('2003-06-10T04:00:00Z', None)
    """
    from email.utils import parsedate_tz

    try:
        parsed = parsedate_tz(text)
    except (ValueError, IndexError, TypeError):  # pragma: no cover - email.utils quirks
        parsed = None
    if parsed is not None and parsed[0] > 0:
        return _utc_of(parsed)
    if not _ISO_DATE.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return _rfc3339(moment.astimezone(UTC))
    except (ValueError, OverflowError):
        return None


_EXPLICIT: Final = {
    "yes": True,
    "true": True,
    "explicit": True,
    "no": False,
    "false": False,
    "clean": False,
}


def parse_explicit(text: str | None) -> bool | None:
    """``itunes:explicit``: True for yes/true/explicit, False for no/false/clean.

    >>> parse_explicit(" Yes "), parse_explicit("clean"), parse_explicit("maybe")
    (True, False, None)
    """
    return _EXPLICIT.get(text.strip().lower()) if text is not None else None


def parse_integer(text: str | None) -> int | None:
    """A non-negative integer written alone, else None.

    >>> parse_integer(" 54 "), parse_integer("54.5"), parse_integer("five")
    (54, None, None)
    """
    if text is None:
        return None
    match = _INTEGER.fullmatch(text)
    return int(match[1]) if match else None


def parse_length(text: str | None) -> int | None:
    """An enclosure's ``length`` in bytes: any non-negative integer (files pass 1 GB).

    >>> parse_length(" 1466687018 "), parse_length("0"), parse_length("12 MB")
    (1466687018, 0, None)
    """
    if text is None:
        return None
    match = _LENGTH.fullmatch(text)
    return int(match[1]) if match else None


def parse_duration(text: str | None) -> int | None:
    """``itunes:duration`` in seconds: ``SS``, ``MM:SS`` or ``HH:MM:SS``.

    >>> parse_duration("3723"), parse_duration("62:03"), parse_duration("1:02:03.5")
    (3723, 3723, 3723)
    >>> parse_duration("about an hour") is None
    True
    """
    if text is None:
        return None
    match = _DURATION.fullmatch(text)
    if match is None:
        return None
    hours, minutes, seconds = (int(part) if part else 0 for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


# ---------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _split(tag: str) -> tuple[str, str]:
    """``{uri}local`` to (uri, local); podcast namespace aliases become ``PODCAST``."""
    if tag[:1] != "{":
        return "", tag
    uri, _, local = tag[1:].partition("}")
    folded = uri.lower()
    if folded.rstrip("/") in _PODCAST_ALIASES:
        uri = PODCAST
    elif folded == ITUNES and uri != ITUNES:  # "http://www.itunes.com/DTDs/Podcast-1.0.dtd"
        uri = ITUNES
    return uri, local


def _text(element: Element) -> str:
    return "".join(element.itertext())


def _plain(text: str) -> str | None:
    if "<" in text or "&" in text:
        text = strip_tags(text)
    text = _SPACES.sub(" ", text).strip()
    return text or None


def _person(element: Element) -> FeedPerson | None:
    name = _SPACES.sub(" ", _text(element)).strip()
    if not name:
        return None
    role = (element.get("role") or "host").strip().lower() or "host"
    return FeedPerson(name=name, role=role, href=element.get("href"), img=element.get("img"))


class _Item:
    """Fields of one item, first value wins."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}
        self.persons: list[FeedPerson] = []
        self.link: str | None = None
        self.enclosure: Enclosure | None = None
        self.image: str | None = None  # itunes:image
        self.thumbnail: str | None = None  # media:thumbnail
        self.chapters_url: ChaptersUrl | None = None
        self.transcripts: list[Transcript] = []
        self.chapters: tuple[FeedChapter, ...] = ()
        self.guid_is_link = False  # <guid> without isPermaLink="false" (RSS 2.0)

    def keep(self, key: str, value: str) -> None:
        if key not in self.found and value.strip():
            self.found[key] = value


def _attribute(element: Element, name: str) -> str | None:
    """An attribute's value, trimmed; None where it is missing or blank."""
    value = element.get(name)
    if value is None:
        return None
    return value.strip() or None


def _enclosure(url: str | None, kind: str | None, length: str | None) -> Enclosure | None:
    if url is None:
        return None
    return Enclosure(url=url, type=kind, length=parse_length(length))


def _psc_chapters(element: Element) -> tuple[FeedChapter, ...]:
    """The ``<psc:chapter>`` elements of a ``<psc:chapters>``, in time order (the
    specification leaves ordering to the reader); a chapter whose ``start`` is not a time
    is left out."""
    from episodeparse.chapter_formats.timeline import parse_npt  # only for PSC items

    found: list[FeedChapter] = []
    for child in element:
        if not isinstance(child.tag, str) or _split(child.tag) != (PSC, "chapter"):
            continue
        start = parse_npt(_attribute(child, "start") or "")
        if start is None:
            continue
        title = _SPACES.sub(" ", child.get("title") or "").strip()
        found.append(FeedChapter(start, title, _attribute(child, "href")))
    found.sort(key=lambda chapter: chapter.start_ms)
    return tuple(found)


_ITEM_FIELDS: Final = {
    ("", "title"): "title",
    (ATOM, "title"): "title",
    (RSS1, "title"): "title",
    ("", "pubDate"): "pubDate",
    (ATOM, "published"): "published",
    (ATOM, "updated"): "updated",
    (DUBLIN_CORE, "date"): "dc:date",
    (ITUNES, "episode"): "itunes:episode",
    (PODCAST, "episode"): "podcast:episode",
    (ITUNES, "season"): "itunes:season",
    (PODCAST, "season"): "podcast:season",
    (ITUNES, "episodeType"): "episodeType",
    (CONTENT, "encoded"): "content:encoded",
    ("", "description"): "description",
    (RSS1, "description"): "description",
    (ITUNES, "summary"): "itunes:summary",
    (ATOM, "content"): "atom:content",
    (ATOM, "summary"): "atom:summary",
    ("", "link"): "link",
    (RSS1, "link"): "link",
    (ITUNES, "duration"): "duration",
    ("", "guid"): "guid",
    (ATOM, "id"): "guid",
    (ITUNES, "explicit"): "explicit",
}
# Item elements read for more than their text.
_ITEM_ELEMENTS: Final = {
    (PODCAST, "person"): "person",
    (ATOM, "link"): "atom:link",
    ("", "enclosure"): "enclosure",
    (ITUNES, "image"): "image",
    (MEDIA, "thumbnail"): "thumbnail",
    (PODCAST, "chapters"): "chapters_url",
    (PODCAST, "transcript"): "transcript",
    (PSC, "chapters"): "psc",
}
_NOTES_ORDER: Final = (
    "content:encoded",
    "description",
    "itunes:summary",
    "atom:content",
    "atom:summary",
)


def _with_channel_hosts(
    own: tuple[FeedPerson, ...], channel: tuple[FeedPerson, ...]
) -> tuple[FeedPerson, ...]:
    """An item's persons; the show's hosts (from the channel) join an item that names only
    its guests, since they host every episode unless the item says otherwise."""
    if not own:
        return channel
    if any(p.role in ("host", "co-host") for p in own):
        return own
    named = {p.name.casefold() for p in own}
    hosts = tuple(
        p for p in channel if p.role in ("host", "co-host") and p.name.casefold() not in named
    )
    return hosts + own


def _build(
    element: Element,
    index: int,
    channel: Channel,
    channel_persons: tuple[FeedPerson, ...],
    raw: bytes,
    line: int = 1,
    encoding: str | None = None,
) -> FeedItem:
    item = _Item()
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        key = _split(child.tag)
        field = _ITEM_FIELDS.get(key)
        if field is not None:
            if field == "guid" and key[0] == "" and "guid" not in item.found:
                item.guid_is_link = (child.get("isPermaLink") or "").strip().lower() != "false"
            item.keep(field, _text(child))
            continue
        kind = _ITEM_ELEMENTS.get(key)  # None for the many elements not read
        if kind is None:
            continue
        if kind == "person":
            person = _person(child)
            if person is not None:
                item.persons.append(person)
        elif kind == "atom:link":
            rel = child.get("rel", "alternate")
            if item.link is None and rel == "alternate":
                item.link = _attribute(child, "href")
            elif item.enclosure is None and rel == "enclosure":
                item.enclosure = _enclosure(
                    _attribute(child, "href"), _attribute(child, "type"), child.get("length")
                )
        elif kind == "enclosure":
            if item.enclosure is None:
                item.enclosure = _enclosure(
                    _attribute(child, "url"), _attribute(child, "type"), child.get("length")
                )
        elif kind == "image":
            item.image = item.image or _attribute(child, "href")
        elif kind == "thumbnail":
            item.thumbnail = item.thumbnail or _attribute(child, "url")
        elif kind == "chapters_url":
            url = _attribute(child, "url")
            if item.chapters_url is None and url is not None:
                item.chapters_url = ChaptersUrl(url=url, type=_attribute(child, "type"))
        elif kind == "transcript":
            url = _attribute(child, "url")
            if url is not None:
                item.transcripts.append(
                    Transcript(
                        url=url,
                        type=_attribute(child, "type"),
                        language=_attribute(child, "language"),
                        rel=_attribute(child, "rel"),
                    )
                )
        elif kind == "psc" and not item.chapters:
            item.chapters = _psc_chapters(child)
    found = item.found
    published = published_utc = None
    for name in ("pubDate", "published", "updated", "dc:date"):
        if name in found:
            published, published_utc = _dates(found[name])
            if published is not None:
                break
    episode = parse_integer(found.get("itunes:episode"))
    if episode is None:
        episode = parse_integer(found.get("podcast:episode"))
    season = parse_integer(found.get("itunes:season"))
    if season is None:
        season = parse_integer(found.get("podcast:season"))
    notes = ""
    for name in _NOTES_ORDER:
        if name in found:
            notes = found[name]
            break
    link = item.link
    if link is None and "link" in found:
        link = found["link"].strip() or None
    guid = found["guid"].strip() if "guid" in found else _attribute(element, _RDF_ABOUT)
    if link is None and item.guid_is_link and guid is not None and _WEB_ADDRESS.match(guid):
        link = guid  # RSS 2.0: a guid is the item's permalink unless it says otherwise
    return FeedItem(
        index=index,
        title=_plain(found["title"]) if "title" in found else None,
        published=published,
        episode=episode,
        season=season,
        episode_type=found["episodeType"].strip().lower() if "episodeType" in found else None,
        persons=_with_channel_hosts(tuple(item.persons), channel_persons),
        podcast=channel.title,
        notes=notes,
        link=link,
        duration_seconds=parse_duration(found.get("duration")),
        raw=raw,
        guid=guid,
        published_utc=published_utc,
        explicit=parse_explicit(found.get("explicit")),
        image=item.image or item.thumbnail,
        enclosure=item.enclosure,
        chapters_url=item.chapters_url,
        transcripts=tuple(item.transcripts),
        chapters=item.chapters,
        channel=channel,
        line=line,
        encoding=encoding,
    )


_RDF_ABOUT: Final = f"{{{RDF}}}about"  # an RSS 1.0 item's identifier
_WEB_ADDRESS: Final = recache.compile(r"https?://[^\s]", re.IGNORECASE)


class _ChannelFields:
    """What the feed says about the show, from the elements met so far; of two elements
    that say the same thing, the one listed first in ``_CHANNEL_FIELDS`` wins."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[int, str]] = {}
        self.built: Channel | None = NO_CHANNEL

    def see(self, key: tuple[str, str], element: Element) -> None:
        rule = _CHANNEL_FIELDS.get(key)
        if rule is None:
            return
        field, rank, read = rule
        if field in self.found and self.found[field][0] <= rank:
            return
        value = read(element)
        if value:
            self.found[field] = (rank, value)
            self.built = None

    @property
    def title(self) -> str | None:
        return self.found["title"][1] if "title" in self.found else None

    def channel(self) -> Channel:
        if self.built is None:
            values = {name: value for name, (_, value) in self.found.items()}
            self.built = Channel(
                title=values.get("title"),
                link=values.get("link"),
                language=values.get("language"),
                author=values.get("author"),
                image=values.get("image"),
            )
        return self.built


def _plain_text(element: Element) -> str | None:
    return _plain(_text(element))


def _trimmed_text(element: Element) -> str | None:
    return _text(element).strip() or None


def _href(element: Element) -> str | None:
    return _attribute(element, "href")


def _alternate_href(element: Element) -> str | None:
    return _attribute(element, "href") if element.get("rel", "alternate") == "alternate" else None


def _child_text(*names: tuple[str, str]) -> Callable[[Element], str | None]:
    """The text of the first child element named one of ``names`` (``<image><url>``)."""

    def read(element: Element) -> str | None:
        for child in element:
            if isinstance(child.tag, str) and _split(child.tag) in names:
                return _plain(_text(child))
        return None

    return read


_CHANNEL_FIELDS: Final[dict[tuple[str, str], tuple[str, int, Callable[[Element], str | None]]]] = {
    ("", "title"): ("title", 0, _plain_text),
    (ATOM, "title"): ("title", 0, _plain_text),
    (RSS1, "title"): ("title", 0, _plain_text),
    ("", "link"): ("link", 0, _trimmed_text),
    (RSS1, "link"): ("link", 0, _trimmed_text),
    (ATOM, "link"): ("link", 1, _alternate_href),
    ("", "language"): ("language", 0, _trimmed_text),
    (DUBLIN_CORE, "language"): ("language", 1, _trimmed_text),
    (ITUNES, "author"): ("author", 0, _plain_text),
    (GOOGLE_PLAY, "author"): ("author", 1, _plain_text),
    (ATOM, "author"): ("author", 2, _child_text((ATOM, "name"))),
    (DUBLIN_CORE, "creator"): ("author", 3, _plain_text),
    ("", "managingEditor"): ("author", 4, _plain_text),
    (ITUNES, "image"): ("image", 0, _href),
    ("", "image"): ("image", 1, _child_text(("", "url"))),
    (RSS1, "image"): ("image", 1, _child_text((RSS1, "url"))),
    (ATOM, "logo"): ("image", 2, _trimmed_text),
    (GOOGLE_PLAY, "image"): ("image", 3, _href),
}


# '&' that does not start one of XML's own references, or a section where '&' is literal.
_REPAIR_EVENT: Final = recache.compile(
    rb"""
      &(?!(?:amp|lt|gt|quot|apos|\#[0-9]{1,10}|\#x[0-9a-fA-F]{1,8});)  # a stray '&'
    | <!\[CDATA\[                                                    # CDATA: literal
    | <!--                                                          # comment: literal
    """,
    re.VERBOSE,
)
_NAMED_REFERENCE: Final = recache.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")
_LOOKAHEAD: Final = 48  # longer than any reference or section opener


class _Repair:
    """Streaming fix for the two commonest feed errors; both only turn a fatal error into text.

    Outside CDATA sections and comments, an HTML entity such as ``&nbsp;`` (undefined in
    XML) becomes a character reference, and any other ``&`` that starts no XML reference
    (``AT&T``, ``&gtgt;``) becomes ``&amp;``. Well-formed input passes unchanged.

    Each change that moves later bytes is noted in ``shifts`` as (offset in the output,
    offset in the input) just after it, so that an offset of the repaired text can be
    taken back to the bytes as written.
    """

    def __init__(self) -> None:
        self.carry = b""
        self.closer: bytes | None = None  # b"]]>" or b"-->" while inside a section
        self.shifts: list[tuple[int, int]] = []
        self._in = 0  # input offset of ``carry``
        self._out = 0  # bytes output so far

    def feed(self, data: bytes, final: bool) -> bytes:
        buffer = self.carry + data
        out: list[bytes] = []
        pos = 0
        end = len(buffer)
        growth = 0  # bytes the changes of this call added (or removed: "&hellip;" is longer)
        while pos < end:
            if self.closer is not None:
                close = buffer.find(self.closer, pos)
                if close < 0:
                    stop = end if final else max(pos, end - len(self.closer) + 1)
                    out.append(buffer[pos:stop])
                    pos = stop
                    break
                out.append(buffer[pos : close + len(self.closer)])
                pos = close + len(self.closer)
                self.closer = None
                continue
            limit = end if final else end - _LOOKAHEAD
            event = _REPAIR_EVENT.search(buffer, pos)
            if event is None or event.start() >= limit:
                stop = max(pos, limit)
                out.append(buffer[pos:stop])
                pos = stop
                break
            out.append(buffer[pos : event.start()])
            opener = event.group()
            if opener == b"&":
                named = _NAMED_REFERENCE.match(buffer, event.start())
                text = _HTML5_ENTITIES.get(named.group(1).decode() + ";") if named else None
                if named and text is not None:
                    out.append(b"".join(b"&#%d;" % ord(char) for char in text))
                    pos = named.end()
                else:
                    out.append(b"&amp;")
                    pos = event.end()
                growth += len(out[-1]) - (pos - event.start())
                self.shifts.append((self._out + pos + growth, self._in + pos))
            else:
                self.closer = b"]]>" if opener.startswith(b"<![") else b"-->"
                out.append(opener)
                pos = event.end()
        self.carry = buffer[pos:]
        self._in += pos
        repaired = b"".join(out)
        self._out += len(repaired)
        return repaired


_TAG_NAME: Final = recache.compile(r"<([^\s/>]{1,250})")
_TAG_END: Final = frozenset(" \t\r\n>")
_AFTER_ALL: Final = sys.maxsize  # (pos, _AFTER_ALL) sorts after every shift at pos


# The encoding an XML declaration names, searched for within the declaration.
_DECLARED_ENCODING: Final = recache.compile(
    rb"[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*[\"']([A-Za-z][A-Za-z0-9._-]{0,39})[\"']"
)


def _declared_encoding(data: bytes) -> str | None:
    """The encoding named by the XML declaration that opens ``data``, if any."""
    # "<?xml" and a blank: "<?xml-stylesheet ... ?>" is another instruction.
    opens = data.startswith(b"<?xml") and data[5:6] in (b" ", b"\t", b"\r", b"\n")
    end = data.find(b"?>") if opens else -1
    declared = _DECLARED_ENCODING.search(data, 0, end) if end > 0 else None
    return declared.group(1).decode("ascii") if declared else None


def _read_as(name: str) -> Literal["expat", "utf-8", "decode"]:
    """How a feed that declares the encoding ``name`` is read.

    - ``expat``: by expat itself. It reads UTF-8 and UTF-16 under their own names, and
      pyexpat hands it any encoding that reads each byte as one character as a table.
      (A name Python does not know is left to expat too: its LookupError says so.)
    - ``utf-8``: another name of UTF-8 ("utf8", "cp65001", "utf-8-sig"): handed to
      expat as UTF-8. Under that name, pyexpat took it for a one-byte encoding and
      refused every byte above 127.
    - ``decode``: decoded here and handed on as UTF-8: a multi-byte encoding, which
      pyexpat refuses (Shift_JIS, GB2312, ...).

    An encoding that switches state with escape sequences (ISO-2022-JP, HZ, UTF-7) is
    refused with a FeedError: an item's bytes as written cannot be told from its text
    (``raw`` and ``sha256`` would be of other bytes), and pyexpat took it for one byte
    a character and misread it.
    """
    if name.lower() == "utf-8":
        return "expat"
    try:
        info = codecs.lookup(name)
        one_byte = len(every_byte(name)) == 256
    except LookupError:
        return "expat"  # unknown to Python too, or no text encoding
    except UnicodeError:  # "idna", "punycode": names of codecs that read no such bytes
        raise FeedError(f"feed is not readable: its encoding {name} decodes no text") from None
    if info.name in ("utf-8", "utf-8-sig"):
        return "utf-8"
    if info.name.startswith(("iso2022", "hz", "utf-7")):
        raise FeedError(
            f"feed is not readable: its encoding {name} switches with escape sequences,"
            " which this reader does not read (saved as UTF-8, it is read)"
        )
    if info.name in ("utf-16", "utf-16-le", "utf-16-be"):
        return "expat"  # read as UTF-16 from its first bytes, whatever its name
    return "expat" if one_byte else "decode"


class _Source:
    """Reads the feed for the parser, and keeps the bytes as written of what it has yet
    to hand back as an item's ``raw``.

    Skips whitespace before ``<?xml``, enforces ``limit_bytes`` and applies ``_Repair``
    (not to UTF-16 input, where bytes are not characters). A feed in a multi-byte
    encoding other than UTF-8 and UTF-16 (Shift_JIS, GB2312, ...), which expat does not
    read, is decoded here and handed on as UTF-8; a feed in UTF-8 under another name
    ("utf8") is handed on as it is (``utf8`` is True for both: the parser is told so;
    see ``_read_as``). Offsets given to ``item_bytes`` and ``release`` are the parser's
    (``CurrentByteIndex``: into what ``read`` returned); the bytes returned are the
    feed's own, from before the repair, in its own encoding, and ``line_of`` says on
    which line of the feed as given an offset is (the ``\n``s before it are counted once,
    as the bytes are let go, plus those skipped before ``<?xml``).
    """

    def __init__(self, stream: BinaryIO, limit_bytes: int | None) -> None:
        self.stream = stream
        self.limit = limit_bytes
        self.total = 0
        self.started = False
        self.repair: _Repair | None = _Repair()
        self.done = False
        self.kept = bytearray()  # what was handed on, before the repair, from ``kept_from``
        self.kept_from = 0
        self.wide: str | None = None  # "utf-16-le" or "utf-16-be"
        self.encoding: str | None = None  # the declared encoding, where decoded here
        self.decoder: codecs.IncrementalDecoder | None = None
        self.failure: FeedError | None = None  # bytes not of that encoding: raised next
        self.utf8 = False  # what is handed on is UTF-8, whatever the declaration says
        self.marked = False  # the feed opened with the UTF-8 byte order mark
        self.head = b""  # the first bytes, kept until the declaration's end is read
        self.lines = 1  # the line of the feed on which ``kept`` starts
        self.written_in: str | None = None  # what the feed's bytes are in, where not UTF-8

    def _read(self) -> bytes:
        data = self.stream.read(_CHUNK)
        self.total += len(data)
        if self.limit is not None and self.total > self.limit:
            raise FeedError(f"feed is larger than the limit of {self.limit} bytes")
        return data

    def read(self, size: int = -1) -> bytes:
        """Return the next repaired chunk; ``b""`` at the end (``size`` is ignored)."""
        self._raise_failure()
        while not self.done:
            data = self._read()
            final = not data
            if self.head:  # the start of a declaration, read before
                data, self.head = self.head + data, b""
            if not self.started and not final:
                if data.startswith(b"\xef\xbb\xbf"):
                    data = data[3:]  # the UTF-8 byte order mark, then maybe whitespace
                    self.marked = True
                stripped = data.lstrip(b" \t\r\n")
                self.lines += data.count(b"\n", 0, len(data) - len(stripped))
                data = stripped
                if not data:
                    continue
                if data.startswith(b"<?xml") and b"?>" not in data and len(data) < _CHUNK:
                    self.head = data  # the declaration is cut by a read: its name may follow
                    continue
                self.started = True
                if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]:
                    self.repair = None
                    big_endian = data.startswith(b"\xfe\xff") or data[:1] == b"\x00"
                    self.wide = self.written_in = "utf-16-be" if big_endian else "utf-16-le"
                else:
                    name = None if self.marked else _declared_encoding(data)
                    reading = _read_as(name) if name is not None else "expat"
                    if self.marked:  # it wins over a declaration (XML 1.0, appendix F)
                        reading = "utf-8"
                    self.utf8 = reading != "expat"
                    if name is not None and reading != "utf-8" and name.lower() != "utf-8":
                        self.written_in = name  # a one-byte encoding, or one decoded here
                    if name is not None and reading == "decode":
                        self.encoding = name
                        self.decoder = codecs.getincrementaldecoder(name)("strict")
                    data = declare_prefixes(data)  # before ``kept``: no item's bytes move
            if self.decoder is not None:
                data = self._decoded(data, final)
                final = final or self.failure is not None  # what came before is handed on
            self.kept += data
            if self.repair is not None:
                data = self.repair.feed(data, final)
            if final:
                self.done = True
            if not data:
                self._raise_failure()  # nothing before the bad byte: at once
            if data or final:
                return data
        return b""

    def _raise_failure(self) -> None:
        failure, self.failure = self.failure, None
        if failure is not None:
            raise failure

    def _decoded(self, data: bytes, final: bool) -> bytes:
        """``data`` decoded and written as UTF-8. At bytes that are not of the encoding,
        what comes before them is returned and ``failure`` set, so that the items before
        the bad bytes come out first, as in a UTF-8 feed."""
        assert self.decoder is not None
        pending = self.decoder.getstate()[0]  # the start of a character cut by a read
        try:
            return self.decoder.decode(data, final).encode("utf-8")
        except UnicodeDecodeError as error:
            at = self.total - len(data) - len(pending) + error.start
            self.failure = FeedError(f"feed is not valid {self.encoding} at byte {at}")
            assert self.encoding is not None
            before = (pending + data)[: error.start]
            return before.decode(self.encoding, "replace").encode("utf-8")

    def _original(self, pos: int) -> int:
        """The offset in ``kept``'s stream (before the repair) of the parser's ``pos``."""
        shifts = self.repair.shifts if self.repair is not None else []
        last = bisect_right(shifts, (pos, _AFTER_ALL)) - 1
        if last < 0:
            return pos
        out, written = shifts[last]
        return written + (pos - out)

    def item_bytes(self, start: int, end: int, empty: bool) -> bytes:
        """The element that opens at ``start`` and closes with the end tag at ``end`` (for
        an empty element ``<item/>``, ``end`` is just after it), as written."""
        first = self._original(start) - self.kept_from
        stop = self._original(end) - self.kept_from
        if not empty:  # the end tag runs to its ">": "</item >"
            close = ">".encode(self.wide) if self.wide else b">"
            stop = self.kept.index(close, stop) + len(close)
        raw = bytes(self.kept[first:stop])
        if self.encoding is not None:  # decoded here: back to the feed's own bytes
            return raw.decode("utf-8").encode(self.encoding)
        return raw

    def is_empty_element(self, start: int, end: int) -> bool:
        """Whether the element that opened at ``start`` and ended at ``end`` was written as
        ``<item ... />``: else its own end tag stands at ``end`` (``<item>x/></item>``
        ends with "/>" too)."""
        size = 2 if self.wide else 1
        codec = self.wide or "latin-1"  # the same bytes read the same way at both places
        first = self._original(start) - self.kept_from
        head = bytes(self.kept[first : first + 256 * size]).decode(codec, "ignore")
        name = _TAG_NAME.match(head)
        at = self._original(end) - self.kept_from
        tail = bytes(self.kept[at : at + 260 * size]).decode(codec, "ignore")
        if name is None:
            return False
        closer = "</" + name.group(1)
        return not (tail.startswith(closer) and tail[len(closer) : len(closer) + 1] in _TAG_END)

    def _breaks(self, stop: int) -> int:
        """The ``\n``s of ``kept`` before its offset ``stop``."""
        if self.wide is None:  # one byte a character, or UTF-8 (decoded feeds are kept so)
            return self.kept.count(b"\n", 0, stop)
        return bytes(self.kept[:stop]).decode(self.wide, "replace").count("\n")

    def line_of(self, pos: int) -> int:
        """The line of the feed as given on which the parser's offset ``pos`` stands."""
        return self.lines + self._breaks(self._original(pos) - self.kept_from)

    def release(self, pos: int) -> None:
        """Forget the bytes before the parser's offset ``pos``: no item will need them."""
        at = self._original(pos)
        self.lines += self._breaks(at - self.kept_from)
        del self.kept[: at - self.kept_from]
        self.kept_from = at
        if self.repair is not None:
            shifts = self.repair.shifts
            del shifts[: max(bisect_right(shifts, (pos, _AFTER_ALL)) - 1, 0)]


_XMLNS_PREFIX: Final = recache.compile(rb"[ \t\r\n]xmlns:([A-Za-z_][\w.-]{0,40})[ \t\r\n]*=")
_ROOT_NAME: Final = recache.compile(rb"<[A-Za-z_]")
_TAG_MARK: Final = recache.compile(rb"[>\"']")


def _prolog_end(data: bytes) -> int | None:
    """Where the root element's start tag opens in ``data``: after the XML declaration,
    processing instructions, comments, a DOCTYPE and blanks; None where not seen."""
    at = 0
    end = len(data)
    while at < end:
        if data[at : at + 1] in (b" ", b"\t", b"\r", b"\n"):
            at += 1
        elif data.startswith(b"<?", at):
            close = data.find(b"?>", at)
            at = close + 2 if close >= 0 else end
        elif data.startswith(b"<!--", at):
            close = data.find(b"-->", at + 4)
            at = close + 3 if close >= 0 else end
        elif data.startswith(b"<!", at):  # a DOCTYPE, maybe with a [...] subset
            close = data.find(b">", at)
            bracket = data.find(b"[", at, close if close >= 0 else end)
            if bracket >= 0:
                bracket = data.find(b"]", bracket)
                close = data.find(b">", bracket) if bracket >= 0 else -1
            at = close + 1 if close >= 0 else end
        elif _ROOT_NAME.match(data, at):
            return at
        else:
            return None
    return None


def _start_tag_end(data: bytes, at: int) -> int | None:
    """The offset of the ``>`` that closes the start tag opening at ``at`` (quoted ``>``
    in attribute values skipped), or None where ``data`` ends first."""
    while True:
        mark = _TAG_MARK.search(data, at)
        if mark is None:
            return None
        if mark.group() == b">":
            return mark.start()
        shut = data.find(mark.group(), mark.end())  # the quote that closes the value
        if shut < 0:
            return None
        at = shut + 1


def declare_prefixes(data: bytes) -> bytes:
    """``data`` (the start of a feed) with the well-known prefixes that its root element
    does not declare declared there, so that a feed using ``itunes:`` without
    ``xmlns:itunes`` is read as if it had declared it. A prefix declared anywhere below
    the root still means what it says there; a feed that declares them all is unchanged.

    >>> declare_prefixes(b'<rss version="2.0"><channel/></rss>')[:60]
    b'<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/'
    >>> every = b" ".join(b'xmlns:%s="u"' % p.encode() for p in WELL_KNOWN_PREFIXES)
    >>> declare_prefixes(b"<rss " + every + b"/>") == b"<rss " + every + b"/>"
    True
    """
    at = _prolog_end(data)
    if at is None:
        return data
    close = _start_tag_end(data, at)
    if close is None:
        return data
    declared = {m.group(1).decode("ascii") for m in _XMLNS_PREFIX.finditer(data, at, close)}
    missing = [prefix for prefix in WELL_KNOWN_PREFIXES if prefix not in declared]
    if not missing:
        return data
    if data[close - 1 : close] == b"/":
        close -= 1
    added = "".join(f' xmlns:{prefix}="{WELL_KNOWN_PREFIXES[prefix]}"' for prefix in missing)
    return data[:close] + added.encode("ascii") + data[close:]


_EXPAT_NAMES: Final = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}

_CHANNELS: Final = frozenset({("", "channel"), (ATOM, "feed"), (RSS1, "channel")})
_ITEMS: Final = frozenset({("", "item"), (RSS1, "item"), (ATOM, "entry")})


def _position(parser: DefusedXMLParser) -> str:
    expat = getattr(parser, "parser", None)
    line = getattr(expat, "CurrentLineNumber", None)
    column = getattr(expat, "CurrentColumnNumber", None)
    if isinstance(line, int) and isinstance(column, int):
        return f": line {line}, column {column}"
    return ""


def iter_items(source: BinaryIO | bytes, *, limit_bytes: int | None = None) -> Iterator[FeedItem]:
    """Yield the items of an RSS / Atom feed one by one, in feed order.

    Raises ``FeedError`` (possibly after some items have been yielded) when the feed is
    not well-formed, declares a DTD or entities, or is larger than ``limit_bytes``.
    """
    from xml.etree.ElementTree import ParseError, TreeBuilder
    from xml.parsers.expat import XML_PARAM_ENTITY_PARSING_NEVER

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    stream: BinaryIO = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    reader = _Source(stream, limit_bytes)
    data = reader.read()  # first: it tells whether the feed is decoded to UTF-8 here
    # Over the declaration's: it may name the encoding in a way expat does not know.
    told = "UTF-8" if reader.utf8 else _EXPAT_NAMES.get(reader.wide or "")
    parser = DefusedXMLParser(
        target=TreeBuilder(),
        encoding=told,
        forbid_dtd=False,  # a DOCTYPE is checked by _doctype below
        forbid_entities=True,
        forbid_external=True,
    )
    expat = parser.parser
    expat.StartDoctypeDeclHandler = _doctype
    # Never read an external DTD subset (expat's default; said here, since it is the
    # reason a DOCTYPE with a URL is safe to accept).
    expat.SetParamEntityParsing(XML_PARAM_ENTITY_PARSING_NEVER)
    # What iterparse would give, with each event's offset (where an item's bytes begin
    # and end): (start?, element, offset).
    events: list[tuple[bool, Element, int]] = []
    # The tree builder's own handlers (ordered_attributes is on: attributes come as a list).
    build_start = cast("Callable[[str, list[str]], Element]", expat.StartElementHandler)
    build_end = cast("Callable[[str], Element]", expat.EndElementHandler)

    def start(tag: str, attributes: list[str]) -> None:
        events.append((True, build_start(tag, attributes), expat.CurrentByteIndex))

    def end(tag: str) -> None:
        events.append((False, build_end(tag), expat.CurrentByteIndex))

    expat.StartElementHandler, expat.EndElementHandler = start, end
    path: list[Element] = []
    channel = _ChannelFields()
    channel_persons: list[FeedPerson] = []
    depth_in_item = 0
    item_start = 0
    index = 0
    try:
        done = False
        while not done:
            error: ParseError | None = None
            try:
                if data:
                    parser.feed(data)
                else:
                    parser.close()
                    done = True
            except ParseError as exc:
                error = exc  # raised below, once the items before it are out (as iterparse)
            except ValueError as exc:
                if type(exc) is not ValueError:
                    raise  # defusedxml's refusals are ValueErrors too: told apart below
                # pyexpat, of an encoding it met in the declaration but cannot read:
                # "multi-byte encodings are not supported"
                raise FeedError(f"feed is not readable: {exc} here") from None
            for is_start, element, offset in events:
                if is_start:
                    path.append(element)
                    if _split(element.tag) in _ITEMS:
                        depth_in_item += 1
                        if depth_in_item == 1:
                            item_start = offset
                    continue
                path.pop()
                key = _split(element.tag)
                parent = path[-1] if path else None
                if key in _ITEMS:
                    depth_in_item -= 1
                    if depth_in_item == 0:
                        empty = reader.is_empty_element(item_start, offset)
                        raw = reader.item_bytes(item_start, offset, empty)
                        line = reader.line_of(item_start)
                        reader.release(offset)
                        yield _build(
                            element,
                            index,
                            channel.channel(),
                            tuple(channel_persons),
                            raw,
                            line,
                            reader.written_in,
                        )
                        index += 1
                        element.clear()
                        if parent is not None:
                            parent.remove(element)
                elif depth_in_item == 0:
                    reader.release(offset)
                    if parent is None:
                        pass
                    elif _split(parent.tag) in _CHANNELS:
                        if key == (PODCAST, "person"):
                            person = _person(element)
                            if person is not None:
                                channel_persons.append(person)
                        else:
                            channel.see(key, element)
                        element.clear()
                        parent.remove(element)
                    elif key == (RSS1, "image") and _split(parent.tag) == (RDF, "RDF"):
                        channel.see(key, element)  # RSS 1.0: beside the channel
            events.clear()
            if error is not None:
                raise error
            if not done:
                data = reader.read()
    except ParseError as error:
        raise FeedError(f"feed is not well-formed XML: {error}") from None
    except DefusedXmlException as error:
        raise FeedError(f"feed refused: {_refusal(error)}{_position(parser)}") from None
    except _InternalSubset as error:
        raise FeedError(f"feed refused: {error}{_position(parser)}") from None
    except LookupError as error:
        if type(error) is not LookupError:
            raise  # a KeyError or IndexError here is a bug, not the feed's
        # expat: <?xml encoding="..."?> names an encoding Python does not know.
        raise FeedError(f"feed is not readable: {error}") from None


class _InternalSubset(Exception):
    """A DOCTYPE with declarations of its own: refused before any is read."""


def _doctype(name: str, system_id: str | None, public_id: str | None, internal: int) -> None:
    """expat's StartDoctypeDeclHandler. A DOCTYPE that only names an external DTD (RSS
    0.91's Netscape one) is accepted: that DTD is never read, and the HTML entities it
    would define are read as HTML's anyway (``_Repair``). One with an internal subset,
    where entities are declared (billion laughs, XXE), is refused before it is read."""
    if internal:
        raise _InternalSubset(
            f"a DTD with declarations (<!DOCTYPE {name} [...]>) is not allowed in a feed"
        )


def _refusal(error: Exception) -> str:
    """What defusedxml refused, in words (its own text is a Python repr)."""
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    if isinstance(error, DTDForbidden):
        where = f" pointing at {error.sysid}" if error.sysid else ""
        return f"a DTD (<!DOCTYPE {error.name} ...>){where} is not allowed in a feed"
    if isinstance(error, EntitiesForbidden):
        return f"an entity declaration (<!ENTITY {error.name} ...>) is not allowed in a feed"
    if isinstance(error, ExternalReferenceForbidden):
        return f"an external reference ({error.sysid}) is not allowed in a feed"
    return str(error)
