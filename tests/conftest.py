"""Shared test helpers: where the repository, fixtures and the shared corpus are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
# The team's shared folder (the hand-checked corpus and its feeds) stands beside the
# repository, locally and in CI; EPISODEPARSE_SHARED names it when it is elsewhere. Without
# it the tests that need it skip, except in CI (CI set), where a missing corpus is an error.
SHARED = Path(os.environ.get("EPISODEPARSE_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
NOTE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".xml")

# Hypothesis profiles. "ci", the default: the same examples on every run (derandomized, no
# example database), no deadline on a shared machine. "long": twenty times the examples,
# random ones, for a hunt by hand: `pytest --hypothesis-profile=long tests/test_hostile_parse.py`.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", settings.get_profile("ci"), derandomize=False, max_examples=20 * 100
)
if settings.get_current_profile_name() == "default":  # --hypothesis-profile not given
    settings.load_profile("ci")
_SCALE = {"long": 20}


def examples(count: int) -> int:
    """``count`` examples in the ci profile, twenty times as many in the long one."""
    return count * _SCALE.get(settings.get_current_profile_name(), 1)


def fixture_notes() -> list[Path]:
    """Every fixture input: a notes file or feed with a golden ``.json`` beside it, or not."""
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in NOTE_SUFFIXES)


@pytest.fixture()
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the repository root, as the README's commands are."""
    monkeypatch.chdir(ROOT)
    return ROOT


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("CI") and not CORPUS.is_dir():
        raise pytest.UsageError(
            f"the shared corpus is missing ({CORPUS}): in CI the tests that need it must run; "
            "put shared/ beside the repository or set EPISODEPARSE_SHARED"
        )
