"""Tests for episodeparse.pipeline: what parse() keeps and where. Several were found by the
properties of tests/test_hostile_parse.py and pin the minimal input that broke them."""

from __future__ import annotations

from episodeparse import parse


def test_a_heading_with_nothing_of_its_own_is_left_over() -> None:
    """A heading nobody knows, whose section is empty or was taken by another field, is
    kept as a leftover rather than dropped ("//0A" once vanished)."""
    record = parse("Some prose about things.\n\n## Takeaways and Surprises\n", path="x.md")
    assert [(x.line, x.text) for x in record.leftovers] == [(3, "## Takeaways and Surprises")]
    assert [x.text for x in parse("//0A").leftovers] == ["//0A"]
    chapters = parse("Intro.\n\n## Welcome\n\n- [00:12] Introductions\n", path="x.md")
    assert [x.text for x in chapters.leftovers] == ["## Welcome"]
    assert [c.title for c in chapters.chapters] == ["Introductions"]


def test_a_known_heading_with_nothing_under_it_is_structure() -> None:
    record = parse("Some prose about things.\n\n## Transcript\n", path="x.md")
    assert record.leftovers == ()
    assert record.sections == ()
