"""Markdown links rendered to their labels: an escaped bracket opens no link."""

from __future__ import annotations

import pytest

from episodeparse.normalize import render_inline


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[Ann Lee](https://example.org/ann) joins", "Ann Lee joins"),
        ("a\\[b](https://example.org/x)", "a[b](https://example.org/x)"),  # escaped: no link
        ("\\\\[b](https://example.org/x)", "\\[b](https://example.org/x)"),  # a backslash before
        ("[b](https://example.org/x)[c](https://example.org/y)", "bc"),
        ("[b]((https://example.org/x))", "b"),
        (
            "x [See \\[a\\](https://x.test/a) here](https://x.test/b)",
            "x See [a](https://x.test/a) here",
        ),
    ],
)
def test_markdown_links_show_their_labels(text: str, shown: str) -> None:
    assert render_inline(text) == shown
