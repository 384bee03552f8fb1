"""``validate``: the notes' records through the checks, input by input.

``iter_reports(paths, options)`` reads inputs exactly as ``convert`` does
(``inputs.iter_records``: files, directories, standard input, feeds) and yields, in order,
a ``Report`` (the path shown, that record's diagnostics, and the record) per record, or the
``InputFailure`` of an input that could not be read. A feed gives one report per item,
shown as ``feed.xml#3`` (the item's 0-based ``source.item``). ``validate_text`` checks one
text. Neither prints or raises on content; the command line maps reports to exit codes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, NamedTuple

from episodeparse.checks import CHECKS, Check, Options, run_checks
from episodeparse.diagnostics import Diagnostic
from episodeparse.digest import sha256_hex
from episodeparse.document import Document
from episodeparse.extractors import Context
from episodeparse.inputs import DEFAULT_MAX_BYTES, InputFailure, iter_records
from episodeparse.model import Episode, Source
from episodeparse.pipeline import Parsed, detect_format, keep_documents, parse_with_document

__all__ = ["Report", "iter_reports", "shown_path", "validate_text"]


class Report(NamedTuple):
    """The diagnostics of one record, under the path they are shown with, and the record
    (``summary`` shows both)."""

    path: str
    diagnostics: list[Diagnostic]
    record: Episode


def shown_path(source: Source) -> str:
    """How a record's input is named in diagnostics: its path, ``-`` for standard input,
    ``path#N`` for item N of a feed.

    >>> shown_path(Source("feed.xml", "rss", 3, "")), shown_path(Source(None, "text", None, ""))
    ('feed.xml#3', '-')
    """
    path = source.path if source.path is not None else "-"
    return f"{path}#{source.item}" if source.item is not None else path


def _parsed_for(record: Episode, kept: list[Parsed]) -> Parsed:
    """The document the record was read from (the record itself may have been completed
    from the feed's fields since)."""
    for parsed in reversed(kept):
        if parsed.episode.source == record.source:
            return Parsed(record, parsed.document, parsed.context)
    document = Document("")  # not reached: every record comes through parse_notes
    return Parsed(record, document, Context(document))


def iter_reports(
    paths: list[str],
    options: Options,
    *,
    checks: tuple[Check, ...] = CHECKS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Report | InputFailure]:
    """A report per record of ``paths``, or the failure of an input, in input order."""
    with keep_documents() as kept:
        for result in iter_records(paths, max_bytes=max_bytes, encoding=encoding, stdin=stdin):
            if isinstance(result, InputFailure):
                yield result
                continue
            parsed = _parsed_for(result, kept)
            kept.clear()
            path = shown_path(result.source)
            yield Report(path, run_checks(parsed, options, path, checks), result)


def validate_text(
    text: str, *, path: str | None = None, options: Options | None = None
) -> list[Diagnostic]:
    """The diagnostics of one episode's notes (already decoded text).

    >>> found = validate_text("[01:12] Intro\\n[00:30] Hello", path="n.txt")
    >>> [(d.line, d.column, d.code) for d in found if d.severity == "error"]
    [(2, 2, 'chapters/out-of-order')]
    """
    digest = sha256_hex(text.encode("utf-8", "surrogatepass"))
    source = Source(path=path, format=detect_format(text, path), item=None, sha256=digest)
    return run_checks(parse_with_document(text, source), options or Options(), path or "-")
