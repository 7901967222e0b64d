"""Finding the record a page's path names (404 otherwise)."""

from flask import abort

from hiring.models import Vacancy
from hiring.services.evaluations import load_vacancy


def vacancy_or_404(vacancy_id: int) -> Vacancy:
    """The vacancy with what evaluating it needs already loaded."""
    vacancy = load_vacancy(vacancy_id)
    if vacancy is None:
        abort(404)
    return vacancy
