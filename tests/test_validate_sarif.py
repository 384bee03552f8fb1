"""``validate --format sarif`` against the SARIF 2.1.0 schema (vendored in tests/sarif)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from episodeparse.cli import app
from tests.conftest import CORPUS, FIXTURES

SCHEMA = json.loads(
    (Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def sarif(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["validate", "--quiet", "--format", "sarif", *args])
    assert result.exit_code in (0, 1, 2), result.output
    log: dict[str, Any] = json.loads(result.stdout)
    return log


def test_the_vendored_schema_is_a_draft_4_schema() -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_every_fixture_with_every_check_validates(tmp_path: Path) -> None:
    notes = sorted(str(p) for p in (FIXTURES / "validate").glob("*.txt"))
    log = sarif("--select", "ALL", "--profile", "youtube", "--profile", "spotify", *notes)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert len(log["runs"][0]["results"]) > 40


def test_an_unreadable_input_and_a_feed_validate(tmp_path: Path) -> None:
    log = sarif(str(tmp_path / "missing.txt"), str(FIXTURES / "tiny-feed.xml"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_a_broken_log_is_refused_by_the_schema() -> None:
    log = sarif(str(FIXTURES / "validate" / "links-http.txt"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_the_corpus_validates() -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(sarif("--select", "ALL", str(CORPUS)))
