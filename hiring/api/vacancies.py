"""Vacancies: create one, add and import its candidates, rank them."""

from flask import request
from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import csv_body, json_body
from hiring.api.pagination import page_args, page_response
from hiring.api.serializers import candidate_json, ranking_entry_json, vacancy_json
from hiring.errors import InvalidInput
from hiring.extensions import db
from hiring.models import Profile
from hiring.services import calibration, candidates, imports, vacancies
from hiring.services.lookups import vacancy_or_404
from hiring.services.ranking import ranking_page


@bp.post("/vacancies")
@roles_required("hr")
def create_vacancy():
    """Create a vacancy from a profile; left-out requirements take the profile's defaults."""
    body = json_body("VacancyCreate")
    profile = db.session.get(Profile, body["profile_id"])
    if profile is None:
        message = _("No profile has this id.")
        raise InvalidInput(message, {"profile_id": message})
    data = {key: value for key, value in body.items() if key != "profile_id"}
    vacancy = vacancies.create_vacancy(profile, data, api_user().id)
    db.session.commit()
    return vacancy_json(vacancy), 201


@bp.post("/vacancies/<int:vacancy_id>/candidates")
@roles_required("hr")
def create_candidate(vacancy_id: int):
    """Add a candidate to the vacancy."""
    vacancy = vacancy_or_404(vacancy_id, api_user())
    body = json_body("CandidateCreate")
    candidate = candidates.create_candidate(vacancy, body, api_user().id)
    db.session.commit()
    return candidate_json(candidate), 201


@bp.post("/vacancies/<int:vacancy_id>/candidates/import")
@roles_required("hr")
def import_candidates(vacancy_id: int):
    """Import candidates from a CSV or workbook body (SPEC §7): all of them, or none with every bad line listed.

    The columns are matched by their headers when that leaves no doubt; else `columns` (a comma-separated
    field, or `ignore`, per column in order) says it, or the answer is 400 naming the unmatched headers.
    """
    vacancy = vacancy_or_404(vacancy_id, api_user())
    columns = request.args.get("columns")
    chosen = [name.strip() for name in columns.split(",")] if columns is not None else None
    count = imports.import_candidates(vacancy, csv_body(), api_user().id, columns=chosen)
    db.session.commit()
    return {"imported": count}, 201


@bp.get("/vacancies/<int:vacancy_id>/ranking")
@roles_required("lead", "hr")
def ranking(vacancy_id: int):
    """The vacancy's candidates in ranking order (SPEC §3), one page at a time (SPEC §6)."""
    vacancy_or_404(vacancy_id, api_user())
    limit, after = page_args()
    page = ranking_page(vacancy_id, after, limit)
    return page_response([ranking_entry_json(row, row.full_name) for row in page.rows], page)


@bp.get("/vacancies/<int:vacancy_id>/calibration")
@roles_required(*calibration.CALIBRATION_ROLES)
def vacancy_calibration(vacancy_id: int):
    """Panel agreement ICC(1,k) with its 95 % interval, and each interviewer's leave-one-out offset."""
    vacancy = vacancy_or_404(vacancy_id, api_user())
    return calibration.calibration_json(calibration.vacancy_calibration(vacancy))
