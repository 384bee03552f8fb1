"""Plain command lines (``validate PATH...``, ``convert [--format F] PATH...``) that the
CLI runs without typer (``cli._direct``): the command gets exactly what typer would give
it, the output and exit code are typer's, and typer and click are not even imported."""

from __future__ import annotations

import functools
import inspect
import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from typing import Any

import pytest
import typer.main

from episodeparse import cli
from tests.conftest import FIXTURES, ROOT

SEED = FIXTURES / "coffee-57.txt"
FEED = FIXTURES / "tiny-feed.xml"

DIRECT = [
    ["validate", str(SEED)],
    ["validate", str(SEED), str(FEED), str(FIXTURES)],
    ["convert", str(SEED)],
    ["convert", "--format", "json", str(SEED)],
    ["convert", "-f", "yaml", str(SEED), str(FEED)],
    ["convert", "--format", "jsonl", str(FIXTURES)],
    ["validate", "no-such-file.txt"],
    ["convert", "--format", "json", "no-such-file.txt"],
    ["validate", "https://example.com/notes.txt"],
    ["convert", ""],
    ["validate", "-"],
    ["convert", "-f", "jsonl", "-", str(SEED)],
]

TO_TYPER = [
    [],
    ["--help"],
    ["--version"],
    ["validate"],
    ["validate", "--", str(SEED)],
    ["validate", "--", "-"],
    ["convert", "-x"],
    ["validate", str(SEED), "--strict"],
    ["validate", "-h"],
    ["validate", "--format", "json", str(SEED)],
    ["convert"],
    ["convert", "--format"],
    ["convert", "-f", "json"],
    ["convert", "--format", "sqlite", str(SEED)],
    ["convert", "--format", "JSON", str(SEED)],
    ["convert", "--format=json", str(SEED)],
    ["convert", str(SEED), "--format", "json"],
    ["convert", "-q", str(SEED)],
    ["rule", "links/http"],
    ["schema"],
    ["Validate", str(SEED)],
]


def _bound(function: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    bound = inspect.signature(function).bind(*args, **kwargs)
    bound.apply_defaults()
    return dict(bound.arguments)


def _as_typer_calls(args: list[str]) -> dict[str, Any]:
    """The arguments typer calls the command of ``args`` with (it is not run)."""
    holder = cli._app_for(args)
    (info,) = holder.registered_commands
    original = info.callback
    assert original is not None
    called: dict[str, Any] = {}

    @functools.wraps(original)
    def spy(*a: Any, **kw: Any) -> None:
        called.update(_bound(original, *a, **kw))

    info.callback = spy
    typer.main.get_command(holder).main(args=args, prog_name="episodeparse", standalone_mode=False)
    return called


@pytest.mark.parametrize("args", DIRECT, ids=" ".join)
def test_a_plain_line_calls_the_command_with_what_typer_gives_it(args: list[str]) -> None:
    direct = cli._direct(args)
    assert isinstance(direct, functools.partial)
    assert direct.func is getattr(cli, args[0])
    assert _bound(direct.func, *direct.args, **direct.keywords) == _as_typer_calls(args)


@pytest.mark.parametrize("args", TO_TYPER, ids=lambda a: " ".join(a) or "(none)")
def test_every_other_line_goes_to_typer(args: list[str]) -> None:
    assert cli._direct(args) is None


def test_shell_completion_goes_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_EPISODEPARSE_COMPLETE", "bash_complete")
    assert cli._direct(["validate", str(SEED)]) is None


def _main(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[object, str, str]:
    """Exit code, stdout and stderr of ``cli.main`` for ``args``."""
    monkeypatch.setattr(sys, "argv", ["episodeparse", *args])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            cli.main()
        except SystemExit as stopped:
            code = stopped.code
    return code or 0, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("args", DIRECT, ids=" ".join)
def test_a_plain_line_prints_what_typer_prints(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    direct = _main(args, monkeypatch)
    monkeypatch.setattr(cli, "_direct", lambda _args: None)
    assert direct == _main(args, monkeypatch)


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import json, sys\n"
        "from episodeparse.launch import main\n"
        f"sys.argv = ['episodeparse', *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return {name.split(".")[0] for name in json.loads(proc.stderr.splitlines()[-1])}


@pytest.mark.parametrize(
    "args", [["validate", str(SEED)], ["convert", "--format", "json", str(SEED)]], ids=" ".join
)
def test_a_plain_line_loads_neither_typer_nor_click(args: list[str]) -> None:
    loaded = _modules_after(args)
    assert "episodeparse" in loaded
    assert not loaded & {"typer", "click", "rich", "shellingham"}


def test_any_other_line_loads_typer() -> None:
    assert "typer" in _modules_after(["validate", "--strict", str(SEED)])


def test_the_app_is_made_once_with_every_command_in_order() -> None:
    app = cli._typer_app()
    assert cli._typer_app() is app is cli.app
    names = [cli._name(info) for info in app.registered_commands]
    assert names == ["convert", "schema", "validate", "rule", "chapters", "summary"]


@pytest.mark.parametrize(
    "args", [["validate", str(SEED)], ["convert", "--format", "json", str(SEED)]], ids=" ".join
)
def test_preload_loads_modules_the_command_loads_anyway(args: list[str]) -> None:
    """``preload`` swallows errors (the command says what failed): a misspelt name would
    load nothing, silently. Every name it loads is one the command loads itself."""
    code = (
        "import json, sys\n"
        "from episodeparse import cli\n"
        "before = set(sys.modules)\n"
        f"cli.preload({args!r})\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    preloaded = set(json.loads(proc.stdout))
    assert set(cli._DIRECT_MODULES[args[0]]) <= preloaded
    assert "typer" not in {name.split(".")[0] for name in preloaded}
    code = (
        "import json, sys, io, contextlib\n"
        "from episodeparse import cli\n"
        f"sys.argv = ['episodeparse', *{args!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        cli.main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "sys.stderr.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert preloaded <= set(json.loads(proc.stderr.splitlines()[-1]))


def test_any_other_line_preloads_the_typer_app() -> None:
    code = (
        "import sys\n"
        "from episodeparse import cli\n"
        "cli.preload(['--help'])\n"
        "print('app' in vars(cli), 'episodeparse.pipeline' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert proc.stdout.split() == ["True", "False"]
