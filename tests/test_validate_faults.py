"""A fault suite for ``validate``: faults put into a clean note, in text, HTML and feed-item
form where the code applies, each checked with ``--select ALL``. A fault is found when its
code is reported on the line of the file (as written) that holds it; 95% must be found,
and every fault that ``--fix`` can repair is gone after it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from episodeparse.checks import CHECKS
from episodeparse.cli import app
from tests.conftest import FIXTURES

BASE = (
    (FIXTURES / "validate" / "people-no-bio.txt")
    .read_text(encoding="utf-8")
    .replace(
        "// Timestamps",
        "// Bio\nAda Lovelace is a mathematician and writer who published the first algorithm "
        "meant for a machine.\n\n// Timestamps",
    )
)
CHAPTERS = (
    "[00:00] Introduction\n[02:30] The analytical engine\n"
    "[10:15] Notes on the first program\n[21:40] Poetical science\n"
)
ABSTRACT = (
    "Ada Lovelace joins us to talk about analytical engines, the first programs, and why "
    "poetry and mathematics belong together."
)
LINKS = "Ada's notes: https://example.org/notes\n"


@dataclass(frozen=True)
class Fault:
    code: str
    edits: tuple[tuple[str, str], ...]  # (old, new) replacements of the clean note
    marker: str | None  # text on the line the finding must point at (None: any line)
    args: tuple[str, ...] = ()
    forms: str = "thf"  # t: text notes, h: HTML notes, f: a feed item
    fixable: bool = False

    def text(self) -> str:
        text = BASE
        for old, new in self.edits:
            assert old in text, (self.code, old)
            text = text.replace(old, new, 1)
        return text


def ch(old: str, new: str) -> tuple[str, str]:
    return (old, new)


P = {"youtube": ("--profile", "youtube"), "spotify": ("--profile", "spotify")}
P |= {"apple": ("--profile", "apple"), "podcasting2": ("--profile", "podcasting2")}
TWO_CHAPTERS = ch(CHAPTERS, "[00:00] Introduction\n[02:30] The analytical engine\n")
LATE_START = ch("[00:00] Introduction", "[00:30] Introduction")
BACKWARDS = ch("[10:15] Notes", "[01:15] Notes")
SHORT = ch("[10:15] Notes", "[02:35] Notes")

HEAD = (
    "Engines of Thought // Ada Lovelace // Night Sessions #12\n\n"
    "Night Sessions #12 with Ada Lovelace, Engines of Thought.\n"
)
BIO = (
    "Ada Lovelace is a mathematician and writer who published the first algorithm meant "
    "for a machine."
)
NO_GUEST = (
    ch("Engines of Thought // Ada Lovelace //", "Engines of Thought //"),
    ch(
        "Night Sessions #12 with Ada Lovelace, Engines of Thought.",
        "Night Sessions - A podcast by Grace Hopper",
    ),
    ch("Ada Lovelace joins us to talk", "Grace Hopper talks"),
    ch("Ada's notes:", "The notes:"),
    ch("// Bio\n" + BIO + "\n\n", ""),
)
TWO_GUESTS = ch("// Ada Lovelace //", "// Ada Lovelace - Mary Somerville //")

FAULTS: list[Fault] = [
    Fault(
        "header/no-title", (ch(HEAD, "Night Sessions #12 with Ada Lovelace.\n"),), None, forms="th"
    ),
    Fault(
        "header/no-title", (ch(HEAD, "This week: Ada Lovelace on engines.\n"),), None, forms="th"
    ),
    Fault("people/no-guest", NO_GUEST, None, forms="th"),
    Fault(
        "people/no-guest",
        (*NO_GUEST[:2], NO_GUEST[4], ch("Ada Lovelace joins us to", "Alan Turing talks")),
        None,
        forms="th",
    ),
    Fault("people/no-bio", (ch("// Bio\nAda Lovelace is", "// Notes\nShe is"),), "Ada Lovelace"),
    Fault(
        "people/no-bio",
        (ch("// Ada Lovelace //", "// Ada Lovelace - Mary Somerville //"),),
        "Mary Somerville",
    ),
    Fault(
        "people/bio-without-person",
        (
            TWO_GUESTS,
            ch(BIO, "Charles Babbage designed the difference engine and the analytical engine."),
        ),
        "Charles Babbage",
        forms="th",
    ),
    Fault(
        "people/bio-without-person",
        (TWO_GUESTS, ch(BIO, "Grace Hopper designed the first compiler.")),
        "Grace Hopper",
        forms="th",
    ),
    Fault(
        "abstract/empty",
        (ch(ABSTRACT + "\n", "\n// Guests\nAda.\n"),),
        "Abstract",
        forms="t",
    ),
    Fault(
        "abstract/empty",
        (
            ch(
                f"// Abstract\n{ABSTRACT}\n",
                "// Abstract\n",
            ),
        ),
        "Abstract",
    ),
    Fault(
        "abstract/missing",
        (
            ch(
                f"// Abstract\n{ABSTRACT}\n\n",
                "",
            ),
        ),
        None,
        forms="th",
    ),
    Fault(
        "abstract/missing",
        (
            ch(
                f"// Abstract\n{ABSTRACT}\n\n",
                "",
            ),
            ch("Night Sessions #12 with Ada Lovelace, Engines of Thought.\n", ""),
        ),
        None,
        forms="th",
    ),
    Fault(
        "abstract/short",
        (
            ch(
                ABSTRACT,
                "Engines, mostly.",
            ),
        ),
        "Engines, mostly",
    ),
    Fault(
        "abstract/short",
        (
            ch(
                ABSTRACT,
                "Poems and engines.",
            ),
        ),
        "Poems and engines",
    ),
    Fault("chapters/out-of-order", (BACKWARDS,), "[01:15] Notes"),
    Fault("chapters/out-of-order", (ch("[21:40] Poetical", "[09:40] Poetical"),), "[09:40]"),
    Fault("chapters/duplicate-time", (ch("[10:15] Notes", "[02:30] Notes"),), "[02:30] Notes"),
    Fault(
        "chapters/duplicate-time", (ch("[21:40] Poetical", "[10:15] Poetical"),), "[10:15] Poetical"
    ),
    Fault("chapters/bad-time", (ch("[10:15] Notes", "[10:75] Notes"),), "[10:75]"),
    Fault("chapters/bad-time", (ch("[21:40] Poetical", "[21:99] Poetical"),), "[21:99]"),
    Fault("chapters/too-short", (SHORT,), "[02:30]"),
    Fault("chapters/too-short", (ch("[21:40] Poetical", "[10:20] Poetical"),), "[10:15]"),
    Fault("chapters/after-end", (), "[21:40]", ("--duration", "20:00")),
    Fault("chapters/after-end", (), "[10:15]", ("--duration", "10:00")),
    Fault(
        "chapters/implausible-time", (ch("[21:40] Poetical", "[10:21:40] Poetical"),), "[10:21:40]"
    ),
    Fault(
        "chapters/implausible-time", (ch("[21:40] Poetical", "[12:41:08] Poetical"),), "[12:41:08]"
    ),
    Fault(
        "chapters/not-taken",
        (ch("[21:40] Poetical science", "[21:40] Poetical science\n[25:00]"),),
        "[25:00]",
    ),
    Fault("chapters/not-taken", (ch("[10:15] Notes", "(10:15 Notes"),), "(10:15"),
    Fault(
        "links/malformed",
        (ch(LINKS, "Ada's notes: https//example.org/notes\n"),),
        "https//",
        fixable=True,
    ),
    Fault(
        "links/malformed",
        (ch(LINKS, "Ada's notes: http:/example.org/notes\n"),),
        "http:/e",
        fixable=True,
    ),
    Fault(
        "links/malformed",
        (ch(LINKS, "Ada's notes: [the notes](https://example.org/notes\n"),),
        "[the notes]",
        forms="t",
        fixable=True,
    ),
    Fault(
        "links/malformed",
        (ch(LINKS, "Ada's notes: [the notes]((https://example.org/notes)\n"),),
        "[the notes]",
        forms="t",
        fixable=True,
    ),
    Fault(
        "links/malformed",
        (ch(LINKS, "Ada's notes: https://www.insta gram.com/ada\n"),),
        "insta gram",
    ),
    Fault(
        "links/malformed",
        (ch(LINKS, "Ada's notes: [the notes](https://example.org/a b)\n"),),
        "[the notes]",
        forms="t",
    ),
    Fault(
        "links/duplicate",
        (ch(LINKS, LINKS + "The engine: https://example.org/notes\n"),),
        "The engine",
    ),
    Fault(
        "links/duplicate",
        (ch(LINKS, "- [Notes](https://example.org/n)\n- [Engine](https://example.org/n)\n"),),
        "[Engine]",
        forms="t",
    ),
    Fault(
        "links/http",
        (ch(LINKS, "Ada's notes: http://twitter.com/ada\n"),),
        "http://twitter.com",
        fixable=True,
    ),
    Fault(
        "links/http",
        (ch(LINKS, "Ada's notes: http://torproject.org/\n"),),
        "http://torproject.org",
        fixable=True,
    ),
    Fault(
        "links/plain-http",
        (ch(LINKS, "Ada's notes: http://example.org/old\n"),),
        "http://example.org/old",
    ),
    Fault(
        "links/plain-http",
        (ch(LINKS, "Ada's notes: http://notes.example.net/ada\n"),),
        "http://notes.example.net",
    ),
    Fault(
        "leftovers/unrecognized",
        (
            ch(
                "Engines of Thought.\n",
                "Engines of Thought.\n~~ 42 ~~ ++ recorded by candlelight ++\n",
            ),
        ),
        "~~ 42 ~~",
        forms="t",
    ),
    Fault(
        "leftovers/unrecognized",
        (ch("Engines of Thought.\n", "Engines of Thought.\n%% 17 %% ## candles ## lit ##\n"),),
        "%% 17 %%",
        forms="t",
    ),
    Fault("sections/empty", (ch("// Links", "// Takeaways\n\n// Links"),), "Takeaways"),
    Fault("sections/empty", (ch("// Timestamps", "// Credits\n\n// Timestamps"),), "Credits"),
    Fault(
        "html/unclosed",
        (ch("about analytical engines", "about <b>analytical engines"),),
        "<b>analytical",
        forms="h",
    ),
    Fault(
        "html/unclosed",
        (ch("published the first", 'published <a href="https://example.org/a">the first'),),
        "<a href",
        forms="h",
    ),
    Fault("youtube/first-at-zero", (LATE_START,), "[00:30]", P["youtube"]),
    Fault(
        "youtube/first-at-zero",
        (ch("[00:00] Introduction", "[00:05] Introduction"),),
        "[00:05]",
        P["youtube"],
    ),
    Fault("youtube/too-few", (TWO_CHAPTERS,), None, P["youtube"]),
    Fault(
        "youtube/too-few",
        (ch(CHAPTERS, "[00:00] Introduction\n[10:15] Notes\n"),),
        None,
        P["youtube"],
    ),
    Fault("youtube/not-ascending", (BACKWARDS,), "[01:15]", P["youtube"]),
    Fault(
        "youtube/not-ascending",
        (ch("[21:40] Poetical", "[09:40] Poetical"),),
        "[09:40]",
        P["youtube"],
    ),
    Fault("youtube/too-short", (SHORT,), "[02:30]", P["youtube"]),
    Fault("youtube/too-short", (ch("[02:30] The", "[00:05] The"),), "[00:00]", P["youtube"]),
    Fault("spotify/first-at-zero", (LATE_START,), "[00:30]", P["spotify"]),
    Fault(
        "spotify/first-at-zero",
        (ch("[00:00] Introduction", "[01:00] Introduction"),),
        "[01:00]",
        P["spotify"],
    ),
    Fault("spotify/too-few", (TWO_CHAPTERS,), None, P["spotify"]),
    Fault(
        "spotify/too-few",
        (ch(CHAPTERS, "[00:00] Introduction\n[21:40] Poetical science\n"),),
        None,
        P["spotify"],
    ),
    Fault("spotify/not-chronological", (BACKWARDS,), "[01:15]", P["spotify"]),
    Fault(
        "spotify/not-chronological",
        (ch("[21:40] Poetical", "[09:40] Poetical"),),
        "[09:40]",
        P["spotify"],
    ),
    Fault(
        "spotify/same-line",
        (ch("[02:30] The analytical engine\n[10:15]", "[02:30] The analytical engine [10:15]"),),
        "[10:15]",
        P["spotify"],
        forms="t",
    ),
    Fault(
        "spotify/same-line",
        (
            ch(
                "[10:15] Notes on the first program\n[21:40]",
                "[10:15] Notes on the first program [21:40]",
            ),
        ),
        "[21:40]",
        P["spotify"],
        forms="t",
    ),
    Fault(
        "spotify/punctuation", (ch("[02:30] The", "[02:30] -- The"),), "[02:30] --", P["spotify"]
    ),
    Fault(
        "spotify/punctuation",
        (ch("[10:15] Notes", "[10:15] ~~ Notes"),),
        "[10:15] ~~",
        P["spotify"],
    ),
    Fault(
        "spotify/long-title",
        (
            ch(
                "[02:30] The analytical engine",
                "[02:30] The analytical engine and the difference engine compared",
            ),
        ),
        "[02:30]",
        P["spotify"],
    ),
    Fault(
        "spotify/long-title",
        (
            ch(
                "[21:40] Poetical science",
                "[21:40] Poetical science, and what a machine could never write",
            ),
        ),
        "[21:40]",
        P["spotify"],
    ),
    Fault("apple/first-at-zero", (LATE_START,), "[00:30]", P["apple"]),
    Fault(
        "apple/first-at-zero",
        (ch("[00:00] Introduction", "[00:45] Introduction"),),
        "[00:45]",
        P["apple"],
    ),
    Fault("apple/too-few", (TWO_CHAPTERS,), None, P["apple"]),
    Fault(
        "apple/too-few", (ch(CHAPTERS, "[00:00] Introduction\n[10:15] Notes\n"),), None, P["apple"]
    ),
    Fault(
        "podcasting2/start-time",
        (ch("[10:15] Notes", "[10:61] Notes"),),
        "[10:61]",
        P["podcasting2"],
    ),
    Fault(
        "podcasting2/start-time",
        (ch("[21:40] Poetical", "[21:60] Poetical"),),
        "[21:60]",
        P["podcasting2"],
    ),
    Fault("podcasting2/not-ascending", (BACKWARDS,), "[01:15]", P["podcasting2"]),
    Fault(
        "podcasting2/not-ascending",
        (ch("[21:40] Poetical", "[09:40] Poetical"),),
        "[09:40]",
        P["podcasting2"],
    ),
    Fault(
        "podcasting2/no-title",
        (ch("[10:15] Notes on the first program", "[10:15]"),),
        "[10:15]",
        P["podcasting2"],
    ),
    Fault(
        "podcasting2/no-title",
        (ch("[21:40] Poetical science", "[21:40]"),),
        "[21:40]",
        P["podcasting2"],
    ),
]

_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")


def as_html(text: str) -> str:
    """The note as HTML notes: a heading per ``// Heading``, a paragraph per line, Markdown
    links as ``<a>`` (written over several lines, as HTML notes are)."""
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if line.startswith("// "):
            out.append(f"<h3>{html.escape(line[3:])}</h3>")
            continue
        escaped = html.escape(line, quote=False) if "<" not in line else line
        escaped = _MD_LINK.sub(r'<a href="\2">\1</a>', escaped)
        out.append(f"<p>{escaped}</p>")
    return "<div>\n" + "\n".join(out) + "\n</div>\n"


def as_feed(text: str) -> str:
    """The note as the one item of a feed, its HTML escaped in ``<description>``."""
    title = text.split("\n", 1)[0]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        "<title>Night Sessions</title>\n<item>\n"
        f"<title>{html.escape(title)}</title>\n<guid>night-12</guid>\n<description>"
        + html.escape(as_html(text))
        + "</description>\n</item>\n</channel>\n</rss>\n"
    )


CASES = [
    (fault, form)
    for fault in FAULTS
    for form in ("t", "h", "f")
    if form in fault.forms and (form != "f" or fault.code.split("/")[0] not in ("html",))
]


def _write(tmp_path: Path, fault: Fault, form: str) -> Path:
    text = fault.text()
    if form == "t":
        path, data = tmp_path / "notes.txt", text
    elif form == "h":
        path, data = tmp_path / "notes.html", as_html(text)
    else:
        path, data = tmp_path / "feed.xml", as_feed(text)
    path.write_text(data, encoding="utf-8")
    return path


def _found(path: Path, fault: Fault) -> list[tuple[int, str]]:
    """(line, line text) of each finding of the fault's code in ``path``."""
    result = CliRunner().invoke(
        app, ["validate", "--quiet", "--select", "ALL", *fault.args, str(path)]
    )
    assert result.exit_code in (0, 1), result.output
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[tuple[int, str]] = []
    for row in result.stdout.splitlines():
        if row.endswith(f"[{fault.code}]"):
            number = int(row.split(":")[1])  # path:line:column: ... (tmp paths hold no ":")
            out.append((number, lines[number - 1] if number <= len(lines) else ""))
    return out


def test_the_suite_has_two_faults_per_code() -> None:
    per_code = {c.code: 0 for c in CHECKS}
    for fault in FAULTS:
        per_code[fault.code] += 1
    assert {code: n for code, n in per_code.items() if n < 2} == {}


def test_the_clean_note_is_clean_in_every_form(tmp_path: Path) -> None:
    for form in "thf":
        path = _write(tmp_path, Fault("none", (), None), form)
        for args in ((), *P.values()):
            result = CliRunner().invoke(
                app, ["validate", "--quiet", "--select", "ALL", *args, str(path)]
            )
            assert result.stdout == "", (form, args, result.stdout)


def test_faults_are_found_on_their_line(tmp_path: Path) -> None:
    missed: list[str] = []
    misplaced: list[str] = []
    for index, (fault, form) in enumerate(CASES):
        folder = tmp_path / str(index)
        folder.mkdir()
        path = _write(folder, fault, form)
        found = _found(path, fault)
        if not found:
            missed.append(f"{fault.code} [{form}] {fault.edits}")
        elif fault.marker is not None and not any(
            fault.marker in html.unescape(text) for _, text in found
        ):
            misplaced.append(f"{fault.code} [{form}] {found}")
    assert misplaced == [], "\n".join(misplaced)
    share = 1 - len(missed) / len(CASES)
    assert share >= 0.95, f"{share:.0%} found of {len(CASES)}; missed: {missed}"


@pytest.mark.parametrize(
    ("fault", "form"),
    [(f, form) for f in FAULTS if f.fixable for form in f.forms if form != "f"],
    ids=lambda v: v.code if isinstance(v, Fault) else v,
)
def test_fixable_faults_are_gone_after_fix(tmp_path: Path, fault: Fault, form: str) -> None:
    path = _write(tmp_path, fault, form)
    assert _found(path, fault)
    before = path.read_bytes()
    result = CliRunner().invoke(app, ["validate", "--quiet", "--fix", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert path.read_bytes() != before
    assert _found(path, fault) == []
