"""Errors raised by the service modules, shared by the pages and the JSON API."""


class InvalidInput(Exception):
    """Bad input: a message for the whole request and plain-words messages per field."""

    def __init__(self, message: str, fields: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = dict(fields or {})


class Conflict(Exception):
    """The request clashes with the stored state (HTTP 409 in the API)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class VersionConflict(Conflict):
    """Someone else saved the record since it was read."""


class Duplicate(Conflict):
    """The record would duplicate one that already exists."""


class Locked(Conflict):
    """The record is closed to changes (a submitted scorecard) until someone allowed reopens it."""
