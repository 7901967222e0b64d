"""Finding the record a page's path names (404 otherwise)."""

from flask import abort

from hiring.evaluations import load_vacancy
from hiring.models import Vacancy


def vacancy_or_404(vacancy_id: int) -> Vacancy:
    """The vacancy with what evaluating it needs already loaded."""
    vacancy = load_vacancy(vacancy_id)
    if vacancy is None:
        abort(404)
    return vacancy
