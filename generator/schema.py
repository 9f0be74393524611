"""Publish the record models as JSON Schema, for editors and for the API."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from generator.clients import ClientsFile
from generator.model import CodeRecord, Comparison, Framework, HeaderRecord, SnippetFile

SCHEMAS = {
    "code.schema.json": (CodeRecord, "HTTP status code record"),
    "comparison.schema.json": (Comparison, "Comparison group"),
    "clients.schema.json": (ClientsFile, "How clients react to status codes"),
    "header.schema.json": (HeaderRecord, "HTTP header field record"),
    "framework.schema.json": (Framework, "Framework of the snippets on code pages"),
    "snippets.schema.json": (SnippetFile, "Framework snippet parameters, per code"),
}


def schema_for(model, title: str) -> dict:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


@functools.cache
def render(model, title: str) -> str:
    """The JSON Schema of ``model``, as published: made once per process (a serve
    rebuilds the site many times; the models do not change)."""
    return json.dumps(schema_for(model, title), indent=2, sort_keys=True) + "\n"


def write_all(data_dir: Path) -> list[Path]:
    written = []
    for filename, (model, title) in SCHEMAS.items():
        path = data_dir / filename
        path.write_text(render(model, title), encoding="utf-8")
        written.append(path)
    return written
