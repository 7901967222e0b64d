"""The API blueprint: Bearer tokens only, never the session cookie, and English unless the client asks."""

from flask import Blueprint, current_app, g, request

from hiring.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")

LANGUAGES = ("en", "ru")


@bp.record_once
def _exempt_from_csrf(_state) -> None:
    """The API authenticates with a header a browser never sends on its own, so CSRF cannot reach it."""
    csrf.exempt(bp)


@bp.before_request
def forget_the_session_user() -> None:
    """A browser's login session must never authenticate an API call: start every call anonymous."""
    g._login_user = current_app.login_manager.anonymous_user()
    g.locale_override = request.accept_languages.best_match(LANGUAGES) or "en"


@bp.after_request
def never_cache_json(response):
    """Nearly every JSON answer carries personal data (SPEC §6): no cache may keep it. PDFs set their own."""
    if response.mimetype == "application/json":
        response.headers.setdefault("Cache-Control", "no-store")
    return response
