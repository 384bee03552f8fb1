"""Tests for episodeparse.html: structure, links, entities, dropped content, hostile input."""

from __future__ import annotations

import html as std_html
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from episodeparse.html import html_to_text, looks_like_html, strip_tags
from tests.conftest import CORPUS

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not available")


# -- structure ------------------------------------------------------------------


def test_headings_paragraphs_and_breaks() -> None:
    source = (
        "<h1>Show</h1><h3>Episode  <b>5</b></h3>"
        "<p>First line<br>second line</p><p>Next paragraph</p>"
        "<h6>Small</h6>"
    )
    assert html_to_text(source) == (
        "# Show\n\n### Episode 5\n\nFirst line\nsecond line\n\nNext paragraph\n\n###### Small"
    )


def test_divs_break_lines_without_blank_lines() -> None:
    assert html_to_text("<div>one</div><div>two</div><section>three</section>") == (
        "one\ntwo\nthree"
    )


def test_double_br_gives_one_blank_line_and_empty_paragraphs_collapse() -> None:
    source = "<p>a<br><br>b</p><p><br></p><p></p><p><br /></p><p>c</p>"
    assert html_to_text(source) == "a\n\nb\n\nc"


def test_lists_and_nested_lists() -> None:
    source = (
        "<p>Intro</p><ul><li>one</li><li>two<ul><li>two.a</li><li>two.b<ol><li>deep</li></ol>"
        "</li></ul></li><li>three</li></ul><p>After</p>"
    )
    assert html_to_text(source) == (
        "Intro\n\n- one\n- two\n  - two.a\n  - two.b\n    - deep\n- three\n\nAfter"
    )


def test_list_items_without_end_tags_and_paragraphs_inside_items() -> None:
    source = "<ul><li><p>first</p><p>more</p><li>second</ul>"
    assert html_to_text(source) == "- first\n  more\n- second"


def test_hr_and_table_rows() -> None:
    source = (
        "<p>a</p><hr><table><tr><td>00:12</td><td>Intro</td></tr><tr><td>5:00</td></tr></table>"
    )
    assert html_to_text(source) == "a\n\n---\n\n00:12 | Intro\n5:00"


def test_heading_br_stays_on_one_line() -> None:
    assert html_to_text("<h2>Title<br>subtitle</h2>text") == "## Title subtitle\n\ntext"


def test_whitespace_collapses_like_a_browser() -> None:
    source = "  <p>  Hello \n\t <em>big</em>   world  </p>\n\n\n   <p>\n  bye </p>  "
    assert html_to_text(source) == "Hello big world\n\nbye"


def test_no_space_is_invented_between_inline_elements() -> None:
    assert html_to_text("<p><b>Bold</b><i>Italic</i> x</p>") == "BoldItalic x"


def test_pre_keeps_line_breaks() -> None:
    assert html_to_text("<pre>00:00 Intro\n01:12 Topic</pre>") == "00:00 Intro\n01:12 Topic"


def test_output_invariants_on_a_messy_document() -> None:
    source = "<div>\n<p> </p>\n<br><br><br>\n<div><p>x</p></div>\n\n<p>y </p><br><br></div>\n"
    out = html_to_text(source)
    assert out == "x\n\ny"


# -- links ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('<a href="https://x.org/a">the site</a>', "[the site](https://x.org/a)"),
        ('<a href="HTTP://X.ORG">site</a>', "[site](HTTP://X.ORG)"),
        ('<a href="mailto:me@x.org">write me</a>', "[write me](mailto:me@x.org)"),
        ('<a href="/relative/page">label</a>', "label"),
        ('<a href="page.html">label</a>', "label"),
        ('<a href="#t=01:50">01:50</a>', "01:50"),
        ('<a href="javascript:alert(1)">click</a>', "click"),
        ('<a href="data:text/html,hi">data</a>', "data"),
        ('<a href="https://x.org/a"></a>', "https://x.org/a"),
        ('<a href="https://x.org/a">&nbsp;</a>', "https://x.org/a"),
        ('<a href="https://x.org/a"> https://x.org/a </a>', "https://x.org/a"),
        ('<a href="https://x.org/a"><img src="i.png" alt="logo"></a>', "https://x.org/a"),
        ('<a href="https://x.org/a">a [b] c</a>', "[a \\[b\\] c](https://x.org/a)"),
        ('<a href="https://x.org/a b(c)">x</a>', "[x](https://x.org/a%20b(c%29)"),
        ('<a href="https://x.org/?a=1&amp;b=2">q</a>', "[q](https://x.org/?a=1&b=2)"),
        ('<a href="https://x.org/?a=1&copy=2">q</a>', "[q](https://x.org/?a=1&copy=2)"),
        ('<a href=" https://x.org/a\n">q</a>', "[q](https://x.org/a)"),
        ("<a href=https://x.org/a>q</a>", "[q](https://x.org/a)"),
        ("<a>no href</a>", "no href"),
        ('<a href="https://">empty host</a>', "empty host"),
    ],
)
def test_links(source: str, expected: str) -> None:
    assert html_to_text(source) == expected


def test_link_spacing_inside_text() -> None:
    source = 'See <a href="https://x.org"> the <b>site</b> </a>now, or <a href="/x">here</a>.'
    assert html_to_text(source) == "See [the site](https://x.org) now, or here."


def test_bare_address_never_runs_into_the_next_word() -> None:
    source = '<a href="http://a.org/x"></a><a href="http://a.org/x">Label</a> and (<a href="http://b.org">http://b.org</a>).'
    assert html_to_text(source) == "http://a.org/x [Label](http://a.org/x) and (http://b.org)."


def test_link_cut_by_a_block_keeps_its_address() -> None:
    source = '<a href="https://x.org"><div>Card title</div><p>Card text</p></a>'
    out = html_to_text(source)
    assert "https://x.org" in out
    assert "Card text" in out


# -- entities and dropped content -------------------------------------------------------


def test_entities_are_decoded() -> None:
    source = (
        "<p>Tom &amp; Jerry&#039;s &quot;show&quot; &eacute;t&eacute; caf&#xE9;&nbsp;&nbsp;x</p>"
    )
    assert html_to_text(source) == 'Tom & Jerry\'s "show" été café x'


def test_escaped_markup_stays_text() -> None:
    assert html_to_text("<p>&lt;b&gt;not bold&lt;/b&gt; &amp;amp;</p>") == "<b>not bold</b> &amp;"


def test_overlong_numeric_reference_does_not_raise() -> None:
    assert html_to_text("<p>a&#" + "1" * 5000 + ";b</p>") == "a\ufffdb"


@pytest.mark.parametrize(
    "dropped",
    [
        "<script>var a = '<p>no</p>';</script>",
        "<style>p { color: red }</style>",
        '<iframe src="https://player.example/x">fallback</iframe>',
        "<noscript><p>enable js</p></noscript>",
        "<template><p>tpl</p></template>",
        "<svg><text>drawn</text><svg><title>t</title></svg></svg>",
        '<img src="x.png" alt="alt text">',
        "<!-- a comment <p>x</p> -->",
        "<head><title>Page</title><meta charset=utf-8></head>",
        "<!DOCTYPE html>",
    ],
)
def test_dropped_content(dropped: str) -> None:
    assert html_to_text(f"<p>before</p>{dropped}<p>after</p>") == "before\n\nafter"


def test_uppercase_script_end_tag_and_self_closing_svg() -> None:
    source = "<SCRIPT>x</SCRIPT >shown <svg/> too"
    assert html_to_text(source) == "shown too"


# -- truncated and malformed input ------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello</p><p>wor", "Hello\n\nwor"),
        ('<p>Hello</p><p><a href="https://go.example/x" targe', "Hello\n\nhttps://go.example/x"),
        ('<p>Hello</p><p><a href="https://go.exa', "Hello"),
        ('<p>Hello <a href="https://x.org/a">https:/...', "Hello [https:/...](https://x.org/a)"),
        ("<p>Hello</p><...", "Hello\n\n<..."),
        ("<p>Hello</p><!-- never closed <p>gone</p>", "Hello"),
        ("<p>Hello</p><script>never closed", "Hello"),
        ("a < b and c<d", "a < b and c"),
        ("x <3 y", "x <3 y"),
        ("</p>stray end tags</div></ul></li>", "stray end tags"),
        ("<p>x</b></i></a></p></p>y", "x\n\ny"),
    ],
)
def test_truncated_and_malformed(source: str, expected: str) -> None:
    assert html_to_text(source) == expected


FRAGMENTS = [
    "<p>",
    "</p>",
    "<br>",
    "<li>",
    "</li>",
    "<ul>",
    "</ul>",
    "<h2>",
    "</h2>",
    '<a href="https://x.org/a">',
    "</a>",
    '<a href="/r">',
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<svg>",
    "</svg>",
    "&amp;",
    "&",
    "<",
    ">",
    '"',
    " ",
    "\n",
    "text",
    "[",
    "]",
    "<pre>",
    "</pre>",
    "<hr>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_never_raises_and_output_is_tidy(parts: list[str]) -> None:
    out = html_to_text("".join(parts))
    assert "\n\n\n" not in out
    assert out == out.strip("\n")
    assert all(line == line.rstrip() for line in out.splitlines())


# -- detection and strip_tags -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<p>Hello</p>",
        "\n\n  <div>x</div>",
        "<!DOCTYPE html><html>",
        "<H2>Episode</H2>",
        "<ul><li>a</li></ul>",
        "Plain start.\n<p>one</p>\n<p>two</p>\n<p>three</p>",
        'See <a href="https://a">a</a>, <a href="https://b">b</a> and <br> more',
    ],
)
def test_looks_like_html_true(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\n<iframe src='https://player'></iframe>\n\nSome **markdown** text",
        "<https://example.com> is an autolink",
        "Just text with a < sign and a <br> once.",
        "<!-- a comment -->\nMarkdown below",
        "",
    ],
)
def test_looks_like_html_false(text: str) -> None:
    assert not looks_like_html(text)


def test_looks_like_html_reads_a_bounded_prefix() -> None:
    text = "x" * 200_000 + "<p>a</p><p>b</p><p>c</p>"
    assert not looks_like_html(text)


def test_strip_tags() -> None:
    assert strip_tags("  <b>Episode&nbsp;5</b>:<br>Caf&eacute;  &amp; <i>more</i> ") == (
        "Episode 5: Café & more"
    )
    assert strip_tags("<p>one</p><p>two</p><script>x</script>") == "one two"
    assert strip_tags("AT&T <3 R&D") == "AT&T <3 R&D"


# -- linear time ------------------------------------------------------------------------------


def _best_time(function: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


HOSTILE: dict[str, Callable[[int], str]] = {
    "lt run": lambda n: "<" * n,
    "a href run": lambda n: "<a href=" * (n // 8),
    "unclosed comments": lambda n: "<!--" * (n // 4),
    "end tag openers": lambda n: "</" * (n // 2),
    "bang run": lambda n: "<!" * (n // 2),
    "nested divs": lambda n: "<div>" * (n // 11) + "x" + "</div>" * (n // 11),
    "nested lists": lambda n: "<ul><li>x" * (n // 9),
    "nested links": lambda n: '<a href="http://x.org/">x' * (n // 25),
    "nested svg": lambda n: "<svg>" * (n // 5),
    "attribute spam": lambda n: "<a" + " b" * (n // 2),
    "blanks then equals": lambda n: "<a" + " " * n + "=",
    "open quotes": lambda n: '<a title="x" href="' * (n // 20),
    "ampersands": lambda n: "&" * n,
    "numeric ref digits": lambda n: "&#" + "9" * n,
    "script end lookalikes": lambda n: "<script>" + "</scrip" * (n // 7),
    "mismatched end tags": lambda n: "<b>" * (n // 8) + "</i>" * (n // 8),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("function", [html_to_text, strip_tags, looks_like_html])
def test_linear_time_on_hostile_input(name: str, function: Callable[[str], object]) -> None:
    small = _best_time(function, HOSTILE[name](50_000))
    large = _best_time(function, HOSTILE[name](500_000))
    # Ten times the input: a linear algorithm takes ~10x, a quadratic one ~100x.
    assert large / max(small, 5e-4) < 30, (small, large)


# -- corpus -------------------------------------------------------------------------------------

_HREF = re.compile(r"""href\s*=\s*(["'])(https?://[^"']+)\1""", re.IGNORECASE)


def expected_addresses(source: str) -> list[str]:
    """Absolute addresses of the source's links, as html_to_text writes them."""
    return [
        std_html.unescape(match[2]).strip().replace(" ", "%20").replace(")", "%29")
        for match in _HREF.finditer(source)
    ]


def corpus_html_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.html")) if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("path", corpus_html_files(), ids=lambda path: path.name)
def test_corpus_html_keeps_every_absolute_address(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert looks_like_html(source)
    out = html_to_text(source)
    assert out
    for address in expected_addresses(source):
        assert address in out, address
    assert "<p" not in out and "</" not in out


@needs_corpus
def test_corpus_text_files_are_not_html() -> None:
    texts = sorted(CORPUS.glob("*/*.txt"))
    assert texts
    assert [path.name for path in texts if looks_like_html(path.read_text("utf-8"))] == []


@needs_corpus
def test_corpus_mlops_truncated_structure() -> None:
    path = next(CORPUS.glob("mlops-community/mlops-podcast-324-*.html"))
    lines = html_to_text(path.read_text("utf-8")).splitlines()
    assert lines[0].startswith("The Creator of FastAPI’s Next Chapter // MLOps Podcast #324")
    assert "Join the Community: https://go.mlops.community/YTJoinIn" in lines
    assert "// Abstract" in lines
    assert lines[-1] == "The creator of F..."


@needs_corpus
def test_corpus_no_agenda_heading_and_links() -> None:
    out = html_to_text((CORPUS / "no-agenda" / "1393-space-wake.html").read_text("utf-8"))
    lines = out.splitlines()
    assert lines[0] == '## No Agenda Episode 1393 - "Space Wake"'
    assert "Cathryn Girard -> Dame Sandcat of Southern Nye County Nevada" in lines
    assert (
        "Become a member of the 1394 Club, support the show [here](http://dvorak.org/na)" in lines
    )


@given(st.text(alphabet="<>/=\"' \tab\n", max_size=40))
def test_a_tag_ends_where_the_full_attribute_scan_says(rest: str) -> None:
    # the tokenizer's fast path for tags without attribute values agrees with the scan
    from episodeparse.html import _TAG_OPEN, _scan_attributes, _tokenize

    class Events:
        def __init__(self) -> None:
            self.seen: list[tuple[str, str | None, bool]] = []

        def start(self, name: str, href: str | None, self_closing: bool) -> None:
            self.seen.append((name, href, self_closing))

        def end(self, name: str) -> None:
            pass

        def text(self, data: str) -> None:
            pass

    source = "<a" + rest
    tag = _TAG_OPEN.match(source)
    assert tag is not None
    name = tag.group(2)
    end, href, self_closing = _scan_attributes(source, tag.end())
    events = Events()
    _tokenize(source, events)
    if end < 0:  # cut inside the tag: only a whole href of an <a> is kept
        assert events.seen == ([(name, href, False)] if href is not None and name == "a" else [])
    else:
        assert events.seen[:1] == [(name, href, self_closing)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("one<br/>two<br />three", "one\ntwo\nthree"),
        ("<p class=x>one</p>", "one"),
        ('<a title="x>y" href="https://e.com/">site</a>', "[site](https://e.com/)"),
        ("<a b<c>text", "text"),
    ],
)
def test_tags_with_and_without_attribute_values(source: str, expected: str) -> None:
    assert html_to_text(source) == expected


def test_text_without_whitespace_runs_is_what_the_collapse_gives() -> None:
    """_TextWriter._run skips _WHITESPACE.sub for text with no "  ", "\\n", "\\t", "\\r",
    "\\f" or "\\xa0": for such text the substitution changes nothing."""
    import random

    from episodeparse.html import _WHITESPACE

    alphabet = [" ", "  ", "\n", "\t", "\r", "\f", "\xa0", "a", "\u2003", "\x0b", "\x85", " x "]
    rng = random.Random(3)
    for _ in range(20000):
        data = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if not any(c in data for c in ("  ", "\n", "\t", "\r", "\f", "\xa0")):
            assert _WHITESPACE.sub(" ", data) == data
