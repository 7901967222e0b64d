"""Revision numbers of what the documents show, so a cached PDF is found without loading its inputs.

Every commit that writes a row a document reads bumps, in the same transaction, the `revision` of the
candidate's stored evaluation (for its evaluation and comparisons) or of the vacancy (for every document of
the vacancy). `hiring.services.printouts` derives a document's cache key from these numbers: one small query
answers whether the stored PDF is current, and a PDF is never served after any of its inputs changed.

Which rows count is decided generically, so that a new input is covered without listing it here: any row
naming a candidate (`candidate_id`), a scorecard (`scorecard_id`, submitted ones only: a draft is shown
nowhere), a vacancy (`vacancy_id`) or a profile (`profile_id`, every vacancy using it), the candidate, vacancy
and profile rows themselves, and a user's name (shown beside their scorecards and decisions). Bumping too often
costs a rebuild of the document's values, never a stale document.
"""

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from hiring.extensions import db
from hiring.models import (
    ApiToken,
    AuditEntry,
    Candidate,
    Decision,
    EvaluationPack,
    OutboxJob,
    Profile,
    RenderedDocument,
    Scorecard,
    StoredEvaluation,
    User,
    Vacancy,
)
from hiring.services.evaluations import BULK_SCORES_UNAFFECTED

_TOUCHED = "hiring.revisions.touched"
# Rows that no document shows, or that are the cache itself.
_NOT_SHOWN = (StoredEvaluation, RenderedDocument, AuditEntry, ApiToken, EvaluationPack, OutboxJob)
USER_NAME_FIELDS = ("full_name", "username")


def _touched(session: Session) -> dict[str, set[int]]:
    return session.info.setdefault(
        _TOUCHED,
        {"candidates": set(), "scorecards": set(), "vacancies": set(), "profiles": set(), "users": set()},
    )


def _note(session: Session, _context) -> None:
    """After each flush, remember which candidates, scorecards, vacancies, profiles and user names changed."""
    touched = _touched(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, _NOT_SHOWN):
            continue
        if isinstance(obj, Candidate):
            touched["candidates"].add(obj.id)
        elif isinstance(obj, Vacancy):
            touched["vacancies"].add(obj.id)
        elif isinstance(obj, Profile):
            touched["profiles"].add(obj.id)
        elif isinstance(obj, User):
            state = sa.inspect(obj)
            if any(state.attrs[name].history.has_changes() for name in USER_NAME_FIELDS):
                touched["users"].add(obj.id)
        elif isinstance(obj, Scorecard):
            state = sa.inspect(obj)
            if obj.is_submitted or state.attrs.status.history.has_changes() or obj in session.deleted:
                touched["candidates"].add(obj.candidate_id)
        else:
            for name, kind in (
                ("candidate_id", "candidates"),
                ("scorecard_id", "scorecards"),
                ("vacancy_id", "vacancies"),
                ("profile_id", "profiles"),
            ):
                value = getattr(obj, name, None)
                if isinstance(value, int):
                    touched[kind].add(value)


def _bump(session: Session) -> None:
    """Before the commit (after the stored evaluations are refreshed): raise the revisions of what changed."""
    touched = session.info.pop(_TOUCHED, None)
    if not touched or not any(touched.values()):
        return
    candidates = set(touched["candidates"])
    vacancies = set(touched["vacancies"])
    if touched["scorecards"]:
        candidates |= set(
            session.scalars(
                sa.select(Scorecard.candidate_id).where(
                    Scorecard.id.in_(touched["scorecards"]), Scorecard.status == "submitted"
                )
            )
        )
    if touched["users"]:
        users = touched["users"]
        candidates |= set(
            session.scalars(sa.select(Scorecard.candidate_id).where(Scorecard.interviewer_id.in_(users)))
        )
        candidates |= set(
            session.scalars(sa.select(Decision.candidate_id).where(Decision.decided_by_id.in_(users)))
        )
    if touched["profiles"]:
        vacancies |= set(
            session.scalars(sa.select(Vacancy.id).where(Vacancy.profile_id.in_(touched["profiles"])))
        )
    options = {**BULK_SCORES_UNAFFECTED, "synchronize_session": False}
    if candidates:
        se = StoredEvaluation
        session.execute(
            sa.update(se).where(se.candidate_id.in_(sorted(candidates))).values(revision=se.revision + 1),
            execution_options=options,
        )
    if vacancies:
        session.execute(
            sa.update(Vacancy).where(Vacancy.id.in_(sorted(vacancies))).values(revision=Vacancy.revision + 1),
            execution_options=options,
        )


def _forget(session: Session, *_args) -> None:
    session.info.pop(_TOUCHED, None)


def keep_revisions() -> None:
    """Install the listeners on the app's session, after the stored evaluations' own (create_app calls it)."""
    if event.contains(db.session, "after_flush", _note):
        return
    event.listen(db.session, "after_flush", _note)
    event.listen(db.session, "before_commit", _bump)
    event.listen(db.session, "after_rollback", _forget)
