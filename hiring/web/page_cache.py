"""Rendered parts of the pages a hiring lead reloads most, kept in the process until one of their inputs changes.

The vacancy dashboard and a candidate's evaluation page cost 10-15 ms each of queries, scoring and Jinja
(bench/hotspots.py), and are read far more often than what they show changes. What they show is a function of
the revisions that `hiring.services.revisions` raises in the transaction of every change (the vacancy's, its
ranking's, the candidate's evaluation's) and of how it is shown: the reader's language and role and the
request's own choices. A part rendered once is kept with the stamp of those revisions, and served only while
the stamp read for a request is the same: after any change it is rendered again and replaces the old one.
The stamp is read before the part's values are loaded, so a part is at least as new as the stamp it is kept
with (the document cache's rule, hiring.services.document_cache).

Two layers. `rendered_part()` keeps a page's content without its forms, shared by every reader of the same
language and role: CSRF tokens, the menu, the user's name and flashed messages are rendered around it for each
request. `whole_page()` keeps the whole page per session, with everything the page shows besides its content
in its key, so a session reading a page again gets it without any rendering.

The caller checks access before asking for a part: a key says what a page shows, never who may see it. While
the request holds changes not committed yet, nothing is kept: the key was read before them.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from hiring.services.revisions import has_unsaved_changes
from hiring.web.home import menu_count
from hiring.web.templating import reader_language


class PartCache:
    """Per page, the part last rendered and the stamp it was rendered at; the least recently used page out
    first; safe across threads. A page read at a new stamp replaces its old part at once, so a part showing
    what has since changed (a name since anonymised, say) is not kept beside the new one."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._parts: OrderedDict[Hashable, tuple[Hashable, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, page: Hashable, stamp: Hashable) -> str | None:
        with self._lock:
            kept = self._parts.get(page)
            if kept is None or kept[0] != stamp:
                return None
            self._parts.move_to_end(page)
            return kept[1]

    def put(self, page: Hashable, stamp: Hashable, part: str) -> None:
        with self._lock:
            self._parts[page] = (stamp, part)
            self._parts.move_to_end(page)
            while len(self._parts) > self.size:
                self._parts.popitem(last=False)


def _cache() -> PartCache:
    cache = current_app.extensions.get("hiring.page_cache")
    if cache is None:
        cache = current_app.extensions["hiring.page_cache"] = PartCache(current_app.config["PAGE_CACHE_SIZE"])
    return cache


def _kept(key: tuple, stamp: tuple, render: Callable[[], str]) -> str:
    """What the cache keeps for `key` at `stamp`, else `render()`ed now and kept."""
    cache = _cache()
    kept = cache.get(key, stamp)
    if kept is None:
        kept = render()
        cache.put(key, stamp, kept)
    return kept


def rendered_part(page: tuple, stamp: tuple, render: Callable[[], str]) -> Markup:
    """The part of `page` (plus the reader's language and role) as rendered at `stamp`, else `render()`ed now."""
    if not current_app.config["PAGE_CACHE_SIZE"] or has_unsaved_changes():
        return Markup(render())
    return _kept((*page, reader_language(), current_user.role), stamp, lambda: Markup(render()))


def whole_page(page: tuple, stamp: tuple, render: Callable[[], str]) -> str:
    """The page as this session last saw it, menu and forms included, while nothing it shows changed.

    Besides what the stamp names, a signed-in page shows only what this key names: the user's name, role and
    language, the menu's count, the session's CSRF token (good for the whole session: WTF_CSRF_TIME_LIMIT is
    None) and the path asked. A page is rendered afresh when the session has a message to flash (shown once).
    """
    if not current_app.config["PAGE_CACHE_SIZE"] or has_unsaved_changes() or "_flashes" in session:
        return render()
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    if field not in session:
        generate_csrf()  # the session's token, made now (the page shows it)
    token = session[field]
    viewer = (
        current_user.id,
        current_user.display_name,
        current_user.role,
        str(get_locale()),
        token,
        menu_count(),
        request.full_path,
    )
    return _kept(("page", *page, *viewer), stamp, render)
