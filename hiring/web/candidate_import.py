"""The CSV import of candidates: upload, preview with each row's screening, confirm; and the template file.

Its views belong to the candidates blueprint (`add_routes`), so their endpoints stay `candidates.*`.
"""

import base64
import binascii
import csv
import hashlib
import io
import zlib

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import RequestEntityTooLarge

from hiring.errors import InvalidImport, text
from hiring.extensions import db
from hiring.services.evaluations import load_vacancy, with_requirements
from hiring.services.imports import (
    HEADER,
    import_candidates,
    parse_candidates_csv,
    screen_rows,
)
from hiring.services.lookups import vacancy_or_404
from hiring.web.access import role_required
from hiring.web.forms.candidates import ConfirmImportForm, ImportForm, number_text

IMPORT_SALT = "candidates.import"
IMPORT_MAX_AGE = 2 * 60 * 60  # seconds a preview may wait for its confirmation


def add_routes(bp: Blueprint) -> None:
    bp.add_url_rule(
        "/vacancies/<int:vacancy_id>/candidates/import", view_func=import_csv, methods=["GET", "POST"]
    )
    bp.add_url_rule(
        "/vacancies/<int:vacancy_id>/candidates/import/confirm", view_func=import_confirm, methods=["POST"]
    )
    bp.add_url_rule("/candidates/import-template.csv", view_func=csv_template)
    bp.register_error_handler(RequestEntityTooLarge, upload_too_large)


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=IMPORT_SALT)


def _payload_limit() -> int:
    """Keep the signed file well under the largest form field the app accepts."""
    return int(0.9 * (current_app.config.get("MAX_FORM_MEMORY_SIZE") or 500_000))


def seal_import(data: bytes, vacancy_id: int, count: int) -> tuple[str, bool]:
    """A signed token naming the previewed file; it carries the file itself when small enough (then True)."""
    facts = {"v": vacancy_id, "u": current_user.id, "sha": hashlib.sha256(data).hexdigest(), "n": count}
    token = _serializer().dumps({**facts, "csv": base64.b64encode(zlib.compress(data, 9)).decode()})
    if len(token) <= _payload_limit():
        return token, True
    return _serializer().dumps({**facts, "csv": None}), False


def unseal_import(token: str, vacancy_id: int, upload: bytes | None) -> bytes:
    """The previewed file back from its token (or the re-uploaded one when it matches); BadData otherwise."""
    facts = _serializer().loads(token or "", max_age=IMPORT_MAX_AGE)
    if not isinstance(facts, dict) or facts.get("v") != vacancy_id or facts.get("u") != current_user.id:
        raise BadData("the preview belongs to another vacancy or user")
    if facts.get("csv"):
        try:
            data = zlib.decompress(base64.b64decode(facts["csv"]))
        except (binascii.Error, zlib.error, TypeError) as error:
            raise BadData("unreadable file in the preview") from error
    elif upload is not None:
        data = upload
    else:
        raise BadData("no file")
    if hashlib.sha256(data).hexdigest() != facts.get("sha"):
        raise BadData("the file differs from the previewed one")
    return data


def _import_page(vacancy, status: int = 200, **context):
    context.setdefault("form", ImportForm(formdata=None))
    return (
        render_template(
            "candidates/import.html",
            vacancy=vacancy,
            header=HEADER,
            max_mb=_max_megabytes(),
            **context,
        ),
        status,
    )


def _max_megabytes() -> str:
    return number_text((current_app.config.get("MAX_CONTENT_LENGTH") or 0) / (1024 * 1024))


@role_required("hr")
def import_csv(vacancy_id: int):
    """Upload a CSV file and see what it would add, with each row's screening, before confirming."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    form = ImportForm()
    if not form.validate_on_submit():
        return _import_page(vacancy, 400 if form.is_submitted() else 200, form=form)
    data = form.file.data.read()
    parsed = parse_candidates_csv(data, vacancy=vacancy)
    if parsed.errors:
        return _import_page(vacancy, 400, form=form, errors=parsed.errors, filename=form.file.data.filename)
    token, carried = seal_import(data, vacancy.id, len(parsed.rows))
    confirm = ConfirmImportForm(formdata=None, data={"payload": token})
    return _import_page(
        vacancy,
        form=form,
        rows=list(zip(parsed.rows, screen_rows(vacancy, parsed.rows), strict=True)),
        confirm_form=confirm,
        carried=carried,
        filename=form.file.data.filename,
    )


@role_required("hr")
def import_confirm(vacancy_id: int):
    """Import exactly the previewed file, all rows or none."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    form = ConfirmImportForm()
    if not form.validate_on_submit():
        abort(400)
    upload = form.file.data.read() if form.file.data else None
    try:
        data = unseal_import(form.payload.data, vacancy.id, upload)
    except BadData:
        return _import_page(
            vacancy,
            400,
            problem=_(
                "The preview could not be verified (it is too old, was changed, or the file chosen again is "
                "not the same). Nothing was imported; please upload the file again."
            ),
        )
    try:
        count = import_candidates(vacancy, data, current_user.id)
        db.session.commit()
    except InvalidImport as error:
        db.session.rollback()
        return _import_page(vacancy, 400, errors=error.errors, problem=text(error.message))
    except IntegrityError:
        db.session.rollback()
        return _import_page(
            vacancy,
            409,
            problem=_(
                "Someone added a candidate with one of these emails at the same moment. Nothing was imported; "
                "please upload the file again."
            ),
        )
    flash(ngettext("%(num)d candidate imported.", "%(num)d candidates imported.", count), "success")
    if "vacancies.detail" in current_app.view_functions:
        return redirect(url_for("vacancies.detail", vacancy_id=vacancy.id))
    return redirect(url_for(".import_csv", vacancy_id=vacancy.id))


def upload_too_large(error: RequestEntityTooLarge):
    """An upload over the size limit: say so on the import page rather than on a bare error page."""
    db.session.rollback()
    vacancy_id = (request.view_args or {}).get("vacancy_id")
    importing = request.endpoint in ("candidates.import_csv", "candidates.import_confirm")
    if importing and current_user.is_authenticated and current_user.has_role("hr"):
        vacancy = load_vacancy(vacancy_id)
        if vacancy is not None:
            message = _(
                "The file is larger than %(size)s MB, so it was not uploaded. Split it into smaller files "
                "and import them one after another.",
                size=_max_megabytes(),
            )
            return _import_page(vacancy, 413, problem=message)
    return render_template("errors/error.html", code=413, message=_("The upload is too large.")), 413


TEMPLATE_ROWS = (
    (
        "Анна Петрова",
        "anna.petrova@example.com",
        "+7 900 123-45-67",
        "master",
        "economics",
        "4.5",
        "112",
        "en:B2|de:A2",
        "Рекомендация партнёра",
    ),
    ("John Smith", "john.smith@example.com", "", "bachelor", "management", "2", "130", "en:native", ""),
)


@role_required("hr")
def csv_template():
    """A template CSV: the header and two example rows, UTF-8 with a BOM so that Excel shows Cyrillic right.

    Semicolons and decimal commas for Russian readers (Excel in Russian locales splits on semicolons),
    commas otherwise; `?delimiter=comma|semicolon` chooses.
    """
    russian = str(get_locale() or "ru") == "ru"
    delimiter = {"comma": ",", "semicolon": ";"}.get(
        request.args.get("delimiter", ""), ";" if russian else ","
    )
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in TEMPLATE_ROWS:
        writer.writerow(
            [cell.replace(".", ",") if delimiter == ";" and i == 5 else cell for i, cell in enumerate(row)]
        )
    return Response(
        ("\ufeff" + out.getvalue()).encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="candidates-template.csv"'},
    )
