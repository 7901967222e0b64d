"""The API's one error shape: {"error": {"code", "message", "fields"}} with the fitting status."""

from typing import Any

from flask import jsonify
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from hiring.api.blueprint import bp
from hiring.errors import (
    Conflict,
    Duplicate,
    InvalidInput,
    Locked,
    NotAllowed,
    NotFound,
    VersionConflict,
    text,
)
from hiring.extensions import db


class ApiError(Exception):
    """An answer other than success, raised anywhere below a view."""

    def __init__(
        self, status: int, code: str, message: str, fields: dict[str, str] | None = None, **extra: Any
    ):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = dict(fields or {})
        self.extra = extra


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def forbidden(message: str | None = None) -> ApiError:
    return ApiError(403, "forbidden", message or _("Your role may not do this."))


def error_response(error: ApiError):
    body = {"error": {"code": error.code, "message": error.message, "fields": error.fields, **error.extra}}
    response = jsonify(body)
    response.status_code = error.status
    if error.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


@bp.errorhandler(ApiError)
def api_error(error: ApiError):
    db.session.rollback()
    return error_response(error)


@bp.errorhandler(InvalidInput)
def invalid_input(error: InvalidInput):
    """A service refused the values; its message ids are translated here, once (see hiring.errors)."""
    db.session.rollback()
    extra = {"lines": error.lines} if getattr(error, "lines", None) else {}
    if getattr(error, "more", 0):
        extra["more"] = error.more
    if getattr(error, "unmatched", None):
        extra["unmatched"] = error.unmatched
    return error_response(ApiError(400, "invalid", text(error.message), error.field_texts(), **extra))


@bp.errorhandler(NotFound)
def no_such_record(error: NotFound):
    """A lookup found nothing the caller may see (hiring.services.lookups)."""
    db.session.rollback()
    return error_response(not_found(text(error.message)))


@bp.errorhandler(NotAllowed)
def not_allowed(error: NotAllowed):
    db.session.rollback()
    return error_response(forbidden(text(error.message)))


@bp.errorhandler(VersionConflict)
@bp.errorhandler(StaleDataError)
def version_conflict(error: Exception):
    db.session.rollback()
    message = getattr(error, "message", None)
    message = text(message) if message else _("Someone else saved this record meanwhile; reload and retry.")
    current = getattr(error, "current_version", None)
    extra = {"current_version": current} if current is not None else {}
    return error_response(ApiError(409, "version_conflict", message, **extra))


@bp.errorhandler(Duplicate)
def duplicate(error: Duplicate):
    db.session.rollback()
    return error_response(ApiError(409, "duplicate", text(error.message), error.field_texts()))


@bp.errorhandler(Locked)
def locked(error: Locked):
    db.session.rollback()
    return error_response(ApiError(409, "locked", text(error.message)))


@bp.errorhandler(Conflict)
def conflict(error: Conflict):
    db.session.rollback()
    return error_response(ApiError(409, "conflict", text(error.message)))


@bp.errorhandler(IntegrityError)
def integrity_error(_error: IntegrityError):
    """A unique constraint hit by a concurrent request that passed the service's own check."""
    db.session.rollback()
    return error_response(ApiError(409, "conflict", _("The change clashes with a record saved meanwhile.")))
