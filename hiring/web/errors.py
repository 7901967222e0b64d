"""Error pages that look like the app and reveal nothing internal."""

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException

from hiring.errors import NotAllowed
from hiring.extensions import db


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        db.session.rollback()
        if request.path.startswith("/api/"):
            body = {
                "error": {"code": _code(error.code), "message": error.description or error.name, "fields": {}}
            }
            return jsonify(body), error.code
        return render_template("errors/error.html", code=error.code, message=_message(error.code)), error.code

    @app.errorhandler(NotAllowed)
    def not_allowed(_error: NotAllowed):
        """A service refused this user: the page answers as if the route had refused them (the API has its own)."""
        db.session.rollback()
        return render_template("errors/error.html", code=403, message=_message(403)), 403

    @app.errorhandler(DBAPIError)
    def database_error(error: DBAPIError):
        """A connection lost mid-request (restart, failover) is "try again", not a server error.

        The transaction was rolled back with the connection, so nothing of the request was saved.
        """
        db.session.rollback()
        if not error.connection_invalidated:
            return unexpected_error(error)
        app.logger.warning("Database connection lost on %s: %s", request.path, error.orig)
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if request.path.startswith("/api/"):
            body = {"error": {"code": "unavailable", "message": _message(503), "fields": {}}}
            return jsonify(body), 503, headers
        return render_template("errors/error.html", code=503, message=_message(503)), 503, headers

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        db.session.rollback()
        app.logger.exception("Unhandled error on %s", request.path)
        if request.path.startswith("/api/"):
            return jsonify({"error": {"code": "internal", "message": "Internal error", "fields": {}}}), 500
        return render_template("errors/error.html", code=500, message=_message(500)), 500


RETRY_AFTER_SECONDS = 5


def _code(status: int | None) -> str:
    return {
        400: "bad_request",
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
        409: "conflict",
        413: "too_large",
        415: "unsupported_media_type",
        422: "unprocessable",
        429: "too_many_requests",
    }.get(status or 500, "error")


def _message(status: int | None) -> str:
    messages = {
        400: _("The request could not be understood. Please go back and try again."),
        403: _("You do not have access to this page."),
        404: _("This page does not exist, or it is not available to you."),
        405: _("This action is not allowed here."),
        413: _("The upload is too large."),
        429: _("Too many attempts. Please wait a few minutes and try again."),
        500: _("Something went wrong on our side. Nothing was saved; please try again."),
        503: _("The database is not answering right now. Nothing was saved; please try again in a moment."),
    }
    return messages.get(status or 500, _("Something went wrong."))
