"""episodeparse: podcast show notes to structured, validated episode records.

>>> import episodeparse
>>> episodeparse.parse("Hello // Ada Lovelace // Coffee Sessions #1").title
'Hello'

The public names are imported on first use (PEP 562), so that ``import episodeparse.cli``
for ``--help`` does not compile the parser's regular expressions.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from episodeparse.document import InputError
    from episodeparse.model import (
        SCHEMA,
        Chapter,
        Episode,
        Leftover,
        Link,
        Person,
        Section,
        Source,
    )
    from episodeparse.pipeline import parse

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Chapter",
    "Episode",
    "InputError",
    "Leftover",
    "Link",
    "Person",
    "Section",
    "Source",
    "__version__",
    "parse",
]

_HOMES = {
    "InputError": "episodeparse.document",
    "parse": "episodeparse.pipeline",
    "SCHEMA": "episodeparse.model",
    "Chapter": "episodeparse.model",
    "Episode": "episodeparse.model",
    "Leftover": "episodeparse.model",
    "Link": "episodeparse.model",
    "Person": "episodeparse.model",
    "Section": "episodeparse.model",
    "Source": "episodeparse.model",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'episodeparse' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
