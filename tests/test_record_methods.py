"""The record classes' ==, hash() and repr() (written once, in model.Record) behave as
the methods a frozen dataclass generates, and the records stay frozen dataclasses."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

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
