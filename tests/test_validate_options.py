"""``validate`` as ruff is used: selection, configuration files, profiles, the rule
command, baselines, the closing line, and every output format for an unreadable input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from episodeparse.checks import CHECKS, DEFAULT_CHECKS, PARSER_GROUP, UnknownSelector, resolve
from episodeparse.cli import app
from episodeparse.config import ConfigError, find_config
from episodeparse.inputs import _NOT_NOTES
from episodeparse.validation import validate_text
from tests.conftest import FIXTURES, ROOT

VALIDATE = FIXTURES / "validate"
NOTE = (VALIDATE / "links-http.txt").read_text(encoding="utf-8")  # two links/http warnings


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def codes(stdout: str) -> list[str]:
    return re.findall(r"\[([a-z0-9]+/[a-z0-9-]+)\]$", stdout, re.M)


# Selection ---------------------------------------------------------------------------


def test_parser_findings_are_opt_in() -> None:
    defaults = {c.code for c in DEFAULT_CHECKS}
    assert "leftovers/unrecognized" not in defaults and "people/no-guest" not in defaults
    assert {c.code for c in resolve((PARSER_GROUP,))} == {
        c.code for c in CHECKS if c.group == PARSER_GROUP
    }
    assert len(resolve(("ALL",))) == len(CHECKS)
    with pytest.raises(UnknownSelector):
        resolve(("links/nope",))


def test_select_ignore_and_prefixes_on_the_command_line(tmp_path: Path) -> None:
    notes = str(VALIDATE / "leftovers-unrecognized.txt")
    assert "leftovers/unrecognized" not in codes(run(notes)[1])
    assert "leftovers/unrecognized" in codes(run("--select", "ALL", notes)[1])
    assert "leftovers/unrecognized" in codes(run("--extend-select", "parser", notes)[1])
    found = codes(run("--select", "ALL", "--ignore", "leftovers,people", notes)[1])
    assert not [c for c in found if c.startswith(("leftovers/", "people/"))]


def test_advice_of_no_guest_never_asks_for_what_is_written() -> None:
    text = "Engines of Thought\n\nAn afternoon with Ada Lovelace and her engines.\n"
    # the parser does not read "with Ada Lovelace" as a guest here (an afternoon is no cue)
    (finding,) = validate_text(text, checks=resolve(("people/no-guest",)))
    assert '"with Ada Lovelace"' in finding.message
    assert "with NAME" not in finding.message and 'with "with"' not in finding.message


def test_several_profiles_in_one_run() -> None:
    notes = str(VALIDATE / "youtube-first-at-zero.txt")
    found = codes(run("--profile", "youtube", "--profile", "apple", notes)[1])
    assert "youtube/first-at-zero" in found and "apple/first-at-zero" in found
    assert "spotify/first-at-zero" not in found


def test_configuration_is_found_as_ruff_finds_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.episodeparse]\nignore = ["links/http"]\nprofiles = ["youtube"]\n'
        '[tool.episodeparse.per-file-ignores]\n"**/old/*.txt" = ["youtube"]\n',
        encoding="utf-8",
    )
    show = tmp_path / "show"
    (show / "old").mkdir(parents=True)
    (show / "pyproject.toml").write_text("[tool.black]\nline-length = 99\n", encoding="utf-8")
    late = NOTE.replace("[00:00] Introduction", "[00:30] Introduction")
    (show / "ep.txt").write_text(late, encoding="utf-8")
    (show / "old" / "ep.txt").write_text(late, encoding="utf-8")
    # a pyproject.toml without the table does not stop the search
    assert find_config(str(show / "ep.txt")).path == tmp_path / "pyproject.toml"
    code, out, _ = run("--quiet", str(show))
    lines = out.splitlines()
    assert any("show/ep.txt" in line and "[youtube/first-at-zero]" in line for line in lines)
    assert not any("old/ep.txt" in line and "youtube/" in line for line in lines), out
    assert "links/http" not in out
    assert code == 1
    # the command line wins over the file
    assert "links/http" in codes(run("--quiet", "--select", "links", str(show / "ep.txt"))[1])
    # the nearest .episodeparse.toml wins over a pyproject.toml further up
    (show / ".episodeparse.toml").write_text('select = ["links"]\n', encoding="utf-8")
    found = codes(run("--quiet", str(show / "ep.txt"))[1])
    assert found and all(c.startswith("links/") for c in found)


def test_a_broken_configuration_is_one_line_naming_it(tmp_path: Path) -> None:
    (tmp_path / ".episodeparse.toml").write_text('selct = ["links"]\n', encoding="utf-8")
    notes = tmp_path / "ep.txt"
    notes.write_text(NOTE, encoding="utf-8")
    code, out, err = run(str(notes))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and ".episodeparse.toml" in err and "selct" in err
    with pytest.raises(ConfigError):
        find_config(str(notes))


def test_min_chapter_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / ".episodeparse.toml").write_text("min-chapter = 600\n", encoding="utf-8")
    notes = tmp_path / "ep.txt"
    notes.write_text(NOTE, encoding="utf-8")
    assert "chapters/too-short" in codes(run("--quiet", str(notes))[1])
    assert "chapters/too-short" not in codes(run("--min-chapter", "5", str(notes))[1])


# The rule command ----------------------------------------------------------------------


def test_rule_explains_each_check_and_lists_them() -> None:
    listed = CliRunner().invoke(app, ["rule", "--list"])
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [c.code for c in CHECKS]
    for item in CHECKS:
        shown = CliRunner().invoke(app, ["rule", item.code]).stdout
        assert shown.startswith(item.code) and "Example::" in shown and "Fix::" in shown
        if item.profile:
            assert "Rule:" in shown  # the platform's published rule it cites
    missing = CliRunner().invoke(app, ["rule", "links/nope"])
    assert missing.exit_code == 2 and "no such check" in missing.stderr


# Baselines, the closing line -----------------------------------------------------------


def test_a_baseline_hides_old_findings_and_shows_new_ones(tmp_path: Path) -> None:
    notes = tmp_path / "ep.txt"
    notes.write_text(NOTE, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("--baseline", str(baseline), str(notes))[0] == 2  # not written yet
    code, out, _ = run("--baseline", str(baseline), "--update-baseline", str(notes))
    assert code == 0 and out == ""
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    code, out, err = run("--strict", "--baseline", str(baseline), str(notes))
    assert (code, out) == (0, "")
    assert err == ""  # nothing found: no closing line
    # lines added above the old findings do not make them new; a new fault is shown
    notes.write_text("Draft.\n\n" + NOTE + "More: https//example.org/x\n", encoding="utf-8")
    code, out, _ = run("--baseline", str(baseline), str(notes))
    assert code == 1 and codes(out) == ["links/malformed"]


def test_closing_line_counts_and_quiet_drops_it(tmp_path: Path) -> None:
    notes = str(VALIDATE / "chapters-out-of-order.txt")
    _, _, err = run(notes, str(VALIDATE / "links-http.txt"))
    assert err == "1 error, 2 warnings in 2 files\n"
    assert run("--quiet", notes)[2] == ""


# Formats --------------------------------------------------------------------------------


def test_an_unreadable_input_appears_in_json_github_and_sarif(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    good = str(VALIDATE / "links-http.txt")
    code, out, _ = run("--format", "json", "--quiet", missing, good)
    rows = json.loads(out)
    assert code == 2
    assert {"path": missing, "code": "input/unreadable", "severity": "error"}.items() <= rows[
        -1
    ].items()
    assert any(r["code"] == "links/http" for r in rows)
    _, out, _ = run("--format", "github", "--quiet", missing)
    assert out.startswith("::error file=") and "input/unreadable" in out
    _, out, _ = run("--format", "sarif", "--quiet", missing, good)
    log = json.loads(out)
    (notification,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"] == "no such file"


def test_sarif_has_a_result_per_finding_with_its_rule(tmp_path: Path) -> None:
    good = str(VALIDATE / "links-http.txt")
    _, out, _ = run("--format", "sarif", "--quiet", good)
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["links/http", "links/http"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        line = Path(good).read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 :].startswith("http://")


def test_a_feed_items_finding_points_into_the_feed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Night Sessions</title>\n'
        "<item><title>Engines</title><guid>n-1</guid>\n<description>Fine notes.</description>"
        "</item>\n<item><title>Poems</title><guid>n-2</guid>\n<description>&lt;p&gt;Intro"
        "&lt;/p&gt;\n&lt;p&gt;See http://twitter.com/ada today&lt;/p&gt;</description>"
        "</item>\n</channel></rss>\n",
        encoding="utf-8",
    )
    _, out, _ = run("--quiet", "--format", "github", str(feed))
    (line,) = out.splitlines()
    assert f"file={feed}," in line.replace("%3A", ":").replace("%2C", ",")
    assert ",line=7,col=14," in line and '(item 1 "Poems")' in line


def test_pre_commit_hook_skips_what_the_directory_walk_skips() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for name in sorted(_NOT_NOTES):
        for path in (f"{name}.md", f"notes/{name}.txt"):
            assert files.search(path) and exclude.search(path), path
    assert not exclude.search("notes/readme-the-episode.md")
    assert not exclude.search("notes/ep-README.txt")
