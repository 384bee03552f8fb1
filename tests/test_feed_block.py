"""The record's ``feed`` block (SPEC.md, "Feed items"), what the record takes from the
feed, inline Podlove Simple Chapters, and tolerant reading of real feeds' mistakes."""

from __future__ import annotations

import hashlib
import json
import re
import socket
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from episodeparse.inputs import iter_records, records_from_bytes
from episodeparse.model import Episode
from episodeparse.schema import episode_schema
from tests.conftest import FIXTURES, SHARED

FEEDS = SHARED / "corpus" / "feeds"
MALFORMED = SHARED / "feeds-malformed"
PUBLIC = FIXTURES / "feeds"  # real public feeds, with their sources in PUBLIC / "SOURCES"
needs_corpus = pytest.mark.skipif(not FEEDS.is_dir(), reason="corpus not available")

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
    ' xmlns:podcast="https://podcastindex.org/namespace/1.0"'
    ' xmlns:media="http://search.yahoo.com/mrss/"'
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
)


def rss(body: str, head: str = HEAD) -> bytes:
    return (head + body + "</channel></rss>").encode("utf-8")


def records(data: bytes) -> list[Episode]:
    return list(records_from_bytes(data, "feed.xml"))


def record_dicts(data: bytes) -> list[dict[str, Any]]:
    return [r.to_dict() for r in records(data)]


def converted(path: Path) -> list[dict[str, Any]]:
    out = []
    for record in iter_records([str(path)]):
        assert isinstance(record, Episode), record
        out.append(record.to_dict())
    return out


# -- the block, field by field ---------------------------------------------------------


FULL_ITEM = """
<title>Ola &amp; the Night Shift</title><link>https://show.example/</link>
<language>en-gb</language><itunes:author>Ola Brennan</itunes:author>
<itunes:image href="https://show.example/cover.jpg"/>
<item>
  <title> Episode 12: <b>Night</b>  Buses </title>
  <link>https://show.example/12</link>
  <guid isPermaLink="false"> night-buses-12 </guid>
  <pubDate>Thu, 22 Jun 2023 00:00:00 -0400</pubDate>
  <itunes:duration>1:30:00</itunes:duration>
  <itunes:season>3</itunes:season><itunes:episode>12</itunes:episode>
  <itunes:episodeType>Full</itunes:episodeType><itunes:explicit>clean</itunes:explicit>
  <itunes:image href="https://show.example/12.jpg"/>
  <enclosure url="https://cdn.example/12.mp3" type="audio/mpeg" length="1466687018"/>
  <podcast:chapters url="https://show.example/12/chapters.json" type="application/json+chapters"/>
  <podcast:transcript url="https://show.example/12.vtt" type="text/vtt" language="en"
    rel="captions"/>
  <podcast:transcript url="https://show.example/12.srt" type="application/srt"/>
  <description>Ola rides the last bus home.</description>
</item>
"""


def test_every_key_of_the_block_from_an_rss_item() -> None:
    (record,) = record_dicts(rss(FULL_ITEM))
    assert record["feed"] == {
        "id": "night-buses-12",
        "guid": "night-buses-12",
        "title": "Episode 12: Night Buses",
        "link": "https://show.example/12",
        "published": "2023-06-22T04:00:00Z",
        "duration": 5400,
        "season": 3,
        "episode": 12,
        "episode_type": "full",
        "explicit": False,
        "image": "https://show.example/12.jpg",
        # Ten digits: a length over 1 GB is still a length.
        "enclosure": {
            "url": "https://cdn.example/12.mp3",
            "type": "audio/mpeg",
            "length": 1466687018,
        },
        "chapters_url": {
            "url": "https://show.example/12/chapters.json",
            "type": "application/json+chapters",
        },
        "transcripts": [
            {
                "url": "https://show.example/12.vtt",
                "type": "text/vtt",
                "language": "en",
                "rel": "captions",
            },
            {
                "url": "https://show.example/12.srt",
                "type": "application/srt",
                "language": None,
                "rel": None,
            },
        ],
        "channel": {
            "title": "Ola & the Night Shift",
            "link": "https://show.example/",
            "language": "en-gb",
            "author": "Ola Brennan",
            "image": "https://show.example/cover.jpg",
        },
    }
    # The record's own keys: the date as the feed wrote it (its own zone), the number.
    assert (record["title"], record["episode"], record["date"]) == ("Night Buses", 12, "2023-06-22")


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "<guid>g-1</guid><enclosure url='https://c.example/a.mp3'/><link>https://l.example</link>",
            "g-1",
        ),
        (
            "<enclosure url='https://c.example/a.mp3'/><link>https://l.example</link>",
            "https://c.example/a.mp3",
        ),
        ("<link>https://l.example</link>", "https://l.example"),
        ("<guid>   </guid>", "sha256:"),
    ],
    ids=["guid", "enclosure", "link", "digest"],
)
def test_id_is_the_guid_else_the_enclosure_else_the_link_else_the_digest(
    item: str, expected: str
) -> None:
    (record,) = records(rss(f"<item><title>T</title>{item}</item>"))
    assert record.feed is not None
    if expected == "sha256:":
        assert record.feed.id == "sha256:" + record.source.sha256
        assert record.feed.guid is None
    else:
        assert record.feed.id == expected


def test_a_guid_is_the_link_unless_it_says_it_is_not_a_permalink() -> None:
    first, second, third = records(
        rss(
            "<item><title>A</title><guid>https://a.example/1</guid></item>"
            '<item><title>B</title><guid isPermaLink="false">https://a.example/2</guid></item>'
            "<item><title>C</title><guid>tag:a.example,2024:3</guid></item>"
        )
    )
    assert first.feed is not None and first.feed.link == "https://a.example/1"
    assert second.feed is not None and second.feed.link is None
    assert third.feed is not None and third.feed.link is None  # not an address


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Thu, 22 Jun 2023 00:00:00 -0400", "2023-06-22T04:00:00Z"),
        ("Sat, 05 Aug 2023 08:03:24 GMT", "2023-08-05T08:03:24Z"),
        ("Mon, 01 Jan 2024 23:30:00 +0100", "2024-01-01T22:30:00Z"),
        ("Sun, 31 Dec 2023 23:30:00 -0100", "2024-01-01T00:30:00Z"),  # the next year in UTC
        ("Tue, 10 Jun 2003 04:00:00", "2003-06-10T04:00:00Z"),  # no zone: UTC
        ("2021-10-08T19:18:55Z", "2021-10-08T19:18:55Z"),
        ("yesterday", None),
    ],
)
def test_published_is_the_same_instant_in_utc(written: str, expected: str | None) -> None:
    (record,) = records(rss(f"<item><title>T</title><pubDate>{written}</pubDate></item>"))
    assert record.feed is not None
    assert record.feed.published == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("yes", True),
        ("True", True),
        ("explicit", True),
        ("no", False),
        ("false", False),
        ("Clean", False),
        ("maybe", None),
    ],
)
def test_explicit(written: str, expected: bool | None) -> None:
    (record,) = records(
        rss(f"<item><title>T</title><itunes:explicit>{written}</itunes:explicit></item>")
    )
    assert record.feed is not None and record.feed.explicit is expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [("5400", 5400), ("90:00", 5400), ("1:30:00", 5400), ("01:30:00.500", 5400), ("an hour", None)],
)
def test_duration_in_any_form(written: str, expected: int | None) -> None:
    (record,) = records(
        rss(f"<item><title>T</title><itunes:duration>{written}</itunes:duration></item>")
    )
    assert record.feed is not None and record.feed.duration == expected


def test_an_episode_type_outside_the_three_is_null_and_a_media_thumbnail_is_the_image() -> None:
    (record,) = records(
        rss(
            "<item><title>T</title><itunes:episodeType>special</itunes:episodeType>"
            '<media:thumbnail url="https://img.example/t.jpg"/></item>'
        )
    )
    assert record.feed is not None
    assert (record.feed.episode_type, record.feed.image) == (None, "https://img.example/t.jpg")


def test_channel_image_and_author_fall_back_to_other_elements() -> None:
    (record,) = records(
        rss(
            "<title>Show</title><managingEditor>desk@show.example (The Desk)</managingEditor>"
            "<image><url>https://show.example/logo.png</url><title>Logo</title></image>"
            "<item><title>T</title></item>"
        )
    )
    assert record.feed is not None
    assert record.feed.channel.image == "https://show.example/logo.png"
    assert record.feed.channel.author == "desk@show.example (The Desk)"
    assert record.feed.channel.title == "Show"


def test_notes_file_has_no_feed_block(tmp_path: Path) -> None:
    notes = tmp_path / "ep.txt"
    notes.write_text("A title\n\nSome notes about the episode.\n", encoding="utf-8")
    (record,) = converted(notes)
    assert record["feed"] is None


# -- people from the feed -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "hosts"),
    [
        ("Ola Brennan", ["Ola Brennan"]),
        ("Ola Brennan &amp; Tomás N. Reyes", ["Ola Brennan", "Tomás N. Reyes"]),
        ("Lantern Radio", []),  # a station
        ("Bluebird Media LLC", []),  # a company
        ("KXQW News", []),
        ("Quillcast", []),  # one word: not a full name
        ("Ola Brennan / Lantern Radio", []),
    ],
)
def test_the_channel_author_hosts_where_it_is_people_and_the_notes_name_no_host(
    author: str, hosts: list[str]
) -> None:
    (record,) = records(
        rss(
            f"<itunes:author>{author}</itunes:author>"
            "<item><title>Trains</title><description>All about trains.</description></item>"
        )
    )
    assert [p.name for p in record.people if p.role == "host"] == hosts


def test_the_channel_author_is_not_added_where_a_host_is_named() -> None:
    (record,) = records(
        rss(
            "<itunes:author>Ola Brennan</itunes:author>"
            '<item><title>Trains</title><podcast:person role="host">Mara Lind</podcast:person>'
            "<description>All about trains.</description></item>"
        )
    )
    assert [(p.name, p.role) for p in record.people] == [("Mara Lind", "host")]


# -- inline Podlove Simple Chapters ---------------------------------------------------------

PSC_ITEM = """<item><title>Chaptered</title>
<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
  <psc:chapter start="12:42" title="Last" />
  <psc:chapter start="0" title="Welcome" />
  <psc:chapter start="3:07" title="Tools" href="https://tools.example/" />
  <psc:chapter start="soon" title="No time" />
</psc:chapters>
<description><![CDATA[<p>Notes.</p>
<p>00:00 Welcome<br>05:00 A chapter only the notes have</p>]]></description>
</item>"""


def test_inline_psc_chapters_win_over_the_notes_chapter_lines() -> None:
    (record,) = record_dicts(rss(PSC_ITEM))
    assert record["chapters"] == [
        {"time": "00:00", "seconds": 0, "title": "Welcome"},
        {"time": "03:07", "seconds": 187, "title": "Tools"},
        {"time": "12:42", "seconds": 762, "title": "Last"},
    ]
    # The chapter's href is a link; the notes' own chapter line that the feed does not
    # repeat is kept, as a section: nothing the notes say is lost.
    assert {"url": "https://tools.example/", "text": "Tools"}.items() <= record["links"][-1].items()
    assert {"heading": "Chapters", "text": "05:00 A chapter only the notes have"} in record[
        "sections"
    ]


def test_an_item_without_psc_keeps_its_notes_chapters() -> None:
    (record,) = record_dicts(
        rss("<item><title>T</title><description>00:00 Hello\n04:12 Goodbye</description></item>")
    )
    assert [c["title"] for c in record["chapters"]] == ["Hello", "Goodbye"]


# -- the public fixtures --------------------------------------------------------------------


def test_public_atom_podcast_feed_with_psc_chapters() -> None:
    (record,) = converted(PUBLIC / "podlove-simple-chapters-atom.xml")
    feed = record["feed"]
    assert feed["id"] == feed["guid"] == "urn:uuid:3241ace2-ca21-dd12-2341-1412ce31fad2"
    assert (feed["title"], feed["link"], feed["published"]) == (
        "Fiat Lux",
        "http://podlove.org/podcast/1",
        "2012-03-26T23:25:19Z",  # <updated>: the entry has no <published>
    )
    assert feed["enclosure"] == {
        "url": "http://podlove.org/files/fiatlux.mp3",
        "type": "audio/mpeg",
        "length": 12345,
    }
    assert feed["channel"] == {
        "title": "Podlove Podcast",
        "link": "http://podlove.org/",
        "language": None,
        "author": "Tim Pritlove",
        "image": None,
    }
    assert [(c["time"], c["seconds"], c["title"]) for c in record["chapters"]] == [
        ("00:00", 0, "Welcome"),
        ("03:07", 187, "Introducing Podlove"),
        ("08:26.250", 506, "Podlove WordPress Plugin"),
        ("12:42", 762, "Resumée"),
    ]
    assert [link["url"] for link in record["links"]] == [
        "http://podlove.org/",
        "http://podlove.org/podlove-podcast-publisher",
    ]
    assert (record["title"], record["date"]) == ("Fiat Lux", "2012-03-26")


def test_public_rss_feed_with_psc_chapters_in_every_time_form() -> None:
    (record,) = converted(PUBLIC / "podcastparser-chapters.rss")
    assert [(c["seconds"], c["title"]) for c in record["chapters"]] == [
        (0, "Introduction"),
        (1, "Chapter II"),
        (62, "Chapter with Link"),
        (3723, "Chapter with Image"),
        (3723, "Chapter with Everything"),
    ]
    assert record["chapters"][-1]["time"] == "01:02:03.400"
    assert (record["feed"]["id"], record["feed"]["duration"]) == ("episode", 3600)


def test_public_rss_1_0_feed() -> None:
    first, second = converted(PUBLIC / "rss_7_1.rdf")
    assert first["feed"]["guid"] == "http://xml.com/pub/2000/08/09/xslt/xslt.html"  # rdf:about
    assert first["feed"]["title"] == "Processing Inclusions with XSLT"
    assert second["feed"]["link"] == "http://xml.com/pub/2000/08/09/rdfdb/index.html"
    assert first["feed"]["channel"] == {
        "title": "XML.com",
        "link": "http://xml.com/pub",
        "language": None,
        "author": None,
        "image": "http://xml.com/universal/images/xml_tiny.gif",  # <image> beside <channel>
    }
    assert "Edd Dumbill takes a look at RDFDB" in (second["abstract"] or "")


def test_public_rss_0_91_feed_with_the_netscape_doctype_is_read_without_fetching_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(self: socket.socket, address: object, *args: object) -> None:
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    (record,) = converted(PUBLIC / "simplepie-rss091-netscape.xml")
    assert record["title"] == "Item Title"
    assert record["feed"]["id"] == "sha256:" + record["source"]["sha256"]


def test_the_public_sources_file_names_every_fixture() -> None:
    sources = (PUBLIC / "SOURCES").read_text(encoding="utf-8")
    for path in PUBLIC.iterdir():
        if path.name != "SOURCES":
            assert re.search(rf"^{re.escape(path.name)}$", sources, re.MULTILINE), path.name


# -- tolerant reading -----------------------------------------------------------------------


def test_undeclared_well_known_prefixes_are_read_as_their_namespaces() -> None:
    data = (
        b'<rss version="2.0"><channel><title>Bare</title><itunes:author>Ola Brennan</itunes:author>'
        b"<item><title>One</title><itunes:episode>4</itunes:episode><content:encoded>"
        b"&lt;p&gt;Body&lt;/p&gt;</content:encoded>"
        b'<psc:chapters><psc:chapter start="0" title="Start"/></psc:chapters>'
        b"<googleplay:explicit>no</googleplay:explicit><dc:creator>x</dc:creator>"
        b'<media:thumbnail url="https://img.example/1.jpg"/>'
        b'<podcast:transcript url="https://t.example/1.vtt" type="text/vtt"/>'
        b'<atom:link rel="self" href="https://x.example/feed"/></item></channel></rss>'
    )
    (record,) = record_dicts(data)
    assert record["episode"] == 4
    assert record["chapters"] == [{"time": "00:00", "seconds": 0, "title": "Start"}]
    assert record["feed"]["image"] == "https://img.example/1.jpg"
    assert record["feed"]["transcripts"][0]["url"] == "https://t.example/1.vtt"
    assert record["feed"]["channel"]["author"] == "Ola Brennan"
    # The item's bytes are the feed's own: the declarations were added to <rss> only.
    assert (
        hashlib.sha256(data[data.index(b"<item>") : data.index(b"</item>") + 7]).hexdigest()
        == (record["source"]["sha256"])
    )


def test_a_prefix_declared_below_the_root_keeps_its_own_meaning() -> None:
    data = (
        b'<rss version="2.0"><channel><item><title>One</title>'
        b'<itunes:episode xmlns:itunes="urn:not-itunes">4</itunes:episode></item></channel></rss>'
    )
    (record,) = records(data)
    assert record.episode is None


@pytest.mark.skipif(not MALFORMED.is_dir(), reason="shared folder not available")
def test_de_grote_uses_itunes_without_declaring_it_and_gives_12_records() -> None:
    path = MALFORMED / "de-grote.xml"
    out = converted(path)
    assert len(out) == 12
    data = path.read_bytes()
    spans = re.findall(rb"<item[\s>].*?</item>", data, re.DOTALL)
    assert [r["source"]["sha256"] for r in out] == [hashlib.sha256(s).hexdigest() for s in spans]
    assert out[0]["feed"]["season"] == 1 and out[0]["feed"]["episode"] == 10
    assert out[0]["feed"]["duration"] == 2047
    assert out[0]["feed"]["channel"]["author"] == "MNM"
    assert all(r["feed"]["enclosure"] for r in out)


NETSCAPE = (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
    '  "http://127.0.0.1:9/publish/formats/rss-0.91.dtd">\n'
    '<rss version="0.91"><channel><title>Caf&eacute; Radio</title>'
    "<item><title>Se&ntilde;or&nbsp;Sound&trade;</title><link>https://cafe.example/1</link>"
    "<description>&copy; 2001 &amp; more</description></item></channel></rss>"
)


def test_the_html_entities_of_the_netscape_dtd_are_read_as_html_entities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(self: socket.socket, address: object, *args: object) -> None:
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    (record,) = records(NETSCAPE.encode("latin-1"))
    assert record.feed is not None
    assert record.feed.title == "Señor Sound™"  # &nbsp; is a blank, collapsed as any
    assert record.feed.channel.title == "Café Radio"


@pytest.mark.parametrize(
    "doctype",
    [
        "<!DOCTYPE rss [<!ELEMENT rss ANY>]>",
        '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/x.dtd" [<!ENTITY e "x">]>',
        '<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    ],
    ids=["element-declaration", "entity-after-external-id", "parameter-entity"],
)
def test_a_doctype_with_an_internal_subset_is_still_refused(doctype: str) -> None:
    from episodeparse.feeds import FeedError

    data = (doctype + "<rss><channel><item><title>x</title></item></channel></rss>").encode()
    with pytest.raises(FeedError, match=r"^feed refused: a DTD with declarations .*line 1"):
        records(data)


# -- every corpus record is valid -----------------------------------------------------------


@needs_corpus
def test_every_corpus_feed_record_validates_against_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(
        episode_schema()
    )  # what `episodeparse schema` prints
    count = 0
    for path in sorted(FEEDS.glob("*.xml")):
        for record in converted(path):
            errors = list(validator.iter_errors(json.loads(json.dumps(record))))
            assert not errors, (path.name, record["source"]["item"], errors[0].message)
            assert record["feed"] is not None and record["feed"]["id"]
            count += 1
    assert count == 1244


def test_a_podcast_person_with_a_title_is_the_person_the_notes_name() -> None:
    (record,) = records(
        rss(
            '<item><title>Trains</title><podcast:person role="guest">Dr. Mara Lind</podcast:person>'
            '<podcast:person role="host">Sir Tomás Reyes</podcast:person>'
            "<description>Tomás Reyes talks trains with Mara Lind.</description></item>"
        )
    )
    roles = {p.name: p.role for p in record.people}
    assert roles.get("Mara Lind") == "guest"  # "Dr." dropped (cues/feed_people.json)
    assert "Dr. Mara Lind" not in roles
    # "Sir" is not part of the comparison: one person, named as the feed writes it.
    assert [p.role for p in record.people if "Reyes" in p.name] == ["host"]
