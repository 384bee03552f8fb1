"""The JSON Schema (draft 2020-12) of the episode record, as ``episodeparse schema`` prints it.

Written from model.py; tests validate every golden record against it and check that its
properties list the model's fields in order, so the two cannot drift apart silently.
"""

from __future__ import annotations

from typing import Any

from episodeparse.model import SCHEMA

__all__ = ["episode_schema"]


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def episode_schema() -> dict[str, Any]:
    """The schema as a plain dict."""
    text = {"type": "string"}
    source = _object(
        {
            "path": _nullable("string"),
            "format": {"enum": ["text", "markdown", "html", "rss"]},
            "item": {"type": ["integer", "null"], "minimum": 0},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        }
    )
    person = _object(
        {
            "name": {"type": "string", "minLength": 1},
            "role": {"enum": ["guest", "host", "co-host"]},
            "affiliation": _nullable("string"),
            "aliases": {"type": "array", "items": text},
            "bio": _nullable("string"),
        }
    )
    chapter = _object(
        {
            "time": {"type": "string", "pattern": r"^\d{1,3}:\d{2}(:\d{2})?(\.\d{1,3})?$"},
            "seconds": {"type": "integer", "minimum": 0},
            "title": text,
        }
    )
    link = _object(
        {
            "url": _nullable("string"),
            "handle": _nullable("string"),
            "text": _nullable("string"),
            "section": _nullable("string"),
            "person": _nullable("string"),
            "platform": _nullable("string"),
            "kind": {"enum": ["social", "community", "listen", "sponsor", "reference"]},
        }
    )
    link["anyOf"] = [
        {"properties": {"url": {"type": "string"}}},
        {"properties": {"handle": {"type": "string"}}},
    ]
    section = _object({"heading": text, "text": text})
    leftover = _object(
        {
            "line": {"type": "integer", "minimum": 1},
            "text": text,
            "reason": {"enum": ["boilerplate", "unrecognized"]},
        }
    )
    url = {"type": "string", "minLength": 1}
    count = {"type": ["integer", "null"], "minimum": 0}
    feed = _object(
        {
            "id": {"type": "string", "minLength": 1},
            "guid": _nullable("string"),
            "title": _nullable("string"),
            "link": _nullable("string"),
            "published": {
                "type": ["string", "null"],
                "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$",
            },
            "duration": count,
            "season": count,
            "episode": count,
            "episode_type": {"enum": ["full", "trailer", "bonus", None]},
            "explicit": _nullable("boolean"),
            "image": _nullable("string"),
            "enclosure": {
                "anyOf": [
                    {"type": "null"},
                    _object({"url": url, "type": _nullable("string"), "length": count}),
                ]
            },
            "chapters_url": {
                "anyOf": [{"type": "null"}, _object({"url": url, "type": _nullable("string")})]
            },
            "transcripts": {
                "type": "array",
                "items": _object(
                    {
                        "url": url,
                        "type": _nullable("string"),
                        "language": _nullable("string"),
                        "rel": _nullable("string"),
                    }
                ),
            },
            "channel": _object(
                {
                    "title": _nullable("string"),
                    "link": _nullable("string"),
                    "language": _nullable("string"),
                    "author": _nullable("string"),
                    "image": _nullable("string"),
                }
            ),
        }
    )
    schema = _object(
        {
            "schema": {"const": SCHEMA},
            "source": source,
            "feed": {"anyOf": [{"type": "null"}, feed]},
            "title": _nullable("string"),
            "podcast": _nullable("string"),
            "series": _nullable("string"),
            "episode": {"type": ["integer", "null"]},
            "date": {
                "type": ["string", "null"],
                "pattern": r"^\d{4}-\d{2}-\d{2}$",
            },
            "people": {"type": "array", "items": person},
            "summary": _nullable("string"),
            "abstract": _nullable("string"),
            "chapters": {"type": "array", "items": chapter},
            "links": {"type": "array", "items": link},
            "categories": {"type": "array", "items": text},
            "sections": {"type": "array", "items": section},
            "leftovers": {"type": "array", "items": leftover},
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://episodeparse.invalid/schema/episode-1.json",
        "title": "episodeparse episode record, version 1",
        **schema,
    }
