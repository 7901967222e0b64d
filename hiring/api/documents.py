"""The PDFs of a vacancy and a candidate, with the same ETag caching as the pages' downloads."""

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.documents.downloads import document_response
from hiring.domain.visibility import READERS
from hiring.services import printouts
from hiring.services.evaluations import with_requirements
from hiring.services.lookups import candidate_or_404, vacancy_or_404


@bp.get("/vacancies/<int:vacancy_id>/job-post.pdf")
@roles_required(*READERS)
def job_post_pdf(vacancy_id: int):
    """The vacancy's job post PDF, in the vacancy's language."""
    vacancy = vacancy_or_404(vacancy_id, api_user(), with_requirements())
    return document_response(printouts.job_post(vacancy), printouts.pdf_bytes)


@bp.get("/candidates/<int:candidate_id>/evaluation.pdf")
@roles_required(*READERS)
def evaluation_pdf(candidate_id: int):
    """The candidate's evaluation PDF."""
    return document_response(
        printouts.evaluation(candidate_or_404(candidate_id, api_user())), printouts.pdf_bytes
    )
