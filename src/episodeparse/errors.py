"""One wording per problem: the catalogue of what a command can say about an input or an
output, shared by every command (and rendered by ``validate`` in its formats).

A problem is a code and a message template; ``message(code, **fields)`` fills it in.
The command line prefixes the path (``episodeparse: notes.txt: no such file``); the code
is what a machine reads (``validate --format json``), the message what a person reads.

>>> message("input/too-large", limit=1000)
'larger than --max-bytes (1000 bytes)'
>>> EXIT_CODES[CATALOGUE["internal"].exit]
'an internal error (a bug): please report it'
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = [
    "CATALOGUE",
    "EXIT_CODES",
    "EXIT_FINDINGS",
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "Problem",
    "internal_message",
    "is_internal",
    "message",
    "oserror_code",
]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_INPUT: Final = 2
EXIT_INTERNAL: Final = 3

EXIT_CODES: Final[dict[int, str]] = {
    EXIT_OK: "every input was converted (validate: no error found)",
    EXIT_FINDINGS: "validate found an error (or, with --strict, a warning)",
    EXIT_INPUT: "a usage or input problem",
    EXIT_INTERNAL: "an internal error (a bug): please report it",
}


class Problem(NamedTuple):
    """A problem's stable code, its message template (``str.format`` fields) and the exit
    code it gives."""

    code: str
    template: str
    exit: int = EXIT_INPUT


_PROBLEMS: Final = (
    Problem("input/not-found", "no such file"),
    Problem("input/is-directory", "is a directory"),
    Problem("input/permission", "permission denied"),
    Problem("input/unreadable", "{reason}"),  # what the system says (an I/O error)
    Problem("input/stdin-closed", "standard input is closed"),
    Problem("input/too-large", "larger than --max-bytes ({limit} bytes)"),
    Problem("input/empty-directory", "no notes files (.txt, .md, .html, .xml) in this directory"),
    Problem("input/not-a-feed", "not a feed: no <rss>, <feed> or <rdf:RDF> at its start"),
    Problem("output/overwrite", "refusing to overwrite an input file"),
    Problem("output/cannot-write", "cannot write: {reason}"),
    Problem(
        "internal",
        "internal error ({kind}: {detail}); this is a bug in episodeparse {version}: please"
        " report it with the command and, if you can, the input",
        EXIT_INTERNAL,
    ),
)

CATALOGUE: Final[dict[str, Problem]] = {p.code: p for p in _PROBLEMS}


def message(code: str, **fields: object) -> str:
    """The message of problem ``code`` with ``fields`` filled in (KeyError for a code that
    is not in the catalogue: a typo fails in the tests, not in front of a user).

    >>> message("input/not-found")
    'no such file'
    """
    return CATALOGUE[code].template.format(**fields)


def oserror_code(exc: OSError) -> str:
    """The catalogue's code for an ``OSError`` met reading an input.

    >>> oserror_code(FileNotFoundError(2, "No such file or directory"))
    'input/not-found'
    """
    if isinstance(exc, FileNotFoundError):
        return "input/not-found"
    if isinstance(exc, IsADirectoryError):
        return "input/is-directory"
    if isinstance(exc, PermissionError):
        return "input/permission"
    return "input/unreadable"


def internal_message(exc: BaseException) -> str:
    """What a user is told of an exception nothing expected: that it is a bug, its type,
    and what to send.

    >>> internal_message(ZeroDivisionError("division by zero")).split(";")[0]
    'internal error (ZeroDivisionError: division by zero)'
    """
    from episodeparse import __version__

    detail = " ".join(str(exc).split())[:200] or "no message"
    return message("internal", kind=type(exc).__name__, detail=detail, version=__version__)


def is_internal(text: str) -> bool:
    """Whether a failure's message is ``internal_message``'s (summary keeps only the text).

    >>> is_internal(internal_message(KeyError("x"))), is_internal("no such file")
    (True, False)
    """
    return text.startswith("internal error (")
