"""The command's entry point: the CLI loads with the garbage collector off, what it
loaded is frozen, and the collector is on again for the run; the library is untouched."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

from episodeparse import __version__
from tests.conftest import FIXTURES, ROOT

REPORT_AT_EXIT = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: sys.stderr.write("
    "f'\\n{gc.isenabled()} {gc.get_freeze_count()}\\n'))\n"
)


def _gc_state_after(code: str) -> tuple[bool, int]:
    proc = subprocess.run(
        [sys.executable, "-c", REPORT_AT_EXIT + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    enabled, frozen = proc.stderr.splitlines()[-1].split()
    return enabled == "True", int(frozen)


def test_the_command_runs_with_the_collector_on_and_start_up_frozen() -> None:
    note = FIXTURES / "coffee-57.txt"
    enabled, frozen = _gc_state_after(
        "from episodeparse.launch import main\n"
        f"sys.argv = ['episodeparse', 'convert', '--format', 'json', {str(note)!r}]\n"
        "main()\n"
    )
    assert enabled
    assert frozen > 10_000  # the CLI's modules, typer and click: not a handful


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    enabled, _ = _gc_state_after(
        "gc.disable()\n"
        "from episodeparse.launch import main\n"
        "sys.argv = ['episodeparse', '--version']\n"
        "main()\n"
    )
    assert not enabled


def test_the_library_leaves_the_collector_alone() -> None:
    enabled, frozen = _gc_state_after(
        "import episodeparse, episodeparse.cli\n"
        "episodeparse.parse('Hello // Ada Lovelace // Coffee Sessions #1')\n"
    )
    assert enabled
    assert frozen == 0


def test_the_episodeparse_command_starts_at_the_launcher() -> None:
    (script,) = entry_points(group="console_scripts", name="episodeparse")
    assert script.value == "episodeparse.launch:main"


def test_python_dash_m_runs_the_same_command() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "episodeparse", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert proc.stdout.split() == ["episodeparse", __version__]
