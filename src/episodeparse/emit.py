"""Records to JSON, JSONL and YAML.

JSON is UTF-8 (not ASCII-escaped), indented by 2. YAML carries exactly the same data:
``yaml.safe_load(to_yaml(r)) == json.loads(to_json(r))``. Strings that YAML would read back
as something else (``no``, ``01:12``, ``1:02:03``, ``~``, ``2023-01-01``) are quoted by the
safe dumper; multi-line text is written as a block scalar where that round-trips; and
characters PyYAML's emitter would fold (U+0085, U+2028, U+2029) force a quoted scalar.
libyaml's CSafeDumper is used when present (seven times faster); both write the same text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from episodeparse.model import Episode

__all__ = ["to_json", "to_jsonl_line", "to_yaml", "to_yaml_documents"]


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


def _dumper() -> type:
    import yaml

    base: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

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


def _yaml_dump(data: Any, explicit_start: bool) -> str:
    import yaml

    text: str = yaml.dump(
        data,
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        explicit_start=explicit_start,
        width=100,
    )
    return text


def to_yaml(record: Episode) -> str:
    """One record as one YAML document."""
    return _yaml_dump(record.to_dict(), explicit_start=False)


def to_yaml_documents(records: Iterable[Episode]) -> str:
    """Several records as a stream of YAML documents (``---`` before each)."""
    return "".join(_yaml_dump(r.to_dict(), explicit_start=True) for r in records)
