"""Hostile text, built to a requested size, shared by the regex, parse and CLI tests.

Each family is a function ``size -> str`` that returns about ``size`` characters of one
kind of trouble: long runs of one character that many patterns start or repeat on
(``[``, ``(``, ``:``, digits, spaces, ``//``, ``@``, ``-``), an address whose body never
ends (``http://`` and many ``a``), nested brackets, and repeated fragments of the forms
the extractors read (chapter times, names, handles, headings, Markdown links, entities).
"""

from __future__ import annotations

from collections.abc import Callable

Build = Callable[[int], str]


def _run(unit: str) -> Build:
    def build(size: int) -> str:
        return unit * max(1, size // len(unit))

    return build


def _then(unit: str, tail: str) -> Build:
    """A run of ``unit`` and then ``tail``: what makes a pattern fail only at the end."""

    def build(size: int) -> str:
        return unit * max(1, size // len(unit)) + tail

    return build


def _nested(size: int) -> str:
    half = max(1, size // 2)
    return "[" * half + "]" * half


def _nested_mixed(size: int) -> str:
    quarter = max(1, size // 4)
    return "[(" * quarter + ")]" * quarter


def _http(size: int) -> str:
    return "http://" + "a" * size


def _charref(size: int) -> str:
    return "&#" + "1" * size


# One character, many times.
RUNS: dict[str, str] = {
    "[": "[",
    "]": "]",
    "(": "(",
    ")": ")",
    ":": ":",
    "digits": "1",
    "spaces": " ",
    "tabs": "\t",
    "newlines": "\n",
    "crs": "\r",
    "nbsp": "\u00a0",
    "//": "//",
    "@": "@",
    "-": "-",
    "#": "#",
    "*": "*",
    "_": "_",
    ".": ".",
    ",": ",",
    "|": "|",
    "=": "=",
    "<": "<",
    ">": ">",
    "&": "&",
    "'": "'",
    '"': '"',
    "\\": "\\",
    "!": "!",
    "~": "~",
    "/": "/",
    "a": "a",
    "A": "A",
    "emoji": "\u2728",
    "nul": "\x00",
}

# Fragments of the forms the extractors read, repeated.
FRAGMENTS: dict[str, str] = {
    "[[]": "[[]",
    "[a](": "[a](",
    "[a][": "[a][",
    "![": "![",
    "([": "([",
    "[@": "[@",
    "http://a ": "http://a ",
    "www.": "www.",
    "a.": "a.",
    "a-": "a-",
    "a/": "a/",
    "a@": "a@",
    "@a.": "@a.",
    "@a@": "@a@",
    "a@a.": "a@a.",
    "0:": "0:",
    "1:": "1:",
    "00:00 ": "00:00 ",
    "[00:00]": "[00:00]",
    "(1:02:03) ": "(1:02:03) ",
    "--- a": "--- a",
    "- - ": "- - ",
    "**a": "**a",
    "__a": "__a",
    "`a": "`a",
    "Aa ": "Aa ",
    "Aa's ": "Aa's ",
    "Aa, ": "Aa, ",
    "Aa and ": "Aa and ",
    "Aa on ": "Aa on ",
    "A.": "A.",
    "a  ": "a  ",
    " \t": " \t",
    "a b": "a b",
    "Episode #1 ": "Episode #1 ",
    "#1 ": "#1 ",
    "S1E1": "S1E1",
    "// a ": "// a ",
    "// Links ": "// Links ",
    "<a ": "<a ",
    "<!--": "<!--",
    "<!---->": "<!---->",
    "<?a?>": "<?a?>",
    "&amp": "&amp",
    "&#": "&#",
    "is a ": "is a ",
    "with ": "with ",
    "Connect with ": "Connect with ",
    "a: ": "a: ",
    "Date: ": "Date: ",
    "2021 ": "2021 ",
    "\r\n": "\r\n",
}

# Built shapes: a run that fails only at its very end, nested brackets, endless bodies.
SHAPES: dict[str, Build] = {
    "nested []": _nested,
    "nested [( )]": _nested_mixed,
    "http:// + a...": _http,
    "&# + digits": _charref,
    "spaces then x": _then(" ", "x"),
    "spaces then newline": _then(" ", "\n"),
    "digits then :": _then("1", ":"),
    "#1 then newline": _then("#1 ", "\n"),
    "[a then newline": _then("[a", "\n"),
    "Aa then .": _then("Aa ", "."),
    "- then newline": _then("-", "\nx"),
}


def families() -> dict[str, Build]:
    """Every hostile family by name."""
    out: dict[str, Build] = {}
    for name, unit in {**RUNS, **FRAGMENTS}.items():
        out[name] = _run(unit)
    out.update(SHAPES)
    return out


def one_megabyte_line() -> str:
    """One line of about 1 MB that mixes the families above: brackets, times, addresses,
    handles, names, headings and separators, with no line break anywhere."""
    pieces = [
        "[" * 300,
        "(" * 300,
        ":" * 300,
        "1" * 300,
        " " * 300,
        "//" * 150,
        "http://" + "a" * 300,
        "@" * 300,
        "-" * 300,
        "[00:00] Aa Bb ",
        "Connect with Aa on LinkedIn: https://x.test/a ",
        "// Links ",
        "[a](http://x.test/b) ",
        "Episode #12 with Aa Bb and Cc Dd, ",
    ]
    unit = "".join(pieces)
    return (unit * (1_000_000 // len(unit) + 1))[:1_000_000]


def _name(i: int) -> str:
    """A distinct capitalised word for every ``i``: "Ba", "Ca", ..., "Bab"."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    i += 1
    while i:
        i, r = divmod(i, len(letters))
        word += letters[r] + "a"
    return word.capitalize()


def _lines(line: Callable[[int], str]) -> Build:
    def build(size: int) -> str:
        out: list[str] = []
        total = 0
        i = 0
        while total < size:
            text = line(i)
            out.append(text)
            total += len(text) + 1
            i += 1
        return "\n".join(out)

    return build


# Whole documents: many lines of one kind, each line different, so that every list the
# parser keeps (people, links, chapters, sections) grows with the input.
DOCUMENTS: dict[str, Build] = {
    "guest lines": _lines(lambda i: f"Guest: {_name(i)} {_name(i + 7)}"),
    "host and guest prose": _lines(
        lambda i: f"{_name(i)} {_name(i + 1)} talks with {_name(i + 2)} {_name(i + 3)}."
    ),
    "first names": _lines(lambda i: f"{_name(i)} and {_name(i + 1)} discuss {_name(i)}'s work"),
    "chapter lines": _lines(lambda i: f"[{i // 60 % 60:02d}:{i % 60:02d}] {_name(i)} part"),
    "link lines": _lines(lambda i: f"- [{_name(i)}](https://x.test/{i}) by @{_name(i)}"),
    "connect lines": _lines(
        lambda i: f"Connect with {_name(i)} on LinkedIn: https://linkedin.com/in/{i}"
    ),
    "headings": _lines(lambda i: f"## {_name(i)} {_name(i + 1)}\nSome text {i}."),
    "label headings": _lines(lambda i: f"{_name(i).upper()}:\n{_name(i)} text"),
    "categories": _lines(lambda i: f"Tags: {_name(i)}, {_name(i + 1)}, {_name(i + 2)}"),
    "reference links": _lines(lambda i: f"[{_name(i)}][r{i}] and [r{i}]: https://x.test/{i}"),
    "bio names": _lines(lambda i: f"// Bio {_name(i)} {_name(i + 1)} is a {_name(i)} at X."),
    "html list": lambda n: "<ul>" + "<li><a href='https://x.test/'>a</a></li>" * (n // 42),
    "html nested": lambda n: "<div>" * (n // 10) + "x" + "</div>" * (n // 10),
    "html script": lambda n: "<p>a</p><script>" + "<p>b</p>" * (n // 8),
    "flattened notes": lambda n: (
        (
            "Title // Aa Bb // Meetup #1  [00:01] Intro  [00:02] More  Links:  "
            "https://a.test/ https://b.test/ Follow: @aa  "
        )
        * max(1, n // 110)
    ),
}
