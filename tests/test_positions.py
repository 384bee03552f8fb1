"""Leftovers' ``line`` counts lines of the input as written (SPEC: "a line of the input"):
for HTML notes, the HTML file; for a feed item, the ``.xml`` file where the item's text is,
whatever the feed's encoding and however its text is written (CDATA or escaped HTML).
Text and Markdown notes are read as written, so their lines are the text's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import episodeparse
from episodeparse import feeds
from episodeparse.cli import app

# A part of the title line on line 7 and the heading on line 14, which has nothing under
# it, are what no field takes: the record keeps them as leftovers.
HTML = """<!DOCTYPE html>
<html>
<head>
<title>Tea Talks 7</title>
</head>
<body>
<h1>Intro // Ada Lovelace // Live from Berlin // Tea Talks #7</h1>
<p>
  We talk about engines, looms and the
  analytical machine that never was.
</p>
<ul><li>[00:10] Hello</li></ul>

<h2>Takeaways and Surprises</h2>
</body>
</html>
"""

# Item 0's notes are HTML in CDATA, its leftovers on lines 7 (a part of the title line) and
# 10 (a heading); item 1's are escaped HTML, its leftover heading on line 17. The prefix
# ``content:`` is declared unless a test drops the declaration.
FEED = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Tea Talks</title>
<item>
<title>Intro</title>
<content:encoded><![CDATA[<p>Tonight // Ada Lovelace // Live from Berlin // Tea Talks #7</p>
<ul><li>[00:10] Hello</li></ul>

<h2>Takeaways and Surprises</h2>]]></content:encoded>
</item>
<item>
<title>Second {word}</title>
<description>&lt;p&gt;More about looms and engines.&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;[00:10] Hello&lt;/li&gt;&lt;/ul&gt;

&lt;h2&gt;Crumbs and Oddities&lt;/h2&gt;</description>
</item>
</channel>
</rss>
"""
FEED_LINES = [[7, 10], [17]]


def _feed(encoding: str = "UTF-8", word: str = "caf\u00e9") -> str:
    return FEED.format(encoding=encoding, word=word)


def _lines(records: list[episodeparse.Episode]) -> list[list[int]]:
    return [[x.line for x in record.leftovers] for record in records]


def _cli_lines(path: str, stdin: bytes | None = None) -> list[list[int]]:
    result = CliRunner().invoke(app, ["convert", "--format", "jsonl", path], input=stdin)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return [[x["line"] for x in record["leftovers"]] for record in records]


def test_an_html_notes_leftover_is_on_its_line_of_the_html_file(tmp_path: Path) -> None:
    record = episodeparse.parse(HTML, path="ep.html")
    assert [(x.line, x.text) for x in record.leftovers] == [
        (7, "Live from Berlin"),
        (14, "## Takeaways and Surprises"),
    ]
    notes = tmp_path / "ep.html"
    notes.write_text(HTML.replace("\n", "\r\n"), encoding="utf-8")
    assert _cli_lines(str(notes)) == [[7, 14]]


def test_html_notes_in_a_txt_file_count_lines_of_that_file(tmp_path: Path) -> None:
    notes = tmp_path / "ep.txt"
    notes.write_text(HTML, encoding="utf-8")
    assert _cli_lines(str(notes)) == [[7, 14]]


def test_text_and_markdown_leftovers_keep_their_lines() -> None:
    text = "Intro // Ada Lovelace // Tea Talks #7\n\nProse here.\n\n## Takeaways and Surprises\n"
    assert [x.line for x in episodeparse.parse(text, path="ep.md").leftovers] == [5]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf-8", _feed().encode("utf-8")),
        ("utf-8 after blank lines", b"\n\n" + _feed().encode("utf-8")),
        ("utf-8 with a byte order mark", b"\xef\xbb\xbf" + _feed().encode("utf-8")),
        ("utf-8, CRLF", _feed().replace("\n", "\r\n").encode("utf-8")),
        ("utf-16", _feed("UTF-16").encode("utf-16")),
        ("utf-16-be", b"\xfe\xff" + _feed("UTF-16").encode("utf-16-be")),
        ("iso-8859-1", _feed("ISO-8859-1").encode("iso-8859-1")),
        ("shift_jis", _feed("Shift_JIS", "\u7b2c\u4e00\u56de").encode("shift_jis")),
        (
            "undeclared prefix",
            _feed()
            .replace(' xmlns:content="http://purl.org/rss/1.0/modules/content/"', "")
            .encode("utf-8"),
        ),
        ("entities repaired", _feed(word="caf&eacute; &amp; tea &").encode("utf-8")),
    ],
)
def test_a_feed_items_leftover_is_on_its_line_of_the_xml_file(
    name: str, data: bytes, tmp_path: Path
) -> None:
    blank = 2 if name.endswith("blank lines") else 0
    expected = [[line + blank for line in lines] for lines in FEED_LINES]
    assert _lines(list(episodeparse.parse_feed(data))) == expected
    feed = tmp_path / "feed.xml"
    feed.write_bytes(data)
    assert _lines(list(episodeparse.parse_feed(feed))) == expected
    assert _cli_lines(str(feed)) == expected
    assert _cli_lines("-", stdin=data) == expected


def test_a_feed_item_carries_the_line_its_element_opens_on() -> None:
    data = b"\n" + _feed().encode("utf-8")
    assert [item.line for item in feeds.iter_items(data)] == [6, 13]
    wide = [item.line for item in feeds.iter_items(_feed("UTF-16").encode("utf-16"))]
    assert wide == [5, 12]


def test_leftovers_of_items_far_down_a_long_feed_are_on_their_lines() -> None:
    # Items read across many chunks of the stream: lines before each are counted once.
    head, rest = _feed().split("<item>", 1)
    item = "<item>" + rest.split("</channel>", 1)[0]
    items = item * 400  # 2 items, 14 lines, each time
    data = (head + items + "</channel>\n</rss>\n").encode("utf-8")
    lines = _lines(list(episodeparse.parse_feed(data)))
    assert lines[-2:] == [[7 + 14 * 399, 10 + 14 * 399], [17 + 14 * 399]]


def test_validate_reports_an_html_leftover_on_its_line(tmp_path: Path) -> None:
    notes = tmp_path / "ep.html"
    notes.write_text(HTML, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["validate", "--select", "leftovers", "--format", "github", str(notes)]
    )
    # The check reads the leftover at its line of the text read and moves it once.
    found = [line for line in result.stdout.splitlines() if "leftovers/unrecognized" in line]
    assert [line.split(",title=")[0] for line in found] == [
        f"::warning file={notes},line=7,col=30"
    ], result.stdout


def test_validate_reports_a_feed_leftover_on_its_line_naming_the_item(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(_feed().encode("utf-8"))
    result = CliRunner().invoke(app, ["validate", "--select", "leftovers", str(feed)])
    found = [line for line in result.stdout.splitlines() if "leftovers/unrecognized" in line]
    assert len(found) == 1, result.stdout
    assert found[0].startswith(f"{feed}:7:") and '(item 0 "Intro")' in found[0]
