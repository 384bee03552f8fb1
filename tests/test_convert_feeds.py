"""Whole real feeds through ``convert``: one record per item, fields from the XML."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from episodeparse.cli import app
from tests.conftest import CORPUS

FEEDS = CORPUS / "feeds"
pytestmark = pytest.mark.skipif(not FEEDS.is_dir(), reason="../shared/corpus/feeds is absent")


def convert_jsonl(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["convert", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "feed", sorted(FEEDS.glob("*.xml")) if FEEDS.is_dir() else [], ids=lambda p: p.name
)
def test_every_item_gives_one_record(feed: Path) -> None:
    # Counted in the bytes (one feed is ISO-8859-1), independently of the parser.
    items = len(re.findall(rb"<item[\s>]", feed.read_bytes()))
    records = convert_jsonl(feed)
    assert len(records) == items > 0
    assert [r["source"]["item"] for r in records] == list(range(items))
    assert {r["source"]["format"] for r in records} == {"rss"}
    assert len({r["source"]["sha256"] for r in records}) == items


@pytest.mark.parametrize(
    "feed", sorted(FEEDS.glob("*.xml")) if FEEDS.is_dir() else [], ids=lambda p: p.name
)
def test_each_sha256_is_of_the_item_bytes_as_written(feed: Path) -> None:
    # SPEC: "sha256 (of the raw input bytes of this episode)": anyone can check it with the
    # feed and a hash tool, whatever the parser makes of the XML.
    spans = re.findall(rb"<item[\s>].*?</item>", feed.read_bytes(), re.DOTALL)
    expected = [hashlib.sha256(span).hexdigest() for span in spans]
    assert [r["source"]["sha256"] for r in convert_jsonl(feed)] == expected


def test_podcasting_2_0_item_fields_match_the_xml() -> None:
    # <title>Episode 57: Rebel Rubes</title>, <pubDate>Fri, 08 Oct 2021 18:55:32 +0000,
    # <podcast:person> Adam Curry (host), Dave Jones (host), Brian of London (guest).
    first = convert_jsonl(FEEDS / "pc20rss.xml")[0]
    assert (first["title"], first["episode"], first["date"]) == ("Rebel Rubes", 57, "2021-10-08")
    assert first["podcast"] == "Podcasting 2.0"
    assert [(p["name"], p["role"]) for p in first["people"]] == [
        ("Adam Curry", "host"),
        ("Dave Jones", "host"),
        ("Sir Brian of London", "guest"),
    ]


def test_no_agenda_title_number_and_feed_hosts() -> None:
    # <title>1393: &quot;Space Wake&quot;</title>; channel hosts Adam Curry, John C Dvorak.
    first = convert_jsonl(FEEDS / "no-agenda.xml")[0]
    assert (first["title"], first["episode"], first["date"]) == ("Space Wake", 1393, "2021-10-24")
    assert [(p["name"], p["role"]) for p in first["people"]] == [
        ("Adam Curry", "host"),
        ("John C Dvorak", "host"),
    ]


def test_channel_hosts_join_an_item_that_names_only_its_guest() -> None:
    # themnshow: the item names "Dr. Timothy M. Jurgensen" (guest), the channel Mike Neumann.
    first = convert_jsonl(FEEDS / "themnshow.xml")[0]
    assert first["podcast"] == "The Mike Neumann Show"
    people = {p["name"]: p for p in first["people"]}
    assert people["Mike Neumann"]["role"] == "host"
    assert people["Timothy M. Jurgensen"]["role"] == "guest"
    assert "Tim Jurgensen" in people["Timothy M. Jurgensen"]["aliases"]


def test_html_notes_in_a_feed_are_read_as_html() -> None:
    for record in convert_jsonl(FEEDS / "sentimental-garbage.xml")[:5]:
        text = json.dumps(record)
        assert "<p>" not in text and "<br" not in text


def test_a_feed_title_ending_with_a_guest_names_the_guest(tmp_path: Path) -> None:
    feed = tmp_path / "show.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Book Club Radio</title>'
        "<item><title>Eat, Pray, Love with Ayisha Malik</title>"
        "<description>Ayisha Malik is the host of Another Show. We read a memoir.</description>"
        "</item><item><title>Dinner with friends</title><description>Food.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    first, second = convert_jsonl(feed)
    assert [(p["name"], p["role"]) for p in first["people"]] == [("Ayisha Malik", "guest")]
    assert first["title"] == "Eat, Pray, Love with Ayisha Malik"
    assert second["people"] == []


def test_a_shift_jis_feed_converts_and_a_broken_one_fails_in_one_line(tmp_path: Path) -> None:
    # This crashed with a traceback: pyexpat reads no multi-byte encoding but UTF-8/UTF-16.
    head = '<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><title>\u756a\u7d44</title>'
    item = (
        "<item><title>\u7b2c\u4e00\u56de</title>"
        "<description>\u3053\u3093\u306b\u3061\u306f</description></item>"
    )
    good = tmp_path / "sjis.xml"
    good.write_bytes((head + item + "</channel></rss>").encode("shift_jis"))
    (record,) = convert_jsonl(good)
    assert (record["podcast"], record["title"]) == ("\u756a\u7d44", "\u7b2c\u4e00\u56de")
    assert record["source"]["sha256"] == hashlib.sha256(item.encode("shift_jis")).hexdigest()
    bad = tmp_path / "bad.xml"
    bad.write_bytes(head.encode("shift_jis") + b"<item><title>\x82</title></item></channel></rss>")
    result = CliRunner().invoke(app, ["convert", str(bad)])
    assert result.exit_code == 2
    at = len(head.encode("shift_jis")) + len("<item><title>")
    assert result.stderr.splitlines() == [
        f"episodeparse: {bad}: feed is not valid Shift_JIS at byte {at}"
    ]
