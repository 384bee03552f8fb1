"""Tests for episodeparse.feeds: corpus feeds, field extraction, safety, streaming."""

from __future__ import annotations

import inspect
import io
import re
import time
from pathlib import Path

import pytest

from episodeparse.feeds import (
    FeedError,
    FeedItem,
    FeedPerson,
    iter_items,
    looks_like_feed,
    parse_duration,
    parse_rfc2822_date,
)
from episodeparse.html import html_to_text, looks_like_html
from episodeparse.model import Channel
from tests.conftest import CORPUS

FEEDS = CORPUS / "feeds"
needs_corpus = pytest.mark.skipif(not FEEDS.is_dir(), reason="corpus not available")

RSS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
    ' xmlns:podcast="https://podcastindex.org/namespace/1.0"'
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
)


def rss(channel_and_items: str) -> bytes:
    return (RSS_HEAD + channel_and_items + "</channel></rss>").encode("utf-8")


def feed_files() -> list[Path]:
    return sorted(FEEDS.glob("*.xml")) if FEEDS.is_dir() else []


def items_of(name: str) -> list[FeedItem]:
    with (FEEDS / name).open("rb") as stream:
        return list(iter_items(stream))


# -- corpus -------------------------------------------------------------------------------------


@needs_corpus
def test_there_are_eighteen_corpus_feeds() -> None:
    assert len(feed_files()) == 18


@needs_corpus
@pytest.mark.parametrize("path", feed_files(), ids=lambda path: path.name)
def test_corpus_item_counts(path: Path) -> None:
    data = path.read_bytes()
    expected = len(re.findall(rb"<item[\s>]", data))  # not <podcast:liveItem>, not <itunes:...>
    assert expected > 0
    with path.open("rb") as stream:
        items = list(iter_items(stream))
    assert len(items) == expected
    assert [item.index for item in items] == list(range(expected))
    assert list(iter_items(data)) == items  # bytes and a stream give the same items
    for item in items:
        assert item.title
        assert item.published is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.published)
        assert item.podcast
        assert item.raw.startswith(b"<item") and item.raw.endswith(b"</item>")


@needs_corpus
def test_corpus_counts_by_name() -> None:
    counts = {path.name: len(items_of(path.name)) for path in feed_files()}
    assert counts == {
        "1865.xml": 61,
        "all-things-chemical.xml": 4,
        "anti-capitalist-chronicles.xml": 7,
        "changing-the-tide.xml": 15,
        "dk-podcast.xml": 59,
        "ellinofreneia.xml": 6,
        "homegrown-hits.xml": 4,
        "intercepted.xml": 43,
        "ndr-nachrichtenlage.xml": 2,
        "no-agenda.xml": 29,
        "pc20rss.xml": 56,
        "reply-all.xml": 187,
        "sentimental-garbage.xml": 138,
        "series-i-cinema.xml": 50,  # ISO-8859-1
        "steal-the-stars.xml": 15,
        "street-fight-radio.xml": 500,
        "the-tip-off.xml": 14,
        "themnshow.xml": 54,
    }


@needs_corpus
def test_sentimental_garbage_first_item() -> None:
    # Feed starts with a newline before <?xml (not well-formed strictly): it is accepted.
    item = items_of("sentimental-garbage.xml")[0]
    assert item.title == "Barbie with Jen Cownie"  # "Barbie with Jen Cownie " in the XML
    assert item.published == "2023-08-05"  # Sat, 05 Aug 2023 08:03:24 GMT
    assert (item.season, item.episode, item.episode_type) == (10, 29, "full")
    assert item.duration_seconds == 3920  # 1:05:20
    assert item.podcast == "Sentimental Garbage"
    assert item.link == "https://shows.acast.com/sentimentalgarbage/episodes/barbie-with-jen-cownie"
    assert item.persons == ()
    assert item.notes.startswith("<p>We're coming back off break")


@needs_corpus
def test_no_agenda_persons_and_repaired_entity() -> None:
    items = items_of("no-agenda.xml")  # has a stray "&gtgt;" that expat alone rejects
    first = items[0]
    assert first.title == '1393: "Space Wake"'
    assert first.published == "2021-10-24"
    assert first.persons == (
        FeedPerson(
            name="Adam Curry",
            role="host",  # no role attribute: the namespace's default
            href="http://curry.com/",
            img="https://upload.wikimedia.org/wikipedia/commons/thumb/d/d5/Adam_Curry_2016.jpg"
            "/440px-Adam_Curry_2016.jpg",
        ),
        FeedPerson(
            name="John C Dvorak",
            role="host",
            href="http://dvorak.org/blog",
            img="https://speaking.com/wp-content/uploads/2018/09/John-Dvorak.jpg",
        ),
    )
    # item 20's itunes:summary holds "Pat E&lt;/p&gtgt;": read as the text "&gtgt;", and the
    # item's raw bytes are the feed's, unrepaired
    assert b"Pat E&lt;/p&gtgt;" in items[19].raw


@needs_corpus
def test_pc20_guest_and_notes_match_corpus_html() -> None:
    first = items_of("pc20rss.xml")[0]
    assert first.title == "Episode 57: Rebel Rubes"
    assert first.published == "2021-10-08"
    assert [(person.name, person.role) for person in first.persons] == [
        ("Adam Curry", "host"),
        ("Dave Jones", "host"),
        ("Brian of London", "guest"),
    ]
    assert first.persons[2].href == "https://gist.github.com/brianoflondon/"
    corpus_notes = (CORPUS / "podcasting-2-0" / "057-rebel-rubes.html").read_text("utf-8")
    assert first.notes.strip() == corpus_notes.strip()


@needs_corpus
def test_1865_content_encoded_wins_and_itunes_fields() -> None:
    item = items_of("1865.xml")[2]
    assert item.title == "Cincinnatus | 10"
    assert (item.season, item.episode, item.episode_type) == (2, 10, "full")
    assert item.published == "2021-07-13"  # Tue, 13 Jul 2021 07:30:00 -0000
    assert item.duration_seconds == 2458  # 00:40:58
    corpus_notes = (CORPUS / "1865" / "s2e10-cincinnatus.html").read_text("utf-8")
    assert item.notes.strip() == corpus_notes.strip()


@needs_corpus
def test_themnshow_podcast_namespace_episode_and_season() -> None:
    first = items_of("themnshow.xml")[0]
    assert first.title == "Social Media"
    assert (first.episode, first.season) == (54, 1)  # podcast:episode / podcast:season
    # The item names only its guest; the channel's host joins it, first.
    assert first.persons == (
        FeedPerson(
            name="Mike Neumann",
            role="host",
            href="https://mikeneumann.net",
            img="https://mikeneumann.show/assets/static/MNeumann.jpeg",
        ),
        FeedPerson(
            name="Dr. Timothy M. Jurgensen",
            role="guest",
            href="https://midoripress.com",
            img="https://mikeneumann.show/assets/static/TMJurgensen.jpeg",
        ),
    )


@needs_corpus
def test_homegrown_hits_live_item_is_not_an_item() -> None:
    items = items_of("homegrown-hits.xml")
    assert [item.title for item in items] == [
        "Homegrown Hits - Episode 03",
        "Homegrown Hits - Episode 02",
        "Homegrown Hits - Episode 01",
        "Homegrown Hits - Episode 00",
    ]
    assert items[0].persons[0].name == "DuhLaurien"  # whitespace around the name removed


@needs_corpus
def test_corpus_feed_notes_convert_and_keep_addresses() -> None:
    href = re.compile(r"""href\s*=\s*(["'])(https?://[^"']+)\1""", re.IGNORECASE)
    converted = 0
    for path in feed_files():
        for item in items_of(path.name):
            if not looks_like_html(item.notes):
                continue
            converted += 1
            out = html_to_text(item.notes)
            for match in href.finditer(item.notes):
                address = match[2].replace("&amp;", "&").strip()
                assert address.replace(" ", "%20").replace(")", "%29") in out, address
    assert converted > 300


@needs_corpus
def test_corpus_feeds_are_read_quickly() -> None:
    start = time.perf_counter()
    total = sum(len(items_of(path.name)) for path in feed_files())
    assert total == 1244
    assert time.perf_counter() - start < 10  # about 0.5 s; generous for slow CI machines


# -- fields ---------------------------------------------------------------------------------------


def test_item_fields_and_channel_person_fallback() -> None:
    data = rss(
        "<title>My &amp; Show</title>"
        '<podcast:person href="https://h.example" img="https://h.example/i.png">Hostie</podcast:person>'
        "<image><title>Not the show title</title></image>"
        "<item><title><![CDATA[Ep <b>1</b> &amp; more]]></title>"
        "<pubDate>Wed, 13 Sep 2023 21:00:19 -0500</pubDate>"
        "<itunes:episode> 7 </itunes:episode><itunes:season>2</itunes:season>"
        "<itunes:episodeType>Bonus</itunes:episodeType><itunes:duration>125</itunes:duration>"
        "<description>short</description><content:encoded><![CDATA[<p>long</p>]]></content:encoded>"
        "<link> https://x.example/1 </link></item>"
        "<item><title>Two</title><pubDate>garbage</pubDate><podcast:episode>2.5</podcast:episode>"
        '<podcast:person role="Guest">Gwen</podcast:person>'
        "<content:encoded>   </content:encoded><description></description>"
        "<itunes:summary>summary text</itunes:summary><itunes:duration>1:02:03</itunes:duration>"
        "</item>"
    )
    first, second = iter_items(data)
    assert first == FeedItem(
        index=0,
        title="Ep 1 & more",
        published="2023-09-13",
        episode=7,
        season=2,
        episode_type="bonus",
        persons=(FeedPerson("Hostie", "host", "https://h.example", "https://h.example/i.png"),),
        podcast="My & Show",
        notes="<p>long</p>",
        link="https://x.example/1",
        duration_seconds=125,
        raw=first.raw,
        published_utc="2023-09-14T02:00:19Z",  # -0500: the next day in UTC
        channel=Channel(title="My & Show", link=None, language=None, author=None, image=None),
        line=2,  # RSS_HEAD ends the XML declaration's line
    )
    assert second.index == 1
    assert second.published is None
    assert second.episode is None  # podcast:episode 2.5 is not an integer
    # An item that names only its guest gets the channel's host too.
    assert second.persons == (
        FeedPerson("Hostie", "host", "https://h.example", "https://h.example/i.png"),
        FeedPerson("Gwen", "guest", None, None),
    )
    assert second.notes == "summary text"
    assert second.duration_seconds == 3723


def test_atom_feed() -> None:
    data = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Show</title>'
        b'<entry><title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title>'
        b"<updated>2024-01-03T00:00:00Z</updated><published>2024-01-02T10:00:00+01:00</published>"
        b'<link rel="enclosure" href="https://x.example/a.mp3"/>'
        b'<link href="https://x.example/page"/>'
        b'<summary>sum</summary><content type="html">&lt;p&gt;body&lt;/p&gt;</content></entry>'
        b"</feed>"
    )
    (item,) = iter_items(data)
    assert item.title == "A bold title"
    assert item.published == "2024-01-02"
    assert item.link == "https://x.example/page"
    assert item.notes == "<p>body</p>"
    assert item.podcast == "Atom Show"


def test_rss1_rdf_feed() -> None:
    data = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b"<channel><title>RDF Show</title></channel>"
        b"<item><title>First</title><dc:date>2020-05-06</dc:date><link>https://x.example/1</link>"
        b"<description>d</description></item></rdf:RDF>"
    )
    (item,) = iter_items(data)
    assert (item.title, item.published, item.link, item.notes, item.podcast) == (
        "First",
        "2020-05-06",
        "https://x.example/1",
        "d",
        "RDF Show",
    )


def test_older_podcast_namespace_uri_is_accepted() -> None:
    data = (
        b'<rss xmlns:podcast="https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md">'
        b'<channel><item><title>t</title><podcast:person role="guest">G</podcast:person>'
        b"<podcast:episode>4</podcast:episode></item></channel></rss>"
    )
    (item,) = iter_items(data)
    assert item.persons == (FeedPerson("G", "guest", None, None),)
    assert item.episode == 4


def test_raw_is_the_item_alone_and_stable() -> None:
    data = rss("<item><title>One</title></item>\n   <item><title>Two</title></item>")
    first, second = iter_items(data)
    assert first.raw == b"<item><title>One</title></item>"
    assert second.raw == b"<item><title>Two</title></item>"
    assert [item.raw for item in iter_items(data)] == [first.raw, second.raw]


def _as_written(data: bytes, opener: bytes, closer: bytes) -> list[bytes]:
    """Each ``opener ... closer`` span of ``data``, found by hand."""
    spans, at = [], data.find(opener)
    while at >= 0:
        end = data.index(closer, at) + len(closer)
        spans.append(data[at:end])
        at = data.find(opener, end)
    return spans


def test_raw_is_the_item_as_written_in_the_feed() -> None:
    # SPEC: source.sha256 is "of the raw input bytes of this episode": the item's own bytes,
    # quoting, spacing, prefixes, references, CDATA and comments as the feed has them.
    item_xml = (
        "<item  id = 'a&amp;b' >\n  <title a=\"x &quot;y&quot;\">"
        "Caf\u00e9 \U0001f600 &lt;b&gt; &#38;</title>\n"
        "  <itunes:episode>3</itunes:episode><empty/><!-- a > b -->"
        "<content:encoded><![CDATA[<p>a</item></p>]]></content:encoded></item >"
    )
    data = rss("<title>Show</title>" + item_xml + "\n<item><title>Two</title></item>")
    first, second = iter_items(data)
    assert first.raw == item_xml.encode("utf-8")
    assert second.raw == b"<item><title>Two</title></item>"


def test_raw_is_the_original_bytes_of_a_repaired_feed() -> None:
    # The repair turns "&hellip;" (8 bytes) into "&#8230;" (7) and "&" into "&amp;" (5):
    # before and inside the items, so that every offset after them moves.
    items = [
        "<item><title>A&hellip; &amp; AT&T</title></item>",
        "<item><title>B &gtgt; &nbsp;</title><description>x & y</description></item>",
        "<item><title>C</title></item>",
    ]
    data = rss("<title>S&hellip; & T</title>" + "\n".join(items))
    found = list(iter_items(data))
    assert [item.raw for item in found] == [item.encode() for item in items]
    assert found[1].title == "B >gt;"


@pytest.mark.parametrize("offset", range(-40, 40, 3))
def test_raw_of_an_item_across_read_chunks(offset: int) -> None:
    lead = b"\xef\xbb\xbf \n"  # a BOM and blanks before <?xml: skipped, yet counted
    padding = "x" * (
        64 * 1024 - len(lead) - len(RSS_HEAD) - len("<title>S&hellip;</title>") + offset
    )
    items = [
        f"<item><title>{padding}&nbsp;</title></item>",
        "<item><title>B&hellip;</title></item>",
    ]
    data = lead + rss("<title>S&hellip;</title>" + "".join(items))
    assert [item.raw for item in iter_items(data)] == [item.encode() for item in items]
    assert [item.raw for item in iter_items(io.BytesIO(data))] == [i.encode() for i in items]


def test_items_before_a_well_formedness_error_in_the_same_read_come_first() -> None:
    data = rss("<item><title>A</title></item><item><title>B</title><broken>")
    found: list[str | None] = []
    with pytest.raises(FeedError, match="not well-formed"):
        for item in iter_items(data):
            found.append(item.title)
    assert found == ["A"]


def test_raw_of_empty_items() -> None:
    data = rss('<item/><item a="/>" />\n<item></item><item a="x"/>')
    assert [item.raw for item in iter_items(data)] == [
        b"<item/>",
        b'<item a="/>" />',
        b"<item></item>",
        b'<item a="x"/>',
    ]


def test_raw_of_an_item_whose_text_ends_as_an_empty_tag_does() -> None:
    # Its bytes before "</item>" are "/>", as an empty element's are: it lost its end tag
    # (found by review).
    items = ["<item>http://x/></item>", "<item>a/></item >", "<item/>", "<item>b/></item>"]
    data = rss("".join(items))
    assert [item.raw for item in iter_items(data)] == [item.encode() for item in items]
    wide = (RSS_HEAD.replace("UTF-8", "UTF-16") + "".join(items) + "</channel></rss>").encode(
        "utf-16"
    )
    assert [item.raw for item in iter_items(wide)] == [item.encode("utf-16-le") for item in items]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_raw_of_a_utf16_feed_is_its_utf16_bytes(codec: str) -> None:
    head = RSS_HEAD.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    items = [
        "<item><title>\u00e9t\u00e9 \U0001f600</title></item>",
        '<item a="/>"/>',
        "<item>x</item >",
    ]
    found = list(iter_items((head + "".join(items) + "</channel></rss>").encode(codec)))
    unit = "utf-16-le" if codec == "utf-16" else codec  # "utf-16": a BOM, then little-endian
    assert [item.raw for item in found] == [item.encode(unit) for item in items]
    assert found[0].title == "\u00e9t\u00e9 \U0001f600"


@needs_corpus
@pytest.mark.parametrize("path", feed_files(), ids=lambda path: path.name)
def test_corpus_raw_items_are_the_feed_bytes(path: Path) -> None:
    data = path.read_bytes()
    expected = [
        span for span in _as_written(data, b"<item", b"</item>") if span[5:6] in (b">", b" ")
    ]
    assert [item.raw for item in iter_items(data)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sat, 05 Aug 2023 08:03:24 GMT", "2023-08-05"),
        ("Tue, 13 Jul 2021 23:30:00 -0700", "2021-07-13"),
        ("5 Aug 2023 08:03 +0000", "2023-08-05"),
        ("2023-08-05T08:03:24Z", "2023-08-05"),
        ("Mon, 31 Feb 2023 00:00:00 GMT", None),
        ("", None),
        ("soon", None),
    ],
)
def test_pubdate_parsing(text: str, expected: str | None) -> None:
    assert parse_rfc2822_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3920", 3920), ("65:20", 3920), ("1:05:20", 3920), ("01:05:20.250", 3920), ("", None)],
)
def test_duration_parsing(text: str, expected: int | None) -> None:
    assert parse_duration(text) == expected


# -- repairs -------------------------------------------------------------------------------------


def test_html_entities_and_stray_ampersands_are_repaired_outside_cdata() -> None:
    data = rss(
        "<item><title>AT&T&nbsp;rocks &eacute;t&eacute; &#233; &amp; R&D</title>"
        "<description><![CDATA[<p>a&nbsp;b & c</p>]]></description>"
        "<itunes:summary>x &gtgt; y</itunes:summary></item>"
    )
    (item,) = iter_items(data)
    assert item.title == "AT&T rocks été é & R&D"
    assert item.notes == "<p>a&nbsp;b & c</p>"  # CDATA content is untouched
    assert b"<itunes:summary>x &gtgt; y</itunes:summary>" in item.raw  # as written


def test_entity_split_across_read_chunks_is_repaired() -> None:
    for offset in range(-12, 12):
        padding = "x" * (64 * 1024 - len(RSS_HEAD) - len("<item><title>") + offset)
        data = rss(f"<item><title>{padding}&nbsp;end</title></item>")
        (item,) = iter_items(data)
        assert item.title is not None and item.title.endswith("x end"), offset


def test_whitespace_and_bom_before_the_xml_declaration_are_skipped() -> None:
    data = b"\xef\xbb\xbf\n\n  " + rss("<item><title>t</title></item>")
    assert [item.title for item in iter_items(data)] == ["t"]


# -- refusals ------------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss><channel><item><title>&lol9;</title></item></channel></rss>"""

EXTERNAL_FILE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&xxe;</title></item></channel></rss>"""

EXTERNAL_HTTP = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<rss><channel><item><title>x</title></item></channel></rss>"""

INTERNAL_SUBSET = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ELEMENT rss ANY>]>
<rss><channel><item><title>x</title></item></channel></rss>"""


@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, EXTERNAL_FILE, EXTERNAL_HTTP, INTERNAL_SUBSET],
    ids=["billion-laughs", "external-file", "external-http", "internal-subset"],
)
def test_dtds_and_entities_are_refused_quickly(data: bytes) -> None:
    start = time.perf_counter()
    with pytest.raises(FeedError, match=r"refused: .*line \d+, column \d+") as caught:
        list(iter_items(data))
    assert time.perf_counter() - start < 1
    assert "root:" not in str(caught.value)  # /etc/passwd was not read
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        b"just some text",
        b"<html><body><p>not a feed</p></body></html",
        b"",
        b"<rss><channel><item><title>x</title></item>",
        b"<rss><channel><item><title>x</ti",
        b"\xff\xfe\x00<\x00r",
    ],
    ids=["text", "html", "empty", "unclosed", "cut-mid-tag", "bad-utf16"],
)
def test_not_well_formed_raises_feed_error(data: bytes) -> None:
    with pytest.raises(FeedError, match=r"not well-formed XML: .*line \d+, column \d+"):
        list(iter_items(data))


@pytest.mark.parametrize(
    ("declared", "codec", "unit"),
    [
        ("Shift_JIS", "shift_jis", "shift_jis"),  # expat reads no multi-byte encoding itself
        ("EUC-JP", "euc_jp", "euc_jp"),
        ("GB2312", "gb2312", "gb2312"),
        ("Big5", "big5", "big5"),
        ("windows-1252", "cp1252", "cp1252"),
        ("UTF-16LE", "utf-16", "utf-16-le"),  # a BOM, and a name expat does not know
        ("UTF-16BE", "utf-16-be", "utf-16-be"),  # no BOM
        # Names of UTF-8 that expat does not know: it read them as one byte a character
        # and refused every byte above 127 ("invalid token").
        ("utf8", "utf-8", "utf-8"),
        ("UTF8", "utf-8", "utf-8"),
        ("utf_8", "utf-8", "utf-8"),
        ("u8", "utf-8", "utf-8"),
        ("cp65001", "utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig", "utf-8"),  # its byte order mark opens the feed
        # Names of UTF-16 that expat does not know: pyexpat raised a ValueError (a
        # traceback from convert) for a feed it should read.
        ("utf16", "utf-16", "utf-16-le"),
        ("utf_16", "utf-16-be", "utf-16-be"),
        ("UTF_16LE", "utf-16", "utf-16-le"),
    ],
)
def test_a_feed_in_any_encoding_python_knows(declared: str, codec: str, unit: str) -> None:
    title = {"cp1252": "Caf\u00e9 \u201cquoted\u201d"}.get(unit, "\u4e2d\u6587")
    items = [f"<item><title>{title} &amp; 1</title></item>", "<item><title>B</title></item >"]
    text = (
        f'<?xml version="1.0" encoding="{declared}"?>\n<rss><channel><title>{title}</title>'
        + "\n".join(items)
        + "</channel></rss>"
    )
    found = list(iter_items(text.encode(codec)))
    assert [item.title for item in found] == [f"{title} & 1", "B"]
    assert found[0].podcast == title
    assert [item.raw for item in found] == [item.encode(unit) for item in items]


@pytest.mark.parametrize("padding", [0, 64 * 1024 - 71, 64 * 1024 - 70, 64 * 1024 - 69])
def test_bytes_invalid_in_the_declared_encoding_raise_feed_error(padding: int) -> None:
    # "\x82\xa0" is a character, "\x82<" is not: cut by a read or not, the bad byte is named.
    head = b'<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><item><title>'
    data = head + b"x" * padding + b"\x82\xa0\x82</title></item></channel></rss>"
    with pytest.raises(FeedError, match=f"not valid Shift_JIS at byte {len(head) + padding + 2}$"):
        list(iter_items(data))


def test_a_long_declaration_still_names_the_encoding() -> None:
    # The name was looked for in the declaration's first 200 bytes only; past them,
    # expat met "Shift_JIS" itself and pyexpat raised a ValueError (a traceback).
    head = '<?xml version="1.0"' + " " * 300 + 'encoding="Shift_JIS"?>'
    data = (head + "<rss><channel><item><title>\u4e2d</title></item></channel></rss>").encode(
        "shift_jis"
    )
    assert [item.title for item in iter_items(data)] == ["\u4e2d"]


class _Trickle(io.BytesIO):
    """A pipe that hands over a few bytes a read."""

    def read(self, size: int | None = -1) -> bytes:
        return super().read(7)


def test_a_declaration_cut_by_reads_still_names_the_encoding() -> None:
    # A pipe may hand over the declaration in pieces: the name was looked for in the
    # first read only, and expat met "Shift_JIS" itself (pyexpat's ValueError).
    text = '<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><item><title>\u4e2d'
    data = (text + "</title></item></channel></rss>").encode("shift_jis")
    assert [item.title for item in iter_items(_Trickle(data))] == ["\u4e2d"]


def test_a_declaration_across_the_first_read_still_names_the_encoding() -> None:
    # After 64 KiB of blank lines, the declaration straddled the first read (review).
    text = '<?xml version="1.0" encoding="utf8"?><rss><channel><item><title>Caf\u00e9'
    data = b"\n" * 65526 + (text + "</title></item></channel></rss>").encode()
    assert [item.title for item in iter_items(data)] == ["Caf\u00e9"]


def test_an_encoding_the_parser_cannot_read_is_a_feed_error_not_a_crash() -> None:
    # A declaration longer than the 64 KiB looked at for its name: expat meets the name
    # itself, and pyexpat's ValueError is the feed's error.
    head = '<?xml version="1.0"' + " " * 70_000 + 'encoding="Shift_JIS"?>'
    data = (head + "<rss></rss>").encode("shift_jis")
    with pytest.raises(FeedError, match=r"^feed is not readable: multi-byte encodings"):
        list(iter_items(data))


@pytest.mark.parametrize(
    ("declared", "codec"),
    [
        ("ISO-2022-JP", "iso2022_jp"),
        ("ISO-2022-JP-2", "iso2022_jp_2"),
        ("ISO-2022-KR", "iso2022_kr"),
        ("HZ-GB-2312", "hz"),
        ("UTF-7", "utf-7"),
    ],
)
def test_an_encoding_that_switches_with_escapes_is_refused_in_one_line(
    declared: str, codec: str
) -> None:
    # Each byte alone decodes, so pyexpat took these for one-byte encodings and misread
    # them; decoded here, an item's bytes could not be told from its text (a review found
    # raw bytes rewritten, and a traceback for characters ISO-2022-JP-2 cannot write back).
    text = f'<?xml version="1.0" encoding="{declared}"?><rss><channel><item><title>\u4e2d'
    data = (text + "</title></item></channel></rss>").encode(codec)
    with pytest.raises(FeedError, match=f"^feed is not readable: its encoding {declared} switches"):
        list(iter_items(data))


def test_a_stylesheet_instruction_is_not_the_declaration() -> None:
    # "<?xml-stylesheet" opens with "<?xml" too: its encoding="Shift_JIS" was taken for
    # the feed's, and a UTF-8 feed was read as Shift_JIS without an error (found by review).
    data = (
        '<?xml-stylesheet type="text/xsl" href="s.xsl" encoding="Shift_JIS"?>'
        "<rss><channel><item><title>Caf\u00e9</title></item></channel></rss>"
    ).encode()
    assert [item.title for item in iter_items(data)] == ["Caf\u00e9"]


def test_a_utf8_byte_order_mark_wins_over_the_declaration() -> None:
    # The mark says UTF-8 (XML 1.0, appendix F): a declared Shift_JIS misread it silently.
    text = '<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><item><title>Caf\u00e9'
    data = b"\xef\xbb\xbf" + (text + "</title></item></channel></rss>").encode()
    assert [item.title for item in iter_items(data)] == ["Caf\u00e9"]


def test_an_unknown_declared_encoding_raises_feed_error() -> None:
    """expat raises LookupError for an encoding Python does not know (found by the hostile
    parse properties: a mutated feed's encoding="U-TF-8" crashed convert)."""
    data = b'<?xml version="1.0" encoding="U-TF-8"?><rss><channel></channel></rss>'
    with pytest.raises(FeedError, match="unknown encoding: U-TF-8"):
        list(iter_items(data))


@pytest.mark.parametrize("padding", [0, 70_000])
def test_items_before_a_bad_byte_in_a_decoded_feed_come_first(padding: int) -> None:
    # They were dropped with the whole read that held the bad byte (found by review); a
    # UTF-8 feed gives them first, then its error.
    head = '<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><title>S</title>'
    items = "".join(f"<item><title>\u4e2d{n}</title></item>" for n in range(3))
    pad = f"<item><title>{'x' * padding}</title></item>" if padding else ""
    data = (head + pad + items).encode("shift_jis") + b"<item><title>\x88"
    found: list[str | None] = []
    with pytest.raises(FeedError, match="not valid Shift_JIS at byte"):
        for item in iter_items(data):
            found.append(item.title)
    assert found[-3:] == ["\u4e2d0", "\u4e2d1", "\u4e2d2"]


@pytest.mark.parametrize("name", ["idna", "punycode", "rot13", "base64", "hex", "bz2"])
def test_a_declared_codec_that_is_no_text_encoding_raises_feed_error(name: str) -> None:
    # Python knows these names, but they decode no bytes to text ("idna" and "punycode"
    # crashed convert with a UnicodeError).
    data = f'<?xml version="1.0" encoding="{name}"?><rss><channel></channel></rss>'.encode()
    with pytest.raises(FeedError, match=f"^feed is not readable: .*{name}"):
        list(iter_items(data))


@needs_corpus
def test_truncated_corpus_feed_yields_items_then_raises() -> None:
    data = (FEEDS / "pc20rss.xml").read_bytes()
    cut = data[: len(data) // 2]
    items: list[FeedItem] = []
    with pytest.raises(FeedError, match="not well-formed"):
        items.extend(iter_items(cut))
    expected = len(re.findall(rb"</item>", cut))
    assert len(items) == expected > 10


def test_limit_bytes() -> None:
    data = rss("<item><title>t</title></item>" * 10_000)
    assert len(list(iter_items(data, limit_bytes=len(data)))) == 10_000
    with pytest.raises(FeedError, match="larger than the limit"):
        list(iter_items(data, limit_bytes=100_000))


# -- streaming -----------------------------------------------------------------------------------


class CountingStream(io.BytesIO):
    """Records how far the parser has read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.consumed = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.consumed += len(chunk)
        return chunk


def test_items_stream_without_reading_the_whole_feed() -> None:
    data = rss("".join(f"<item><title>Episode {n}</title></item>" for n in range(20_000)))
    stream = CountingStream(data)
    assert inspect.isgenerator(iter_items(stream))
    items = iter_items(stream)
    assert stream.consumed == 0  # nothing happens before the first next()
    first = next(items)
    assert first.title == "Episode 0"
    assert stream.consumed < len(data) // 4
    assert sum(1 for _ in items) == 19_999
    assert stream.consumed == len(data)


def test_looks_like_feed() -> None:
    assert looks_like_feed(rss(""))
    assert looks_like_feed(b'\n<?xml version="1.0"?>\n<?xml-stylesheet href="a.xsl"?>\n<rss>')
    assert looks_like_feed(b"\xef\xbb\xbf<!-- generator --><feed xmlns='x'>")
    assert looks_like_feed(b'<rdf:RDF xmlns:rdf="x">')
    assert looks_like_feed("<rss>".encode("utf-16"))
    assert not looks_like_feed(b"<html><head>")
    assert not looks_like_feed(b"<?xml version='1.0'?><svg>")
    assert not looks_like_feed(b"# Markdown <rss> mention")
    assert not looks_like_feed(b"")


@needs_corpus
def test_corpus_feeds_look_like_feeds_and_notes_do_not() -> None:
    for path in feed_files():
        assert looks_like_feed(path.read_bytes()[:4096]), path.name
    for path in CORPUS.glob("*/*.html"):
        assert not looks_like_feed(path.read_bytes()[:4096]), path.name
