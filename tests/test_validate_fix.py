"""``validate --fix``, ``--diff`` and ``--unsafe-fixes``: only what is certain, only the
fixed spans, atomically, once."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from episodeparse.cli import app
from episodeparse.fix import apply, fixed_text, fixes, run_fixes
from episodeparse.inputs import FEED_SUFFIXES, NOTE_SUFFIXES
from tests.conftest import CORPUS, FIXTURES

BROKEN = (
    "Engines // Ada Lovelace // Night Sessions #12\n\n"
    "## Links\n"
    "- [Blocking]((https://example.org/a)\n"
    "- [Site](https://example.org/b\n"
    "- http://reddit.com/r/x and http://torproject.org/ and http://example.org/c\r\n"
    "- https//example.org/d and http:/example.org/e\n"
)
FIXED = (
    "Engines // Ada Lovelace // Night Sessions #12\n\n"
    "## Links\n"
    "- [Blocking](https://example.org/a)\n"
    "- [Site](https://example.org/b)\n"
    "- https://reddit.com/r/x and https://torproject.org/ and http://example.org/c\r\n"
    "- https://example.org/d and http://example.org/e\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["validate", "--quiet", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def outside_spans_unchanged(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with the fixes' short spans replaced and every other
    character as it was, in order."""
    edits = fixes(before)
    if any(e.end - e.start > 8 or len(e.replacement) > 8 for e in edits):
        return False
    at = 0
    pieces: list[str] = []
    for edit in edits:
        pieces.append(before[at : edit.start])
        at = edit.end
    pieces.append(before[at:])
    position = 0
    for piece in pieces:  # each untouched stretch is in ``after``, in order
        found = after.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return after == apply(before, edits)


def test_safe_fixes_repair_only_what_is_certain() -> None:
    assert fixed_text(BROKEN) == FIXED
    assert fixed_text(FIXED) == FIXED
    assert outside_spans_unchanged(BROKEN, FIXED)


def test_fix_rewrites_the_file_and_the_exit_code_is_what_remains(tmp_path: Path) -> None:
    notes = tmp_path / "ep.md"
    notes.write_bytes(BROKEN.encode("utf-8"))
    assert run(str(notes))[0] == 1
    code, out, _ = run("--fix", str(notes))
    assert notes.read_bytes() == FIXED.encode("utf-8")  # CRLF of one line kept
    assert code == 0 and out == ""
    assert [p.name for p in tmp_path.iterdir()] == ["ep.md"]  # no temporary file left
    assert run("--fix", str(notes)) == (0, "", "")
    assert notes.read_bytes() == FIXED.encode("utf-8")


def test_what_cannot_be_fixed_is_still_reported(tmp_path: Path) -> None:
    notes = tmp_path / "ep.txt"
    notes.write_text(BROKEN + "- https://www.insta gram.com/ada\n", encoding="utf-8")
    code, out, _ = run("--fix", str(notes))
    assert code == 1 and out.count("\n") == 1 and "insta gram" in out


def test_diff_previews_and_writes_nothing(tmp_path: Path) -> None:
    notes = tmp_path / "ep.txt"
    notes.write_text(BROKEN, encoding="utf-8")
    notes.write_bytes(BROKEN.encode("utf-8"))
    code, out, _ = run("--diff", str(notes))
    assert code == 0
    assert out.startswith(f"--- a/{notes}\n+++ b/{notes}\n")
    assert "+- [Site](https://example.org/b)\n" in out
    assert notes.read_bytes() == BROKEN.encode("utf-8")


def test_a_feed_or_standard_input_is_only_shown(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Night</title>\n'
        "<item><title>Engines</title><description>See http://twitter.com/ada</description>"
        "</item></channel></rss>\n"
    )
    feed.write_text(data, encoding="utf-8")
    _, _, err = run("--fix", str(feed))
    assert feed.read_text(encoding="utf-8") == data
    assert "only shown (--diff)" in err
    _, out, _ = run("--diff", str(feed))
    assert "+<item><title>Engines</title><description>See https://twitter.com/ada" in out
    shown = io.StringIO()
    failed = run_fixes(
        ["-"],
        write=False,
        unsafe=False,
        profiles=(),
        max_bytes=10_000,
        report=lambda line: None,
        stdin=io.BytesIO(BROKEN.encode("utf-8")),
        out=shown,
    )
    assert not failed and "+- [Site](https://example.org/b)\n" in shown.getvalue()


def test_unsafe_fixes_add_a_zero_chapter_only_when_asked(tmp_path: Path) -> None:
    text = (FIXTURES / "validate" / "youtube-first-at-zero.txt").read_text(encoding="utf-8")
    notes = tmp_path / "ep.txt"
    notes.write_text(text, encoding="utf-8")
    assert run("--profile", "youtube", "--fix", str(notes))[0] == 1
    assert notes.read_text(encoding="utf-8") == text
    _, out, _ = run("--profile", "youtube", "--fix", "--unsafe-fixes", str(notes))
    assert "[00:00] Introduction\n[00:30]" in notes.read_text(encoding="utf-8")
    assert "youtube/first-at-zero" not in out


def test_only_utf8_notes_are_rewritten(tmp_path: Path) -> None:
    notes = tmp_path / "ep.txt"
    notes.write_bytes(BROKEN.encode("utf-16"))
    code, _, err = run("--fix", str(notes))
    assert "only UTF-8" in err and code == 1  # not fixed: its findings stand
    assert notes.read_bytes() == BROKEN.encode("utf-16")


def test_apply_keeps_everything_outside_the_edits() -> None:
    text = "a http://reddit.com b ](https://x.org c"
    edits = fixes(text)
    assert apply(text, edits) == "a https://reddit.com b ](https://x.org) c"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_fix_on_every_corpus_note_is_idempotent_and_changes_only_fixed_spans(
    tmp_path: Path,
) -> None:
    notes = [
        p
        for p in sorted(CORPUS.rglob("*"))
        if p.suffix.lower() in NOTE_SUFFIXES and p.suffix.lower() not in FEED_SUFFIXES
    ]
    assert len(notes) >= 100
    changed = 0
    for index, source in enumerate(notes):
        copy = tmp_path / f"{index}{source.suffix}"
        shutil.copyfile(source, copy)
        before = copy.read_bytes().decode("utf-8")
        run("--fix", str(copy))
        once = copy.read_bytes().decode("utf-8")
        assert outside_spans_unchanged(before, once), source
        run("--fix", str(copy))
        assert copy.read_bytes().decode("utf-8") == once, f"not idempotent: {source}"
        changed += once != before
    assert changed  # the corpus has http:// to https hosts and a doubled "(("
