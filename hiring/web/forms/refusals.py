"""The one way a page shows a service's refusal on its form (what a refusal carries: hiring.errors).

A view runs the service and commits; on InvalidInput (or any ServiceError it chooses to show on the form) it
calls `show_refusal` and renders the form again with the status it returns, 400.
"""

from collections.abc import Callable

from flask import flash
from flask_wtf import FlaskForm

from hiring.errors import ServiceError, text
from hiring.extensions import db

INVALID = 400  # the status of a form shown again because what was sent is wrong

Place = Callable[[str, str], bool]


def show_refusal(
    form: FlaskForm, error: ServiceError, *, place: Place | None = None, summary: bool = True
) -> int:
    """Roll back, then show the refusal in the reader's language; returns the status to answer (400).

    Each per-field message goes beside its field: `place(key, words)` puts it there and says whether it could
    (default: the form's own `place_error`, else the form field named `key`); a message no field can show is
    flashed. The request's own message is flashed first when `summary`, else only when no field message came.
    """
    db.session.rollback()
    place = (
        place or getattr(form, "place_error", None) or (lambda key, words: place_on_field(form, key, words))
    )
    if summary or not error.fields:
        flash(text(error.message), "error")
    for key, message in error.fields.items():
        words = text(message)
        if not place(key, words):
            flash(words, "error")
    return INVALID


def place_on_field(form: FlaskForm, name: str, words: str) -> bool:
    """Add `words` to the errors of the form's field `name`; False when the form has no such field."""
    field = form._fields.get(name)
    if field is None:
        return False
    field.errors = [*field.errors, words]
    return True


def invalid_status(form: FlaskForm) -> int:
    """400 when a submitted form is shown again with errors, so clients and tests can tell; else 200."""
    return INVALID if form.is_submitted() and form.errors else 200
