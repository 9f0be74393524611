"""Build small, valid data folders for tests: minimal records that tests then break."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator import rfc

REPO = Path(__file__).resolve().parent.parent
REAL_DATA = REPO / "data"

PHRASES = {
    200: "OK",
    201: "Created",
    202: "Accepted",
    204: "No Content",
    303: "See Other",
    304: "Not Modified",
    400: "Bad Request",
    404: "Not Found",
    422: "Unprocessable Content",
    499: "Client Closed Request",
}


def record(code: int, **overrides: Any) -> dict[str, Any]:
    """A minimal valid record for ``code``; ``overrides`` replace top-level fields."""
    phrase = PHRASES.get(code, "Test Phrase")
    no_body = rfc.never_has_content(code)
    body = "" if no_body else "\nHello"
    length = "0" if no_body else "5"
    data: dict[str, Any] = {
        "code": code,
        "phrase": phrase,
        "summary": f"Summary of {code} for tests.",
        "use_when": f"You need {code}.",
        "meaning": f"Meaning of {code}.",
        "when_to_use": [f"When {code} fits."],
        "when_not_to_use": [{"case": "When another code fits.", "instead": [200]}],
        "examples": [
            {
                "title": f"A {code} exchange",
                "steps": [
                    {
                        "request": "GET /thing HTTP/1.1\nHost: example.com\n",
                        "response": (
                            f"HTTP/1.1 {code} {phrase}\nContent-Length: {length}\n{body}\n"
                        ),
                    }
                ],
            }
        ],
        "best_practices": ["Do the right thing."],
        "common_mistakes": ["Doing the wrong thing."],
        "faq": [
            {"question": f"What is {code}?", "answer": "A status code."},
            {"question": f"When is {code} sent?", "answer": "When it fits."},
        ],
        "properties": {
            "cacheable_by_default": code in rfc.CACHEABLE_BY_DEFAULT,
            "retry": "not-needed",
            "body": "none" if no_body else "expected",
        },
        "specification": {"document": "RFC 9110", "section": "15.3.1", "status": "registered"},
        "related": [],
        "keywords": [f"code {code}"],
        "phrasings": [f"status {code} in the logs"],
    }
    if code == 200:
        data["when_not_to_use"] = [{"case": "When nothing is sent back.", "instead": [204]}]
    if code >= 400:  # a registered error code must say what each side does now
        data["fixes"] = {
            "client": [f"Change the request that got {code}."],
            "server": [f"Check the log entry for the {code}."],
        }
    data.update(copy.deepcopy(overrides))
    return data


def unofficial(code: int, **overrides: Any) -> dict[str, Any]:
    data = record(code)
    for key in ("specification", "use_when", "when_to_use", "when_not_to_use", "fixes"):
        data.pop(key, None)
    data["properties"]["cacheable_by_default"] = False
    data["examples"][0]["steps"] = [
        {
            "request": "GET /slow HTTP/1.1\nHost: example.com\n",
            "log": f'203.0.113.9 - - [02/Nov/2026:09:15:00 +0000] "GET /slow HTTP/1.1" {code} 0',
        }
    ]
    data["vendors"] = [
        {
            "vendor": "nginx",
            "phrase": PHRASES.get(code, "Vendor Phrase"),
            "source": "https://nginx.org/en/docs/",
            "source_title": "nginx documentation",
            "seen_by": "logs",
            "stands_in_for": [],
            "meaning": "The client went away.",
            "causes": ["A client timeout."],
            "fixes": {"client": ["Wait longer."]},
        }
    ]
    data.update(copy.deepcopy(overrides))
    return data


def comparison(codes: list[int], **overrides: Any) -> dict[str, Any]:
    data = {
        "title": " vs ".join(map(str, codes)),
        "summary": "Which of these codes to use.",
        "intro": "They look alike.",
        "codes": codes,
        "columns": ["summary", "use_when"],
        "how_to_choose": ["Pick the one that fits."],
    }
    data.update(copy.deepcopy(overrides))
    return data


def header(name: str, **overrides: Any) -> dict[str, Any]:
    """A minimal valid header record for the field ``name``."""
    data: dict[str, Any] = {
        "name": name,
        "summary": f"What {name} says.",
        "meaning": f"The {name} field, for tests.",
        "defined_in": {"document": "RFC 9110", "section": "10.2.3"},
        "example": f"{name}: 120",
    }
    data.update(copy.deepcopy(overrides))
    return data


def other(number: str, **overrides: Any) -> dict[str, Any]:
    """A minimal valid record for a number outside 100-599 (data/other/)."""
    data: dict[str, Any] = {
        "number": number,
        "title": f"Number {number}",
        "summary": f"What {number} is.",
        "sender": "A browser",
        "seen": "script",
        "meaning": f"The meaning of {number}.",
        "checks": ["Look at the console."],
        "sources": [
            {"url": "https://spec.example.org/#n", "title": "A specification", "grade": "primary"}
        ],
        "keywords": [f"status {number}"],
    }
    data.update(copy.deepcopy(overrides))
    return data


def write_dataset(
    root: Path,
    records: list[dict[str, Any]] | None = None,
    comparisons: dict[str, dict[str, Any]] | None = None,
    headers: list[dict[str, Any]] | None = None,
    others: dict[str, dict[str, Any]] | None = None,
    products: list[dict[str, Any]] | None = None,
) -> Path:
    """Write a data folder under ``root`` and return it."""
    data = root / "data"
    (data / "codes").mkdir(parents=True, exist_ok=True)
    (data / "comparisons").mkdir(exist_ok=True)
    shutil.copy(REAL_DATA / "classes.yaml", data / "classes.yaml")
    if records is None:
        records = [record(200), record(204), record(404), unofficial(499)]
    for item in records:
        write_yaml(data / "codes" / f"{item['code']}.yaml", item)
    for slug, group in (comparisons or {}).items():
        write_yaml(data / "comparisons" / f"{slug}.yaml", group)
    if headers:
        (data / "headers").mkdir(exist_ok=True)
        for item in headers:
            write_yaml(data / "headers" / f"{item['name'].lower()}.yaml", item)
    if others:
        (data / "other").mkdir(exist_ok=True)
        for slug, item in others.items():
            write_yaml(data / "other" / f"{slug}.yaml", item)
    if products:
        write_yaml(data / "vendors.yaml", {"products": products})
    return data


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
