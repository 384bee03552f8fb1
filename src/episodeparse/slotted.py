"""A base for the parser's working records: what ``@dataclass(slots=True)`` gives them
(equality field by field, a repr, no instance ``__dict__``), without its cost at import.

A dataclass writes the source of its methods and compiles it when its module is
imported: about 0.7 ms a class (3.3M instructions), and a one-file ``validate`` imports
a dozen of them, a tenth of its start-up. A subclass of ``Slotted`` annotates its fields, in
order, names them in ``__slots__`` too, and writes its ``__init__``; equality and repr
come from here.
The public record (``model.py``) stays made of dataclasses.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar

__all__ = ["FrozenSlotted", "Slotted"]


class Slotted:
    """Compared field by field (and only with its own class), shown with its fields, and
    unhashable, as a mutable dataclass is."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Fields in the order their annotations are written, as a dataclass takes them
        # (``__slots__`` may be in any order: ruff sorts it).
        own = tuple(inspect.get_annotations(cls))
        slots = cls.__dict__.get("__slots__", ())
        if set(own) != set((slots,) if isinstance(slots, str) else slots):
            raise TypeError(f"{cls.__qualname__}: __slots__ and the annotated fields differ")
        cls._fields = (*cls._fields, *own)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Slotted)
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({shown})"


class FrozenSlotted(Slotted):
    """A ``Slotted`` that is not changed after ``__init__``, and so hashable by its fields,
    as a frozen dataclass is (the promise is kept by the code, not enforced)."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())
