"""Reading and editing what the other modules create (SPEC §6 "every resource readable and editable").

Each view finds the record with the same lookup as the pages (hiring.services.lookups: an interviewer gets 404
for what is not assigned to them) and changes it with the same service; the only rule added here is the
protocol's: a PATCH without `version` is a conflict, like a stale one.
"""

from flask import request
from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.documents import asked_language
from hiring.api.errors import ApiError
from hiring.api.schema_parts import MAX_ID
from hiring.api.serializers import candidate_json, decision_json, vacancy_json
from hiring.documents.downloads import document_response
from hiring.documents.language import printed_in
from hiring.domain.visibility import READERS
from hiring.errors import VersionConflict
from hiring.extensions import db
from hiring.query_params import parse_int
from hiring.services import candidates, decisions, printouts, vacancies
from hiring.services.evaluations import with_requirements
from hiring.services.lookups import candidate_or_404, vacancy_or_404


def patch_body(schema_name: str) -> tuple[dict, int]:
    """The PATCH body without its `version`, and the version; a missing one is a conflict (SPEC §6)."""
    body = json_body(schema_name)
    version = body.pop("version", None)
    if version is None:
        raise VersionConflict(_("Send the `version` you read; it is required to change this record."))
    return body, int(version)


@bp.get("/vacancies/<int:vacancy_id>")
@roles_required(*READERS, "interviewer")
def get_vacancy(vacancy_id: int):
    """The vacancy (an interviewer: only one they interview for)."""
    return vacancy_json(vacancy_or_404(vacancy_id, api_user(), with_requirements()))


@bp.patch("/vacancies/<int:vacancy_id>")
@roles_required("hr")
def update_vacancy(vacancy_id: int):
    """Change the vacancy's fields; left-out fields keep their values."""
    user = api_user()
    vacancy = vacancy_or_404(vacancy_id, user, with_requirements())
    body, version = patch_body("VacancyUpdate")
    vacancies.update_vacancy(vacancy, body, version, user.id)
    db.session.commit()
    return vacancy_json(vacancy)


@bp.get("/candidates/<int:candidate_id>")
@roles_required(*READERS)
def get_candidate(candidate_id: int):
    """The candidate, as the candidate page shows it."""
    return candidate_json(candidate_or_404(candidate_id, api_user()))


@bp.patch("/candidates/<int:candidate_id>")
@roles_required("hr")
def update_candidate(candidate_id: int):
    """Change the candidate's fields; left-out fields keep their values."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    body, version = patch_body("CandidateUpdate")
    candidates.update_candidate(candidate, body, version, user.id)
    db.session.commit()
    return candidate_json(candidate)


@bp.delete("/candidates/<int:candidate_id>/interviewers/<int:user_id>")
@roles_required("hr")
def unassign_interviewer(candidate_id: int, user_id: int):
    """End an interviewer's assignment: they lose access to the candidate at once; a scorecard stays."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    candidates.unassign_interviewer(candidate, user_id, user.id)
    db.session.commit()
    return "", 204


@bp.get("/candidates/<int:candidate_id>/decisions")
@roles_required(*READERS)
def list_decisions(candidate_id: int):
    """Every decision on the candidate, oldest first (the last one is the current decision)."""
    candidate = candidate_or_404(candidate_id, api_user())
    return [decision_json(d) for d in reversed(decisions.decision_history(candidate.id))]


@bp.get("/vacancies/<int:vacancy_id>/interview-kit.pdf")
@roles_required(*READERS, "interviewer")
def interview_kit_pdf(vacancy_id: int):
    """The interview kit PDF; an interviewer gets it only when assigned to one of the vacancy's candidates."""
    vacancy = vacancy_or_404(vacancy_id, api_user(), with_requirements())
    with printed_in(asked_language()):
        return document_response(printouts.interview_kit(vacancy), printouts.pdf_bytes)


@bp.get("/vacancies/<int:vacancy_id>/comparison.pdf")
@roles_required(*READERS)
def comparison_pdf(vacancy_id: int):
    """Two to six of the vacancy's candidates side by side (`?ids=1&ids=2`)."""
    vacancy = vacancy_or_404(vacancy_id, api_user())
    raw = request.args.getlist("ids")
    try:
        ids = [parse_int(item, 1, MAX_ID) for item in raw]
    except ValueError:
        message = _("Give candidate ids as whole numbers: ?ids=1&ids=2.")
        raise ApiError(400, "invalid", message, {"ids": message}) from None
    with printed_in(asked_language()):
        return document_response(printouts.comparison(vacancy, ids), printouts.pdf_bytes)
