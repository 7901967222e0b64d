"""The import of candidates: upload a CSV file or a workbook, correct the column mapping, preview each row's
screening, confirm once; and the template files.

Its views belong to the candidates blueprint (`add_routes`), so their endpoints stay `candidates.*`.
"""

import csv
import io

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import RequestEntityTooLarge

from hiring.documents.spreadsheets import xlsx_bytes
from hiring.errors import InvalidImport, NotFound, text
from hiring.extensions import db
from hiring.services import import_previews
from hiring.services.evaluations import load_vacancy, with_requirements
from hiring.services.import_mapping import IGNORE
from hiring.services.imports import HEADER, ParsedImport, parse_candidates, screen_rows
from hiring.services.lookups import vacancy_or_404
from hiring.web.access import role_required
from hiring.web.forms.candidates import ConfirmImportForm, ImportForm, MappingForm, number_text

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIELD_LABELS = {
    "full_name": _l("Full name"),
    "email": _l("Email"),
    "phone": _l("Phone"),
    "education_level": _l("Education level"),
    "education_field": _l("Field of education"),
    "experience_years": _l("Experience, years"),
    "plan_attainment_pct": _l("Sales plan attainment, %"),
    "languages": _l("Languages"),
    "notes": _l("Notes"),
}


def add_routes(bp: Blueprint) -> None:
    bp.add_url_rule(
        "/vacancies/<int:vacancy_id>/candidates/import", view_func=import_csv, methods=["GET", "POST"]
    )
    bp.add_url_rule(
        "/vacancies/<int:vacancy_id>/candidates/import/confirm", view_func=import_confirm, methods=["POST"]
    )
    bp.add_url_rule("/candidates/import-template.csv", view_func=csv_template)
    bp.add_url_rule("/candidates/import-template.xlsx", view_func=xlsx_template)
    bp.register_error_handler(RequestEntityTooLarge, upload_too_large)


def _import_page(vacancy, status: int = 200, **context):
    context.setdefault("form", ImportForm(formdata=None))
    return (
        render_template(
            "candidates/import.html",
            vacancy=vacancy,
            header=HEADER,
            field_labels=FIELD_LABELS,
            ignore=IGNORE,
            max_mb=_max_megabytes(),
            **context,
        ),
        status,
    )


def _max_megabytes() -> str:
    return number_text((current_app.config.get("MAX_CONTENT_LENGTH") or 0) / (1024 * 1024))


def _preview(vacancy, parsed: ParsedImport, pending, filename: str):
    """The mapping step and the rows with their screening (or every bad line); 400 while anything is wrong."""
    ok = not parsed.errors
    return _import_page(
        vacancy,
        200 if ok else 400,
        errors=parsed.listed_errors,
        more_errors=parsed.more_errors,
        rows=list(zip(parsed.rows, screen_rows(vacancy, parsed.rows), strict=True)) if ok else None,
        read_as=parsed.read_as,
        headers=parsed.headers,
        columns=parsed.mapping.as_list() if parsed.mapping else [],
        mapping_form=MappingForm(formdata=None, data={"preview": pending.token}),
        confirm_form=ConfirmImportForm(formdata=None, data={"token": pending.token}) if ok else None,
        filename=filename,
    )


@role_required("hr")
def import_csv(vacancy_id: int):
    """Upload a file (or correct a preview's columns) and see what it would add, before confirming."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    if request.method == "POST" and "preview" in request.form:
        return _remap(vacancy)
    form = ImportForm()
    if not form.validate_on_submit():
        return _import_page(vacancy, 400 if form.is_submitted() else 200, form=form)
    data = form.file.data.read()
    filename = form.file.data.filename or ""
    parsed = parse_candidates(data, vacancy=vacancy)
    if parsed.table is None or not parsed.headers:
        return _import_page(vacancy, 400, form=form, errors=parsed.listed_errors, filename=filename)
    pending = import_previews.hold(vacancy, current_user.id, data, filename)
    if parsed.mapping is not None:
        import_previews.choose_columns(pending, parsed.mapping.columns)
    db.session.commit()
    return _preview(vacancy, parsed, pending, filename)


def _remap(vacancy):
    """The same preview read again under the columns HR chose."""
    form = MappingForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        pending = import_previews.find(form.preview.data, vacancy, current_user.id)
    except NotFound as gone:
        return _import_page(vacancy, 400, problem=text(gone.message))
    columns = request.form.getlist("columns")
    parsed = parse_candidates(pending.content, vacancy=vacancy, columns=columns)
    if parsed.mapping is not None and len(columns) == len(parsed.headers):
        import_previews.choose_columns(pending, parsed.mapping.columns)
    db.session.commit()
    return _preview(vacancy, parsed, pending, pending.filename)


@role_required("hr")
def import_confirm(vacancy_id: int):
    """Import exactly the previewed file under its mapping, all rows or none, once."""
    vacancy = vacancy_or_404(vacancy_id, current_user, with_requirements())
    form = ConfirmImportForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        pending = import_previews.find(form.token.data, vacancy, current_user.id)
        count = import_previews.confirm(pending, vacancy, current_user.id)
        db.session.commit()
    except NotFound as gone:
        db.session.rollback()
        return _import_page(vacancy, 400, problem=text(gone.message))
    except InvalidImport as error:
        db.session.rollback()
        return _import_page(
            vacancy, 400, errors=error.errors, more_errors=error.more, problem=text(error.message)
        )
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


@role_required("hr")
def xlsx_template():
    """The template as an Excel workbook: the header and the same two example rows, numbers as numbers."""
    rows = [
        [float(cell) if i in (5, 6) and cell else cell for i, cell in enumerate(row)] for row in TEMPLATE_ROWS
    ]
    return Response(
        xlsx_bytes(HEADER, rows, title="candidates"),
        mimetype=XLSX_MIMETYPE,
        headers={"Content-Disposition": 'attachment; filename="candidates-template.xlsx"'},
    )
