"""Every error a service raises, shared by the pages, the JSON API and the CLI.

One contract: a `ServiceError` carries `message` (for the whole request) and `fields` (a message per field,
keyed by the field's path such as `email` or `ratings.NEG`). Both hold message ids, never translated text:
English templates marked with `N_`, or `Message`s made by `lazy_gettext` here (imported as `_l`), which keep
the params beside the id. The page or API edge turns them into the reader's language once, with `text()`.

Which class says which answer: InvalidInput 400, NotAllowed 403, NotFound 404, Conflict and its kinds 409.
"""

from collections.abc import Sequence
from typing import Any

import werkzeug.exceptions
from flask_babel import LazyString, gettext, ngettext


class Message(LazyString):
    """A message id and its params, translated when shown.

    Unlike flask_babel's lazy strings it does not claim to be safe HTML: its params are often what a user typed,
    so a template escapes it like any other text.
    """

    @property
    def __html__(self):
        raise AttributeError("__html__")


def lazy_gettext(string: str, **params: Any) -> Message:
    """Mark `string` for extraction (keyword `_l`) and keep `params` for when it is shown."""
    return Message(gettext, string, **params)


def lazy_ngettext(singular: str, plural: str, num: int, **params: Any) -> Message:
    return Message(ngettext, singular, plural, num, **params)


_l = lazy_gettext


def text(message: Any) -> str:
    """A message id in the reader's language: a lazy id renders itself, a plain `N_` id is looked up."""
    if isinstance(message, LazyString):
        return str(message)
    return gettext(str(message))


def joined(messages: Sequence[Any], separator: str = " ") -> Message:
    """Several message ids shown as one, each translated when the whole is shown."""
    parts = list(messages)
    return Message(lambda: separator.join(text(part) for part in parts))


class ServiceError(Exception):
    """A service refused the request; nothing it did is to be committed."""

    def __init__(self, message: Any, fields: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = dict(fields or {})

    def field_texts(self) -> dict[str, str]:
        """The per-field messages in the reader's language."""
        return {str(name): text(message) for name, message in self.fields.items()}


# --- 400: the values are wrong -------------------------------------------------------------------------------


class InvalidInput(ServiceError):
    """Bad input: a message for the whole request and plain-words messages per field."""


CORRECT_THESE = _l("Some values need correcting.")
# The rule of hiring.domain.text, in words: forms, imports and the API refuse such text alike.
CONTROL_CHARACTERS = _l("Remove the invisible control characters (such as NUL) from this text.")


class InvalidVacancy(InvalidInput):
    """Bad vacancy data; `fields` maps a path such as `requirements.languages[1].min_level` to a message."""

    def __init__(self, fields: dict[str, Any], message: Any = CORRECT_THESE):
        super().__init__(message, fields)


class InvalidProfile(InvalidInput):
    """A profile or competency change with bad values; `fields` says which and why."""


class InvalidCandidate(InvalidInput):
    """Bad candidate data; `fields` maps a field (or `languages`, `answers.<n>`) to a message."""


class InvalidImport(InvalidInput):
    """The file has problems; nothing was imported. `errors` lists them, `lines` as the API's dicts."""

    LISTED = 200  # at most this many problems are listed; `more` counts the rest (SPEC §7)

    def __init__(self, errors: Sequence[Any], more: int = 0, unmatched: Sequence[str] = ()):
        everything = list(errors)
        self.errors = everything[: self.LISTED]
        self.more = more + len(everything) - len(self.errors)
        self.unmatched = list(unmatched)
        lines = sorted({e.line for e in self.errors})
        super().__init__(
            lazy_ngettext(
                "The file has a problem on %(num)d line; nothing was imported. Correct it and upload the file again.",
                "The file has problems on %(num)d lines; nothing was imported. Correct them and upload the file again.",
                len(lines),
            )
            if not self.more
            else _l(
                "The file has problems; nothing was imported. The first %(listed)s are listed, and %(more)s more.",
                listed=len(self.errors),
                more=self.more,
            )
        )

    @property
    def lines(self) -> list[dict[str, Any]]:
        return [error.as_dict() for error in self.errors]


class ShortlistError(InvalidInput):
    """The candidates asked for cannot be compared (too few, too many, or not of this vacancy)."""


# --- 403: this user may not ----------------------------------------------------------------------------------


class NotAllowed(ServiceError):
    """The user may not do this to this record (e.g. not the scorecard's assigned interviewer, not HR/admin)."""


# --- 404: no such record, or not one this user may see --------------------------------------------------------


class NotFound(ServiceError, werkzeug.exceptions.NotFound):
    """No such record, or not one the caller may see (the caller cannot tell which: SPEC §4).

    Also a werkzeug 404, so a page shows its usual 404 page with no handler of its own; the API answers its
    error shape with `message`.
    """


# --- 409: the request clashes with the stored state -----------------------------------------------------------


class Conflict(ServiceError):
    """The request clashes with the stored state (HTTP 409 in the API)."""


class VersionConflict(Conflict):
    """Someone else saved the record since it was read."""


class ScorecardConflict(VersionConflict):
    """The scorecard was saved elsewhere after the user read it; `changes` lists how it differs now."""

    def __init__(self, message: Any, changes: list[Any], current_version: int | None, summary: Any = None):
        super().__init__(message)
        self.changes = changes
        self.current_version = current_version
        # The message without the list of changes, for pages that show the changes as a table.
        self.summary = summary or message


class Duplicate(Conflict):
    """The record would duplicate one that already exists."""


class DuplicateCandidate(Duplicate):
    """Another candidate of the vacancy has this email (HTTP 409 in the API)."""


class AlreadyAssigned(Duplicate):
    """The interviewer is already assigned to the candidate."""


class UsernameTaken(Duplicate):
    """Another user has this username."""

    def __init__(self, message: Any):
        super().__init__(message, {"username": message})


class Locked(Conflict):
    """The record is closed to changes (a submitted scorecard) until someone allowed reopens it."""


class ProfileLocked(Conflict):
    """The profile may not be changed in place (the default one, or one with submitted scorecards)."""
