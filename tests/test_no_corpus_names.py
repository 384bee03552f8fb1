"""No rule of the parser names a show or a person of the corpus it was built on.

Rules keyed on one show's sentences score on that show and nowhere else; the parser must
read shows it has never seen. So no full name (two words or more) of a person in a gold
record, and no show name of two words or more from the corpus's SOURCES.tsv, may appear
in the tracked files of ``src/`` (docstring examples use invented names). The standard's
own name, "Podcasting 2.0", is allowed: it is the namespace the feed reader implements.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")

ALLOWED = {"podcasting 2.0"}


def _people() -> set[str]:
    names: set[str] = set()
    for gold in CORPUS.rglob("*.gold.json"):
        for person in json.loads(gold.read_text(encoding="utf-8")).get("people", []):
            names.add(person["name"])
    return names


def _shows() -> set[str]:
    shows: set[str] = set()
    rows = (CORPUS / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        show = row.split("\t")[1]
        # "Chaosradio (Podlove Publisher) - German": the name, without notes about it.
        for part in re.split(r"\s+-\s+|\s*[(|)]\s*", show):
            if part and not part.startswith("whole feed"):
                shows.add(part.strip())
    return shows


def _names() -> list[str]:
    found = {n.casefold() for n in _people() | _shows() if len(n.split()) >= 2}
    return sorted(found - ALLOWED)


def _tracked_sources() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "src"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [ROOT / name for name in listed]


def test_the_lists_are_read() -> None:
    names = _names()
    assert len(names) > 100
    assert "podcasting 2.0" not in names


def test_no_source_file_names_a_corpus_show_or_person() -> None:
    names = _names()
    # One pattern: a name matches as whole words, whatever the blanks between them.
    spelled = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
    pattern = re.compile(rf"(?<!\w)(?:{spelled})(?!\w)", re.IGNORECASE)
    found = []
    for path in _tracked_sources():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        for m in pattern.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            found.append(f"{path.relative_to(ROOT)}:{line}: {m.group(0)!r}")
    assert not found, "\n".join(found)
