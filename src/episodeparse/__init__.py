"""episodeparse: podcast show notes to structured, validated episode records.

>>> import episodeparse
>>> episodeparse.parse("Hello // Ada Lovelace // Coffee Sessions #1").title
'Hello'
"""

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
