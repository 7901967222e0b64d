"""The language a document is printed in: the vacancy's, unless its reader asked for the other one (issue 24).

A download route sets the reader's choice around the whole download (`printed_in`); every place that prints a
vacancy's document asks `document_language(vacancy)`. Background jobs never set it: they print in the
vacancy's language.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

LANGUAGES = ("ru", "en")

_chosen: ContextVar[str | None] = ContextVar("document_language", default=None)


def chosen_language() -> str | None:
    """The language the reader asked for, or None (the vacancy's)."""
    return _chosen.get()


def document_language(vacancy: Any) -> str:
    """The language to print the vacancy's document in."""
    return _chosen.get() or vacancy.language


@contextmanager
def printed_in(language: str | None) -> Iterator[None]:
    """Print the documents made inside in `language` (None: each vacancy's own)."""
    if language is not None and language not in LANGUAGES:
        raise ValueError(language)
    token = _chosen.set(language)
    try:
        yield
    finally:
        _chosen.reset(token)
