"""A SQLite catalogue of records, kept in step with a show's feed: ``convert --format sqlite``.

Contract
--------
``Catalogue.open(path)`` opens (or creates) a catalogue and starts one run in one
transaction; ``add(record)`` takes each record (an ``Episode``, its dict, or its JSONL line
as ``emit.RENDERERS["jsonl"]`` writes it, which worker processes can make); ``commit()``
ends the run and gives its ``Counts``; leaving the ``with`` block without it (an error,
Ctrl-C) rolls everything back, and removes a catalogue the run created. Nothing is printed.

Each record is one row of ``episodes``, found again on a later run by its key:

- a feed item by ``(channel, key)``: ``channel`` is the feed channel's title, else its
  link (``""`` when it has neither), ``key`` the item's ``feed.id`` (its guid, else its
  enclosure URL, ...), so that the rows of two copies of a feed, or of two feeds, match;
- a notes file by its path (``channel`` is ``""``); notes from standard input by
  ``sha256:`` and their digest.

A key seen twice in one run (a feed repeating a guid) gets ``occurrence`` 1, 2, ... so
that no record is lost. On a later run a row is *added* (a new key), *updated* (the record
differs: other bytes, so another ``source.sha256``, or a newer parser's other record;
``source.path`` and ``source.item``, which move with each new episode, are not compared),
or *unchanged* (its path, position and ``last_run`` still move on). Rows a run does not
see are kept (a catalogue is history); those of a channel the run read are *absent* from
this copy, and ``Counts.absent`` counts them.

Tables (``SCHEMA_SQL`` below is the exact DDL):

- ``meta(key, value)``: ``catalogue_schema`` (this layout, 1), ``record_schema``
  (``episodeparse.episode/1``), ``tool_version`` (of the last run);
- ``runs``: one row per run: when (UTC), the tool's version, the inputs (a JSON list) and
  the counts;
- ``episodes``: the key, the queryable fields of the record and of its ``feed`` block, the
  whole record as JSON in ``record`` (``json_extract`` reaches the rest), ``digest`` (the
  SHA-256 of the record as compared), ``first_run``, ``changed_run``, ``last_run``;
- ``people``, ``chapters``, ``links``: one row per element of the record's list, in order
  (``position`` from 0), each with ``episode_id`` referencing ``episodes(id)``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from episodeparse import __version__, recache
from episodeparse.digest import sha256_hex
from episodeparse.model import SCHEMA, Episode

__all__ = ["CATALOGUE_SCHEMA", "SCHEMA_SQL", "Catalogue", "CatalogueError", "Counts", "row_key"]

CATALOGUE_SCHEMA = 1
"""The layout's version, in ``meta``; a catalogue of another layout is refused."""

SCHEMA_SQL = """\
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE runs (
    run INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    inputs TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    absent INTEGER NOT NULL DEFAULT 0,
    unreadable INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE episodes (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    key TEXT NOT NULL,
    occurrence INTEGER NOT NULL DEFAULT 0,
    path TEXT,
    item INTEGER,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT,
    podcast TEXT,
    series TEXT,
    episode INTEGER,
    date TEXT,
    summary TEXT,
    abstract TEXT,
    categories TEXT NOT NULL,
    guid TEXT,
    item_title TEXT,
    link TEXT,
    published TEXT,
    duration INTEGER,
    season INTEGER,
    episode_type TEXT,
    explicit INTEGER,
    image TEXT,
    enclosure_url TEXT,
    enclosure_type TEXT,
    enclosure_length INTEGER,
    record TEXT NOT NULL,
    digest TEXT NOT NULL,
    first_run INTEGER NOT NULL REFERENCES runs(run),
    changed_run INTEGER NOT NULL REFERENCES runs(run),
    last_run INTEGER NOT NULL REFERENCES runs(run),
    UNIQUE (channel, key, occurrence)
);
CREATE INDEX episodes_published ON episodes(published);
CREATE TABLE people (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    affiliation TEXT,
    aliases TEXT NOT NULL,
    bio TEXT,
    PRIMARY KEY (episode_id, position)
);
CREATE INDEX people_name ON people(name);
CREATE TABLE chapters (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    time TEXT NOT NULL,
    seconds INTEGER NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (episode_id, position)
);
CREATE TABLE links (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT,
    handle TEXT,
    text TEXT,
    section TEXT,
    person TEXT,
    platform TEXT,
    kind TEXT NOT NULL,
    PRIMARY KEY (episode_id, position)
);
CREATE INDEX links_url ON links(url);
"""

# The episodes columns a record fills (all but id, the key's and the runs').
_FIELDS = (
    "path",
    "item",
    "format",
    "sha256",
    "title",
    "podcast",
    "series",
    "episode",
    "date",
    "summary",
    "abstract",
    "categories",
    "guid",
    "item_title",
    "link",
    "published",
    "duration",
    "season",
    "episode_type",
    "explicit",
    "image",
    "enclosure_url",
    "enclosure_type",
    "enclosure_length",
    "record",
    "digest",
)
_INSERT = (
    "INSERT INTO episodes (channel, key, occurrence, first_run, changed_run, last_run, "
    + ", ".join(_FIELDS)
    + ") VALUES (?, ?, ?, ?, ?, ?, "
    + ", ".join("?" * len(_FIELDS))
    + ")"
)
_UPDATE = (
    "UPDATE episodes SET changed_run = ?, last_run = ?, "
    + ", ".join(f"{f} = ?" for f in _FIELDS)
    + " WHERE id = ?"
)
_CHILDREN = ("people", "chapters", "links")


class CatalogueError(ValueError):
    """The file is not a catalogue this version can keep (one line, naming why)."""


class Counts(NamedTuple):
    """What one run did: records added, updated and unchanged; rows of the channels it
    read that this copy no longer has (kept); inputs it could not read."""

    added: int
    updated: int
    unchanged: int
    absent: int
    unreadable: int = 0

    def __str__(self) -> str:
        """The line ``convert --format sqlite`` writes on stderr.

        >>> print(Counts(1, 2, 3, 0))
        1 added, 2 updated, 3 unchanged, 0 absent from this copy (kept)
        """
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.absent} absent from this copy (kept)"
        )


# A lone surrogate: what a file name's bytes that are not UTF-8 become in a str. SQLite's
# text is UTF-8 and cannot hold one.
_SURROGATE = recache.compile(r"[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _storable(value: Any) -> Any:
    r"""``value`` with every lone surrogate in its strings written as ``\uXXXX``.

    >>> _storable({"path": "ep-\udcff.txt", "people": [{"name": "Ada"}]})
    {'path': 'ep-\\udcff.txt', 'people': [{'name': 'Ada'}]}
    """
    if isinstance(value, str):
        return _SURROGATE.sub(_escaped, value)
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable(v) for v in value]
    return value


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def row_key(record: Mapping[str, Any]) -> tuple[str, str]:
    """``(channel, key)`` of a record (a dict of the record), as the module doc says.

    >>> feed = {"id": "ep-12", "channel": {"title": "Night Sessions", "link": None}}
    >>> row_key({"feed": feed, "source": {"path": "show.xml", "sha256": "ab"}})
    ('Night Sessions', 'ep-12')
    >>> row_key({"feed": None, "source": {"path": "notes/12.txt", "sha256": "ab"}})
    ('', 'notes/12.txt')
    >>> row_key({"feed": None, "source": {"path": None, "sha256": "ab"}})
    ('', 'sha256:ab')
    """
    feed = record.get("feed")
    source = record["source"]
    if feed:
        channel = feed.get("channel") or {}
        return channel.get("title") or channel.get("link") or "", str(feed["id"])
    path = source.get("path")
    return "", path if path is not None else f"sha256:{source['sha256']}"


def _columns(record: dict[str, Any], line: str, digest: str) -> tuple[object, ...]:
    """The values of ``_FIELDS`` for ``record`` (its JSON text ``line``)."""
    source = record["source"]
    feed = record.get("feed") or {}
    enclosure = feed.get("enclosure") or {}
    explicit = feed.get("explicit")
    return (
        source.get("path"),
        source.get("item"),
        source["format"],
        source["sha256"],
        record.get("title"),
        record.get("podcast"),
        record.get("series"),
        record.get("episode"),
        record.get("date"),
        record.get("summary"),
        record.get("abstract"),
        _compact(record.get("categories") or []),
        feed.get("guid"),
        feed.get("title"),
        feed.get("link"),
        feed.get("published"),
        feed.get("duration"),
        feed.get("season"),
        feed.get("episode_type"),
        None if explicit is None else int(explicit),
        feed.get("image"),
        enclosure.get("url"),
        enclosure.get("type"),
        enclosure.get("length"),
        line,
        digest,
    )


def _digest(record: dict[str, Any]) -> str:
    """The SHA-256 of the record as compared between runs: without ``source.path`` and
    ``source.item``, which change when the file is renamed or an episode is added."""
    source = record["source"]
    compared = {**record, "source": {**source, "path": None, "item": None}}
    return sha256_hex(_compact(compared).encode("utf-8", "surrogatepass"))


class Catalogue:
    """One run on a catalogue; see the module doc. Use ``Catalogue.open``."""

    def __init__(self, connection: sqlite3.Connection, run: int) -> None:
        self._db = connection
        self.run = run
        self._seen: dict[tuple[str, str], int] = {}
        self._channels: set[str] = set()
        self._added = self._updated = self._unchanged = self._unreadable = 0
        self._committed = False

    @classmethod
    @contextmanager
    def open(cls, path: str | Path, inputs: list[str] | None = None) -> Iterator[Catalogue]:
        """The catalogue at ``path`` (created when there is none), in one transaction;
        ``inputs`` are what the run reads, as ``runs.inputs`` records them.

        Raises ``CatalogueError`` for a file that is not a catalogue of this layout, and
        ``sqlite3.Error`` (``OSError`` where the folder is missing) when it cannot be
        written; either way, the file is as it was.
        """
        path = Path(path)
        created = not path.exists()
        try:
            db = sqlite3.connect(path, isolation_level=None, timeout=30)
        except sqlite3.Error:
            if created:
                with suppress(OSError):
                    path.unlink()
            raise
        committed = False
        try:
            try:
                db.execute("PRAGMA foreign_keys = ON")
                db.execute("BEGIN IMMEDIATE")  # the write lock, before anything is read
            except sqlite3.DatabaseError as exc:
                if exc.sqlite_errorname != "SQLITE_NOTADB":
                    raise
                raise CatalogueError("not a SQLite database: give a new file") from None
            _prepare(db, path)
            run = db.execute(
                "INSERT INTO runs (at, tool_version, inputs) VALUES (?, ?, ?)",
                (
                    datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    __version__,
                    _SURROGATE.sub(_escaped, _compact(list(inputs or []))),
                ),
            ).lastrowid
            assert run is not None
            catalogue = cls(db, run)
            yield catalogue
            committed = catalogue._committed
        finally:
            if not committed and db.in_transaction:
                with suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            db.close()
            if created and not committed:
                for leftover in (path, path.with_name(path.name + "-journal")):
                    with suppress(OSError):
                        leftover.unlink()

    def add(self, record: Episode | Mapping[str, Any] | str) -> None:
        """Add or update the row of one record (a JSONL line is read as JSON)."""
        if isinstance(record, str):
            line = record.rstrip("\n")
            data: dict[str, Any] = json.loads(line)
        else:
            data = record.to_dict() if isinstance(record, Episode) else dict(record)
            line = _compact(data)
        digest = _digest(data)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates: JSON escapes in the record (read back, they are the same
            # string), \uXXXX written out in the columns.
            line = _SURROGATE.sub(_escaped, line)
            data = _storable(data)
        channel, key = row_key(data)
        occurrence = self._seen.get((channel, key), 0)
        self._seen[(channel, key)] = occurrence + 1
        if data.get("feed"):
            self._channels.add(channel)
        values = _columns(data, line, digest)
        found = self._db.execute(
            "SELECT id, digest FROM episodes WHERE channel = ? AND key = ? AND occurrence = ?",
            (channel, key, occurrence),
        ).fetchone()
        if found is None:
            cursor = self._db.execute(
                _INSERT, (channel, key, occurrence, self.run, self.run, self.run, *values)
            )
            assert cursor.lastrowid is not None
            self._add_children(cursor.lastrowid, data)
            self._added += 1
            return
        episode_id, old_digest = found
        if old_digest == digest:
            self._db.execute(
                "UPDATE episodes SET last_run = ?, path = ?, item = ?, record = ? WHERE id = ?",
                (self.run, values[0], values[1], line, episode_id),
            )
            self._unchanged += 1
            return
        self._db.execute(_UPDATE, (self.run, self.run, *values, episode_id))
        for table in _CHILDREN:
            self._db.execute(f"DELETE FROM {table} WHERE episode_id = ?", (episode_id,))
        self._add_children(episode_id, data)
        self._updated += 1

    def unreadable(self) -> None:
        """Count an input that gave no record (the caller says which, and why)."""
        self._unreadable += 1

    def _add_children(self, episode_id: int, record: Mapping[str, Any]) -> None:
        db = self._db
        db.executemany(
            "INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    episode_id,
                    i,
                    p["name"],
                    p["role"],
                    p.get("affiliation"),
                    _compact(p.get("aliases") or []),
                    p.get("bio"),
                )
                for i, p in enumerate(record.get("people") or ())
            ],
        )
        db.executemany(
            "INSERT INTO chapters VALUES (?, ?, ?, ?, ?)",
            [
                (episode_id, i, c["time"], c["seconds"], c["title"])
                for i, c in enumerate(record.get("chapters") or ())
            ],
        )
        db.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    episode_id,
                    i,
                    link.get("url"),
                    link.get("handle"),
                    link.get("text"),
                    link.get("section"),
                    link.get("person"),
                    link.get("platform"),
                    link["kind"],
                )
                for i, link in enumerate(record.get("links") or ())
            ],
        )

    def commit(self) -> Counts:
        """End the run: its counts in ``runs``, and the transaction committed."""
        absent = 0
        for channel in sorted(self._channels):
            absent += self._db.execute(
                "SELECT count(*) FROM episodes WHERE channel = ? AND last_run < ?",
                (channel, self.run),
            ).fetchone()[0]
        counts = Counts(self._added, self._updated, self._unchanged, absent, self._unreadable)
        self._db.execute(
            "UPDATE runs SET added = ?, updated = ?, unchanged = ?, absent = ?, unreadable = ?"
            " WHERE run = ?",
            (*counts, self.run),
        )
        self._db.execute("COMMIT")
        self._committed = True
        return counts


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Create the tables in an empty database; refuse one that is not a catalogue."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    if not tables:
        for statement in SCHEMA_SQL.split(";\n"):
            if statement.strip():
                db.execute(statement)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("catalogue_schema", str(CATALOGUE_SCHEMA)),
                ("record_schema", SCHEMA),
                ("tool_version", __version__),
            ],
        )
        return
    meta: dict[str, str] = {}
    if "meta" in tables:
        with suppress(sqlite3.Error):
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    if "catalogue_schema" not in meta or "episodes" not in tables:
        raise CatalogueError(
            "a SQLite database, but not an episodeparse catalogue: give a new file"
        )
    if meta["catalogue_schema"] != str(CATALOGUE_SCHEMA):
        raise CatalogueError(
            f"a catalogue of layout {meta['catalogue_schema']}; this version keeps layout "
            f"{CATALOGUE_SCHEMA}: give a new file"
        )
    db.execute("UPDATE meta SET value = ? WHERE key = 'tool_version'", (__version__,))
