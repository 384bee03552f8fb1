"""Records to JSON, JSONL and YAML.

JSON is UTF-8 (not ASCII-escaped), indented by 2. YAML carries exactly the same data:
``yaml.safe_load(to_yaml(r)) == json.loads(to_json(r))``. Strings that YAML would read back
as something else (``no``, ``01:12``, ``1:02:03``, ``~``, ``2023-01-01``) are quoted by the
safe dumper; multi-line text is written as a block scalar where that round-trips; and
characters PyYAML's emitter would fold (U+0085, U+2028, U+2029) force a quoted scalar.
libyaml's CSafeDumper is used when present (seven times faster); both write the same text,
except that libyaml writes a string holding a character beyond U+FFFF (an emoji) quoted,
with ``\U0001f600`` escapes: both read back as the same string.

``RecordWriter`` writes records as they come, so that memory stays flat however many there
are: JSON arrays (``[``, records separated by ``,\n``, ``]``), YAML document streams and
JSONL lines, byte for byte what ``to_json``, ``to_yaml_documents`` and ``to_jsonl_line``
give for the whole list. It takes records already rendered by ``RENDERERS`` (the text of
one record as one input prints it), which lets worker processes do the rendering.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, Protocol

from episodeparse.model import Episode

__all__ = [
    "RENDERERS",
    "RecordWriter",
    "TextSink",
    "to_json",
    "to_jsonl_line",
    "to_yaml",
    "to_yaml_documents",
]


def to_json(records: Episode | list[Episode]) -> str:
    """One record as a JSON object, several as a JSON array."""
    data: Any = (
        records.to_dict() if isinstance(records, Episode) else [r.to_dict() for r in records]
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_jsonl_line(record: Episode | Mapping[str, Any]) -> str:
    """One compact record on one line (newlines inside strings are escaped by JSON); a
    record already turned into a dict (``Episode.to_dict()``) is written the same way."""
    data = record.to_dict() if isinstance(record, Episode) else record
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


_FOLDED = ("\x85", "\u2028", "\u2029")


@lru_cache(maxsize=2)
def _dumper(libyaml: bool = True) -> type:
    import yaml

    base: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper) if libyaml else yaml.SafeDumper

    def represent_str(dumper: Any, value: str) -> Any:
        if any(ch in value for ch in _FOLDED):
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
        if "\n" in value and value == value.strip() and "\t" not in value and " \n" not in value:
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
        return dumper.represent_scalar("tag:yaml.org,2002:str", value)

    class EpisodeDumper(base):  # type: ignore[misc]
        pass

    EpisodeDumper.add_representer(str, represent_str)
    return EpisodeDumper


def _yaml_dump(data: Any, explicit_start: bool, libyaml: bool = True) -> str:
    import yaml

    text: str = yaml.dump(
        data,
        Dumper=_dumper(libyaml),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        explicit_start=explicit_start,
        width=100,
    )
    return text


def to_yaml(record: Episode, *, libyaml: bool = True) -> str:
    """One record as one YAML document (``libyaml=False``: the pure-Python dumper, which
    writes the same text, slower)."""
    return _yaml_dump(record.to_dict(), explicit_start=False, libyaml=libyaml)


def to_yaml_documents(records: Iterable[Episode], *, libyaml: bool = True) -> str:
    """Several records as a stream of YAML documents (``---`` before each)."""
    return "".join(_yaml_dump(r.to_dict(), True, libyaml) for r in records)


def _to_json_object(record: Episode) -> str:
    return to_json(record)


def _to_jsonl(record: Episode) -> str:
    return to_jsonl_line(record)


def _to_yaml(record: Episode) -> str:
    return to_yaml(record)


RENDERERS: dict[str, Callable[[Episode], str]] = {
    "json": _to_json_object,
    "yaml": _to_yaml,
    "jsonl": _to_jsonl,
}
"""Format name -> the text of one record as one input prints it (module-level functions,
so that they can be sent to worker processes)."""


class TextSink(Protocol):
    """Where ``RecordWriter`` writes: a text file, ``sys.stdout``, ..."""

    def write(self, text: str, /) -> object: ...


class RecordWriter:
    """Writes rendered records (``RENDERERS[fmt](record)``) to ``out`` as they come.

    Several records make a JSON array, a stream of ``---`` YAML documents, or JSONL lines;
    with ``bare_single`` (one input was given), a lone record is written as it is, an object
    or a document without ``---``. Only that first record is held back, until the second
    shows whether a list is being written. Nothing is written for no records.

    >>> import io
    >>> out = io.StringIO()
    >>> writer = RecordWriter(out, "json", bare_single=False)
    >>> for n in (1, 2):
    ...     writer.add(json.dumps({"a": n}, indent=2) + "\\n")
    >>> writer.close()
    >>> out.getvalue() == json.dumps([{"a": 1}, {"a": 2}], indent=2) + "\\n"
    True
    """

    def __init__(self, out: TextSink, fmt: str, *, bare_single: bool) -> None:
        if fmt not in RENDERERS:
            raise ValueError(f"unknown format {fmt!r}")
        self.out = out
        self.fmt = fmt
        self.bare_single = bare_single
        self.count = 0
        self._held: str | None = None

    def add(self, rendered: str) -> None:
        """Write one record, as rendered by ``RENDERERS[fmt]``."""
        self.count += 1
        if self.fmt == "jsonl":
            self.out.write(rendered)
            return
        if self.count == 1 and self.bare_single:
            self._held = rendered
            return
        if self._held is not None:
            self.out.write(self._in_list(self._held, first=True))
            self._held = None
        self.out.write(self._in_list(rendered, first=self.count == 1))

    def close(self) -> None:
        """End the output: the lone record as it is, or the end of the JSON array."""
        if self._held is not None:
            self.out.write(self._held)
            self._held = None
        elif self.fmt == "json" and self.count:
            self.out.write("\n]\n")

    def _in_list(self, rendered: str, *, first: bool) -> str:
        if self.fmt == "yaml":
            return "---\n" + rendered
        # A record of a JSON array is indented one level more: json never writes a raw
        # newline inside a string, so every newline starts a line of the record.
        body = "  " + rendered.removesuffix("\n").replace("\n", "\n  ")
        return ("[\n" if first else ",\n") + body
