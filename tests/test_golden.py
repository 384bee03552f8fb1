"""Golden files: ``fixtures/NAME.txt`` (or .md/.html/.xml) and the exact ``convert`` output
``fixtures/NAME.json``. A golden is reviewed by reading it; to regenerate one after a
deliberate change, run from the repository root::

    python -m episodeparse convert fixtures/NAME.txt > fixtures/NAME.json

and read the diff before committing it.
"""

from __future__ import annotations

import json
import re
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


def _words(value: Any) -> set[str]:
    return {w.casefold() for w in _WORD.findall(json.dumps(value, ensure_ascii=False))}


@pytest.mark.parametrize("notes", [p for p in CASES if p.suffix in (".txt", ".md")], ids=str)
def test_nothing_vanishes(notes: Path, in_root: Path) -> None:
    """Every word of the notes is somewhere in the record (fields or leftovers), except
    the words of structural headings ("Abstract", "Timestamps") and of Markdown syntax."""
    text = notes.read_text(encoding="utf-8")
    (record,) = _records(notes)
    have = _words(record.to_dict())
    missing = {
        w
        for w in (m.casefold() for m in _WORD.findall(text))
        if w not in have and w not in HEADING_WORDS
    }
    assert not missing, f"words lost from {notes.name}: {sorted(missing)[:20]}"
