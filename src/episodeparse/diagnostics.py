"""A problem found in show notes is data: where, which check, how bad, and what to do.

``Diagnostic(path, line, column, code, severity, message)``: ``line`` and ``column`` are
1-based; ``code`` names the check, namespaced by the part it checks
(``chapters/out-of-order``); ``severity`` is ``error``, ``warning`` or ``info``. Sorting
diagnostics orders them by path, line, column, then code.

Three formats, each one diagnostic per line, ending in a newline (or empty):

- ``format_text``: ``path:line:col: severity: message [code]``, the form compilers and
  yamllint print and editors jump to. Colour is the command line's business, not this
  module's.
- ``format_json``: a JSON array of objects with the six fields.
- ``format_github``: GitHub Actions workflow commands, which the runner turns into
  annotations on the pull request: ``::error file=F,line=L,col=C,title=CODE::MESSAGE``
  (``info`` becomes ``notice``). Messages escape ``%``, CR and LF; properties also ``:``
  and ``,``, as the runner's own toolkit does.

In text, a name or a message holding control characters is written with them escaped
(``printable``, ``shown_name``): a file named ``a<LF>b.txt`` gives one line per diagnostic,
and an escape sequence in the notes never reaches the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final, Literal, NamedTuple

from episodeparse import recache

__all__ = [
    "SEVERITIES",
    "Diagnostic",
    "Severity",
    "escape_github_data",
    "escape_github_property",
    "format_github",
    "format_json",
    "format_text",
    "printable",
    "shown_name",
    "worst",
]

Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
"""From least to most severe."""

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, the bidirectional
# embeddings, overrides and isolates (which reorder what a terminal shows after them), and
# lone surrogates (bytes of a file name that are not UTF-8, which go out as they were).
_CONTROLS_BUT_BREAKS = (
    "\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
)
_UNSHOWN: Final = recache.compile(f"[\r\n{_CONTROLS_BUT_BREAKS}]")
# The same but for CR and LF, which a GitHub workflow command escapes its own way.
_UNSHOWN_IN_GITHUB: Final = recache.compile(f"[{_CONTROLS_BUT_BREAKS}]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    return _ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def printable(text: str) -> str:
    r"""``text`` with its control characters written as escapes, the rest as it is.

    >>> print(printable("a\tb\x1b[31m\u2028c"))
    a\tb\x1b[31m\u2028c
    """
    return _UNSHOWN.sub(_escape, text) if _UNSHOWN.search(text) else text


def shown_name(name: str) -> str:
    r"""A file name as diagnostics show it: as it is, or, where it holds a control character
    or opens with ``"``, in double quotes with that character, ``\`` and ``"`` escaped (as
    git quotes names). So a quoted name is never another name as it is.

    >>> print(shown_name("notes/ep 1.txt"), shown_name('a\nb "c".txt'))
    notes/ep 1.txt "a\nb \"c\".txt"
    """
    if not name.startswith('"') and not _UNSHOWN.search(name):
        return name
    return '"' + printable(name.replace("\\", "\\\\").replace('"', '\\"')) + '"'


_GITHUB_COMMAND: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}


class Diagnostic(NamedTuple):
    """One finding in one input."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str

    def to_dict(self) -> dict[str, str | int]:
        return self._asdict()


def worst(diagnostics: Iterable[Diagnostic]) -> Severity | None:
    """The most severe level among ``diagnostics``, None for none.

    >>> d = Diagnostic("n.txt", 1, 1, "header/no-title", "warning", "no title")
    >>> worst([d]), worst([])
    ('warning', None)
    """
    rank = -1
    for diagnostic in diagnostics:
        rank = max(rank, SEVERITIES.index(diagnostic.severity))
    return SEVERITIES[rank] if rank >= 0 else None


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    """``path:line:col: severity: message [code]``, one per line.

    >>> print(format_text([Diagnostic("n.txt", 3, 1, "links/malformed", "error", "bad")]), end="")
    n.txt:3:1: error: bad [links/malformed]
    """
    return "".join(
        f"{shown_name(d.path)}:{d.line}:{d.column}: {d.severity}: {printable(d.message)}"
        f" [{d.code}]\n"
        for d in diagnostics
    )


def format_json(
    diagnostics: Iterable[Diagnostic], ids: Mapping[Diagnostic, str | None] | None = None
) -> str:
    """A JSON array of diagnostics, each an object with the six fields in order; with
    ``ids`` (diagnostic -> the ``feed.id`` of the feed item it was found in), an ``id``
    after ``path`` too, null for a diagnostic of notes. (A feed item's diagnostics name the
    feed file, so the path alone does not tell the item.)

    >>> d = Diagnostic("feed.xml", 4, 1, "links/http", "warning", "http")
    >>> import json
    >>> json.loads(format_json([d], {d: "ep-12"}))[0]  # doctest: +NORMALIZE_WHITESPACE
    {'path': 'feed.xml', 'id': 'ep-12', 'line': 4, 'column': 1, 'code': 'links/http',
     'severity': 'warning', 'message': 'http'}
    """
    import json  # here, not at the top: text output, the default, needs none of it

    if ids is None:
        found: list[dict[str, object]] = [dict(d.to_dict()) for d in diagnostics]
    else:
        found = [{"path": d.path, "id": ids.get(d), **d.to_dict()} for d in diagnostics]
    return json.dumps(found, indent=2, ensure_ascii=False) + "\n"


def escape_github_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped, as the runner reads them;
    other control characters as ``printable`` writes them.

    >>> escape_github_data("100%\\ndone\\x1b")
    '100%25%0Adone\\\\x1b'
    """
    if _UNSHOWN_IN_GITHUB.search(text):
        text = _UNSHOWN_IN_GITHUB.sub(_escape, text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """A workflow command's property value: also ``:`` and ``,`` escaped.

    >>> escape_github_property("feed.xml#3,a:b")
    'feed.xml#3%2Ca%3Ab'
    """
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """GitHub Actions annotations, one workflow command per diagnostic.

    >>> d = Diagnostic("notes/a,b.txt", 4, 2, "links/http", "info", "50% done")
    >>> print(format_github([d]), end="")
    ::notice file=notes/a%2Cb.txt,line=4,col=2,title=links/http::50%25 done
    """
    out: list[str] = []
    for d in diagnostics:
        props = ",".join(
            f"{key}={escape_github_property(value)}"
            for key, value in (
                ("file", d.path),
                ("line", str(d.line)),
                ("col", str(d.column)),
                ("title", d.code),
            )
        )
        out.append(f"::{_GITHUB_COMMAND[d.severity]} {props}::{escape_github_data(d.message)}\n")
    return "".join(out)
