"""``validate``: the notes' records through the checks, input by input.

``iter_reports(paths, options)`` reads inputs exactly as ``convert`` does
(``inputs.iter_records``: files, directories, standard input, feeds) and yields, in order,
a ``Report`` (the path shown, that record's diagnostics, and the record) per record, or the
``InputFailure`` of an input that could not be read. A feed gives one report per item,
shown as ``feed.xml#3`` (the item's 0-based ``source.item``), whose chapters are checked
against the item's ``itunes:duration`` unless ``Options.duration`` is given.
``validate_text`` checks one text. Neither prints or raises on content; the command line
maps reports to exit codes.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from episodeparse import recache
from episodeparse.checks import DEFAULT_CHECKS, SOURCE_CODES, Check, Options, run_checks
from episodeparse.checks.notes import quote
from episodeparse.diagnostics import Diagnostic
from episodeparse.digest import sha256_hex
from episodeparse.document import Document
from episodeparse.extractors import Context
from episodeparse.inputs import DEFAULT_MAX_BYTES, InputFailure, iter_records
from episodeparse.model import Episode, Source
from episodeparse.pipeline import Parsed, detect_format, keep_documents, parse_with_document
from episodeparse.positions import LineMap

__all__ = [
    "BASELINE_SCHEMA",
    "Report",
    "baseline_key",
    "baseline_text",
    "iter_reports",
    "new_since",
    "read_baseline",
    "shown_path",
    "validate_text",
]

Plan = Callable[[Episode], tuple[tuple[Check, ...], Options]]
"""The checks and options for one record (by its input: configuration is per file)."""


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
            return parsed._replace(episode=record)
    document = Document("")  # not reached: every record comes through parse_notes
    return Parsed(record, document, Context(document))


def _as_read(parsed: Parsed) -> Parsed:
    """``parsed`` as the checks read it: its leftovers at their lines of the document (the
    record's count lines of the input as written), like every other position."""
    read = parsed.leftovers
    if read is None or read == parsed.episode.leftovers:
        return parsed
    return parsed._replace(episode=dataclasses.replace(parsed.episode, leftovers=read))


_TITLE = recache.compile(rb"<title>(?:<!\[CDATA\[)?(?P<t>[^<\]]{1,200})")
_GUID = recache.compile(rb"<guid\b[^>]{0,200}>(?P<t>[^<]{1,300})</guid>")


def _item_name(item: int, raw: bytes) -> str:
    """How a feed item is named in messages: its title, else its guid, else its number."""
    name_match = _TITLE.search(raw) or _GUID.search(raw)
    name = f"item {item}"
    if name_match is not None:
        import html

        name += f" {quote(html.unescape(_decoded(name_match['t'])), 50)}"
    return name


def _decoded(data: bytes) -> str:
    """Bytes of a feed as text for finding words in it: UTF-8, else Latin-1 (any byte)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


_LINE_NUMBER = recache.compile(r"\bline (\d{1,9})\b")


def _moved(diagnostic: Diagnostic, lines: LineMap, path: str, suffix: str) -> Diagnostic:
    """``diagnostic`` at its place in the file, the lines its message names too."""
    line, column = lines.position(diagnostic.line, diagnostic.column)
    message = _LINE_NUMBER.sub(
        lambda m: f"line {lines.position(int(m.group(1)), 1)[0]}", diagnostic.message
    )
    return Diagnostic(path, line, column, diagnostic.code, diagnostic.severity, message + suffix)


def _html_notes(record: Episode) -> str | None:
    """An HTML notes file as written (None for other inputs, or one gone since)."""
    source = record.source
    if source.format != "html" or source.item is not None or source.path is None:
        return None
    try:
        return _decoded(Path(source.path).read_bytes())
    except OSError:
        return None


def _in_file(diagnostics: list[Diagnostic], parsed: Parsed, html: str | None) -> list[Diagnostic]:
    """``diagnostics`` (lines of the converted text) at their lines in the file as
    written: for HTML notes, the HTML file; for a feed item, the feed (where the item's
    bytes stand, as the feed reader found them), the item named."""
    source = parsed.episode.source
    written = parsed.written
    if not diagnostics or source.path is None:
        return diagnostics
    text = parsed.document.text
    if source.item is not None and written is not None and isinstance(written.data, bytes):
        lines = written.line_map(text)
        name = _item_name(source.item, written.data)
        return sorted(_moved(d, lines, source.path, f" ({name})") for d in diagnostics)
    if html is not None:
        lines = LineMap(html, text)
        return sorted(
            d if d.code in SOURCE_CODES else _moved(d, lines, source.path, "") for d in diagnostics
        )
    return diagnostics


def iter_reports(
    paths: list[str],
    options: Options,
    *,
    checks: tuple[Check, ...] = DEFAULT_CHECKS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
    plan: Plan | None = None,
) -> Iterator[Report | InputFailure]:
    """A report per record of ``paths``, or the failure of an input, in input order.
    ``plan``, where given, chooses the checks and options of each record instead."""
    with keep_documents() as kept:
        for result in iter_records(paths, max_bytes=max_bytes, encoding=encoding, stdin=stdin):
            if isinstance(result, InputFailure):
                yield result
                continue
            parsed = _parsed_for(result, kept)
            kept.clear()
            path = shown_path(result.source)
            here, chosen = options, checks
            if plan is not None:
                chosen, here = plan(result)
            length = None if result.feed is None else result.feed.duration
            if here.duration is None and length:
                here = here._replace(duration=length)
            html = _html_notes(result)
            found = run_checks(_as_read(parsed), here, path, chosen, html)
            yield Report(path, _in_file(found, parsed, html), result)


def validate_text(
    text: str,
    *,
    path: str | None = None,
    options: Options | None = None,
    checks: tuple[Check, ...] = DEFAULT_CHECKS,
) -> list[Diagnostic]:
    """The diagnostics of one episode's notes (already decoded text).

    >>> found = validate_text("[01:12] Intro\\n[00:30] Hello", path="n.txt")
    >>> [(d.line, d.column, d.code) for d in found if d.severity == "error"]
    [(2, 2, 'chapters/out-of-order')]
    """
    digest = sha256_hex(text.encode("utf-8", "surrogatepass"))
    source = Source(path=path, format=detect_format(text, path), item=None, sha256=digest)
    parsed = parse_with_document(text, source)
    html = text if source.format == "html" else None
    found = run_checks(_as_read(parsed), options or Options(), path or "-", checks, html)
    if html is None or not found:
        return found
    lines = LineMap(html, parsed.document.text)
    return sorted(d if d.code in SOURCE_CODES else _moved(d, lines, d.path, "") for d in found)


# Baselines -------------------------------------------------------------------------------

BASELINE_SCHEMA = "episodeparse.baseline/1"
_LINE_REFERENCE = recache.compile(r"\bline \d+")


def baseline_key(diagnostic: Diagnostic) -> str:
    """What a finding is remembered by: its path, code and message, without line numbers
    (which shift when lines are added above it).

    >>> d = Diagnostic("n.txt", 9, 2, "links/duplicate", "warning", "x is already on line 7")
    >>> baseline_key(d)
    'n.txt\\tlinks/duplicate\\tx is already on line N'
    """
    message = _LINE_REFERENCE.sub("line N", diagnostic.message)
    return f"{diagnostic.path}\t{diagnostic.code}\t{message}"


def baseline_text(diagnostics: list[Diagnostic]) -> str:
    """A baseline file: JSON, one entry per finding, sorted, so that it diffs well."""
    import json

    entries = sorted(baseline_key(d).split("\t") for d in diagnostics)
    return (
        json.dumps(
            {
                "schema": BASELINE_SCHEMA,
                "findings": [{"path": p, "code": c, "message": m} for p, c, m in entries],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def read_baseline(text: str) -> Counter[str]:
    """The findings a baseline holds (ValueError for a file that is not one)."""
    import json

    data = json.loads(text)
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise ValueError(f'not an episodeparse baseline (no "schema": "{BASELINE_SCHEMA}")')
    found: Counter[str] = Counter()
    for entry in data.get("findings", []):
        found[f"{entry['path']}\t{entry['code']}\t{entry['message']}"] += 1
    return found


def new_since(diagnostics: list[Diagnostic], baseline: Counter[str]) -> list[Diagnostic]:
    """The findings that are not in ``baseline`` (which is used up as they are matched: a
    finding written once more than the baseline holds is new)."""
    out: list[Diagnostic] = []
    for d in diagnostics:
        key = baseline_key(d)
        if baseline[key] > 0:
            baseline[key] -= 1
        else:
            out.append(d)
    return out
