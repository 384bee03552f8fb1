"""Golden files: ``fixtures/NAME.txt`` (or .md/.html/.xml) and the exact ``convert`` output
``fixtures/NAME.json``. A golden is reviewed by reading it; to regenerate one after a
deliberate change, run from the repository root::

    python -m episodeparse convert fixtures/NAME.txt > fixtures/NAME.json

and read the diff before committing it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from episodeparse.cli import app
from episodeparse.document import HEADING_WORDS
from episodeparse.emit import to_json, to_yaml
from episodeparse.inputs import iter_records
from episodeparse.model import Episode
from episodeparse.schema import episode_schema
from tests.conftest import fixture_notes

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


_WORD = re.compile(r"[^\W_]{2,}")
# Words a field normalises rather than keeps: numbers (times, episode numbers, dates), the
# decorations of a title line ("Ep. 12", "S2E10") and the words of a date ("Published:
# March 3, 2022" is "2022-03-03").
_NORMALISED = frozenset(
    (
        "ep",
        "episode",
        "season",
        "part",
        "series",
        "published",
        "recorded",
        "air",
        "aired",
        "released",
        "date",
        "on",
        "st",
        "nd",
        "rd",
        "th",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    )
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _words(value: Any) -> set[str]:
    return {w.casefold() for text in _strings(value) for w in _WORD.findall(text)}


def _exempt(word: str) -> bool:
    return (
        word in HEADING_WORDS
        or word in _NORMALISED
        or word.isdigit()
        or bool(re.fullmatch(r"s\d+e\d+", word))
    )


@pytest.mark.parametrize("notes", [p for p in CASES if p.suffix in (".txt", ".md")], ids=str)
def test_nothing_vanishes(notes: Path, in_root: Path) -> None:
    """Every word of the notes is somewhere in the record (fields or leftovers), except
    the words of structural headings ("Abstract", "Timestamps") and of Markdown syntax."""
    text = notes.read_text(encoding="utf-8")
    (record,) = _records(notes)
    have = _words(record.to_dict())
    missing = {
        w for w in (m.casefold() for m in _WORD.findall(text)) if w not in have and not _exempt(w)
    }
    assert not missing, f"words lost from {notes.name}: {sorted(missing)[:20]}"
