"""Whole numbers from the query string, for pages and API alike: one bounded parser, so that `?page=1e20` or
`?ids=99999999999999999999` is a 400 rather than an overflow deep in the database driver (a 500)."""

from flask import abort, request

MAX_ID = 2**31 - 1  # the INTEGER columns' limit; also more pages than any list has


def parse_int(raw: str, minimum: int = 1, maximum: int = MAX_ID) -> int:
    """`raw` as a whole number within [minimum, maximum]; ValueError otherwise (also for `1e20`, `1.0`, `+-1`)."""
    text = raw.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not digits.isascii() or not digits.isdigit() or len(digits) > 12:
        raise ValueError(raw)
    value = int(text)
    if not minimum <= value <= maximum:
        raise ValueError(raw)
    return value


def query_int(name: str, default: int | None = None, minimum: int = 1, maximum: int = MAX_ID) -> int | None:
    """The query parameter `name` as a bounded whole number; `default` when absent or empty; else 400."""
    raw = request.args.get(name, "")
    if not raw.strip():
        return default
    try:
        return parse_int(raw, minimum, maximum)
    except ValueError:
        abort(400)


def query_ints(name: str, minimum: int = 1, maximum: int = MAX_ID) -> list[int]:
    """Every value of the repeated parameter `name` (`?ids=1&ids=2`, or `ids=1,2`), each bounded; else 400."""
    try:
        return [
            parse_int(part, minimum, maximum)
            for raw in request.args.getlist(name)
            for part in raw.replace(",", " ").split()
        ]
    except ValueError:
        abort(400)
