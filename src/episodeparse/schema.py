"""The JSON Schema (draft 2020-12) of the episode record, as ``episodeparse schema`` prints it.

Written from model.py; tests validate every golden record against it and check that its
properties list the model's fields in order, so the two cannot drift apart silently. Every
property carries a ``description``; ``docs/record.md`` documents the same fields, and a
test keeps the two in step.
"""

from __future__ import annotations

from typing import Any

from episodeparse.model import SCHEMA

__all__ = ["SCHEMA_ID", "episode_schema"]

SCHEMA_ID = "urn:episodeparse:episode:1"
"""The schema's ``$id``: names version 1 of the record, whatever the tool's version."""


def _nullable(kind: str, description: str) -> dict[str, Any]:
    return {"type": [kind, "null"], "description": description}


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _object(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _or_null(description: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "anyOf": [{"type": "null"}, value]}


def _source() -> dict[str, Any]:
    return _object(
        "Where the record was read from.",
        {
            "path": _nullable("string", "The input's path as given; null for standard input."),
            "format": {
                "enum": ["text", "markdown", "html", "rss"],
                "description": "How the notes were written: plain text, Markdown, HTML, "
                "or a feed item (rss, also for RSS 1.0 and Atom).",
            },
            "item": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "0-based position of the item in its feed; null for notes.",
            },
            "sha256": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$",
                "description": "SHA-256 of the input's bytes: the file, or a feed item's "
                "bytes from <item to </item> as the feed has them.",
            },
        },
    )


def _feed() -> dict[str, Any]:
    count = {"type": ["integer", "null"], "minimum": 0}
    url = {"type": "string", "minLength": 1, "description": "The address as written."}
    mime = _nullable("string", "MIME type, as the feed gives it.")
    return _object(
        "What the feed says about the item.",
        {
            "id": {
                "type": "string",
                "minLength": 1,
                "description": "Stable identifier: the guid (Atom id), else the enclosure "
                "URL, else the link, else 'sha256:' and the item's sha256.",
            },
            "guid": _nullable("string", "<guid> (Atom: <id>) as written."),
            "title": _nullable("string", "The item's <title>, markup removed, blanks collapsed."),
            "link": _nullable("string", "<link> (Atom: the alternate link)."),
            "published": {
                "type": ["string", "null"],
                "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$",
                "description": "<pubDate> (Atom: published, else updated) as RFC 3339 UTC.",
            },
            "duration": {**count, "description": "Seconds, from <itunes:duration>."},
            "season": {**count, "description": "<itunes:season> or <podcast:season>."},
            "episode": {**count, "description": "<itunes:episode> or <podcast:episode>."},
            "episode_type": {
                "enum": ["full", "trailer", "bonus", None],
                "description": "<itunes:episodeType>.",
            },
            "explicit": _nullable("boolean", "<itunes:explicit>: yes/true/explicit or no/clean."),
            "image": _nullable("string", "The item's image: <itunes:image href>, else media."),
            "enclosure": _or_null(
                "The <enclosure>: the episode's media file.",
                _object(
                    "The episode's media file.",
                    {
                        "url": url,
                        "type": mime,
                        "length": {**count, "description": "Size in bytes, as declared."},
                    },
                ),
            ),
            "chapters_url": _or_null(
                "<podcast:chapters>: a published chapters file (never fetched).",
                _object("A published chapters file.", {"url": url, "type": mime}),
            ),
            "transcripts": {
                "type": "array",
                "description": "Each <podcast:transcript> (never fetched).",
                "items": _object(
                    "A published transcript.",
                    {
                        "url": url,
                        "type": mime,
                        "language": _nullable("string", "Language code, as the feed gives it."),
                        "rel": _nullable("string", "'captions' where the file is captions."),
                    },
                ),
            },
            "channel": _object(
                "The show the item belongs to, as its feed describes it.",
                {
                    "title": _nullable("string", "The channel's <title>."),
                    "link": _nullable("string", "The channel's <link>."),
                    "language": _nullable("string", "The channel's <language>."),
                    "author": _nullable("string", "<itunes:author> (or the managing editor)."),
                    "image": _nullable("string", "The show's artwork URL."),
                },
            ),
        },
    )


def _person() -> dict[str, Any]:
    return _object(
        "Someone the notes name in a role.",
        {
            "name": {
                "type": "string",
                "minLength": 1,
                "description": "Full name as written.",
            },
            "role": {
                "enum": ["guest", "host", "co-host"],
                "description": "The podcast namespace's words: guest, host or co-host.",
            },
            "affiliation": _nullable(
                "string", "Job and organisation where stated ('Head of Data at Acme')."
            ),
            "aliases": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Other names the notes use for the person: a first name, a "
                "nickname.",
            },
            "bio": _nullable("string", "The person's biography, without the leading name."),
        },
    )


def _chapter() -> dict[str, Any]:
    return _object(
        "A chapter start.",
        {
            "time": {
                "type": "string",
                "pattern": r"^\d{1,3}:\d{2}(:\d{2})?(\.\d{1,3})?$",
                "description": "The time as written ('01:12', '1:02:03').",
            },
            "seconds": {
                "type": "integer",
                "minimum": 0,
                "description": "The time in whole seconds from the start.",
            },
            "title": _text("The chapter's title, without the separator after the time."),
        },
    )


def _link() -> dict[str, Any]:
    link = _object(
        "An address or a social handle, with what the notes say of it.",
        {
            "url": _nullable(
                "string",
                "The address as written (a bare www. address stays bare); null for a bare handle.",
            ),
            "handle": _nullable("string", "A social handle ('@name'), else null."),
            "text": _nullable("string", "The label written with it."),
            "section": _nullable("string", "The heading it stands under."),
            "person": _nullable("string", "The name of the person it belongs to."),
            "platform": _nullable(
                "string", "linkedin, twitter, github, youtube, ... from the address or label."
            ),
            "kind": {
                "enum": ["social", "community", "listen", "sponsor", "reference"],
                "description": "What the link is for.",
            },
        },
    )
    link["anyOf"] = [
        {"properties": {"url": {"type": "string"}}},
        {"properties": {"handle": {"type": "string"}}},
    ]
    return link


def episode_schema() -> dict[str, Any]:
    """The schema as a plain dict."""
    text = {"type": "string"}
    schema = _object(
        "One podcast episode, read from its show notes (and its feed item).",
        {
            "schema": {"const": SCHEMA, "description": "The record's version."},
            "source": _source(),
            "feed": _or_null("What the feed says of the item; null for notes files.", _feed()),
            "title": _nullable(
                "string", "The episode's own title, without show, series, number or guests."
            ),
            "podcast": _nullable("string", "The show's name, where the notes state it."),
            "series": _nullable("string", "A named series inside the show."),
            "episode": {
                "type": ["integer", "null"],
                "description": "The episode number as stated ('#57', 'Episode 57').",
            },
            "date": {
                "type": ["string", "null"],
                "pattern": r"^\d{4}-\d{2}-\d{2}$",
                "description": "Date of publication or recording (YYYY-MM-DD), where stated.",
            },
            "people": {
                "type": "array",
                "items": _person(),
                "description": "Everyone the notes name in a role, in order of first mention.",
            },
            "summary": _nullable("string", "The one-sentence teaser line, where there is one."),
            "abstract": _nullable("string", "The episode's description."),
            "chapters": {
                "type": "array",
                "items": _chapter(),
                "description": "Chapter starts, in the order written.",
            },
            "links": {
                "type": "array",
                "items": _link(),
                "description": "Every address and handle, in the order written.",
            },
            "categories": {
                "type": "array",
                "items": text,
                "description": "Categories or tags, where listed.",
            },
            "sections": {
                "type": "array",
                "items": _object(
                    "A headed section that no other key covers.",
                    {
                        "heading": _text("The heading as written, without decoration."),
                        "text": _text("The section's text."),
                    },
                ),
                "description": "Headed sections no other key covers ('Takeaways', 'Credits').",
            },
            "leftovers": {
                "type": "array",
                "items": _object(
                    "Text that no other key took.",
                    {
                        "line": {
                            "type": "integer",
                            "minimum": 1,
                            "description": "1-based line of the input.",
                        },
                        "text": _text("The text."),
                        "reason": {
                            "enum": ["boilerplate", "unrecognized"],
                            "description": "boilerplate for known noise, else unrecognized.",
                        },
                    },
                ),
                "description": "Every piece of text no key above took: nothing vanishes.",
            },
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "episodeparse episode record, version 1",
        **schema,
    }
