"""Shared test helpers: where the repository, fixtures and the shared corpus are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# shared/ stands beside the repository, locally and in CI; a clone made elsewhere (a
# temporary directory) falls back to the workplace's copy.
CORPUS = next(
    (p for p in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()),
    ROOT.parent / "shared" / "corpus",
)
NOTE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xml")


def fixture_notes() -> list[Path]:
    """Every fixture input: a notes file or feed with a golden ``.json`` beside it, or not."""
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in NOTE_SUFFIXES)


@pytest.fixture()
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the repository root, as the README's commands are."""
    monkeypatch.chdir(ROOT)
    return ROOT
