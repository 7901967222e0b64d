"""Rendered parts of the pages a hiring lead reloads most, kept in the process until one of their inputs changes.

The vacancy dashboard and a candidate's evaluation page cost 10-15 ms each of queries, scoring and Jinja
(bench/hotspots.py), and are read far more often than what they show changes. What they show is a function of
the revisions that `hiring.services.revisions` raises in the transaction of every change (the vacancy's, its
ranking's, the candidate's evaluation's) and of how it is shown: the reader's language and role and the
request's own choices. A part rendered once is kept under a key of all of these, so any change makes a new key:
an old part is never served again and simply ages out (least recently used first).

Only parts without a form are kept: CSRF tokens, the menu, the user's name and flashed messages are rendered
for each request around them. The caller checks access before asking for a part: a key says what a page
shows, never who may see it. While the request holds changes not committed yet, nothing is kept: the key was
read before them.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app
from flask_login import current_user
from markupsafe import Markup

from hiring.services.revisions import has_unsaved_changes
from hiring.web.templating import reader_language


class PartCache:
    """A bounded map from key to rendered HTML, least recently used out first; safe across threads."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._parts: OrderedDict[Hashable, Markup] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Markup | None:
        with self._lock:
            part = self._parts.get(key)
            if part is not None:
                self._parts.move_to_end(key)
            return part

    def put(self, key: Hashable, part: Markup) -> None:
        with self._lock:
            self._parts[key] = part
            self._parts.move_to_end(key)
            while len(self._parts) > self.size:
                self._parts.popitem(last=False)


def _cache() -> PartCache:
    cache = current_app.extensions.get("hiring.page_cache")
    if cache is None:
        cache = current_app.extensions["hiring.page_cache"] = PartCache(current_app.config["PAGE_CACHE_SIZE"])
    return cache


def rendered_part(key: tuple, render: Callable[[], str]) -> Markup:
    """The part named by `key` (plus the reader's language and role), rendered by `render` on a miss."""
    if not current_app.config["PAGE_CACHE_SIZE"] or has_unsaved_changes():
        return Markup(render())
    full_key = (*key, reader_language(), current_user.role)
    cache = _cache()
    part = cache.get(full_key)
    if part is None:
        part = Markup(render())
        cache.put(full_key, part)
    return part
