"""``validate --format sarif``: the diagnostics as one SARIF 2.1.0 log, which GitHub code
scanning (``github/codeql-action/upload-sarif``) and editors read.

One run; its driver lists every check that ran as a rule (``id`` the code, the summary, the
default level, ``help`` the explanation of ``episodeparse rule CODE``); each diagnostic is a
result with the file and its line and column. A feed item's ``feed.xml#3`` is reported on
the feed file itself, the item named in the message. An input that could not be read is a
tool execution notification (``invocations[0].toolExecutionNotifications``), with the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from episodeparse import __version__
from episodeparse.checks import Check
from episodeparse.diagnostics import Diagnostic, Severity

__all__ = ["SARIF_SCHEMA", "format_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> tuple[str, str | None]:
    """The file a diagnostic's path names (without ``#N``), as a relative URI reference,
    and the feed item it names, if any."""
    from urllib.parse import quote

    base, sep, item = path.rpartition("#")
    if sep and item.isdigit():
        path = base
    else:
        item = ""
    return quote(path.replace("\\", "/"), safe="/:._-~"), (item or None)


def format_sarif(
    diagnostics: Iterable[Diagnostic],
    rules: Iterable[Check],
    failures: Iterable[tuple[str, str]] = (),
) -> str:
    """The SARIF log of ``diagnostics`` from the checks ``rules``; ``failures`` are
    (path, message) of inputs that could not be read."""
    listed = list(rules)
    index = {c.code: i for i, c in enumerate(listed)}
    results: list[dict[str, Any]] = []
    for d in diagnostics:
        uri, item = _uri(d.path)
        text = d.message if item is None else f"{d.message} (item {item})"
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": d.line, "startColumn": d.column},
                    }
                }
            ],
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)[0]}}}],
        }
        for path, message in failures
    ]
    driver: dict[str, Any] = {
        "name": "episodeparse",
        "version": __version__,
        "rules": [
            {
                "id": c.code,
                "shortDescription": {"text": c.summary},
                "help": {"text": " ".join((c.run.__doc__ or c.summary).split())},
                "defaultConfiguration": {"level": _LEVEL[c.severity]},
            }
            for c in listed
        ],
    }
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
