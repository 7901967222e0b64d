"""The record a path names, as the caller may see it: one function per aggregate, shared by pages and API.

Like flaskr's `get_post(id, check_author=True)`: each loads the record with the options its caller asks for
(the loaders of `hiring.services.evaluations`), checks the caller's access by the rules of
`hiring.domain.visibility`, and raises `hiring.errors.NotFound` otherwise. A record the caller may not see
answers 404 like one that does not exist, so nobody learns it exists (SPEC §4).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm.interfaces import LoaderOption

from hiring.domain.levels import N_
from hiring.domain.visibility import can_open_vacancy
from hiring.errors import NotFound
from hiring.extensions import db
from hiring.models import Assignment, Candidate, Profile, User, Vacancy
from hiring.services.interviews import may_open_candidate
from hiring.services.revisions import vacancy_stamp_by_id

NO_PROFILE = N_("No such profile.")
NO_VACANCY = N_("No such vacancy.")
NO_CANDIDATE = N_("No such candidate, or it is not assigned to you.")


def profile_or_404(profile_id: int) -> Profile:
    """The profile (every role that reaches a profile may read it)."""
    profile = db.session.get(Profile, profile_id)
    if profile is None:
        raise NotFound(NO_PROFILE)
    return profile


def vacancy_or_404(vacancy_id: int, user: User, options: Sequence[LoaderOption] = ()) -> Vacancy:
    """The vacancy, loaded with `options`, when the user may open it (an interviewer: one they interview for)."""
    vacancy = _load(Vacancy, vacancy_id, options)
    if vacancy is None or not _may_open_vacancy(user, vacancy_id):
        raise NotFound(NO_VACANCY)
    return vacancy


def vacancy_stamp_or_404(vacancy_id: int, user: User) -> tuple:
    """The vacancy's stamp (`revisions.vacancy_stamp()`) when the user may open it, in one narrow query.

    For a page served as kept (hiring.web.page_cache): the stamp and the access rule of vacancy_or_404(),
    without loading the vacancy's texts.
    """
    stamp = vacancy_stamp_by_id(vacancy_id)
    if stamp is None or not _may_open_vacancy(user, vacancy_id):
        raise NotFound(NO_VACANCY)
    return stamp


def candidate_or_404(candidate_id: int, user: User, options: Sequence[LoaderOption] = ()) -> Candidate:
    """The candidate, loaded with `options`, when the user may open it (an interviewer: only when assigned)."""
    candidate = _load(Candidate, candidate_id, options)
    if candidate is None or not may_open_candidate(candidate, user):
        raise NotFound(NO_CANDIDATE)
    return candidate


def _load(model, record_id: int, options: Sequence[LoaderOption]):
    if not options:
        return db.session.get(model, record_id)
    return db.session.scalar(sa.select(model).where(model.id == record_id).options(*options))


def _may_open_vacancy(user: User, vacancy_id: int) -> bool:
    """The visibility rule for an existing vacancy (asking the database only for an interviewer)."""
    return can_open_vacancy(user.role, False) or can_open_vacancy(
        user.role, _interviews_for(user, vacancy_id)
    )


def _interviews_for(user: User, vacancy_id: int) -> bool:
    """Whether the user is assigned to one of the vacancy's candidates."""
    query = (
        sa.select(Assignment.id)
        .join(Candidate, Candidate.id == Assignment.candidate_id)
        .where(Assignment.interviewer_id == user.id, Candidate.vacancy_id == vacancy_id)
        .limit(1)
    )
    return db.session.scalar(query) is not None
