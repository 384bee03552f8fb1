"""Diagnostics as data, and their three formats."""

from __future__ import annotations

import json

from episodeparse.diagnostics import (
    Diagnostic,
    format_github,
    format_json,
    format_text,
    shown_name,
    worst,
)


def test_diagnostics_sort_by_path_line_column_then_code() -> None:
    a = Diagnostic("a.txt", 3, 1, "links/http", "warning", "m")
    b = Diagnostic("a.txt", 3, 1, "chapters/bad-time", "error", "m")
    c = Diagnostic("a.txt", 2, 9, "sections/empty", "info", "m")
    d = Diagnostic("a.txt", 10, 1, "header/no-title", "warning", "m")
    assert sorted([a, b, c, d]) == [c, b, a, d]


def test_worst_ranks_error_over_warning_over_info() -> None:
    info = Diagnostic("n", 1, 1, "chapters/not-taken", "info", "m")
    warning = Diagnostic("n", 1, 1, "links/http", "warning", "m")
    error = Diagnostic("n", 1, 1, "links/malformed", "error", "m")
    assert worst([info]) == "info"
    assert worst([info, warning]) == "warning"
    assert worst([error, info, warning]) == "error"


def test_text_format_is_path_line_column_severity_message_code() -> None:
    d = Diagnostic("notes/ep 1.txt", 12, 4, "chapters/out-of-order", "error", "too early")
    assert format_text([d]) == "notes/ep 1.txt:12:4: error: too early [chapters/out-of-order]\n"
    assert format_text([]) == ""


def test_json_format_is_a_list_of_the_six_fields() -> None:
    d = Diagnostic("n.txt", 1, 2, "links/http", "warning", "use “https”")
    assert json.loads(format_json([d])) == [
        {
            "path": "n.txt",
            "line": 1,
            "column": 2,
            "code": "links/http",
            "severity": "warning",
            "message": "use “https”",
        }
    ]
    assert json.loads(format_json([])) == []


def test_github_format_escapes_message_and_properties() -> None:
    d = Diagnostic("dir,a:b/notes%.txt", 7, 3, "links/malformed", "error", "50% off\r\nsecond line")
    assert format_github([d]) == (
        "::error file=dir%2Ca%3Ab/notes%25.txt,line=7,col=3,title=links/malformed"
        "::50%25 off%0D%0Asecond line\n"
    )


def test_github_format_maps_info_to_notice() -> None:
    levels = [
        format_github([Diagnostic("n", 1, 1, "c/x", severity, "m")]).split(" ")[0]
        for severity in ("error", "warning", "info")
    ]
    assert levels == ["::error", "::warning", "::notice"]


def test_a_quoted_name_is_never_taken_for_another_name() -> None:
    # A name written with quotes and a backslash looked like the quoted form of a name
    # with a line feed (found by review): a name that opens with a quote is quoted too.
    assert shown_name('"q\\nb.txt"') != shown_name("q\nb.txt") == '"q\\nb.txt"'
    assert shown_name('"q\\nb.txt"') == '"\\"q\\\\nb.txt\\""'
    assert shown_name('a "b" \\ c.txt') == 'a "b" \\ c.txt'  # not opening with a quote


def test_bytes_of_a_name_that_are_not_utf8_are_escaped() -> None:
    # Python holds them as lone surrogates: a raw 0x9b (a terminal's CSI) reached stdout.
    assert shown_name("c1\udc9b31m.txt") == '"c1\\udc9b31m.txt"'


def test_github_format_escapes_other_control_characters() -> None:
    d = Diagnostic("e\x1b[31m\u202ex.txt", 1, 1, "c/x", "warning", "a\x1b]0;t\x07b\r\nc")
    assert format_github([d]) == (
        "::warning file=e\\x1b[31m\\u202ex.txt,line=1,col=1,title=c/x::a\\x1b]0;t\\x07b%0D%0Ac\n"
    )
