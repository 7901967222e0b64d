"""Lists an integrator pages through: vacancies, a vacancy's candidates, the audit log (keyset pages).

Who sees what follows hiring.domain.visibility, as on the pages: HR, lead and admin see every vacancy and the
ranking; an interviewer sees the vacancies and candidates assigned to them, by id, with no evaluation (the
ranking is the evaluations' order, which independent scoring keeps from them).
"""

import sqlalchemy as sa

from hiring.domain.levels import BANDS, ELIGIBILITIES, N_
from hiring.domain.visibility import OVERSEEING_ROLES, can_open_vacancy
from hiring.errors import InvalidInput, NotAllowed
from hiring.errors import lazy_gettext as _l
from hiring.models import Assignment, AuditEntry, Candidate, StoredEvaluation, User, Vacancy
from hiring.services.evaluations import with_requirements
from hiring.services.keyset import Key, KeysetPage, keyset_page
from hiring.services.ranking import ranking_order

NO_FILTERS = N_("Interviewers see their candidates without evaluations, so they cannot filter by them.")


def sees_evaluations(user: User) -> bool:
    return user.role in OVERSEEING_ROLES


def vacancies_page(user: User, after: Key | None, limit: int) -> KeysetPage:
    """Vacancies, newest first: all of them, or for an interviewer those with a candidate assigned to them."""
    query = sa.select(Vacancy).options(*with_requirements())
    if not can_open_vacancy(user.role, False):
        assigned = (
            sa.select(Candidate.vacancy_id)
            .join(Assignment, Assignment.candidate_id == Candidate.id)
            .where(Assignment.interviewer_id == user.id)
        )
        query = query.where(Vacancy.id.in_(assigned))
    return keyset_page(query, (-Vacancy.id,), after, limit)


def candidates_page(
    vacancy: Vacancy,
    user: User,
    *,
    band: str | None,
    eligibility: str | None,
    after: Key | None,
    limit: int,
) -> KeysetPage:
    """The vacancy's candidates: in ranking order with their evaluation (rows of StoredEvaluation and
    full_name), optionally of one band and/or eligibility; for an interviewer their own, by id (id, full_name).
    """
    if not sees_evaluations(user):
        if band or eligibility:
            raise NotAllowed(NO_FILTERS)
        query = (
            sa.select(Candidate.id, Candidate.full_name)
            .join(Assignment, Assignment.candidate_id == Candidate.id)
            .where(Candidate.vacancy_id == vacancy.id, Assignment.interviewer_id == user.id)
        )
        return keyset_page(query, (Candidate.id,), after, limit)
    errors = {}
    if band is not None and band not in BANDS:
        errors["band"] = _l("Use one of: %(values)s.", values=", ".join(BANDS))
    if eligibility is not None and eligibility not in ELIGIBILITIES:
        errors["eligibility"] = _l("Use one of: %(values)s.", values=", ".join(ELIGIBILITIES))
    if errors:
        raise InvalidInput(_l("Some filters are wrong."), errors)
    se = StoredEvaluation
    query = (
        sa.select(se, Candidate.full_name)
        .join(Candidate, Candidate.id == se.candidate_id)
        .where(se.vacancy_id == vacancy.id)
    )
    if band:
        query = query.where(se.band == band)
    if eligibility:
        query = query.where(se.eligibility == eligibility)
    return keyset_page(query, ranking_order(), after, limit)


def audit_page(entity_type: str | None, entity_id: int | None, after: Key | None, limit: int) -> KeysetPage:
    """Audit entries, newest first, optionally of one record."""
    query = sa.select(AuditEntry)
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    return keyset_page(query, (-AuditEntry.id,), after, limit)
