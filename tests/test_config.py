"""Which files ``validate`` reads its settings from, and that the TOML parser is loaded
only for a file that may hold them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import episodeparse
from episodeparse.config import ConfigError, find_config

SRC = Path(episodeparse.__file__).resolve().parent.parent  # the package under test

SPELLINGS = [
    '[tool.episodeparse]\nignore = ["links/http"]\n',
    '[tool."episodeparse"]\nignore = ["links/http"]\n',
    "[ 'tool' . episodeparse ]\nignore = ['links/http']\n",
    '\t[tool.episodeparse]  # ours\r\nignore = ["links/http"]\r\n',
    '[tool]\nepisodeparse.ignore = ["links/http"]\n',
    '[tool]\nepisodeparse = { ignore = ["links/http"] }\n',
    'tool.episodeparse.ignore = ["links/http"]\n',
    'tool = { episodeparse = { ignore = ["links/http"] } }\n',
    '"tool" . "episodeparse" . ignore = ["links/http"]\n',
    '[tool.episodeparse.per-file-ignores]\n"*.txt" = ["links/http"]\n',
]


def _project(tmp_path: Path, text: str) -> str:
    (tmp_path / "pyproject.toml").write_text(
        text + '\n[project]\nname = "show"\ndependencies = ["episodeparse>=0.1"]\n',
        encoding="utf-8",
        newline="",
    )
    return str(tmp_path / "ep.txt")


@pytest.mark.parametrize("text", SPELLINGS)
def test_every_spelling_of_the_table_is_read(tmp_path: Path, text: str) -> None:
    config = find_config(_project(tmp_path, text))
    assert config.path == tmp_path / "pyproject.toml"
    assert "links/http" in (*config.ignore, *config.ignored_for(str(tmp_path / "ep.txt")))


def test_a_table_that_is_not_one_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="must be a table"):
        find_config(_project(tmp_path, '[[tool.episodeparse]]\nignore = ["links/http"]\n'))
    with pytest.raises(ConfigError, match="cannot be read as TOML"):
        find_config(_project(tmp_path, '[tool.episodeparse]\nignore = ["links/http"\n'))


_PROBE = """
import sys
from episodeparse.config import find_config
config = find_config(sys.argv[1])
print(config.path, "tomllib" in sys.modules)
"""


def test_a_project_that_only_depends_on_episodeparse_is_passed_over_unparsed(
    tmp_path: Path,
) -> None:
    notes = _project(
        tmp_path,
        '[tool.ruff]\nsrc = ["episodeparse"]\n# [tool.episodeparse] one day\n'
        '[project.scripts]\nepisodeparse = "episodeparse.launch:main"\n',
    )
    found = subprocess.run(
        [sys.executable, "-c", _PROBE, notes],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(SRC), "PYTHONDONTWRITEBYTECODE": "1"},
    ).stdout.split()
    assert found == ["None", "False"]
