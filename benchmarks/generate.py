"""Synthetic show notes and feeds for the benchmarks, in the styles of ../shared/corpus.

Every note is about 3 KB and drawn, with a seeded ``random.Random``, from one of six
styles, each modelled on real notes of the corpus:

===========  ===================================  ==========================================
style        modelled on                          what it exercises
===========  ===================================  ==========================================
titleline    mlops/coffee-57.txt                  ``Title // Guests // Series #N`` line,
                                                  ``// Abstract``, ``// Bio``, a decorated
                                                  ``--- Connect With Us ---`` link block,
                                                  ``[MM:SS]`` chapters
flattened    lex-fridman/373-...flattened.txt     a note whose line breaks a mirror turned
                                                  into runs of spaces
outline      lex-fridman/392-...description.txt   sponsor list, ``EPISODE LINKS:``,
                                                  ``(HH:MM:SS) - title`` chapters
markdown     self-hosted/ssh-050, rustacean-      ``# SSH 050: Title``, ``## About this
             station, syntax/711                  episode``, Markdown link lists, bare
                                                  ``00:00`` and ``**[00:25:15](#t=)**``
                                                  chapters, an ISO air date
html         podcasting-2-0/056, mike-neumann-    ``<h2>``/``<p>``/``<ul>`` notes with
             show/053                             entities, a free-form date, links
linkbio      changing-the-tide/0.00000012         bio prose, ``NAME's Twitter handle: @x``
                                                  lines, e-mail, ``Host:``/``Producer:``
===========  ===================================  ==========================================

The same seed always gives the same bytes (``python benchmarks/generate.py --check``).

    python benchmarks/generate.py --notes 1000 --feed-items 100 --seed 8 OUT_DIR
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = ["STYLES", "feed", "note", "write_feed", "write_notes"]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Michael Erik Shawn Demetrios Vishnu Ada Alan Grace Linus Margaret Barbara Ken Dennis "
    "Frances Radia Sophie Katherine Hedy Joan Anita Tim Cory Desiree Jon Andy Natalie Alice "
    "Jake Daniel Nick Allen Manolis Joscha Keyu Chris Alex Wes Scott Calvin Adam Dave Mike"
)
LAST = _words(
    "Bernhardsson Kyzer Brinkmann Rachakonda Lovelace Turing Hopper Torvalds Hamilton Liskov "
    "Thompson Ritchie Allen Perlman Wilson Johnson Lamarr Clarke Borg Jurgensen Klippsten "
    "Dickerson Crabtree Schroder Brunell Ryhl Stenberg Mathewson Wyma Kellis Bach Jin Fisher "
    "Kretzschmar Bos Tolinski Hitchcock Curry Jones Neumann"
)
COMPANIES = _words(
    "Tecton Thoughtworks Spotify Better Uber Google Swan Mozilla Tor Tokio Sentry Linode "
    "Fireside Jupiter Netflix Stripe Shopify Datadog Snowflake Databricks"
)
ROLES = (
    "Principal Data Engineer",
    "CEO",
    "co-founder",
    "machine learning lead",
    "staff engineer",
    "product manager",
    "CTO",
    "research scientist",
    "open source maintainer",
)
TOPICS = (
    "data platforms",
    "feature stores",
    "the modern data stack",
    "memory safety",
    "async runtimes",
    "home automation",
    "self-hosting media servers",
    "print stylesheets",
    "value for value",
    "podcast namespaces",
    "bitcoin custody",
    "distributed charging",
    "language models in production",
    "GPU scheduling",
    "burnout",
    "community building",
    "observability",
    "type checking",
    "build systems",
    "team topologies",
)
WORDS = _words(
    "platform team model data pipeline system question production latency cost trade-off "
    "architecture decision experiment release review customer feedback incident runtime "
    "library standard protocol network storage cache index schema contract ownership "
    "culture hiring roadmap prototype benchmark parser feed episode audience listener"
)
VERBS = (
    "discuss",
    "dig into",
    "argue about",
    "explain",
    "compare",
    "revisit",
    "unpack",
    "look back on",
)
PLATFORMS = (
    ("Twitter", "https://twitter.com/{h}"),
    ("LinkedIn", "https://www.linkedin.com/in/{h}/"),
    ("GitHub", "https://github.com/{h}"),
    ("YouTube", "https://youtube.com/@{h}"),
    ("Mastodon", "https://fosstodon.org/@{h}"),
    ("Website", "https://{h}.dev"),
)
SPONSORS = ("Eight Sleep", "NetSuite", "ExpressVPN", "Linode", "A Cloud Guru", "Sentry", "AG1")
SERIES = ("Coffee Sessions", "MLOps Podcast", "Meetup", "Episode", "Ep.")
SHOWS = ("MLOps.community", "Rustacean Station", "Self-Hosted", "Syntax", "Podcasting 2.0")
BOILERPLATE = "Visit the podcast's native language site"
EPOCH = datetime(2019, 1, 7, 9, 30, tzinfo=UTC)


class _Note:
    """Draws the parts of one note from the shared generator."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.index = index
        self.number = index % 900 + 1
        count = rng.choice((1, 1, 2, 2, 3))
        self.guests = [self.person() for _ in range(count)]
        self.host = self.person()
        self.show = rng.choice(SHOWS)
        self.topic = rng.choice(TOPICS)
        self.title = self.title_words()
        self.when = EPOCH + timedelta(days=7 * (index % 500), minutes=rng.randrange(600))

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def title_words(self) -> str:
        words = [w.capitalize() for w in self.rng.sample(WORDS, self.rng.randrange(2, 5))]
        return f"{' '.join(words)} and {self.topic.title()}"

    def sentence(self) -> str:
        rng = self.rng
        who = rng.choice([*self.guests, self.host.split()[0], "We", "They"])
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(6, 16)))
        return f"{who} {rng.choice(VERBS)} {self.topic}: {words}, and why it matters."

    def prose(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def bio(self, name: str) -> str:
        rng = self.rng
        first = name.split()[0]
        return (
            f"{first} is {rng.choice(ROLES)} at {rng.choice(COMPANIES)}, where "
            f"{'she' if rng.random() < 0.5 else 'he'} works on {rng.choice(TOPICS)}. "
            f"Before that, {first} spent {rng.randrange(2, 9)} years at "
            f"{rng.choice(COMPANIES)} building {rng.choice(WORDS)} systems."
        )

    def handle(self, name: str) -> str:
        return "".join(name.lower().split())[: self.rng.randrange(6, 14)]

    def times(self, count: int, hours: bool) -> list[tuple[str, str]]:
        """``count`` increasing chapter times with titles."""
        out: list[tuple[str, str]] = []
        seconds = 0
        for i in range(count):
            h, rest = divmod(seconds, 3600)
            m, s = divmod(rest, 60)
            text = f"{h:02d}:{m:02d}:{s:02d}" if hours else f"{h * 60 + m:02d}:{s:02d}"
            title = "Introduction" if i == 0 else self.title_words()
            out.append((text, title))
            seconds += self.rng.randrange(60, 600)
        return out

    def social(self, name: str) -> list[tuple[str, str]]:
        """(platform label, url) pairs of one person."""
        picks = self.rng.sample(PLATFORMS, self.rng.randrange(1, 4))
        return [(label, url.format(h=self.handle(name))) for label, url in picks]


def _titleline(n: _Note, size: int) -> str:
    rng = n.rng
    series = rng.choice(SERIES[:3])
    lines = [
        f"{n.title} // {' - '.join(n.guests)} // {series} #{n.number}",
        "",
        f"{n.show} - A podcast by {n.host}",
        "",
        f"{series} #{n.number} with {' and '.join(n.guests)}, {n.title}. // Abstract " + n.prose(3),
        "// Bio",
    ]
    for guest in n.guests:
        lines += [guest, n.bio(guest)]
    lines += [
        "// Relevant Links",
        f"{n.title_words()}: https://{n.handle(n.guests[0])}.dev/{n.number}",
        "--------------- ✌️Connect With Us ✌️ -------------",
        "Join our slack community: https://go.mlops.community/slack",
        f"Follow us on Twitter: @{n.handle(n.show)}",
    ]
    for name in (n.host, *n.guests):
        label, url = n.social(name)[0]
        lines.append(f"Connect with {name.split()[0]} on {label}: {url}")
    lines.append("Timestamps:")
    body = "\n".join(lines)
    chapters = [f"[{t}] {title}" for t, title in n.times(40, hours=False)]
    return _fill(body, chapters, size, n)


def _outline(n: _Note, size: int) -> str:
    rng = n.rng
    guest = n.guests[0]
    lines = [
        f"{guest} is {rng.choice(ROLES)} at {rng.choice(COMPANIES)}. Please support this "
        "podcast by checking out our sponsors:",
    ]
    for sponsor in rng.sample(SPONSORS, 3):
        slug = sponsor.lower().replace(" ", "")
        lines.append(f"- {sponsor}: https://{slug}.com/lex to get special savings")
    lines += ["", "EPISODE LINKS:"]
    for label, url in n.social(guest):
        lines.append(f"{guest.split()[0]}&#039;s {label}: {url}")
    lines += [
        "",
        "PODCAST INFO:",
        "Podcast website: https://lexfridman.com/podcast",
        "Apple Podcasts: https://apple.co/2lwqZIr",
        "RSS: https://lexfridman.com/feed/podcast/",
        "",
        n.prose(3),
        "",
        "OUTLINE:",
        "Here's the timestamps for the episode.",
    ]
    chapters = [f"({t}) - {title}" for t, title in n.times(40, hours=True)]
    return _fill("\n".join(lines), chapters, size, n)


def _flattened(n: _Note, size: int) -> str:
    source = _outline(n, size) if n.rng.random() < 0.5 else _titleline(n, size)
    flat = "  ".join(line.strip() for line in source.splitlines() if line.strip())
    return BOILERPLATE + flat


def _markdown(n: _Note, size: int) -> str:
    rng = n.rng
    lines = [
        f"# SSH {n.number:03d}: {n.title}",
        "",
        f"* Air Date: {n.when.date().isoformat()}",
        f"* Duration: {rng.randrange(30, 90)} mins {rng.randrange(60)} secs",
        "",
        "## About this episode",
        "",
        n.prose(3),
        "",
        "## Your hosts",
    ]
    for name in (n.host, *n.guests[:1]):
        lines.append(f"* [{name}](https://selfhosted.show/hosts/{n.handle(name)})")
    lines += ["", "## Sponsored by", ""]
    for sponsor in rng.sample(SPONSORS, 2):
        slug = sponsor.lower().replace(" ", "")
        lines.append(f"  * [{sponsor}](https://{slug}.com/ssh): {n.sentence()}")
    lines += ["", "## Links", ""]
    for _ in range(rng.randrange(3, 7)):
        label = n.title_words()
        lines.append(f"- [{label}](https://{rng.choice(WORDS)}.example.org/{n.number})")
    lines += ["", "## Chapters", ""]
    if rng.random() < 0.5:
        chapters = [f"{t} {title}" for t, title in n.times(40, hours=False)]
    else:
        chapters = [f"* **[{t}](#t={t})** {title}" for t, title in n.times(40, hours=True)]
    return _fill("\n".join(lines), chapters, size, n)


def _html(n: _Note, size: int) -> str:
    rng = n.rng
    day = n.when.strftime("%B %d %Y").replace(" 0", " ")
    parts = [
        f"<h2>Episode {n.number}: {escape(n.title)}</h2>",
        f"<p><b>{escape(n.show)} for {day} Episode {n.number}: {escape(n.title)}</b></p>",
        f"<p>{escape(n.prose(3))}</p>",
        f"<p>I'm {escape(n.host)} &amp; my guest is {escape(n.guests[0])}!</p>",
        "<ul>",
    ]
    for label, url in n.social(n.guests[0]):
        parts.append(f'<li><a href="{url}" target="_blank" rel="noopener">{label}</a></li>')
    parts.append("</ul>")
    parts.append(
        '<p>Support us with your Time Talent and<span>&nbsp;</span><a href="https://www.'
        'paypal.com/donate/?token=m0z6&amp;locale.x=en_US">Treasure</a></p>'
    )
    parts.append("<p><strong>Chapters</strong></p>")
    chapters = [f"<p>{t} {escape(title)}</p>" for t, title in n.times(40, hours=False)]
    if rng.random() < 0.3:
        parts.append("<p>-- Mike</p>")
    return _fill("\n".join(parts), chapters, size, n, html=True)


def _linkbio(n: _Note, size: int) -> str:
    guest = n.guests[0]
    first = guest.split()[0]
    lines = [n.bio(guest), "", n.prose(3), "", "Links: "]
    for label, url in n.social(guest):
        lines.append(f"{first}'s {label}: {url}")
    lines += [
        f"{first}'s Twitter handle: @{n.handle(guest)}",
        f"{first}'s email: {n.handle(guest)}@example.com",
        "",
        "*Note: Nothing in this podcast constitutes financial, legal, or medical advice.*",
        "",
        f'Music: "Summer Nights" by {n.person()}',
        f"Host: {n.host}",
        f"Producer: {n.host}",
        "",
        "Timestamps:",
    ]
    chapters = [f"{t} - {title}" for t, title in n.times(40, hours=False)]
    return _fill("\n".join(lines), chapters, size, n)


def _fill(body: str, chapters: list[str], size: int, n: _Note, *, html: bool = False) -> str:
    """``body``, then as many ``chapters`` as fit in about ``size`` characters (at least
    three), then prose until ``size`` is reached."""
    joiner = "\n"
    text = body
    for i, line in enumerate(chapters):
        if i >= 3 and len(text) + len(line) > size * 0.85:
            break
        text += joiner + line
    while len(text) < size:
        extra = n.prose(1)
        text += joiner + (f"<p>{escape(extra)}</p>" if html else extra)
    return text + "\n"


STYLES: dict[str, tuple[str, Callable[[_Note, int], str]]] = {
    "titleline": (".txt", _titleline),
    "flattened": (".txt", _flattened),
    "outline": (".txt", _outline),
    "markdown": (".md", _markdown),
    "html": (".html", _html),
    "linkbio": (".txt", _linkbio),
}


def note(rng: random.Random, index: int, *, size: int = 3000) -> tuple[str, str, str]:
    """One note: (style, file suffix, text) of about ``size`` characters (+-15%)."""
    style = rng.choice(list(STYLES))
    suffix, make = STYLES[style]
    target = int(size * rng.uniform(0.85, 1.15))
    return style, suffix, make(_Note(rng, index), target)


def write_notes(folder: Path, count: int, *, seed: int = 8, per_folder: int = 1000) -> Path:
    """``count`` notes under ``folder``, ``per_folder`` to a sub-folder (one per "show")."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        style, suffix, text = note(rng, index)
        shelf = folder / f"show-{index // per_folder:04d}"
        if index % per_folder == 0:
            shelf.mkdir(exist_ok=True)
        (shelf / f"{index:06d}-{style}{suffix}").write_text(text, encoding="utf-8")
    return folder


def feed(items: int, *, seed: int = 8) -> bytes:
    """An RSS 2.0 podcast feed of ``items`` items whose notes are drawn like ``note``."""
    rng = random.Random(seed)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:podcast="https://podcastindex.org/namespace/1.0">\n<channel>\n'
        "<title>Benchmark Sessions</title>\n<link>https://example.org/</link>\n"
        "<description>Generated for episodeparse's benchmarks</description>\n"
        '<podcast:person role="host">Demetrios Brinkmann</podcast:person>\n'
    )
    out = [head]
    for index in range(items):
        style, _suffix, text = note(rng, index)
        when = EPOCH + timedelta(days=index)
        body = (
            f"<content:encoded><![CDATA[{text}]]></content:encoded>"
            if style == "html"
            else f"<description>{escape(text)}</description>"
        )
        out.append(
            "<item>\n"
            f"<title>Episode {index + 1}: {escape(text.split(chr(10), 1)[0][:60])}</title>\n"
            f"<pubDate>{format_datetime(when)}</pubDate>\n"
            f"<itunes:episode>{index + 1}</itunes:episode>\n"
            f"<itunes:duration>{rng.randrange(1800, 7200)}</itunes:duration>\n"
            f'<guid isPermaLink="false">bench-{seed}-{index}</guid>\n'
            f'<enclosure url="https://example.org/{index}.mp3" type="audio/mpeg"'
            f' length="{rng.randrange(10**7, 10**8)}"/>\n'
            f"{body}\n</item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out).encode("utf-8")


def write_feed(path: Path, items: int, *, seed: int = 8) -> Path:
    """``feed(items)`` written to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(feed(items, seed=seed))
    return path


def _digest(seed: int) -> str:
    rng = random.Random(seed)
    sha = hashlib.sha256()
    for index in range(50):
        sha.update("".join(note(rng, index)).encode())
    sha.update(feed(5, seed=seed))
    return sha.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("out", type=Path, nargs="?", help="folder to write into")
    parser.add_argument("--notes", type=int, default=1000, help="notes to write (notes/)")
    parser.add_argument("--feed-items", type=int, default=0, help="items of feed.xml")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--check", action="store_true", help="print a digest twice; exit 1 if they differ"
    )
    args = parser.parse_args(argv)
    if args.check:
        first, second = _digest(args.seed), _digest(args.seed)
        print(first)
        return 0 if first == second else 1
    if args.out is None:
        parser.error("OUT is required")
    write_notes(args.out / "notes", args.notes, seed=args.seed)
    if args.feed_items:
        write_feed(args.out / "feed.xml", args.feed_items, seed=args.seed)
    print(f"{args.notes} notes and a feed of {args.feed_items} items in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
