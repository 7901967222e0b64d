"""Building blocks of the OpenAPI schemas: helpers and the atoms several schemas share.

Limits come from the services that enforce them, so the document states the same numbers.
"""

from typing import Any

from hiring.domain.levels import EDUCATION_LEVELS, LANGUAGE_LEVELS
from hiring.services import candidate_input, vacancy_input

MAX_ID = 2_147_483_647  # the INTEGER columns' limit


def ref(name: str) -> dict[str, str]:
    """A reference to components/schemas/<name>."""
    return {"$ref": f"#/components/schemas/{name}"}


def closed(properties: dict[str, Any], required: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    """A closed object: fields outside `properties` are refused (requests) or never sent (responses)."""
    schema = {"type": "object", "properties": properties, "additionalProperties": False, **extra}
    if required:
        schema["required"] = list(required)
    return schema


def text(max_length: int, min_length: int = 0, **extra: Any) -> dict[str, Any]:
    """A string of at most `max_length` characters."""
    schema: dict[str, Any] = {"type": "string", "maxLength": max_length, **extra}
    if min_length:
        schema["minLength"] = min_length
    return schema


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema, or null."""
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    result = {**schema, "type": [*types, "null"]}
    if "enum" in schema:
        result["enum"] = [*schema["enum"], None]
    return result


NOT_BLANK = r"\S"  # some text besides spaces
ID = {"type": "integer", "format": "int32", "minimum": 1, "maximum": MAX_ID}
LANGUAGE = text(2, 2, pattern="^[a-z]{2}$", description="ISO 639-1 code, e.g. `en`")
LEVEL = {
    "type": "string",
    "enum": list(LANGUAGE_LEVELS),
    "description": "CEFR level; `native` counts above C2",
}
EDUCATION = {"type": "string", "enum": list(EDUCATION_LEVELS)}
YEARS = {"type": "number", "minimum": 0, "maximum": candidate_input.MAX_YEARS}
PERCENT = {"type": "number", "minimum": 0, "maximum": candidate_input.MAX_PLAN_PCT}
AMOUNT = {"type": ["integer", "null"], "minimum": 0, "maximum": vacancy_input.MAX_SALARY}
TEXT_LINES = {
    "type": ["string", "array"],
    "items": {"type": "string"},
    "maxLength": vacancy_input.LONG_TEXT,
    "description": "one item per line (or a list of lines)",
}
MOMENT = {"type": "string", "format": "date-time"}
LOCALIZED = ref("LocalizedText")
