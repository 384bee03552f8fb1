"""source.sha256 is SHA-256, whichever module computes it."""

from __future__ import annotations

import hashlib

import pytest

import episodeparse
from episodeparse.digest import sha256_hex


@pytest.mark.parametrize(
    "data", [b"", b"abc", "Caf\u00e9 \U0001f399\ufe0f".encode(), bytes(range(256)) * 4099]
)
def test_the_digest_is_hashlibs_sha256(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_a_record_carries_the_sha256_of_its_text() -> None:
    text = "Title // Guest Name // Show #1\n\nA teaser line.\n"
    assert episodeparse.parse(text).source.sha256 == hashlib.sha256(text.encode()).hexdigest()
