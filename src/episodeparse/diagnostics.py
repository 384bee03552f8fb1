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
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

__all__ = [
    "SEVERITIES",
    "Diagnostic",
    "Severity",
    "escape_github_data",
    "escape_github_property",
    "format_github",
    "format_json",
    "format_text",
    "worst",
]

Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
"""From least to most severe."""

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
        f"{d.path}:{d.line}:{d.column}: {d.severity}: {d.message} [{d.code}]\n" for d in diagnostics
    )


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    """A JSON array of diagnostics, each an object with the six fields in order."""
    import json  # here, not at the top: text output, the default, needs none of it

    return json.dumps([d.to_dict() for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


def escape_github_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped.

    >>> escape_github_data("100%\\ndone")
    '100%25%0Adone'
    """
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
