"""The episode record of SPEC.md as frozen dataclasses.

Field order is output order: ``to_dict()`` walks the fields as declared, so the JSON and
YAML emitters write every key of the contract, in the contract's order, always present.
Sequences are tuples so that a record, once built, cannot change under its reader.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

SCHEMA = "episodeparse.episode/1"

SourceFormat = Literal["text", "markdown", "html", "rss"]
Role = Literal["guest", "host", "co-host"]
LinkKind = Literal["social", "community", "listen", "sponsor", "reference"]
LeftoverReason = Literal["boilerplate", "unrecognized"]


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):  # a tuple: faster than a union
        return [_plain(v) for v in value]
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class Record:
    """Mixin: a dataclass that turns into a plain ``dict`` in declaration order."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        names = _FIELD_NAMES.get(type(self))
        if names is None:  # fields() is slow enough to matter once per record and field
            names = tuple(f.name for f in fields(self))  # type: ignore[arg-type]
            _FIELD_NAMES[type(self)] = names
        return {name: _plain(getattr(self, name)) for name in names}


@dataclass(frozen=True, slots=True)
class Source(Record):
    path: str | None
    format: SourceFormat
    item: int | None
    sha256: str


@dataclass(frozen=True, slots=True)
class Person(Record):
    name: str
    role: Role
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    bio: str | None = None


@dataclass(frozen=True, slots=True)
class Chapter(Record):
    time: str
    seconds: int
    title: str


@dataclass(frozen=True, slots=True)
class Link(Record):
    url: str | None
    handle: str | None
    text: str | None
    section: str | None
    person: str | None
    platform: str | None
    kind: LinkKind


@dataclass(frozen=True, slots=True)
class Section(Record):
    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class Leftover(Record):
    line: int
    text: str
    reason: LeftoverReason


@dataclass(frozen=True, slots=True)
class Episode(Record):
    schema: str
    source: Source
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
