"""Revision numbers of what the documents show, so a cached PDF is found without loading its inputs.

Every commit that writes a row a document reads bumps, in the same transaction, the `revision` of the
candidate's stored evaluation (for its evaluation and comparisons) or of the vacancy (for every document of
the vacancy). `hiring.services.printouts` derives a document's cache key from these numbers: one small query
answers whether the stored PDF is current, and a PDF is never served after any of its inputs changed. A change
to any candidate of a vacancy also raises the vacancy's ranking revision (`RankingRevision`), which keys the
pages that show the whole ranking or a place in it (hiring.web.page_cache).

Which rows count is decided generically, so that a new input is covered without listing it here: any row
naming a candidate (`candidate_id`), a scorecard (`scorecard_id`, submitted ones only: a draft is shown
nowhere), a vacancy (`vacancy_id`) or a profile (`profile_id`, every vacancy using it), the candidate, vacancy
and profile rows themselves, and a user's name (shown beside their scorecards and decisions). Bumping too often
costs a rebuild of the document's values, never a stale document.
"""

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.interfaces import LoaderOption

from hiring.extensions import db
from hiring.models import (
    ApiToken,
    AuditEntry,
    Candidate,
    Decision,
    EvaluationPack,
    OutboxJob,
    Profile,
    RankingRevision,
    RenderedDocument,
    Scorecard,
    StoredEvaluation,
    User,
    Vacancy,
)
from hiring.services.evaluations import BULK_SCORES_UNAFFECTED

_TOUCHED = "hiring.revisions.touched"
# Rows that no document shows, or that are the cache itself.
_NOT_SHOWN = (
    StoredEvaluation,
    RankingRevision,
    RenderedDocument,
    AuditEntry,
    ApiToken,
    EvaluationPack,
    OutboxJob,
)
USER_NAME_FIELDS = ("full_name", "username")


def _touched(session: Session) -> dict[str, set[int]]:
    return session.info.setdefault(
        _TOUCHED,
        {
            "candidates": set(),
            "scorecards": set(),
            "vacancies": set(),
            "profiles": set(),
            "users": set(),
            "rankings": set(),  # vacancies a candidate joined or left (a deleted one is found by no query)
        },
    )


def _note(session: Session, _context) -> None:
    """After each flush, remember which candidates, scorecards, vacancies, profiles and user names changed."""
    touched = _touched(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, _NOT_SHOWN):
            continue
        if isinstance(obj, Candidate):
            touched["candidates"].add(obj.id)
            vacancy = sa.inspect(obj).attrs.vacancy_id.history
            touched["rankings"].update(v for v in (*vacancy.sum(), obj.vacancy_id) if isinstance(v, int))
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
    if candidates or touched["rankings"]:
        of_candidates = sa.select(Candidate.vacancy_id).where(Candidate.id.in_(sorted(candidates)))
        rankings = session.scalars(
            sa.select(Vacancy.id).where(
                sa.or_(Vacancy.id.in_(sorted(touched["rankings"])), Vacancy.id.in_(of_candidates))
            )
        ).all()
        _raise_ranking_revisions(session, rankings)


def _raise_ranking_revisions(session: Session, vacancy_ids) -> None:
    """Add one to each vacancy's ranking revision (its row made at the first change), in id order."""
    if not vacancy_ids:
        return
    table = RankingRevision.__table__
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        dialect.insert(table)
        .values([{"vacancy_id": vacancy_id, "revision": 1} for vacancy_id in sorted(set(vacancy_ids))])
        .on_conflict_do_update(index_elements=["vacancy_id"], set_={"revision": table.c.revision + 1})
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


# --- reading the revisions ----------------------------------------------------------------------------------


def vacancy_stamp(vacancy: Vacancy) -> tuple:
    """What names this state of the vacancy's ranking (its ranking revision loaded with it, or a query).

    The creation time tells apart a vacancy that re-uses the id of a deleted one.
    """
    ranking = vacancy.ranking_revision
    return (vacancy.id, vacancy.created_at, vacancy.revision, ranking.revision if ranking else 0)


def vacancy_stamp_by_id(vacancy_id: int) -> tuple | None:
    """vacancy_stamp() of the vacancy with this id, read without loading it; None when there is none."""
    row = db.session.execute(
        sa.select(Vacancy.created_at, Vacancy.revision, RankingRevision.revision)
        .outerjoin(RankingRevision, RankingRevision.vacancy_id == Vacancy.id)
        .where(Vacancy.id == vacancy_id)
    ).first()
    if row is None:
        return None
    created_at, revision, ranking = row
    return (vacancy_id, created_at, revision, ranking or 0)


def candidate_stamp(candidate: Candidate) -> tuple:
    """What names this state of the candidate's evaluation page (load it `candidate_with_stamp()`: no query).

    The candidate's evaluation revision (raised also when a scorecard is started or dropped: the page counts
    drafts), the vacancy's (its profile and rules) and its ranking's (the candidate's place in it).
    """
    evaluation = candidate.evaluation
    return (
        candidate.id,
        candidate.created_at,
        *vacancy_stamp(candidate.vacancy),
        evaluation.revision if evaluation else None,
    )


def candidate_with_stamp() -> tuple[LoaderOption, ...]:
    """Load options for a Candidate: its stored evaluation, vacancy and ranking revision, joined in one query."""
    return (
        joinedload(Candidate.evaluation),
        joinedload(Candidate.vacancy).joinedload(Vacancy.ranking_revision),
    )


def has_unsaved_changes() -> bool:
    """Whether the session holds changes not committed yet (a part rendered now may show what never was)."""
    session = db.session()
    touched = session.info.get(_TOUCHED)
    return bool(session.new or session.dirty or session.deleted or (touched and any(touched.values())))
