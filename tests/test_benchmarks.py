"""The benchmark's header tells whether the machine was busy before the run."""

from __future__ import annotations

from benchmarks.run import load_note


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
