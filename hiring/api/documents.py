"""The PDFs of a vacancy and a candidate, with the same ETag caching as the pages' downloads."""

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.documents.downloads import document_response
from hiring.domain.visibility import READERS
from hiring.services import document_cache
from hiring.services.lookups import candidate_or_404, vacancy_or_404


@bp.get("/vacancies/<int:vacancy_id>/job-post.pdf")
@roles_required(*READERS)
def job_post_pdf(vacancy_id: int):
    """The vacancy's job post PDF, in the vacancy's language."""
    vacancy = vacancy_or_404(vacancy_id, api_user())
    return document_response(document_cache.job_post(vacancy), document_cache.pdf_bytes)


@bp.get("/candidates/<int:candidate_id>/evaluation.pdf")
@roles_required(*READERS)
def evaluation_pdf(candidate_id: int):
    """The candidate's evaluation PDF."""
    return document_response(
        document_cache.evaluation(candidate_or_404(candidate_id, api_user())), document_cache.pdf_bytes
    )
