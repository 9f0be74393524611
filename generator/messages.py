"""Pydantic's validation errors, told in the project's words: what is wrong, what was
expected, and the YAML trap behind it where there is one."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.problems import Problem, Source
from generator.yamlsource import dotted


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return f"a {type(value).__name__} ({value})"


def _type_message(error: dict[str, Any], raw: str | None) -> str:
    kind = error["type"]
    value = error.get("input")
    expected = {
        "string_type": "text",
        "int_type": "a whole number",
        "bool_type": "true or false",
        "list_type": "a list",
        "dict_type": "a mapping",
        "model_type": "a mapping",
        "model_attributes_type": "a mapping",
        "date_type": "a date (YYYY-MM-DD)",
    }[kind]
    got = _describe(value)
    hint = ""
    if kind == "string_type" and isinstance(value, bool) and raw is not None:
        hint = f"; YAML reads a bare {raw} as a boolean: write it in quotes"
    elif kind == "string_type" and raw is not None and not isinstance(value, int | float):
        hint = f"; YAML read the bare {raw} as a {type(value).__name__}: write it in quotes"
    elif kind == "string_type" and isinstance(value, dict):
        hint = "; an unquoted line with ': ' in it becomes a key: quote it or use a | block"
    elif kind == "string_type" and isinstance(value, int | float):
        hint = "; write it in quotes if it is meant as text"
    return f"expected {expected}, got {got}{hint}"


def validation_problems(
    exc: ValidationError, model: type[BaseModel], source: Source
) -> list[Problem]:
    """One problem per pydantic error, in the project's words, at the value's line."""
    located = source.located
    assert located is not None
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        field_name = dotted(loc)
        if kind == "missing":
            parent = _model_at(model, loc[:-1])
            described = _field_description(parent, str(loc[-1]))
            message = "missing required field" + (f" ({described})" if described else "")
        elif kind == "extra_forbidden":
            parent = _model_at(model, loc[:-1])
            known = list(parent.model_fields) if parent else []
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            if close:
                message = f"unknown field (did you mean '{close[0]}'?)"
            else:
                message = f"unknown field (expected one of: {', '.join(known)})"
        elif kind in {
            "string_type",
            "int_type",
            "bool_type",
            "list_type",
            "dict_type",
            "model_type",
            "model_attributes_type",
            "date_type",
        }:
            message = _type_message(error, located.raw.get(loc))
        elif kind == "literal_error":
            message = f"{error['input']!r} is not allowed (expected {error['ctx']['expected']})"
        elif kind == "too_short":
            actual = error["ctx"].get("actual_length", 0)
            need = error["ctx"].get("min_length")
            message = (
                "empty list" if actual == 0 else f"only {actual} item{'s' if actual != 1 else ''}"
            ) + f" (expected at least {need})"
        elif kind == "too_long":
            actual = error["ctx"].get("actual_length")
            most = error["ctx"].get("max_length")
            # A typed text field (TitleText) reports its length as too_long, not as
            # string_too_long: a text's length is in characters.
            unit = "characters" if isinstance(error.get("input"), str) else "items"
            message = f"{actual} {unit} (expected at most {most})"
        elif kind == "string_too_long":
            message = (
                f"{len(error['input'])} characters (expected at most {error['ctx']['max_length']})"
            )
        elif kind == "string_pattern_mismatch":
            pattern = error["ctx"]["pattern"]
            message = f"{error['input']!r} does not match the expected form {pattern}"
        elif kind in {"greater_than_equal", "less_than_equal"}:
            message = f"{error['input']} is out of range (expected 100 to 599)"
            if field_name == "digit" or field_name.endswith(".digit"):
                message = f"{error['input']} is out of range (expected 1 to 5)"
        elif kind == "value_error":
            message = error["msg"].removeprefix("Value error, ")
        else:
            message = error["msg"]
        problems.append(source.problem(loc, message))
    return problems


def _model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """Follow a path of field names through nested models (list indexes and mapping keys
    are skipped)."""
    current = model
    key_next = False
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int) or key_next:
            key_next = False
            continue
        info = current.model_fields.get(str(part))
        if info is None:
            return None
        key_next = typing.get_origin(info.annotation) is dict
        current = _model_in(info.annotation)
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def _field_description(model: type[BaseModel] | None, name: str) -> str | None:
    if model is None or name not in model.model_fields:
        return None
    return model.model_fields[name].description
