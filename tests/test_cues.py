"""The cue tables and alternations a run reads and builds are kept for the next run
(``cues``), and what is kept is what the files say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import episodeparse
from episodeparse import cues

SRC = Path(episodeparse.__file__).resolve().parent.parent  # the package under test


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cue folder of one file, its kept tables in ``tmp_path``, nothing read yet."""
    here = tmp_path / "cues"
    here.mkdir()
    (here / "demo.json").write_text('{"en": {"guest": ["guest", "with guest"]}}', "utf-8")
    monkeypatch.setattr(cues, "_HERE", here)
    monkeypatch.setattr(cues, "_cache_path", lambda: tmp_path / "kept.marshal")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    _fresh_run(monkeypatch)
    return here


def _fresh_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cues, "_memo", None)
    monkeypatch.setattr(cues, "_dirty", False)
    monkeypatch.setattr(cues, "_built", set())


def test_a_kept_table_is_used_until_its_file_changes(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = cues.table.__wrapped__  # functools.cache keeps one run's answer
    assert read("demo") == {"en": {"guest": ["guest", "with guest"]}}
    assert cues.alternation_of(("guest", "with guest")) == r"with[ \t]+guest|guest"
    assert cues._save()
    _fresh_run(monkeypatch)
    assert read("demo")["en"]["guest"] == ["guest", "with guest"]
    assert not cues._dirty  # both from the kept file
    assert cues.alternation_of(("guest", "with guest")) == r"with[ \t]+guest|guest"
    assert not cues._dirty
    (folder / "demo.json").write_text('{"en": {"guest": ["guests"]}}', "utf-8")
    _fresh_run(monkeypatch)
    assert read("demo") == {"en": {"guest": ["guests"]}}  # the file, not what was kept


def test_a_damaged_kept_file_is_read_past(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cues._cache_path().write_bytes(b"\x00not marshal")
    assert cues.table.__wrapped__("demo") == {"en": {"guest": ["guest", "with guest"]}}
    assert cues._save()  # and replaced
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _fresh_run(monkeypatch)
    (folder / "demo.json").write_text('{"en": {}}', "utf-8")
    assert cues.table.__wrapped__("demo") == {"en": {}}
    assert not cues._save()  # no bytecode written: no kept file either


_PROBE = """
import sys
from episodeparse import cues
import episodeparse.pipeline, episodeparse.checks
kinds = sorted(p.stem for p in cues._HERE.glob("*.json"))
found = {k: cues.table(k) for k in kinds}
people = cues.alternation("people", "guest_intro")
loaded = "json" in sys.modules
import json
print(json.dumps({"json": loaded, "tables": found, "people": people}))
"""


def test_the_next_run_takes_the_kept_tables_and_no_json(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONPYCACHEPREFIX": str(tmp_path)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    first, second = (
        json.loads(
            subprocess.run(
                [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, env=env
            ).stdout
        )
        for _ in range(2)
    )
    assert first["json"] and not second["json"]
    assert second["people"].count("|") > 3
    assert first["tables"] == second["tables"] and first["people"] == second["people"]
    for kind, table in second["tables"].items():
        assert table == json.loads((cues._HERE / f"{kind}.json").read_text("utf-8"))
    assert second["people"] == cues._alternation_of(cues.words("people", "guest_intro"))
