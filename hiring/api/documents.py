"""The PDFs of a vacancy and a candidate, with the same ETag caching as the pages' downloads."""

from flask import request
from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.errors import ApiError
from hiring.documents.downloads import document_response
from hiring.documents.language import LANGUAGES, printed_in
from hiring.domain.visibility import READERS
from hiring.services import document_cache
from hiring.services.lookups import candidate_or_404, vacancy_or_404
from hiring.services.revisions import candidate_with_stamp


def asked_language() -> str | None:
    """`?lang=ru|en`: the document in that language; without it, the vacancy's (issue 24)."""
    language = request.args.get("lang")
    if language is not None and language not in LANGUAGES:
        message = _("Use one of: %(values)s.", values="ru, en")
        raise ApiError(400, "invalid", message, {"lang": message})
    return language


@bp.get("/vacancies/<int:vacancy_id>/job-post.pdf")
@roles_required(*READERS)
def job_post_pdf(vacancy_id: int):
    """The vacancy's job post PDF, in the vacancy's language (or `?lang=`)."""
    vacancy = vacancy_or_404(vacancy_id, api_user())
    with printed_in(asked_language()):
        return document_response(document_cache.job_post(vacancy), document_cache.pdf_bytes)


@bp.get("/candidates/<int:candidate_id>/evaluation.pdf")
@roles_required(*READERS)
def evaluation_pdf(candidate_id: int):
    """The candidate's evaluation PDF, in the vacancy's language (or `?lang=`)."""
    candidate = candidate_or_404(candidate_id, api_user(), candidate_with_stamp())
    with printed_in(asked_language()):
        return document_response(document_cache.evaluation(candidate), document_cache.pdf_bytes)
