"""Golden files: ``fixtures/NAME.txt`` (or .md/.html/.xml) and the exact ``convert`` output
``fixtures/NAME.json``. A golden is reviewed by reading it; to regenerate one after a
deliberate change, run from the repository root::

    python -m episodeparse convert fixtures/NAME.txt > fixtures/NAME.json

and read the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from episodeparse.cli import app
from episodeparse.emit import to_json, to_yaml
from episodeparse.inputs import iter_records
from episodeparse.model import Episode
from episodeparse.schema import episode_schema
from tests.conftest import fixture_notes
from tests.words import missing_words

CASES = fixture_notes()
IDS = [p.name for p in CASES]


def _convert(path: Path) -> str:
    result = CliRunner().invoke(app, ["convert", f"fixtures/{path.name}"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _records(path: Path) -> list[Episode]:
    records = [r for r in iter_records([f"fixtures/{path.name}"]) if isinstance(r, Episode)]
    assert records
    return records


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("notes", CASES, ids=IDS)
def test_convert_matches_golden(notes: Path, in_root: Path) -> None:
    golden = notes.with_suffix(".json")
    if not golden.exists():
        pytest.fail(
            f"no golden for {notes.name}: run `python -m episodeparse convert "
            f"fixtures/{notes.name} > fixtures/{golden.name}` and read it before committing"
        )
    assert json.loads(_convert(notes)) == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("notes", CASES, ids=IDS)
def test_golden_validates_against_schema(notes: Path) -> None:
    golden = json.loads(notes.with_suffix(".json").read_text(encoding="utf-8"))
    records = golden if isinstance(golden, list) else [golden]
    for record in records:
        jsonschema.validate(record, episode_schema())


@pytest.mark.parametrize("notes", CASES, ids=IDS)
def test_yaml_carries_the_same_data_as_json(notes: Path, in_root: Path) -> None:
    for record in _records(notes):
        assert yaml.safe_load(to_yaml(record)) == json.loads(to_json(record))


@pytest.mark.parametrize("notes", [p for p in CASES if p.suffix != ".xml"], ids=str)
def test_nothing_vanishes(notes: Path, in_root: Path) -> None:
    """Every word of the notes is somewhere in the record (fields or leftovers), except
    the words of structural headings ("Abstract", "Timestamps") and of Markdown syntax;
    for HTML, every word of the text it converts to (see tests/words.py)."""
    text = notes.read_text(encoding="utf-8")
    (record,) = _records(notes)
    missing = missing_words(text, record.to_dict())
    assert not missing, f"words lost from {notes.name}: {sorted(missing)[:20]}"


def test_a_feed_block_validates_and_notes_have_none() -> None:
    """The record's ``feed`` key: null for notes, the SPEC's block for a feed item."""
    from episodeparse.model import Channel, ChaptersUrl, Enclosure, Feed, Transcript

    schema = episode_schema()
    notes = json.loads(_convert(CASES[0]))
    assert list(notes)[:3] == ["schema", "source", "feed"]
    assert notes["feed"] is None
    feed = Feed(
        id="urn:uuid:1",
        guid="urn:uuid:1",
        title="Hello",
        link="https://example.org/1",
        published="2024-05-21T04:00:00Z",
        duration=5400,
        season=2,
        episode=10,
        episode_type="full",
        explicit=False,
        image=None,
        enclosure=Enclosure("https://example.org/1.mp3", "audio/mpeg", 1234),
        chapters_url=ChaptersUrl("https://example.org/1.json", "application/json+chapters"),
        transcripts=(Transcript("https://example.org/1.vtt", "text/vtt", "en", None),),
        channel=Channel("Show", "https://example.org", "en", "Ada Lovelace", None),
    )
    block = feed.to_dict()
    notes["feed"] = block
    jsonschema.validate(notes, schema)
    assert block["enclosure"] == {
        "url": "https://example.org/1.mp3",
        "type": "audio/mpeg",
        "length": 1234,
    }
    block["published"] = "Tue, 21 May 2024 04:00:00 GMT"  # not RFC 3339 UTC
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(notes, schema)
