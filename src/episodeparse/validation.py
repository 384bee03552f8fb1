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

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from episodeparse import feeds, recache
from episodeparse.checks import DEFAULT_CHECKS, Check, Options, run_checks
from episodeparse.diagnostics import Diagnostic
from episodeparse.digest import sha256_hex
from episodeparse.document import Document
from episodeparse.extractors import Context
from episodeparse.inputs import DEFAULT_MAX_BYTES, InputFailure, iter_records
from episodeparse.model import Episode, Source
from episodeparse.pipeline import Parsed, detect_format, keep_documents, parse_with_document

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
            return Parsed(record, parsed.document, parsed.context)
    document = Document("")  # not reached: every record comes through parse_notes
    return Parsed(record, document, Context(document))


def _item_duration(record: Episode, cache: dict[str, dict[int, int]], max_bytes: int) -> int | None:
    """A feed item's ``itunes:duration`` in seconds: the record's ``feed.duration``, else
    read from the feed file (once per file), as ``summary`` reads it."""
    feed = getattr(record, "feed", None)
    if feed is not None and getattr(feed, "duration", None):
        return int(feed.duration)
    path, item = record.source.path, record.source.item
    if path is None or item is None:
        return None
    if path not in cache:
        found: dict[int, int] = {}
        try:
            with Path(path).open("rb") as handle:
                for entry in feeds.iter_items(handle, limit_bytes=max_bytes):
                    if entry.duration_seconds:
                        found[entry.index] = entry.duration_seconds
        except (OSError, ValueError):  # the feed was read once already; its error is shown
            pass
        cache[path] = found
    return cache[path].get(item)


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
    durations: dict[str, dict[int, int]] = {}
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
            if here.duration is None and result.source.item is not None:
                length = _item_duration(result, durations, max_bytes)
                if length:
                    here = here._replace(duration=length)
            yield Report(path, run_checks(parsed, here, path, chosen), result)


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
    return run_checks(parsed, options or Options(), path or "-", checks)


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
