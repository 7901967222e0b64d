"""The paginated lists (SPEC §6): vacancies, a vacancy's candidates in ranking order, the audit log."""

from flask import request
from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.errors import ApiError
from hiring.api.pagination import page_args, page_response
from hiring.api.schema_parts import MAX_ID
from hiring.api.serializers import moment, ranking_entry_json, vacancy_json
from hiring.query_params import parse_int
from hiring.services import listings
from hiring.services.lookups import vacancy_or_404


@bp.get("/vacancies")
@roles_required()
def list_vacancies():
    """Vacancies, newest first (an interviewer: those with a candidate assigned to them)."""
    limit, after = page_args()
    page = listings.vacancies_page(api_user(), after, limit)
    return page_response([vacancy_json(row.Vacancy) for row in page.rows], page)


@bp.get("/vacancies/<int:vacancy_id>/candidates")
@roles_required()
def list_candidates(vacancy_id: int):
    """The vacancy's candidates in ranking order, optionally of one band or eligibility."""
    user = api_user()
    vacancy = vacancy_or_404(vacancy_id, user)
    limit, after = page_args()
    band, eligibility = request.args.get("band") or None, request.args.get("eligibility") or None
    page = listings.candidates_page(
        vacancy, user, band=band, eligibility=eligibility, after=after, limit=limit
    )
    if listings.sees_evaluations(user):
        items = [ranking_entry_json(row.StoredEvaluation, row.full_name) for row in page.rows]
    else:
        items = [{"candidate_id": row.id, "full_name": row.full_name} for row in page.rows]
    return page_response(items, page)


@bp.get("/audit")
@roles_required("hr")
def list_audit():
    """Audit entries, newest first, optionally of one record (`entity_type`, `entity_id`)."""
    limit, after = page_args()
    raw_id = request.args.get("entity_id")
    try:
        entity_id = None if raw_id is None else parse_int(raw_id, 0, MAX_ID)
    except ValueError:
        message = _("Give a record id (a whole number).")
        raise ApiError(400, "invalid", message, {"entity_id": message}) from None
    page = listings.audit_page(request.args.get("entity_type") or None, entity_id, after, limit)
    return page_response([audit_entry_json(row.AuditEntry) for row in page.rows], page)


def audit_entry_json(entry) -> dict:
    return {
        "id": entry.id,
        "at": moment(entry.at),
        "user_id": entry.user_id,
        "action": entry.action,
        "entity_type": entry.entity_type,
        "entity_id": entry.entity_id,
        "before": entry.before,
        "after": entry.after,
    }
