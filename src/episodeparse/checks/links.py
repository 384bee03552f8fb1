"""Links: addresses written wrong, written twice, or over plain http.

- ``links/malformed`` (error): an address a browser cannot open as written: a broken
  scheme (``https//x``, ``http:/x``, ``htp://x``), a space after ``https://`` or inside a
  Markdown link's address, a Markdown link that is not closed or has no address,
  unbalanced parentheses or brackets in an address.
- ``links/duplicate`` (warning): the same address (or handle) twice in one section. The
  same address again in another section (a recap list of the links) is not reported.
- ``links/http`` (warning): ``http://`` to a host that serves https (the known platforms
  and large sites), or on a top-level domain that only works over https (``.dev``,
  ``.app``, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from episodeparse import recache
from episodeparse.checks.notes import Finding, LinkSpot, Notes, check, quote
from episodeparse.extractors.links import platform_of

__all__ = ["duplicate", "http", "malformed"]

_SCHEME = recache.compile(
    r"""(?<![\w/.:+-])
        (?P<scheme>[Hh][Tt]{1,3}[Pp][Ss]?)   # http, https, and typos: htp, htttps
        (?P<sep>:/{1,5}|/{2,5})              # the separator, right or wrong
        (?=[\w%~.-])                         # then the address""",
    re.VERBOSE,
)
_SPACE_AFTER_SCHEME = recache.compile(
    r"(?<![\w/.:+-])(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?://)[ \t]+(?=[\w-]{1,63}\.[A-Za-z])"
)
_TARGET_WINDOW = 500  # characters: a Markdown link target, or its label
_ADDRESS_START = recache.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]{0,20}://|www\.)", re.IGNORECASE)
_REF_DEFINITION = recache.compile(
    r"^[ \t]{0,3}\[[^\[\]\n]{1,100}\]:[ \t]*<?(?P<url>[^\s<>]{1,2000})>?(?:[ \t].*)?$"
)
_LABEL = recache.compile(r"\[(?:\\.|[^\[\]\n\\]){0,500}\]\(")  # a Markdown link's [label](
_HTTPS_HOSTS = frozenset(
    [
        "reddit.com",
        "redd.it",
        "wikipedia.org",
        "wikimedia.org",
        "google.com",
        "apple.com",
        "amazon.com",
        "microsoft.com",
        "msdn.com",
        "github.io",
        "gitlab.io",
        "wordpress.com",
        "blogspot.com",
        "substack.com",
        "linktr.ee",
        "notion.so",
        "notion.site",
        "eventbrite.com",
        "meetup.com",
        "stackoverflow.com",
        "pypi.org",
        "python.org",
        "npmjs.com",
        "crates.io",
        "docs.rs",
        "rust-lang.org",
        "mozilla.org",
        "w3.org",
        "vimeo.com",
        "soundcloud.com",
        "ko-fi.com",
        "buymeacoffee.com",
        "paypal.com",
        "zoom.us",
        "anchor.fm",
        "libsyn.com",
        "buzzsprout.com",
        "transistor.fm",
        "simplecast.com",
        "megaphone.fm",
        "acast.com",
        "spreaker.com",
        "captivate.fm",
        "podbean.com",
        "podcastindex.org",
        "overcast.fm",
        "pocketcasts.com",
        "castbox.fm",
        "arxiv.org",
        "doi.org",
        "oreilly.com",
        "jetbrains.com",
        "archive.org",
        "nytimes.com",
        "bbc.co.uk",
        "theguardian.com",
    ]
)
# Top-level domains on the HSTS preload list as a whole: their sites only load over https.
_HTTPS_ONLY_TLDS = frozenset(
    [
        "app",
        "bank",
        "boo",
        "channel",
        "dad",
        "day",
        "dev",
        "eat",
        "esq",
        "fly",
        "foo",
        "how",
        "ing",
        "insurance",
        "meme",
        "mov",
        "new",
        "page",
        "phd",
        "prof",
        "rsvp",
        "soy",
        "zip",
    ]
)


def _host(url: str) -> str:
    """The host of an address, lower case, without ``www.`` and port."""
    rest = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", url)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].split("@")[-1].split(":")[0].lower()
    return host[4:] if host.startswith("www.") else host


def _key(spot: LinkSpot) -> str:
    """An address as compared for duplicates: no scheme, no ``www.``, no trailing ``/``,
    host in lower case (the path as written)."""
    link = spot.link
    if link.url is None:
        return (link.handle or "").lower()
    rest = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*:(?://)?", "", link.url)
    host, _, path = rest.partition("/")
    host = host.lower()
    host = host[4:] if host.startswith("www.") else host
    return (host + "/" + path).rstrip("/")


def _fenced_lines(notes: Notes) -> frozenset[int]:
    return frozenset(seg.line for seg in notes.document.segments if seg.index in notes.fenced)


def _markdown_targets(line: str) -> Iterator[tuple[int, str]]:
    """(offset, problem) for each Markdown link target on ``line`` that is broken. Each
    target is looked for within ``_TARGET_WINDOW`` characters, so a long line of broken
    links costs time in proportion to its length."""
    start = line.find("](")
    while start >= 0:
        begin = start + 2
        window = line[begin : begin + _TARGET_WINDOW]
        close = window.find(")")
        target = window if close < 0 else window[:close]
        label_open = line.rfind("[", max(0, start - _TARGET_WINDOW), start)
        stripped = target.strip()
        if close >= 0 and not stripped and label_open >= 0 and line[label_open + 1 : start]:
            yield start, "a Markdown link with no address"
        elif _ADDRESS_START.match(stripped):
            parts = stripped.split()
            if close < 0:
                yield begin, f'Markdown link not closed: ")" is missing after {quote(parts[0])}'
            elif len(parts) > 1 and not parts[1].startswith(('"', "'", "(")):
                yield begin, f"space inside the address {quote(stripped)}: write %20"
        start = line.find("](", begin)


def _unbalanced(url: str) -> str | None:
    for opening, closing in (("(", ")"), ("[", "]")):
        if url.count(opening) != url.count(closing):
            return f"unbalanced {opening}{closing} in {quote(url)}"
    return None


@check("links/malformed", "error", "an address a browser cannot open as written")
def malformed(notes: Notes) -> Iterator[Finding]:
    found: dict[tuple[int, int], str] = {}
    fenced = _fenced_lines(notes)
    for number, text in enumerate(notes.lines, start=1):
        if number in fenced:
            continue
        labels = [(m.start(), m.end()) for m in _LABEL.finditer(text)]
        for m in _SCHEME.finditer(text):
            scheme, sep = m["scheme"], m["sep"]
            if scheme.lower() in ("http", "https") and sep == "://":
                continue
            if any(a < m.start() < b for a, b in labels):
                continue  # a label ("[https:/...](https://x)") is text, not the address
            right = "https" if scheme.lower().endswith("s") else "http"
            found.setdefault(
                (number, m.start() + 1),
                f'{scheme}{sep}... is not an address: write "{right}://"',
            )
        for m in _SPACE_AFTER_SCHEME.finditer(text):
            found.setdefault((number, m.start() + 1), f'a space after "{m["scheme"]}": remove it')
        for offset, problem in _markdown_targets(text):
            found.setdefault((number, offset + 1), problem)
    for spot in notes.link_spots:
        unbalanced = _unbalanced(spot.link.url) if spot.link.url else None
        if unbalanced:
            found.setdefault((spot.line, spot.column), unbalanced)
    for (line, column), message in sorted(found.items()):
        yield Finding(line, column, message)


@check("links/duplicate", "warning", "the same address twice in one section")
def duplicate(notes: Notes) -> Iterator[Finding]:
    defined = {
        m["url"] for seg in notes.document.segments if (m := _REF_DEFINITION.match(seg.text))
    }
    first: dict[tuple[str | None, str], LinkSpot] = {}
    for spot in notes.link_spots:
        url = spot.link.url
        if url in defined:
            continue  # a reference link [label][ref] used twice is written once
        if url is not None and not _ADDRESS_START.match(url):
            continue  # a bare domain in prose ("on podcastindex.org") is a mention
        key = (spot.link.section, _key(spot))
        seen = first.setdefault(key, spot)
        if seen is not spot and (seen.line, seen.column) != (spot.line, spot.column):
            section = spot.link.section
            where = f'under "{section}"' if section else "before the first heading"
            yield Finding(
                spot.line,
                spot.column,
                f"{spot.link.url or spot.link.handle} is already linked on line {seen.line} "
                f"{where}",
            )


@check("links/http", "warning", "a plain http:// link to a site that serves https")
def http(notes: Notes) -> Iterator[Finding]:
    for spot in notes.link_spots:
        url = spot.link.url
        if url is None or not url.lower().startswith("http://"):
            continue
        host = _host(url)
        tld = host.rsplit(".", 1)[-1]
        if tld in _HTTPS_ONLY_TLDS:
            why = f".{tld} sites only load over https"
        elif platform_of(url) is not None or any(
            host == known or host.endswith("." + known) for known in _HTTPS_HOSTS
        ):
            why = f"{host} serves https"
        else:
            continue
        yield Finding(spot.line, spot.column, f"{url} uses http://: {why}; write https://")
