"""Reading request bodies: JSON objects checked against the OpenAPI request schemas, CSV as bytes.

The check is about shape only (types, required and unknown fields, storable text and integers); every rule
with meaning, including the enums, lengths and ranges the OpenAPI document lists, is the service's to check.
"""

import json
from typing import Any

from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hiring.api.errors import ApiError
from hiring.api.openapi import SCHEMAS
from hiring.domain.text import has_control_characters

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
MAX_DEPTH = 32  # no request schema nests half as deep; deeper bodies are refused before they are walked
TOO_DEEP = object()
_JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def json_body(schema_name: str) -> dict[str, Any]:
    """The request's JSON object, checked against components/schemas/<schema_name>; else 400 or 415."""
    if request.mimetype != "application/json":
        raise ApiError(
            415, "unsupported_media_type", _("Send the body as JSON (Content-Type: application/json).")
        )
    raw = request.get_data(cache=True)
    try:
        body = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "invalid_json", _("The body is not valid JSON.")) from None
    except RecursionError:
        body = TOO_DEEP
    if body is TOO_DEEP or _depth(body) > MAX_DEPTH:
        raise ApiError(400, "invalid_json", _("The body is nested too deeply."))
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_json", _("The body must be a JSON object."))
    fields: dict[str, str] = {}
    check(body, SCHEMAS[schema_name], "", fields)
    if fields:
        raise ApiError(400, "invalid", _("Some fields are wrong; see `fields`."), fields)
    return body


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in `value` (counted without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack.extend(
                    (child, depth + 1) for child in (item.values() if isinstance(item, dict) else item)
                )
    return deepest


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")


TABLE_TYPES = (
    "text/csv",
    "application/csv",
    "text/tab-separated-values",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)


def csv_body() -> bytes:
    """The raw bytes of a CSV (`text/csv`) or workbook (.xlsx) body; else 415."""
    if request.mimetype not in TABLE_TYPES:
        raise ApiError(
            415,
            "unsupported_media_type",
            _(
                "Send the candidates as CSV (Content-Type: text/csv) or as an Excel workbook "
                "(application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)."
            ),
        )
    return request.get_data(cache=True)


def check(value: Any, schema: dict[str, Any], path: str, fields: dict[str, str]) -> None:
    """Add a message per wrong field (by path) to `fields`.

    Checked here: types, required and unknown fields, text a database can store, and the int32 range of
    integers. Documented values (enums, lengths, ranges) are the service's to check, in its own words.
    """
    if "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    name = path or "body"
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, t) for t in types):
            fields[name] = _(
                "must be %(types)s", types=_(" or ").join(str(_TYPE_WORDS.get(t, t)) for t in types)
            )
            return
    if isinstance(value, str):
        if not _storable(value):
            fields[name] = _("must be UTF-8 text without control characters (tab and line breaks are fine)")
    elif _is_type(value, "integer") and schema.get("format") == "int32":
        if not INT32_MIN <= value <= INT32_MAX:
            fields[name] = _("is out of range")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check(item, schema.get("items", {}), f"{path}[{index}]", fields)
    elif isinstance(value, dict):
        _check_object(value, schema, path, fields)


def _check_object(value: dict, schema: dict[str, Any], path: str, fields: dict[str, str]) -> None:
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for required in schema.get("required", ()):
        if required not in value:
            fields[_join(path, required)] = _("is required")
    for key, item in value.items():
        if key in properties:
            check(item, properties[key], _join(path, key), fields)
        elif extra is False:
            fields[_join(path, key)] = _("unknown field")
        elif not _storable(key):
            fields[path or "body"] = _("must have keys of UTF-8 text without control characters")
        elif isinstance(extra, dict):
            check(item, extra, _join(path, key), fields)


def _storable(text: str) -> bool:
    """No control characters but tab and line breaks (hiring.domain.text; PostgreSQL refuses NUL in text), and no
    lone surrogate, which cannot be encoded at all."""
    if has_control_characters(text):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_type(value: Any, type_name: str) -> bool:
    if type_name == "integer":  # as JSON Schema says: 2.0 is an integer
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if type_name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, _JSON_TYPES[type_name])


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_TYPE_WORDS = {
    "object": _l("an object"),
    "array": _l("a list"),
    "string": _l("text"),
    "integer": _l("a whole number"),
    "number": _l("a number"),
    "boolean": _l("true or false"),
    "null": "null",
}
