"""The README's validate section and the pre-commit hook stay true to the code."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml
from typer.testing import CliRunner

from episodeparse.checks import CHECKS
from episodeparse.cli import app
from tests.conftest import ROOT


def validate_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### `episodeparse validate")
    end = readme.find("\n## ", start)
    return readme[start:end]


def readme_codes() -> dict[str, str]:
    """The code table: code -> severity."""
    rows = re.findall(
        r"^\| `([a-z0-9]+/[a-z0-9-]+)` \| (error|warning|info) \| \S", validate_section(), re.M
    )
    return dict(rows)


def test_readme_code_table_is_the_registry() -> None:
    table = readme_codes()
    registry = {c.code: c.severity for c in CHECKS}
    assert sorted(set(registry) - set(table)) == [], "codes missing from the README table"
    assert sorted(set(table) - set(registry)) == [], "the README lists codes that do not exist"
    assert table == registry, "a severity differs between the README and the code"


def test_readme_example_is_what_the_command_prints(in_root: Path) -> None:
    m = re.search(r"```text\n\$ episodeparse (validate [^\n]+)\n(.*?)```", validate_section(), re.S)
    assert m is not None
    result = CliRunner().invoke(app, shlex.split(m.group(1)))
    assert result.stdout == m.group(2)


def test_exit_code_table_has_validate_findings() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^\| 1 \| `validate` found an error", readme, re.M)


def test_pre_commit_hook_runs_validate_on_notes() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "episodeparse-validate"
    assert hook["entry"] == "episodeparse validate"
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    for name in ("notes/ep-1.txt", "ep.md", "show/ep.html", "ep.htm"):
        assert files.search(name), name
    for name in ("ep.json", "feed.xml", "notes.txt.bak"):
        assert not files.search(name), name
    assert "id: episodeparse-validate" in validate_section()
