"""``validate --fix``: the findings whose repair is certain, repaired in the notes file.

``fixes(text)`` lists the edits (start, end, replacement, code, what) on the text as
written, never overlapping; ``apply(text, edits)`` makes them, so every character outside
an edit's span is as it was, and the text encodes back to the same bytes there. Running the
fixes on fixed text finds nothing: each pattern no longer matches what it wrote.

Safe fixes (``--fix``):

- ``links/http``: ``http://`` to a host known to serve https becomes ``https://``;
- ``links/malformed``: a scheme written wrong (``https//x``, ``http:/x``, ``https:///x``,
  ``https:// x``) is written right; a Markdown link's missing ``)``, where its address ends
  at whitespace or at the end of the line, is added; a doubled ``((`` (and its ``))``) is
  written once.

Unsafe fixes (``--unsafe-fixes`` too), which add content: a ``00:00`` chapter before the
first chapter, for the profiles that require one (``youtube``, ``spotify``, ``apple``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple, TextIO

from episodeparse import recache
from episodeparse.checks.links import https_reason

__all__ = ["Edit", "apply", "fixed_text", "fixes", "run_fixes", "zero_chapter"]


class Edit(NamedTuple):
    start: int
    end: int
    replacement: str
    code: str
    what: str


_HTTP = recache.compile(
    r"(?<![\w.+-])(?P<scheme>[Hh][Tt][Tt][Pp])://(?:www\.)?(?P<host>[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})"
)
_BAD_SCHEME = recache.compile(
    r"""(?<![\w/.:+-])(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?)
        (?P<sep>//|:/(?!/)|:///{0,3}|://[ \t]{1,3})
        (?=[\w%~-][\w%~-]{0,62}\.[A-Za-z])""",
    re.VERBOSE,
)
# "](" then an address running to whitespace or the end of the line, with no ")" on the
# rest of the line.
_UNCLOSED = recache.compile(
    r"\]\((?P<address>(?:[Hh][Tt][Tt][Pp][Ss]?://|www\.)[^\s()<>\[\]]{1,2000})"
    r"(?=[ \t]*(?:\r|\n|\Z)|[ \t]+[^)\r\n]{0,2000}(?:\r|\n|\Z))"
)
_DOUBLED = recache.compile(
    r"\]\((?P<open>\()(?:[Hh][Tt][Tt][Pp][Ss]?://|www\.)[^\s()<>]{1,2000}(?P<close>\)\))?"
)
_FIRST_CHAPTER = recache.compile(
    r"(?m:^)(?P<indent>[ \t]{0,8}(?:[-*•][ \t])?)(?P<open>[\[(]?)(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
    r"(?P<close>[\])]?)[ \t]"
)


def _scheme_edits(text: str) -> list[Edit]:
    out: list[Edit] = []
    if "http" not in text.lower():
        return out
    for m in _HTTP.finditer(text):
        host = m["host"].lower()
        why = https_reason(host)
        if why is not None:
            out.append(
                Edit(
                    m.start(), m.end("scheme"), "https", "links/http", f"http:// to https://: {why}"
                )
            )
    for m in _BAD_SCHEME.finditer(text):
        right = "https" if m["scheme"].lower().endswith("s") else "http"
        written = m["scheme"] + m["sep"]
        if written.lower() == right + "://":
            continue
        out.append(
            Edit(m.start(), m.end(), right + "://", "links/malformed", f"{written} to {right}://")
        )
    return out


def _markdown_edits(text: str) -> list[Edit]:
    out: list[Edit] = []
    if "](" not in text:
        return out
    for m in _DOUBLED.finditer(text):
        out.append(Edit(m.start("open"), m.end("open"), "", "links/malformed", 'doubled "(" once'))
        if m["close"]:
            out.append(
                Edit(m.start("close"), m.start("close") + 1, "", "links/malformed", 'doubled ")"')
            )
    for m in _UNCLOSED.finditer(text):
        end = m.end("address")
        out.append(Edit(end, end, ")", "links/malformed", 'missing ")" added'))
    return out


def fixes(text: str) -> list[Edit]:
    """The safe edits of ``text``, in order, none overlapping another.

    >>> [(e.code, e.replacement) for e in fixes("See [A](https://a.org and http://reddit.com/r")]
    [('links/malformed', ')'), ('links/http', 'https')]
    """
    edits = sorted(_scheme_edits(text) + _markdown_edits(text))
    kept: list[Edit] = []
    for edit in edits:
        if kept and edit.start < kept[-1].end:
            continue  # overlapping: the earlier one is made; the next run makes this one
        kept.append(edit)
    return kept


def zero_chapter(text: str) -> list[Edit]:
    """The unsafe edit: a ``00:00`` chapter before the first chapter line, written as that
    line writes its time, when the first chapter does not start at zero."""
    m = _FIRST_CHAPTER.search(text)
    if m is None or re.fullmatch(r"0{1,2}:00(?::00)?", m["time"]):
        return []
    zero = "0:00" if len(m["time"].split(":")[0]) == 1 else "00:00"
    if m["time"].count(":") == 2:
        zero += ":00"
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f"{m['indent']}{m['open']}{zero}{m['close']} Introduction{newline}"
    return [Edit(m.start(), m.start(), line, "first-at-zero", "a 00:00 chapter added")]


def apply(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits`` (in order, not overlapping) made.

    >>> apply("a http://x b", [Edit(2, 6, "https", "links/http", "")])
    'a https://x b'
    """
    parts: list[str] = []
    at = 0
    for edit in edits:
        parts.append(text[at : edit.start])
        parts.append(edit.replacement)
        at = edit.end
    parts.append(text[at:])
    return "".join(parts)


def _unsafe_edits(text: str, profiles: tuple[str, ...]) -> list[Edit]:
    return zero_chapter(text) if set(profiles) & {"youtube", "spotify", "apple"} else []


def fixed_text(text: str, *, unsafe: bool = False, profiles: tuple[str, ...] = ()) -> str:
    """``text`` with every safe fix (and, with ``unsafe``, the unsafe ones) made."""
    edits = fixes(text)
    if unsafe:
        extra = _unsafe_edits(text, profiles)
        edits = sorted(
            edits + [e for e in extra if not any(k.start < e.start < k.end for k in edits)]
        )
    return apply(text, edits) if edits else text


def run_fixes(
    paths: list[str],
    *,
    write: bool,
    unsafe: bool,
    profiles: tuple[str, ...],
    max_bytes: int,
    report: Callable[[str], None],
    stdin: BinaryIO | None = None,
    out: TextIO | None = None,
) -> bool:
    """Fix the notes files of ``paths`` (``write``), or print the changes as a unified diff
    on ``out`` (not ``write``). A feed or standard input is only shown (``--diff``), never
    rewritten. Returns whether an input could not be fixed (``report`` says why, in one
    line)."""
    import difflib
    import sys

    from episodeparse.inputs import FEED_SUFFIXES, InputFailure, expand
    from episodeparse.output_dir import AtomicFile

    out = out or sys.stdout
    failed = False
    for entry in expand(paths):
        if isinstance(entry, InputFailure):
            continue  # validate reports it
        is_feed = entry != "-" and Path(entry).suffix.lower() in FEED_SUFFIXES
        try:
            if entry == "-":
                data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
            else:
                with Path(entry).open("rb") as handle:
                    data = handle.read(max_bytes + 1)
        except OSError as exc:
            report(f"{entry}: not fixed: {exc.strerror or exc}")
            failed = True
            continue
        if len(data) > max_bytes:
            continue  # validate reports it
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            report(f"{entry}: not fixed: only UTF-8 files are rewritten")
            failed = True
            continue
        new = fixed_text(text, unsafe=unsafe, profiles=profiles)
        if new == text:
            continue
        if write and (is_feed or entry == "-"):
            report(f"{entry}: not fixed: a feed or standard input is only shown (--diff)")
            continue
        if not write:
            name = "stdin" if entry == "-" else entry
            out.writelines(
                difflib.unified_diff(
                    text.splitlines(keepends=True),
                    new.splitlines(keepends=True),
                    fromfile=f"a/{name}",
                    tofile=f"b/{name}",
                )
            )
            continue
        target = AtomicFile(Path(entry))
        try:
            target.write(new)
            target.commit()
        except OSError as exc:
            report(f"{entry}: not fixed: {exc.strerror or exc}")
            failed = True
        finally:
            target.discard()
    return failed
