"""Paginated lists of the API (SPEC §6): `limit` and an opaque `after` cursor in, a `Link: rel="next"` out.

The cursor is the last row's key in the list's order (hiring.services.keyset), as URL-safe base64 of a JSON
list of numbers; a client treats it as opaque and follows the `Link` header (RFC 8288).
"""

import base64
import binascii
import json
import math
from urllib.parse import urlencode

from flask import jsonify, request
from flask_babel import gettext as _

from hiring.api.errors import ApiError
from hiring.query_params import parse_int
from hiring.services.keyset import Key, KeysetPage

DEFAULT_LIMIT, MAX_LIMIT = 100, 500
_LARGEST = 2**53  # beyond it a number is no key of ours (and SQLite cannot bind it)

LIMIT_PARAMETER = {
    "name": "limit",
    "in": "query",
    "description": f"how many items (1-{MAX_LIMIT}, default {DEFAULT_LIMIT})",
    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
}
AFTER_PARAMETER = {
    "name": "after",
    "in": "query",
    "description": 'the opaque cursor of the `Link: <...>; rel="next"` header of the previous page',
    "schema": {"type": "string", "maxLength": 1000},
}
LINK_HEADER = {
    "Link": {
        "description": 'when more items follow: `<URL of the next page>; rel="next"` (RFC 8288)',
        "schema": {"type": "string"},
    }
}


def _invalid(name: str, message: str) -> ApiError:
    return ApiError(400, "invalid", message, {name: message})


def page_args() -> tuple[int, Key | None]:
    """The request's `limit` and `after` (decoded), or 400."""
    raw_limit = request.args.get("limit")
    limit = DEFAULT_LIMIT
    if raw_limit is not None:
        try:  # the one bounded parser: `²` or a 5,000-digit number is a 400, not a 500
            limit = parse_int(raw_limit, 1, MAX_LIMIT)
        except ValueError:
            raise _invalid("limit", _("Give a whole number from 1 to %(max)s.", max=MAX_LIMIT)) from None
    raw_after = request.args.get("after")
    return limit, (None if raw_after is None else decode_cursor(raw_after))


def encode_cursor(key: Key) -> str:
    text = json.dumps(list(key), separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> Key:
    """The key a cursor carries; 400 when it is not one this API made."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        values = None
    if not isinstance(values, list) or not values or not all(_is_key_part(value) for value in values):
        raise _invalid("after", _("This is not a cursor of this API; follow the Link header."))
    return tuple(values)


def _is_key_part(value) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and abs(value) <= _LARGEST


def page_response(items: list, page: KeysetPage):
    """The items as a JSON list, with the `Link` to the next page when there is one."""
    response = jsonify(items)
    if page.next_key is not None:
        query = [(k, v) for k, v in request.args.items(multi=True) if k != "after"]
        query.append(("after", encode_cursor(page.next_key)))
        response.headers["Link"] = f'<{request.base_url}?{urlencode(query)}>; rel="next"'
    return response
