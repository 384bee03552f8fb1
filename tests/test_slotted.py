"""The parser's working records compare, show and hash as the dataclasses they replace."""

from __future__ import annotations

import pytest

from episodeparse.document import SectionBlock, Segment
from episodeparse.extractors import PersonDraft
from episodeparse.extractors.header import Header, TitleLine


def test_equal_by_fields_and_only_within_a_class() -> None:
    assert PersonDraft("Ada Lovelace", "guest") == PersonDraft("Ada Lovelace", "guest", None)
    assert PersonDraft("Ada Lovelace", "guest") != PersonDraft("Ada Lovelace", "host")
    assert TitleLine() != Header()  # a subclass is another class, as for dataclasses
    assert TitleLine(title="x") != ("x", None, None, None, None, (), ())


def test_a_subclass_holds_its_parents_fields_too() -> None:
    header = Header()
    header.title, header.summary = "A title", "A teaser."
    assert Header._fields == (*TitleLine._fields, "summary")
    assert repr(header).startswith("Header(title='A title', podcast=None,")
    assert repr(header).endswith("summary='A teaser.')")
    assert not hasattr(header, "__dict__")


def test_a_mutable_record_is_unhashable_and_a_frozen_one_hashes_by_its_fields() -> None:
    with pytest.raises(TypeError):
        hash(PersonDraft("Ada Lovelace", "guest"))
    assert hash(Segment(0, 1, "text")) == hash(Segment(0, 1, "text", None, False))
    assert len({Segment(0, 1, "text"), Segment(0, 1, "text"), Segment(1, 2, "text")}) == 2


def test_default_lists_are_not_shared() -> None:
    one, two = SectionBlock(None, "body"), SectionBlock(None, "body")
    one.segments.append(Segment(0, 1, "x"))
    assert two.segments == []
    first, second = PersonDraft("A B", "guest"), PersonDraft("C D", "guest")
    first.aliases.append("A")
    assert second.aliases == []


def test_a_field_without_a_slot_is_refused_when_the_class_is_made() -> None:
    from episodeparse.slotted import Slotted

    with pytest.raises(TypeError, match="__slots__ and the annotated fields differ"):

        class Broken(Slotted):
            __slots__ = ("a",)
            a: int
            b: int
