"""Finding the record a path names, as the caller may see it (404 otherwise)."""

from flask_babel import gettext as _

from hiring.api.errors import not_found
from hiring.extensions import db
from hiring.models import Candidate, Profile, User, Vacancy
from hiring.services.interviews import may_open_candidate


def profile_or_404(profile_id: int) -> Profile:
    profile = db.session.get(Profile, profile_id)
    if profile is None:
        raise not_found(_("No such profile."))
    return profile


def vacancy_or_404(vacancy_id: int) -> Vacancy:
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        raise not_found(_("No such vacancy."))
    return vacancy


def candidate_or_404(candidate_id: int, viewer: User) -> Candidate:
    """The candidate; an interviewer not assigned to it gets 404, as if it did not exist (SPEC §4)."""
    candidate = db.session.get(Candidate, candidate_id)
    if candidate is None or not may_open_candidate(candidate, viewer):
        raise not_found(_("No such candidate, or it is not assigned to you."))
    return candidate
