"""The PDFs of a vacancy and a candidate, with the same ETag caching as the pages' downloads."""

from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.errors import not_found
from hiring.api.lookups import candidate_or_404
from hiring.documents.downloads import document_response
from hiring.domain.visibility import READERS
from hiring.services import printouts
from hiring.services.evaluations import load_vacancy


@bp.get("/vacancies/<int:vacancy_id>/job-post.pdf")
@roles_required(*READERS)
def job_post_pdf(vacancy_id: int):
    """The vacancy's job post PDF, in the vacancy's language."""
    vacancy = load_vacancy(vacancy_id)
    if vacancy is None:
        raise not_found(_("No such vacancy."))
    return document_response(printouts.job_post(vacancy), printouts.pdf_bytes)


@bp.get("/candidates/<int:candidate_id>/evaluation.pdf")
@roles_required(*READERS)
def evaluation_pdf(candidate_id: int):
    """The candidate's evaluation PDF."""
    return document_response(
        printouts.evaluation(candidate_or_404(candidate_id, api_user())), printouts.pdf_bytes
    )
