"""Response headers that every page and API answer carries."""

from flask import Flask, Response, abort, current_app, request

from hiring.domain.text import has_control_characters

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


HSTS = "max-age=31536000"  # one year; sent only when cookies are Secure, i.e. the app is served over HTTPS


def register(app: Flask) -> None:
    @app.before_request
    def refuse_control_characters() -> None:
        """Form fields follow the one text rule (hiring.domain.text): no control characters but tab and line breaks.

        A NUL byte would be a server error on PostgreSQL; nobody types the others. The API checks its bodies in
        hiring.api.bodies, the import its rows in hiring.services.candidate_input.
        """
        if request.method in ("POST", "PUT", "PATCH") and not request.path.startswith("/api/"):
            for values in request.form.listvalues():
                if any(has_control_characters(value) for value in values):
                    abort(400)

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        # Pages, API answers, PDFs and exports carry personal data: no cache may keep them (SPEC §6). Only the
        # app's own static files may be cached.
        if request.endpoint != "static":
            headers["Cache-Control"] = "no-store"
        if current_app.config.get("SESSION_COOKIE_SECURE"):
            headers.setdefault("Strict-Transport-Security", HSTS)
        return response
