"""Keyset pagination: one page of any ordered query after a position, at the same cost anywhere in the list.

A list's order is a tuple of ascending SQL expressions whose last part is unique (e.g. `ranking_order()`, or
`(-AuditEntry.id,)` for newest first). A page is the rows whose key tuple compares greater than the `after`
key, in that order, `limit` of them; its `next_key` is the last row's key when more rows follow. Rows added or
removed between pages neither repeat nor shift the others: each row is visited at most once, and every row
that stays in its place is visited. The API turns a key into an opaque cursor (hiring/api/pagination.py).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from hiring.errors import InvalidInput
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db

Key = tuple[Any, ...]


@dataclass(frozen=True)
class KeysetPage:
    """The rows of one page (the query's columns, then the key's as `_key0`...) and the next page's key, if any."""

    rows: list[sa.Row]
    next_key: Key | None


def keyset_page(query: sa.Select, order: Sequence[Any], after: Key | None, limit: int) -> KeysetPage:
    """`limit` rows of `query` after `after` in `order`; `after` must have one value per part of `order`."""
    if after is not None and len(after) != len(order):
        message = _l("This cursor belongs to another list; start again without `after`.")
        raise InvalidInput(message, {"after": message})
    paged = query.add_columns(*(part.label(f"_key{i}") for i, part in enumerate(order)))
    if after is not None:
        paged = paged.where(sa.tuple_(*order) > sa.tuple_(*(sa.literal(value) for value in after)))
    rows = list(db.session.execute(paged.order_by(*order).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    next_key = tuple(rows[-1]._mapping[f"_key{i}"] for i in range(len(order))) if more else None
    return KeysetPage(rows, next_key)
