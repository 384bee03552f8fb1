"""The library as a user imports it: ``import episodeparse`` and nothing else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import episodeparse
from tests.conftest import FIXTURES

FEED = FIXTURES / "tiny-feed.xml"
NOTES = FIXTURES / "coffee-57.txt"


def test_dir_shows_the_public_names_and_dunders_only() -> None:
    shown = dir(episodeparse)
    assert set(episodeparse.__all__) <= set(shown)
    extra = [n for n in shown if n not in episodeparse.__all__]
    assert all(n.startswith("__") and n.endswith("__") for n in extra), extra


@pytest.mark.parametrize("name", episodeparse.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(episodeparse, name) is not None


def test_parse_takes_text_and_bytes_alike() -> None:
    text = NOTES.read_text(encoding="utf-8")
    from_text = episodeparse.parse(text, path="ep.txt")
    from_bytes = episodeparse.parse(NOTES.read_bytes(), path="ep.txt")
    assert from_text == from_bytes
    assert from_text.title == "The Future of ML and Data Platforms"


def test_parse_reads_utf16_bytes_and_refuses_undecodable_ones() -> None:
    record = episodeparse.parse("[00:00] Grüß Gott\n[01:00] Servus".encode("utf-16"))
    assert [c.title for c in record.chapters] == ["Grüß Gott", "Servus"]
    with pytest.raises(episodeparse.InputError, match="invalid UTF-8"):
        episodeparse.parse(b"caf\xe9")
    assert episodeparse.parse(b"caf\xe9", encoding="latin-1").abstract == "café"


@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_feed_given_to_parse_names_parse_feed(as_bytes: bool) -> None:
    data = FEED.read_bytes()
    with pytest.raises(episodeparse.InputError, match=r"parse_feed\(\)"):
        episodeparse.parse(data if as_bytes else data.decode("utf-8"))


def test_parse_file_reads_notes_and_refuses_a_feed() -> None:
    record = episodeparse.parse_file(NOTES)
    assert record.source.path == str(NOTES)
    assert record == episodeparse.parse(NOTES.read_bytes(), path=str(NOTES))
    with pytest.raises(episodeparse.InputError, match="parse_feed"):
        episodeparse.parse_file(FEED)
    with pytest.raises(episodeparse.InputError, match=r"(?i)no such file"):
        episodeparse.parse_file(FIXTURES / "missing.txt")


def test_parse_feed_from_a_path_bytes_and_a_stream_gives_the_same_records() -> None:
    from_path = list(episodeparse.parse_feed(FEED))
    assert [r.source.item for r in from_path] == [0, 1, 2]
    assert {r.source.path for r in from_path} == {str(FEED)}
    named = str(FEED)
    assert list(episodeparse.parse_feed(FEED.read_bytes(), path=named)) == from_path
    assert list(episodeparse.parse_feed(io.BytesIO(FEED.read_bytes()), path=named)) == from_path


def test_parse_feed_refuses_notes_and_broken_feeds(tmp_path: Path) -> None:
    with pytest.raises(episodeparse.InputError, match="not a feed"):
        list(episodeparse.parse_feed(NOTES))
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b'<rss version="2.0"><channel><item><title>a</item></channel></rss>')
    with pytest.raises(episodeparse.FeedError):
        list(episodeparse.parse_feed(broken))
    assert issubclass(episodeparse.FeedError, ValueError)
    assert issubclass(episodeparse.InputError, ValueError)


def test_validate_finds_what_the_command_finds() -> None:
    found = episodeparse.validate(b"[00:00] Intro\n[00:00] Again\n", path="ep.txt")
    assert all(isinstance(d, episodeparse.Diagnostic) for d in found)
    assert any(d.line == 2 and d.severity == "error" for d in found)
    with pytest.raises(episodeparse.InputError, match="parse_feed"):
        episodeparse.validate(FEED.read_bytes())
