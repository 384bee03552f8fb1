"""The benchmark's header tells whether the machine was busy before the run; the
differential check finds a change to any record."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from benchmarks import differential
from benchmarks.run import load_note

from tests.conftest import ROOT


def test_an_idle_machine_is_called_idle() -> None:
    note = load_note(0.1, cores=2)
    assert "idle" in note
    assert "understated" not in note


def test_a_busy_machine_warns_that_jobs_figures_are_understated() -> None:
    assert "part of the cores" in load_note(0.9, cores=2)
    assert "all the cores" in load_note(2.4, cores=2)
    assert "understated" in load_note(2.4, cores=2)


def test_an_unknown_load_is_said_to_be_unknown() -> None:
    assert load_note(None, cores=2) == "load average unknown"


def test_the_same_seed_gives_the_same_cases() -> None:
    assert differential.cases(20, 5, []) == differential.cases(20, 5, [])
    assert differential.cases(20, 5, []) != differential.cases(20, 6, [])


def test_a_mutation_changes_a_note_and_keeps_its_words_mostly() -> None:
    text = "Title // Guest // Show #1\n\nA teaser.\n\n[00:00] Intro\n[01:00] Next\n"
    rng = random.Random(1)
    mutated = [differential.mutate(text, rng) for _ in range(50)]
    assert len(set(mutated)) > 10
    assert sum("Intro" in m for m in mutated) > 25


def test_a_tree_compared_with_itself_differs_nowhere(capsys: pytest.CaptureFixture[str]) -> None:
    src = ROOT / "src"
    assert differential.main([str(src), str(src), "--cases", "40"]) == 0
    assert capsys.readouterr().out.startswith("0 of 40 records differ")


def test_a_changed_parser_is_caught(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changed = tmp_path / "src"
    shutil.copytree(ROOT / "src", changed, ignore=shutil.ignore_patterns("__pycache__"))
    chapters = changed / "episodeparse" / "extractors" / "chapters.py"
    code = chapters.read_text(encoding="utf-8")
    chapters.write_text(
        code.replace(
            "def _clean(title: str) -> str:\n",
            "def _clean(title: str) -> str:\n    title = title.upper()\n",
            1,
        ),
        encoding="utf-8",
    )
    assert differential.main([str(ROOT / "src"), str(changed), "--cases", "60"]) == 1
    out = capsys.readouterr().out
    assert not out.startswith("0 of") and "--- case" in out
