"""A URL where a path belongs: nothing is fetched, and one line says how to pipe it in."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from episodeparse.cli import app
from tests.conftest import FIXTURES

URL = "https://podcasts.example.org/night-sessions/feed.xml?format=rss&page=2"

COMMANDS = [
    (["convert"], "convert -"),
    (["convert", "--format", "sqlite", "--output", "catalogue.db"], "convert -"),
    (["validate", "--format", "json"], "validate -"),
    (["summary"], "summary -"),
    (["chapters", "--to", "psc"], "chapters - --to psc"),
]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize(("args", "suggested"), COMMANDS, ids=lambda a: " ".join(a))
def test_a_url_is_one_line_saying_how_to_pipe_it_in(
    args: list[str], suggested: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*args, URL])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"episodeparse: {URL}: a URL: episodeparse reads files and fetches nothing; pipe a "
        f"download in: curl -sL '{URL}' | episodeparse {suggested}\n"
    )
    assert list(tmp_path.iterdir()) == []  # no catalogue, nothing written


@pytest.mark.parametrize(
    "url", ["http://example.org/feed.rss", "HTTPS://EXAMPLE.ORG/", "ftp://x/y"]
)
def test_every_scheme_is_refused_before_any_input_is_read(url: str) -> None:
    notes = str(FIXTURES / "coffee-57.txt")
    result = CliRunner().invoke(app, ["convert", notes, url])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1
    assert f"curl -sL {url} | episodeparse convert -" in result.stderr


def test_a_file_whose_name_looks_like_a_url_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "https:"
    folder.mkdir()
    (folder / "notes.txt").write_text("Engines // Ada Lovelace // Night Sessions #1\n")
    result = CliRunner().invoke(app, ["convert", "https://notes.txt"])
    assert result.exit_code == 0, result.stderr
    assert '"title": "Engines"' in result.stdout
