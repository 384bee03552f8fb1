"""The episode record of SPEC.md as frozen dataclasses.

Field order is output order: ``to_dict()`` walks the fields as declared, so the JSON and
YAML emitters write every key of the contract, in the contract's order, always present.
Sequences are tuples so that a record, once built, cannot change under its reader.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import FrozenInstanceError, fields
from typing import TYPE_CHECKING, Any, Literal, TypeVar

SCHEMA = "episodeparse.episode/1"

SourceFormat = Literal["text", "markdown", "html", "rss"]
Role = Literal["guest", "host", "co-host"]
LinkKind = Literal["social", "community", "listen", "sponsor", "reference"]
LeftoverReason = Literal["boilerplate", "unrecognized"]

_set = object.__setattr__  # what a frozen dataclass's __init__ stores fields with
_R = TypeVar("_R", bound="Record")
_RECORDS: set[type] = set()  # the classes made by _frozen_dataclass


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):  # a tuple: faster than a union
        return [_plain(v) for v in value]
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _names(record: Record) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(type(record))
    if names is None:  # fields() is slow enough to matter once per record and field
        names = tuple(f.name for f in fields(record))  # type: ignore[arg-type]
        _FIELD_NAMES[type(record)] = names
    return names


class Record:
    """Mixin: a dataclass that turns into a plain ``dict`` in declaration order.

    ``==``, ``hash()`` and ``repr()`` are written here once, and do what a frozen
    dataclass generates for each class (the same class, field by field; the fields'
    hash; ``Name(field=value, ...)``): a dataclass compiles each method it generates
    when the module is imported, and these three cost seven classes 2.5 ms of start-up.
    So are the refusals of a frozen dataclass (``FrozenInstanceError``) and its pickling
    (a slotted frozen dataclass's ``__getstate__`` and ``__setstate__``), and each class
    writes its own ``__init__``: see ``_frozen_dataclass``.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _names(self):  # _plain inlined: a fifth less time a record
            value = getattr(self, name)
            if isinstance(value, Record):
                value = value.to_dict()
            elif isinstance(value, (tuple, list)):
                value = [v.to_dict() if isinstance(v, Record) else _plain(v) for v in value]
            out[name] = value
        return out

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = _names(self)
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in _names(self)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(self))
        return f"{self.__class__.__qualname__}({shown})"

    if not TYPE_CHECKING:  # mypy takes the records for frozen dataclasses, as they are

        def __setattr__(self, name: str, value: Any) -> None:
            if type(self) in _RECORDS or name in _names(self):
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            super().__setattr__(name, value)  # an attribute of a subclass's own

        def __delattr__(self, name: str) -> None:
            if type(self) in _RECORDS or name in _names(self):
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            super().__delattr__(name)

    def __getstate__(self) -> list[Any]:
        return [getattr(self, name) for name in _names(self)]

    def __setstate__(self, state: list[Any]) -> None:
        for name, value in zip(_names(self), state, strict=False):
            _set(self, name, value)


def _frozen_dataclass(
    *, frozen: bool, slots: bool, init: bool, eq: bool, repr: bool
) -> Callable[[type[_R]], type[_R]]:
    """``dataclass(frozen=True, ...)`` for a ``Record`` that writes its ``__init__``,
    without the cost: a frozen dataclass compiles a ``__setattr__`` and a ``__delattr__``
    for each class when the module is imported (with ``__init__``, 6 ms of every start
    for the twelve classes here), and ``Record`` has them once for all.

    The class is a dataclass all the same (``fields``, ``replace``, ``asdict``), and says
    it is frozen (``__dataclass_params__``), so that a dataclass extending it must be
    frozen too, as with any frozen dataclass.
    """
    if not frozen or init:
        raise TypeError("a record is frozen and writes its own __init__")

    def make(cls: type[_R]) -> type[_R]:
        made = dataclasses.dataclass(cls, slots=slots, init=False, eq=eq, repr=repr)
        vars(made)["__dataclass_params__"].frozen = True
        _RECORDS.add(made)
        return made

    return make


if TYPE_CHECKING:
    from dataclasses import dataclass
else:
    dataclass = _frozen_dataclass


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Source(Record):
    """Where a record was read from.

    >>> Source("notes/ep1.txt", "text", None, "0" * 64).to_dict()["format"]
    'text'
    """

    path: str | None
    format: SourceFormat
    item: int | None
    sha256: str

    def __init__(
        self, path: str | None, format: SourceFormat, item: int | None, sha256: str
    ) -> None:
        _set(self, "path", path)
        _set(self, "format", format)
        _set(self, "item", item)
        _set(self, "sha256", sha256)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Enclosure(Record):
    """A feed item's ``<enclosure>``: the episode's media file."""

    url: str
    type: str | None
    length: int | None

    def __init__(self, url: str, type: str | None, length: int | None) -> None:
        _set(self, "url", url)
        _set(self, "type", type)
        _set(self, "length", length)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class ChaptersUrl(Record):
    """``<podcast:chapters>``: where a chapters file is published (never fetched)."""

    url: str
    type: str | None

    def __init__(self, url: str, type: str | None) -> None:
        _set(self, "url", url)
        _set(self, "type", type)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Transcript(Record):
    """``<podcast:transcript>``: where a transcript is published (never fetched)."""

    url: str
    type: str | None
    language: str | None
    rel: str | None

    def __init__(self, url: str, type: str | None, language: str | None, rel: str | None) -> None:
        _set(self, "url", url)
        _set(self, "type", type)
        _set(self, "language", language)
        _set(self, "rel", rel)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Channel(Record):
    """What the feed says about the show the item belongs to."""

    title: str | None
    link: str | None
    language: str | None
    author: str | None
    image: str | None

    def __init__(
        self,
        title: str | None,
        link: str | None,
        language: str | None,
        author: str | None,
        image: str | None,
    ) -> None:
        _set(self, "title", title)
        _set(self, "link", link)
        _set(self, "language", language)
        _set(self, "author", author)
        _set(self, "image", image)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Feed(Record):
    """What the feed says about one item, beside its notes (``Episode.feed``).

    ``id`` is stable across runs: the guid, else the enclosure URL, else the link, else
    ``sha256:`` and the item's digest.

    >>> import episodeparse
    >>> feed = b'''<rss version="2.0"><channel><title>Tea Time</title><item>
    ... <title>Two for Tea</title><guid>tea-2</guid></item></channel></rss>'''
    >>> [record.feed.id for record in episodeparse.parse_feed(feed) if record.feed]
    ['tea-2']
    """

    id: str
    guid: str | None
    title: str | None
    link: str | None
    published: str | None
    duration: int | None
    season: int | None
    episode: int | None
    episode_type: str | None
    explicit: bool | None
    image: str | None
    enclosure: Enclosure | None
    chapters_url: ChaptersUrl | None
    transcripts: tuple[Transcript, ...]
    channel: Channel

    def __init__(
        self,
        id: str,
        guid: str | None,
        title: str | None,
        link: str | None,
        published: str | None,
        duration: int | None,
        season: int | None,
        episode: int | None,
        episode_type: str | None,
        explicit: bool | None,
        image: str | None,
        enclosure: Enclosure | None,
        chapters_url: ChaptersUrl | None,
        transcripts: tuple[Transcript, ...],
        channel: Channel,
    ) -> None:
        _set(self, "id", id)
        _set(self, "guid", guid)
        _set(self, "title", title)
        _set(self, "link", link)
        _set(self, "published", published)
        _set(self, "duration", duration)
        _set(self, "season", season)
        _set(self, "episode", episode)
        _set(self, "episode_type", episode_type)
        _set(self, "explicit", explicit)
        _set(self, "image", image)
        _set(self, "enclosure", enclosure)
        _set(self, "chapters_url", chapters_url)
        _set(self, "transcripts", transcripts)
        _set(self, "channel", channel)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Person(Record):
    """Someone the notes name in a role.

    >>> Person("Ada Byron", "guest", "analyst at Engines Ltd", ("Ada",)).to_dict()["aliases"]
    ['Ada']
    """

    name: str
    role: Role
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    bio: str | None = None

    def __init__(
        self,
        name: str,
        role: Role,
        affiliation: str | None = None,
        aliases: tuple[str, ...] = (),
        bio: str | None = None,
    ) -> None:
        _set(self, "name", name)
        _set(self, "role", role)
        _set(self, "affiliation", affiliation)
        _set(self, "aliases", aliases)
        _set(self, "bio", bio)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Chapter(Record):
    """A chapter start: the time as written, in seconds, and its title.

    >>> import episodeparse
    >>> episodeparse.parse("(1:02:03) - Outro").chapters
    (Chapter(time='1:02:03', seconds=3723, title='Outro'),)
    """

    time: str
    seconds: int
    title: str

    def __init__(self, time: str, seconds: int, title: str) -> None:
        # Stored by the slots' own setters (see below): a note holds dozens of chapters,
        # and object.__setattr__ looks each field up first.
        _chapter_time(self, time)
        _chapter_seconds(self, seconds)
        _chapter_title(self, title)


# The setters of Chapter's slots, what _set reaches after a look-up in the class.
_chapter_time = Chapter.__dict__["time"].__set__
_chapter_seconds = Chapter.__dict__["seconds"].__set__
_chapter_title = Chapter.__dict__["title"].__set__


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Link(Record):
    """An address or a social handle, with its label, section, owner, platform and kind.

    >>> import episodeparse
    >>> link = episodeparse.parse("Follow us on Twitter: @teatalks").links[0]
    >>> link.handle, link.platform, link.kind
    ('@teatalks', 'twitter', 'social')
    """

    url: str | None
    handle: str | None
    text: str | None
    section: str | None
    person: str | None
    platform: str | None
    kind: LinkKind

    def __init__(
        self,
        url: str | None,
        handle: str | None,
        text: str | None,
        section: str | None,
        person: str | None,
        platform: str | None,
        kind: LinkKind,
    ) -> None:
        # Stored by the slots' own setters, as Chapter's are (see below).
        _link_url(self, url)
        _link_handle(self, handle)
        _link_text(self, text)
        _link_section(self, section)
        _link_person(self, person)
        _link_platform(self, platform)
        _link_kind(self, kind)


_link_url = Link.__dict__["url"].__set__
_link_handle = Link.__dict__["handle"].__set__
_link_text = Link.__dict__["text"].__set__
_link_section = Link.__dict__["section"].__set__
_link_person = Link.__dict__["person"].__set__
_link_platform = Link.__dict__["platform"].__set__
_link_kind = Link.__dict__["kind"].__set__


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Section(Record):
    """A headed section that no other key covers.

    >>> Section("Takeaways", "Brew longer.").to_dict()
    {'heading': 'Takeaways', 'text': 'Brew longer.'}
    """

    heading: str
    text: str

    def __init__(self, heading: str, text: str) -> None:
        _set(self, "heading", heading)
        _set(self, "text", text)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Leftover(Record):
    """Text that no key took, with its line: nothing in the notes vanishes.

    >>> Leftover(9, "Visit the podcast's site", "boilerplate").line
    9
    """

    line: int
    text: str
    reason: LeftoverReason

    def __init__(self, line: int, text: str, reason: LeftoverReason) -> None:
        _set(self, "line", line)
        _set(self, "text", text)
        _set(self, "reason", reason)


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class Episode(Record):
    """The record of one episode (docs/record.md documents every field).

    >>> import episodeparse
    >>> record = episodeparse.parse("Tea at Four // Ada Byron // Tea Talks #3\\n[00:00] Hello")
    >>> record.title, record.episode, record.people[0].role, len(record.chapters)
    ('Tea at Four', 3, 'guest', 1)
    >>> list(record.to_dict())[:4]
    ['schema', 'source', 'feed', 'title']
    """

    schema: str
    source: Source
    feed: Feed | None
    title: str | None
    podcast: str | None
    series: str | None
    episode: int | None
    date: str | None
    people: tuple[Person, ...]
    summary: str | None
    abstract: str | None
    chapters: tuple[Chapter, ...]
    links: tuple[Link, ...]
    categories: tuple[str, ...]
    sections: tuple[Section, ...]
    leftovers: tuple[Leftover, ...]

    def __init__(
        self,
        schema: str,
        source: Source,
        feed: Feed | None,
        title: str | None,
        podcast: str | None,
        series: str | None,
        episode: int | None,
        date: str | None,
        people: tuple[Person, ...],
        summary: str | None,
        abstract: str | None,
        chapters: tuple[Chapter, ...],
        links: tuple[Link, ...],
        categories: tuple[str, ...],
        sections: tuple[Section, ...],
        leftovers: tuple[Leftover, ...],
    ) -> None:
        _set(self, "schema", schema)
        _set(self, "source", source)
        _set(self, "feed", feed)
        _set(self, "title", title)
        _set(self, "podcast", podcast)
        _set(self, "series", series)
        _set(self, "episode", episode)
        _set(self, "date", date)
        _set(self, "people", people)
        _set(self, "summary", summary)
        _set(self, "abstract", abstract)
        _set(self, "chapters", chapters)
        _set(self, "links", links)
        _set(self, "categories", categories)
        _set(self, "sections", sections)
        _set(self, "leftovers", leftovers)
