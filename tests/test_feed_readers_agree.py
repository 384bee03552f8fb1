"""Our feed items against two widely used feed readers: gPodder's podcastparser and
feedparser (test dependencies only).

Item by item, matched by guid, else enclosure URL, on all eighteen corpus feeds and the
public fixtures: our guid, title, link, enclosure url and length, duration and published
time must equal theirs wherever the two of them agree. Where they disagree, neither is
the reference and the field is not compared:

- An enclosure ``length="0"`` is -1 ("unknown") to podcastparser and 0 to feedparser
  (192 items of the corpus); we give 0, as written.
- podcastparser refuses two corpus feeds whole: ``no-agenda.xml`` (a stray ``&gtgt;``)
  and ``sentimental-garbage.xml`` (a blank line before ``<?xml``); both are read here
  (the repair documented in ``feeds``), so their items have one reference only and are
  not compared. It also leaves out items without an enclosure (the PSC fixture).
- An empty ``<guid></guid>`` is "" to both readers: the same as no guid (null here).

The differences found when this test was written, all fixed since: an RSS 2.0 guid that
is a permalink (no ``isPermaLink="false"``) is the item's link when it has no ``<link>``
(all 50 items of series-i-cinema.xml), and an enclosure length of ten digits (over 1 GB) was
read as no length. The test asserts the number of differences, so that a new one fails
it with the list of them.
"""

from __future__ import annotations

import calendar
import io
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import podcastparser
import pytest

from episodeparse.inputs import iter_records
from episodeparse.model import Episode
from tests.conftest import CORPUS, FIXTURES

FEEDS = CORPUS / "feeds"
PUBLIC = FIXTURES / "feeds"
needs_corpus = pytest.mark.skipif(not FEEDS.is_dir(), reason="corpus not available")

FIELDS = ("guid", "title", "link", "enclosure_url", "enclosure_length", "duration", "published")
EXPECTED_DIFFERENCES = 0

Values = dict[str, object]


def _text(value: object) -> object:
    """Whitespace collapsed; an empty string is no value."""
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return value


def _seconds(text: object) -> int | None:
    """``itunes:duration`` as feedparser leaves it (a string), in seconds: ``SS``,
    ``MM:SS``, ``HH:MM:SS``, fractions dropped (an independent reading, not ours)."""
    if not isinstance(text, str) or not text.strip():
        return None
    total = 0.0
    try:
        for part in text.strip().split(":"):
            total = total * 60 + float(part)
    except ValueError:
        return None
    return int(total)


def _ours(path: Path) -> list[Values]:
    out: list[Values] = []
    for record in iter_records([str(path)]):
        assert isinstance(record, Episode), record
        feed = record.feed
        assert feed is not None
        enclosure = feed.enclosure
        published = None
        if feed.published is not None:
            moment = datetime.strptime(feed.published, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            published = int(moment.timestamp())
        out.append(
            {
                "guid": feed.guid,
                "title": feed.title,
                "link": feed.link,
                "enclosure_url": enclosure.url if enclosure else None,
                "enclosure_length": enclosure.length if enclosure else None,
                "duration": feed.duration,
                "published": published,
            }
        )
    return out


def _podcastparser(path: Path, data: bytes) -> dict[object, Values]:
    try:
        parsed = podcastparser.parse(path.as_uri(), io.BytesIO(data))
    except podcastparser.FeedParseError:
        return {}
    found: dict[object, Values] = {}
    for episode in parsed["episodes"]:
        enclosures: list[dict[str, Any]] = episode["enclosures"]
        first = enclosures[0] if enclosures else None
        values: Values = {
            "guid": _text(episode.get("guid")),
            "title": _text(episode.get("title")),
            "link": _text(episode.get("link")),
            "enclosure_url": first["url"] if first else None,
            "enclosure_length": first["file_size"] if first else None,
            "duration": episode.get("total_time") or None,
            "published": episode.get("published") or None,
        }
        found.setdefault(values["guid"] or values["enclosure_url"], values)
    return found


def _feedparser(data: bytes) -> dict[object, Values]:
    found: dict[object, Values] = {}
    for entry in feedparser.parse(data).entries:
        enclosures = entry.get("enclosures") or []
        first = enclosures[0] if enclosures else None
        length = str(first.get("length") or "").strip() if first else ""
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        values: Values = {
            "guid": _text(entry.get("id")),
            "title": _text(entry.get("title")),
            "link": _text(entry.get("link")),
            "enclosure_url": first.get("href") if first else None,
            "enclosure_length": int(length) if length.isdigit() else None,
            "duration": _seconds(entry.get("itunes_duration")),
            "published": calendar.timegm(parsed) if parsed else None,
        }
        found.setdefault(values["guid"] or values["enclosure_url"], values)
    return found


def compare(
    paths: list[Path],
) -> tuple[list[tuple[str, str, object, object, object]], Counter[str]]:
    """The differences (feed, field, item key, ours, theirs) where both readers agree,
    and how many values were compared, by field."""
    differences: list[tuple[str, str, object, object, object]] = []
    compared: Counter[str] = Counter()
    for path in paths:
        data = path.read_bytes()
        pp = _podcastparser(path, data)
        fp = _feedparser(data)
        for ours in _ours(path):
            key = ours["guid"] or ours["enclosure_url"]
            theirs = pp.get(key), fp.get(key)
            if theirs[0] is None or theirs[1] is None:
                continue  # one of them does not give this item: no agreement to check
            for field in FIELDS:
                one, other = theirs[0][field], theirs[1][field]
                if one is None or one != other:
                    continue
                compared[field] += 1
                if ours[field] != one:
                    differences.append((path.name, field, key, ours[field], one))
    return differences, compared


@needs_corpus
def test_our_items_equal_podcastparsers_and_feedparsers_where_they_agree() -> None:
    paths = sorted(FEEDS.glob("*.xml"))
    assert len(paths) == 18
    differences, compared = compare(paths)
    assert len(differences) == EXPECTED_DIFFERENCES, differences[:20]
    # Not a vacuous agreement: every field was compared on hundreds of items.
    assert min(compared[field] for field in FIELDS) > 700, compared
    assert compared["title"] > 1000


def test_the_public_atom_fixture_agrees_too() -> None:
    # (podcastparser reads no RSS 1.0, and leaves out items without an enclosure.)
    differences, compared = compare([PUBLIC / "podlove-simple-chapters-atom.xml"])
    assert differences == []
    assert compared["guid"] >= 1 and compared["enclosure_url"] >= 1  # the Atom entry
