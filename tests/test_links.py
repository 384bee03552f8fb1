"""Links and handles: what they point at, their label, whose they are, their kind."""

from __future__ import annotations

import pytest

from episodeparse import parse
from episodeparse.model import Link


def links(text: str) -> list[Link]:
    return list(parse(text).links)


def test_label_before_a_bare_address_and_platform_from_the_label() -> None:
    (link,) = links("Join our slack community: https://go.example.org/slack")
    assert (link.url, link.text, link.platform, link.kind) == (
        "https://go.example.org/slack",
        "Join our slack community",
        "slack",
        "community",
    )


def test_handle_after_a_platform_word() -> None:
    (link,) = links("Follow us on Twitter: @mlopscommunity")
    assert (link.url, link.handle, link.platform, link.kind, link.person) == (
        None,
        "@mlopscommunity",
        "twitter",
        "social",
        None,
    )


def test_connect_with_resolves_a_first_name_through_the_people() -> None:
    text = (
        "Data // Michael Del Balso // Coffee Sessions #1\n"
        "// Bio\nMichael Del Balso Mike is a builder.\n"
        "Connect with Mike on LinkedIn: https://www.linkedin.com/in/mike/\n"
        "Connect with Vishnu on LinkedIn: https://www.linkedin.com/in/v/"
    )
    mike, vishnu = links(text)
    assert mike.person == "Michael Del Balso"
    assert vishnu.person == "Vishnu"  # not in people: kept as written
    assert mike.platform == "linkedin" and mike.kind == "social"


def test_markdown_reference_and_bare_forms_in_written_order() -> None:
    text = (
        "See [the docs](https://docs.example.org/a) and [Tim][tim], www.example.com,\n"
        "example.org/path and <https://auto.example.net/x>.\n\n"
        "[tim]: https://twitter.com/tim\n"
        "[unused]: https://unused.example.org/"
    )
    got = [(link.url, link.text) for link in links(text)]
    assert got == [
        ("https://docs.example.org/a", "the docs"),
        ("https://twitter.com/tim", "Tim"),
        ("www.example.com", None),
        ("example.org/path", None),
        ("https://auto.example.net/x", None),
        ("https://unused.example.org/", None),
    ]


def test_not_links() -> None:
    text = (
        "Jump to [01:50](#t=01:50). The CTO of Better.com uses Node.js.\n"
        "Relative [page](/about) and [@00:12] times. e-mail me@example.com\n"
        "```\n@page { size: A4 }\n```"
    )
    got = [(link.url, link.handle) for link in links(text)]
    # The e-mail address is kept as a mailto: link (the record loses nothing).
    assert got == [("mailto:me@example.com", None)]


def test_sponsor_lists_and_sections() -> None:
    text = (
        "Please support this podcast by checking out our sponsors:\n"
        "- Eight Sleep: https://www.eightsleep.example/lex to get special savings\n"
        "\n## Sponsor\n- [Backtrace](https://www.backtrace.example/cast)\n"
        "\n## Links\n- [A paper](https://papers.example.org/1)\n"
    )
    got = [(link.text, link.kind, link.section) for link in links(text)]
    assert got == [
        ("Eight Sleep", "sponsor", None),
        ("Backtrace", "sponsor", "Sponsor"),
        ("A paper", "reference", "Links"),
    ]


def test_possessive_and_name_prefix_give_the_person() -> None:
    text = (
        "Joscha Bach is a cognitive scientist.\n"
        "Joscha's Twitter: https://twitter.com/plinz\n"
        "- Joscha: [Mastodon](https://fosstodon.org/@j) / [X](https://x.com/j)\n"
    )
    got = [(link.person, link.platform) for link in links(text)]
    assert got == [
        ("Joscha Bach", "twitter"),
        ("Joscha Bach", "mastodon"),
        ("Joscha Bach", "twitter"),
    ]


def test_address_trailing_punctuation_is_not_part_of_it() -> None:
    got = [link.url for link in links("Read https://example.org/a, then (https://example.org/b).")]
    assert got == ["https://example.org/a", "https://example.org/b"]


def test_profiles_are_social_repositories_are_references() -> None:
    text = (
        "- [dust](https://github.com/bootandy/dust) is a du replacement\n"
        "- Hosting: [Jon Gjengset](https://twitter.com/jonhoo/)\n"
        "- [Chandler's GitHub](https://github.com/chandlerc)\n"
        "- [Bluesky](https://bsky.app/profile/someone.example)\n"
    )
    got = [(link.kind, link.person) for link in links(text)]
    assert got == [
        ("reference", None),
        ("social", "Jon Gjengset"),
        ("social", None),
        ("social", None),
    ]


def test_listen_and_community_from_addresses_and_lines() -> None:
    text = (
        "[Download the mp3](https://mp3s.example.com/ep-56.mp3)\n\n"
        "[Podcast Feed](http://mp3s.example.com/rss.xml)\n\n"
        "Boost us with these apps: [Podfriend](https://www.podfriend.example/) - "
        "[Breez](https://breez.example/)\n\n"
        "[https:/...](https://go.example.community/YTJoinIn)\n"
    )
    got = [(link.kind, link.text) for link in links(text)]
    assert got == [
        ("listen", "Download the mp3"),
        ("listen", "Podcast Feed"),
        ("listen", "Podfriend"),
        ("listen", "Breez"),
        ("community", None),
    ]


def test_labels_keep_what_is_written() -> None:
    text = (
        "- [`async-trait`: a macro](https://crates.io/crates/async-trait)\n"
        "- [[WINDOWS][TOOL]Fire Toolbox V20.0](https://forum.example.com/t/1)\n"
        "The New China Playbook (Book): https://amzn.to/x\n"
        "Thank you for listening ❤ Check out our sponsors: https://example.com/sponsors\n"
        "Natalie Brunell (Twitter: @natbrunell) is a reporter.\n"
        "Transcript:\nhttps://example.com/transcript\n"
    )
    got = [link.text for link in links(text)]
    assert got == [
        "`async-trait`: a macro",
        "[WINDOWS][TOOL]Fire Toolbox V20.0",
        "The New China Playbook (Book)",
        "Check out our sponsors",
        "Twitter",
        "Transcript",
    ]


def test_embedded_sources_are_not_links() -> None:
    text = '<iframe src="https://player.example.fm/v3/abc?theme=dark" width="100%"></iframe>'
    assert links(text) == []


def test_name_prefix_gives_the_person_but_not_for_the_show() -> None:
    text = (
        "Welcome to Syntax!\n\n"
        "Syntax: [X](https://twitter.com/syntaxfm) [Instagram](https://www.instagram.com/syntax/)\n"
        "Scott:[X](https://twitter.com/stolinski)\n"
        "NEW: [Animated Show](https://www.youtube.com/channel/abc)\n"
    )
    got = [link.person for link in links(text)]
    assert got == [None, None, "Scott", None]


def test_where_to_find_heading_names_whose_links_follow() -> None:
    text = (
        "Owen Lacroix is a shell enthusiast at Fishbowl.\n\n"
        "Where to find Owen:\n"
        "- [Owen's blog](https://owen.example.net)\n"
        "- Mastodon: [@owen@hachyderm.example](https://hachyderm.example/@owen)\n\n"
        "Follow Us:\n"
        "- [Bluesky](https://bsky.app/profile/show.example)\n"
    )
    got = [(link.section, link.person, link.platform) for link in links(text)]
    assert got == [
        ("Where to find Owen", "Owen Lacroix", None),
        ("Where to find Owen", "Owen Lacroix", "mastodon"),
        ("Follow Us", None, "bluesky"),
    ]


def test_section_of_a_link_under_a_timed_heading_is_the_heading_words() -> None:
    text = "### Prompts are programs (4:30~)\n\n- [Starship](https://starship.example.rs)\n"
    (link,) = links(text)
    assert link.section == "Prompts are programs"


def test_a_name_alone_on_a_line_heads_that_persons_links() -> None:
    text = (
        "In this episode, my guest is Dr. Maya Lindqvist, a professor at Northfield.\n\n"
        "Dr. Maya Lindqvist\n"
        "Lab: https://lab.example.edu\n"
        "X: https://x.com/maya\n\n"
        "Thank you to our sponsors\n"
        "AG1: https://ag1.example.com/show\n"
    )
    ep = parse(text)
    got = [(link.person, link.kind) for link in ep.links]
    assert got == [("Maya Lindqvist", "reference"), ("Maya Lindqvist", "social"), (None, "sponsor")]
    assert ep.leftovers == ()


def test_name_dash_links_prefix() -> None:
    text = "## Featuring\n\n- Sam Rivers – [GitHub](https://github.com/samrivers)\n"
    (link,) = links(text)
    assert link.person == "Sam Rivers"


def test_the_cheap_guards_never_hide_a_token() -> None:
    import itertools
    import re

    from episodeparse.extractors.links import _TLDS, _TOKEN, _tokens

    # What a line needed before the cheap tests were written out: a place a token may start
    # (maybe) and what every token holds (must).
    maybe = re.compile(r"\[|<|@|:(?=//)|\.(?<=[a-z0-9]\.)[a-z]|\.(?<=www\.)")
    must = re.compile(rf"\](?=[(\[])|:(?=//)|@|\.(?<=www\.)|\.(?<=[a-z0-9-]\.)(?:{_TLDS})")
    lines = [
        "[a](#t=1)",
        "![img](pic.png)",
        "[a][ref]",
        "a](b) and [c",
        "<https://example.com>",
        "see https://example.com/x.",
        "http://a",
        "www.example",
        "mail me: me+news@mail.example.com",
        "@kit.bsky.social and @a@b.social",
        "linode.com/ssh",
        "x-y.co.uk",
        "a-.com",
        "<b>x-.com</b>",
        "[00:00] Intro",
        "e.g. this, i.e. that",
        "[WINDOWS] tool",
        "v1.2 beta",
        "End. Next",
    ]
    pieces = ["[", "]", "(", ")", "<", "@", ":", "//", ".", "www", "a", "A", "-", "com", " "]
    lines += ["".join(p) for p in itertools.product(pieces, repeat=3)]
    for line in lines:
        if maybe.search(line) and must.search(line):
            # The old guards let it through: so do the new ones, when there is a token.
            if any(not m[0].startswith("!") for m in _TOKEN.finditer(line)):
                assert _tokens(line, {}, set()) != [] or line.startswith("["), line
        else:
            assert _tokens(line, {}, set()) == [], line
    for line in ("[00:00] Intro", "e.g. this, i.e. that", "[WINDOWS] tool", "v1.2 beta"):
        assert must.search(line) is None, line


def test_platform_of_a_host_and_its_subdomains() -> None:
    from episodeparse.extractors.links import platform_of

    assert platform_of("https://open.spotify.com/show/1") == "spotify"
    assert platform_of("https://m.youtube.com:443/watch?v=1") == "youtube"
    assert platform_of("https://me.github.io/blog") is None  # before github.com's "github"
    assert platform_of("https://notx.com/a") is None
    assert platform_of("https://go.example.com/slack", "Join our Slack") == "slack"
    assert platform_of(None, "on X") == "twitter"


def test_the_markdown_only_pattern_reads_what_the_full_one_reads() -> None:
    import itertools
    import random

    from episodeparse.extractors.links import _TLD_DOT, _TOKEN_BRACKETS, _TOKEN_NO_AT

    # _tokens reads a line with no "@", "<", "://", "www." and no top-level-domain dot with
    # the Markdown branches alone: on such a line they must find what all branches find.
    pieces = ["[", "]", "(", ")", "!", ".", "a", "A", "-", "com", " ", "\\", "#t=1", "ſ", "İ"]
    lines = ["".join(p) for p in itertools.product(pieces, repeat=3)]
    rnd = random.Random(3)
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(4, 20))) for _ in range(5000)]
    lines += ["* **[01:10:59](#t=01:10:59)** Intro", "[a \\] b](x) [c][d] ![e](f.png)"]
    eligible = 0
    for line in lines:
        if "@" in line or "<" in line or "://" in line or "www." in line or _TLD_DOT.search(line):
            continue
        eligible += 1
        full = [(m.span(), m.lastgroup) for m in _TOKEN_NO_AT.finditer(line)]
        assert [(m.span(), m.lastgroup) for m in _TOKEN_BRACKETS.finditer(line)] == full, line
    assert eligible > 1000


def kinds(text: str) -> list[tuple[str | None, str]]:
    return [(link.url or link.handle, link.kind) for link in links(text)]


def test_a_line_that_says_sponsored_makes_its_links_sponsors_in_any_language() -> None:
    text = (
        "A talk about bees.\n\n"
        "This week's episode is sponsored by Acme (acme.example.com/show).\n\n"
        "Episodio patrocinado por [Zeta](https://zeta.example.org/pod).\n\n"
        "Diese Folge wird gesponsert von https://gamma.example.de/folge\n\n"
        "Read the paper: https://papers.example.org/bees"
    )
    assert kinds(text) == [
        ("acme.example.com/show", "sponsor"),
        ("https://zeta.example.org/pod", "sponsor"),
        ("https://gamma.example.de/folge", "sponsor"),
        ("https://papers.example.org/bees", "reference"),
    ]


def test_an_offer_makes_a_sponsor_read() -> None:
    text = (
        "Intro words.\n\n"
        "Brightmug - Get 10% off your first order at https://brightmug.example.com/pod\n\n"
        "Kleinwerk: 15 % Rabatt mit https://kleinwerk.example.de/x\n\n"
        "Use the promo code BEES at https://hive.example.net\n\n"
        "Version 10% of the way there: https://roadmap.example.org"
    )
    assert [kind for _, kind in kinds(text)] == ["sponsor", "sponsor", "sponsor", "reference"]


def test_sponsor_intro_opens_a_run_of_paragraphs_that_each_open_with_a_sponsor() -> None:
    text = (
        "A story about voices.\n\n"
        "Support us by supporting our sponsors!\n\n"
        "Brightmug - Visit [brightmug.example.com](https://brightmug.example.com/p) now.\n\n"
        "[Hivemind](https://hivemind.example.com/ra) – Send better emails.\n\n"
        "Listen ad free with our app: [Get it](https://app.example.com/get)\n\n"
        "[Another](https://another.example.com/) – after the run."
    )
    assert [kind for _, kind in kinds(text)] == ["sponsor", "sponsor", "listen", "reference"]


def test_a_sponsor_list_ends_with_the_first_line_that_is_no_bullet() -> None:
    text = (
        "Please support this podcast by checking out our sponsors:\n"
        "- Brightmug: https://brightmug.example.com/lex\n"
        "- Hivemind: https://hivemind.example.com/lex to get 15% off\n\n"
        "Transcript: https://show.example.com/ep-3-transcript"
    )
    assert [kind for _, kind in kinds(text)] == ["sponsor", "sponsor", "reference"]


def test_a_forum_and_a_group_are_community_a_thread_and_a_band_are_not() -> None:
    text = (
        "Talk with us.\n\n"
        "Show Forum: forum.example.org\n"
        "Show Facebook Group: facebook.com/groups/exampleshow\n"
        "That fix: https://forum.example.org/t/fix-for-the-thing.123\n"
        "Music: [The Feel Good Group – Barbeque](https://music.example.com/album/9)"
    )
    assert [kind for _, kind in kinds(text)] == [
        "community",
        "community",
        "reference",
        "reference",
    ]


def persons(text: str) -> list[tuple[str | None, str | None]]:
    return [(link.url or link.handle, link.person) for link in links(text)]


def test_a_name_then_its_handle_in_a_row_of_pairs() -> None:
    text = (
        "A talk.\n\nFind us at | @showhandle | Lara: @larahandle | Ana Ruiz: @anaruiz | Twitter: @x"
    )
    got = links(text)
    assert [(link.handle, link.text, link.person) for link in got[1:]] == [
        ("@larahandle", "Lara", "Lara"),
        ("@anaruiz", "Ana Ruiz", "Ana Ruiz"),
        ("@x", "Twitter", None),
    ]
    assert got[0].person is None


def test_a_handle_in_parentheses_after_a_name_is_that_persons() -> None:
    text = (
        "Bryan is back with Kevin (@kevhandle) and Mina Sato (@minasato).\n\n"
        "Die Folge mit Jonas (@jonashandle) war schön. Auf Jonas (@jonas2) ist Verlass.\n\n"
        "Acme Labs (Twitter: @acmelabs) made the tool."
    )
    assert persons(text) == [
        ("@kevhandle", "Kevin"),
        ("@minasato", "Mina Sato"),
        ("@jonashandle", "Jonas"),
        ("@jonas2", "Jonas"),
        ("@acmelabs", None),
    ]


def test_a_possessive_full_name_owns_the_links_of_its_line() -> None:
    text = (
        "An episode.\n\n"
        "Mina Sato's podcasts, [Tales](https://tales.example.com/) and [Fun](https://fun.example.org/)\n"
        "Journalist Ravi Mehta's [series](https://paper.example.com/ravi)\n"
        "[Acme's Discord](https://discord.com/invite/acme)\n"
        "Street Corner Radio Twitch - www.twitch.tv/streetcorner"
    )
    assert persons(text) == [
        ("https://tales.example.com/", "Mina Sato"),
        ("https://fun.example.org/", "Mina Sato"),
        ("https://paper.example.com/ravi", "Ravi Mehta"),
        ("https://discord.com/invite/acme", None),
        ("www.twitch.tv/streetcorner", None),
    ]


def test_a_label_loses_the_separator_before_its_address() -> None:
    text = "A show.\n\nFollow me on TikTok; https://www.tiktok.com/@someone"
    (link,) = links(text)
    assert link.text == "Follow me on TikTok"


def test_a_twitch_channel_is_a_social_profile() -> None:
    (link,) = links("We stream live.\n\nCorner Radio Twitch - www.twitch.tv/cornerradio")
    assert (link.platform, link.kind, link.person) == ("twitch", "social", None)


def test_markdown_tokens_are_those_a_search_finds() -> None:
    """_markdown_tokens tries the pattern at brackets only: the same matches as finditer."""
    import itertools

    from episodeparse.extractors import links as links_module

    lines = [
        "[00:12](#t=12) Intro ![a](b.png) [x]",
        "!![x](y) ! [ ![](z) [a][b] [[c]](d) \\[e](f)",
        "[a [b] c](https://example.com) and [x]y](z)",
    ]
    lines += ["".join(chars) for chars in itertools.product("![]()a\\", repeat=5)]
    for line in lines:
        expected = [(m.span(), m.groupdict()) for m in links_module._TOKEN_BRACKETS.finditer(line)]
        found = [(m.span(), m.groupdict()) for m in links_module._markdown_tokens(line)]
        assert found == expected, line


def test_a_label_with_escapes_or_brackets_reads_as_before() -> None:
    """The plain-label branch of the Markdown pattern and the general one agree."""
    from episodeparse.extractors import links as links_module

    pattern = links_module._TOKEN_BRACKETS
    assert pattern.match("[a [b] c](x)")["label"] == "a [b] c"  # type: ignore[index]
    assert pattern.match("[a\\]b](x)")["label"] == "a\\]b"  # type: ignore[index]
    assert pattern.match("[" + "a" * 500 + "](x)") is not None
    assert pattern.match("[" + "a" * 501 + "](x)") is None
    assert pattern.match("[" + "a" * 499 + "\\]](x)") is not None
    assert pattern.match("[" + "a" * 500 + "\\]](x)") is None


def test_tokens_without_at_are_those_a_search_finds() -> None:
    """_token_matches tries the pattern where a token may start: the same matches as finditer."""
    import itertools

    from episodeparse.extractors import links as links_module

    lines = [
        "See [a](b) at <https://c.org>, x.example.com/p.",
        "Ana-www.example.com and A.example.com, x-y.co.uk/a, (https://e.fm) ![i](j)",
        "Tbhttp://a.io www.b.org/x .c.com -d.tv e..f.me",
        "a.io[x](y) ![i](j.png) b.org<http://c.fm>[z][k] www.d.net[e](f) x.com",
    ]
    lines += ["".join(chars) for chars in itertools.product("a.c-o/[(h ", repeat=4)]
    for line in lines:
        expected = [(m.span(), m.groupdict()) for m in links_module._TOKEN_NO_AT.finditer(line)]
        found = [(m.span(), m.groupdict()) for m in links_module._token_matches(line, False)]
        assert found == expected, line


def test_tokens_with_at_are_those_a_search_finds() -> None:
    """_token_matches tries the full pattern where a token may start, an email's start
    before each "@" too: the same matches as finditer."""
    import itertools

    from episodeparse.extractors import links as links_module

    lines = [
        "Mail ana.b@c.org or @dee, [e](https://f.io/@g) x.example.com/p.",
        "a+b_c-d.e@f.co @h@i.social (@j) k@l @m.bsky.social www.n.org/@o",
        "ä@b.de " + "a" * 70 + "@x.com " + "-" * 70 + "b@y.com http://q@r.io",
        "[x](y) a.b@c.com.br z.example.com @p [k](mailto:u@v.fm)",
    ]
    lines += ["".join(chars) for chars in itertools.product("a.c@o/[+h ", repeat=4)]
    lines += ["".join(chars) for chars in itertools.product("w.!<[@](- ", repeat=4)]
    for line in lines:
        expected = [(m.span(), m.groupdict()) for m in links_module._TOKEN.finditer(line)]
        found = [(m.span(), m.groupdict()) for m in links_module._token_matches(line, True)]
        assert found == expected, line


def test_the_cheap_tests_before_the_lead_in_and_listen_patterns_agree_with_them() -> None:
    import itertools

    from episodeparse.extractors.links import (
        _LEAD_IN,
        _LEAD_IN_LONGEST,
        _LISTEN_INTRO,
        _may_listen,
    )
    from episodeparse.normalize import collapse

    pieces = [
        "Visit",
        "go to",
        "CHECK OUT",
        "ſee",
        "at",
        "—",
        "-",
        " ",
        "Ana",
        "app",
        "Liſten",
        ":",
    ]
    for parts in itertools.product(pieces, repeat=3):
        text = " ".join(parts)
        # _label_before's lead-in: sought only in the tail of a collapsed text.
        flat = collapse(text)
        tail = _LEAD_IN.search(flat, max(0, len(flat) - _LEAD_IN_LONGEST))
        assert (flat if tail is None else flat[: tail.start()]) == _LEAD_IN.sub("", flat), flat
        # links_in's listen intro: the cheap test lets every match through.
        if _LISTEN_INTRO.search(text + ":"):
            assert _may_listen(text + ":"), text


@pytest.mark.parametrize(
    ("line", "person"),
    [
        # A full name after "Follow", then the address: whose link the line says.
        ("Follow Maya Lindqvist: www.twitter.com/mayalind", "Maya Lindqvist"),
        # A first name: the known person's (the notes name her in full above).
        ("Follow Amaya: https://twitter.com/amayaruiz", "Amaya Ruiz"),
        ("Suivez Amaya : https://twitter.com/amayaruiz", "Amaya Ruiz"),
        # A word that names nobody known: no owner.
        ("Follow Updates: https://example.org/news", None),
        ("Find Tickets: https://example.org/tickets", None),
    ],
)
def test_a_follow_label_alone_before_the_address_says_whose(line: str, person: str | None) -> None:
    notes = f"Episode 3: Rivers\n\nDr. Amaya Ruiz is a hydrologist at Leeds.\n\n{line}\n"
    links = parse(notes).links
    assert [link.person for link in links] == [person]


def test_the_gate_before_the_name_prefix_agrees_with_it() -> None:
    """_may_open_with_name is false only where _NAME_PREFIX cannot match."""
    import itertools

    from episodeparse.extractors.links import _NAME_PREFIX, _may_open_with_name

    for chars in itertools.product(
        [" ", "\t", "-", "*", "•", "A", "a", "É", "[", ":", "+"], repeat=4
    ):
        line = "".join(chars) + "b: x"
        if _NAME_PREFIX.match(line):
            assert _may_open_with_name(line), line


def test_host_and_path_are_what_the_anchored_patterns_leave() -> None:
    from episodeparse.extractors.links import _PATH_START, _SCHEME_AND_WWW, _host, _path

    urls = [
        "https://www.x.com/a/b?c=d",
        "HTTP://WWW.Y.org",
        "www.z.fm/p",
        "z.io",
        "/rel/x",
        "mailto:a@b.co",
        "a+b.c-d://www.q.de/#x",
        "1http://x.com/y",
        "",
        "?q",
    ]
    for url in urls:
        low = url.lower()
        assert _host.__wrapped__(url) == _SCHEME_AND_WWW.sub("", low).split("/")[0], url
        assert _path.__wrapped__(url) == _PATH_START.sub("", low).strip("/"), url
