"""The record classes' ==, hash() and repr() (written once, in model.Record) behave as
the methods a frozen dataclass generates, and the records stay frozen dataclasses."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from typing import Any

import pytest

import episodeparse
from episodeparse import model
from episodeparse.model import Chapter, Episode, Link, Person

CLASSES = [model.Source, Person, Chapter, Link, model.Section, model.Leftover, Episode]


def _generated(cls: type) -> Any:
    """The same fields as ``cls``, with the methods a frozen dataclass generates."""
    fields = [(f.name, f.type, f) for f in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, fields, frozen=True)


def _values(cls: type, variant: int) -> dict[str, Any]:
    return {f.name: f"{f.name}-{variant}" for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_equality_hash_and_repr_are_those_of_a_generated_dataclass(cls: type) -> None:
    twin = _generated(cls)
    one, same, other = (cls(**_values(cls, v)) for v in (1, 1, 2))
    assert isinstance(one, model.Record)
    assert dataclasses.is_dataclass(one)
    assert repr(one) == repr(twin(**_values(cls, 1)))
    assert one == same
    assert not one != same  # noqa: SIM202 - __ne__ comes from __eq__
    assert one != other
    assert hash(one) == hash(same) == hash(twin(**_values(cls, 1)))
    assert one != twin(**_values(cls, 1))  # another class, as with dataclasses
    assert one != tuple(_values(cls, 1).values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(one, dataclasses.fields(cls)[0].name, "changed")


def test_replace_and_asdict_still_work_on_records() -> None:
    person = Person("Ada Lovelace", "guest", aliases=("Ada",))
    host = Person("Ada Lovelace", "host", None, ("Ada",))
    assert dataclasses.replace(person, role="host") == host
    assert dataclasses.asdict(person) == {**person.to_dict(), "aliases": ("Ada",)}


ALL_CLASSES = [
    model.Source,
    model.Enclosure,
    model.ChaptersUrl,
    model.Transcript,
    model.Channel,
    model.Feed,
    Person,
    Chapter,
    Link,
    model.Section,
    model.Leftover,
    Episode,
]


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_each_record_takes_its_fields_in_order_as_a_dataclass_would(cls: type) -> None:
    """The ``__init__`` a record writes has the signature a dataclass generates (names,
    order, defaults), and stores each argument in its own field."""
    twin = _generated(cls)
    assert inspect.signature(cls).parameters == inspect.signature(twin).parameters
    values = _values(cls, 1)
    one = cls(*values.values())
    assert {name: getattr(one, name) for name in values} == values
    assert cls.__match_args__ == tuple(values)  # type: ignore[attr-defined]


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda c: c.__name__)
def test_records_stay_frozen_and_slotted(cls: type) -> None:
    one = cls(**_values(cls, 1))
    assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert not hasattr(one, "__dict__")
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot delete field '{first}'"):
        delattr(one, first)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'other'"):
        one.other = 1
    assert getattr(one, first) == f"{first}-1"


def test_records_pickle_and_copy_as_frozen_dataclasses_do() -> None:
    record = episodeparse.parse("Tea at Four // Ada Byron // Tea Talks #3\n[00:00] Hello")
    for copied in (
        pickle.loads(pickle.dumps(record)),
        copy.copy(record),
        copy.deepcopy(record),
    ):
        assert copied == record
        assert copied.to_dict() == record.to_dict()
    assert record.people[0].__getstate__() == [
        getattr(record.people[0], f.name) for f in dataclasses.fields(Person)
    ]


def test_a_record_is_extended_as_a_frozen_dataclass_is() -> None:
    @dataclasses.dataclass(frozen=True)
    class Annotated(Chapter):
        note: str = ""

    chapter = Annotated("1:00", 60, "Intro", "first")
    assert chapter.to_dict() == {"time": "1:00", "seconds": 60, "title": "Intro", "note": "first"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        chapter.note = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError, match="non-frozen"):

        @dataclasses.dataclass
        class Mutable(Chapter):  # type: ignore[misc]
            note: str = ""

    class Plain(Chapter):  # no dataclass: its own attributes may be set
        pass

    plain = Plain("1:00", 60, "Intro")
    plain.seen = True  # type: ignore[attr-defined]
    assert plain.seen  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        plain.title = "Outro"  # type: ignore[misc]
