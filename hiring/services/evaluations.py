"""Loads candidates and scorecards into the domain's values and asks the scoring engine.

Every page, API answer and PDF gets its numbers from here; nothing else computes a rule. A vacancy is loaded
in a constant number of queries, whatever its number of candidates. The engine's answer is also kept in
`StoredEvaluation`, refreshed when the app's session commits a change to any of its inputs, so that a vacancy
of thousands of candidates can be ranked and paginated in SQL (`hiring.services.ranking`). A bulk statement on
those inputs bypasses the refresh, so it is refused unless it says why the stored evaluations stay right (see
BULK_SCORES_UNAFFECTED).
"""

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from hiring.domain import (
    CandidateData,
    CompetencySpec,
    CustomRule,
    EducationRule,
    Evaluation,
    ExperienceRule,
    LanguageRule,
    Requirements,
    ScorecardData,
    evaluate,
    rank,
    rank_group,
)
from hiring.extensions import db
from hiring.models import (
    Candidate,
    CandidateLanguage,
    CheckAnswer,
    Competency,
    CustomCheck,
    LanguageRequirement,
    Profile,
    Rating,
    Scorecard,
    StoredEvaluation,
    Vacancy,
    VerifiedLanguage,
)

# A vacancy's or profile's own columns that the engine reads; a change of title or status changes no score.
SCREENING_FIELDS = (
    "edu_min_level",
    "edu_mandatory",
    "edu_preferred_fields",
    "exp_min_years",
    "exp_mandatory",
    "exp_exception_min_years",
    "exp_exception_min_plan_pct",
)


def requirements_for(vacancy: Vacancy) -> Requirements:
    """The vacancy's screening rules as domain values."""
    exception = vacancy.exp_exception_min_years is not None and vacancy.exp_exception_min_plan_pct is not None
    return Requirements(
        education=EducationRule(
            vacancy.edu_min_level, vacancy.edu_mandatory, tuple(vacancy.edu_preferred_fields or ())
        ),
        experience=ExperienceRule(
            vacancy.exp_min_years,
            vacancy.exp_exception_min_years if exception else None,
            vacancy.exp_exception_min_plan_pct if exception else None,
            vacancy.exp_mandatory,
        ),
        languages=tuple(
            LanguageRule(r.language, r.min_level, r.mandatory) for r in vacancy.language_requirements
        ),
        custom=tuple(CustomRule(c.position, c.text, c.mandatory) for c in vacancy.custom_checks),
    )


def competency_specs(profile: Profile) -> tuple[CompetencySpec, ...]:
    return tuple(CompetencySpec(c.code, c.weight, c.critical_min) for c in profile.competencies)


def candidate_values(candidate: Candidate) -> CandidateData:
    return CandidateData(
        id=candidate.id,
        full_name=candidate.full_name,
        education_level=candidate.education_level,
        education_field=candidate.education_field,
        experience_years=candidate.experience_years,
        plan_attainment_pct=candidate.plan_attainment_pct,
        languages={lang.language: lang.level for lang in candidate.languages},
        check_answers={answer.check.position: answer.met for answer in candidate.check_answers},
    )


def scorecard_values(card: Scorecard, *, with_languages: bool = True) -> ScorecardData:
    """The scorecard as a domain value; `with_languages=False` skips the verified languages (not loaded)."""
    return ScorecardData(
        interviewer_id=card.interviewer_id,
        submitted=card.is_submitted,
        ratings={r.competency_code: r.value for r in card.ratings},
        verified_languages={v.language: v.level for v in card.verified_languages} if with_languages else {},
        recommendation=card.recommendation,
        verified_plan_attainment_pct=card.verified_plan_attainment_pct,
    )


def with_requirements() -> tuple[LoaderOption, ...]:
    """Load options for a Vacancy: the profile's competencies and the requirements its evaluations read."""
    return (
        selectinload(Vacancy.profile).selectinload(Profile.competencies),
        selectinload(Vacancy.language_requirements),
        selectinload(Vacancy.custom_checks),
    )


def with_evaluation_inputs(*, vacancy: bool = False, interviewers: bool = False) -> tuple[LoaderOption, ...]:
    """Load options for a Candidate: everything its evaluation reads, in a fixed number of queries.

    Every candidate that is evaluated is loaded with these, so an input added to the engine is added here
    once, not in each page. `vacancy` also loads the candidate's vacancy `with_requirements()`;
    `interviewers` each scorecard's interviewer, whose name the evaluation page and PDF show.
    """
    cards = selectinload(Candidate.scorecards)
    options = [
        selectinload(Candidate.languages),
        selectinload(Candidate.check_answers).selectinload(CheckAnswer.check),
        cards.selectinload(Scorecard.ratings),
        cards.selectinload(Scorecard.verified_languages),
    ]
    if vacancy:
        options.append(selectinload(Candidate.vacancy).options(*with_requirements()))
    if interviewers:
        options.append(cards.selectinload(Scorecard.interviewer))
    return tuple(options)


def _evaluate_loaded(vacancy: Vacancy, candidates: Iterable[Candidate]) -> list[Evaluation]:
    requirements = requirements_for(vacancy)
    specs = competency_specs(vacancy.profile)
    return [
        evaluate(specs, requirements, candidate_values(c), [scorecard_values(s) for s in c.scorecards])
        for c in candidates
    ]


def load_vacancy(vacancy_id: int) -> Vacancy | None:
    return db.session.scalar(sa.select(Vacancy).where(Vacancy.id == vacancy_id).options(*with_requirements()))


def evaluate_candidate(candidate: Candidate) -> Evaluation:
    """The engine's evaluation of one candidate."""
    return _evaluate_loaded(candidate.vacancy, [candidate])[0]


def evaluate_candidates(
    vacancy: Vacancy, candidate_ids: Sequence[int] | None = None, *, fresh: bool = False
) -> list[Evaluation]:
    """Evaluations of the vacancy's candidates (all, or those named), in a constant number of queries.

    `fresh` reloads rows already in the session, so that what other transactions committed is seen.
    """
    query = sa.select(Candidate).where(Candidate.vacancy_id == vacancy.id).options(*with_evaluation_inputs())
    if candidate_ids is not None:
        query = query.where(Candidate.id.in_(candidate_ids))
    if fresh:
        query = query.execution_options(populate_existing=True)
    return _evaluate_loaded(vacancy, db.session.scalars(query).all())


def rank_vacancy(vacancy_id: int) -> list[Evaluation]:
    """Every candidate of the vacancy, evaluated and in ranking order (SPEC §3)."""
    vacancy = load_vacancy(vacancy_id)
    if vacancy is None:
        return []
    return rank(evaluate_candidates(vacancy))


# --- the stored evaluations, kept fresh on commit ---------------------------------------------------------

_STALE_CANDIDATES = "hiring.stale_candidates"
_STALE_VACANCIES = "hiring.stale_vacancies"
_STALE_PROFILES = "hiring.stale_profiles"
_STALE_SCORECARDS = "hiring.stale_scorecards"


def refresh_stored_evaluations(vacancy_id: int, candidate_ids: Iterable[int] | None = None) -> int:
    """Recompute and store the evaluations of a vacancy's candidates (all, or those named); returns the count."""
    vacancy = load_vacancy(vacancy_id)
    if vacancy is None:
        return 0
    ids = None if candidate_ids is None else sorted(set(candidate_ids))
    if ids == []:
        return 0
    _lock_candidates(vacancy_id, ids)
    evaluations = evaluate_candidates(vacancy, ids, fresh=True)
    if not evaluations:
        return 0
    existing = {
        row.candidate_id: row
        for row in db.session.scalars(
            sa.select(StoredEvaluation).where(
                StoredEvaluation.candidate_id.in_([e.candidate_id for e in evaluations])
            )
        )
    }
    for evaluation in evaluations:
        row = existing.get(evaluation.candidate_id)
        if row is None:
            row = StoredEvaluation(candidate_id=evaluation.candidate_id, vacancy_id=vacancy_id)
            db.session.add(row)
        row.vacancy_id = vacancy_id
        row.rank_group = rank_group(evaluation)
        row.score = evaluation.score
        row.coverage = evaluation.coverage
        row.band = evaluation.band
        row.eligibility = evaluation.eligibility
        row.confidence = evaluation.confidence
        row.flags = list(evaluation.flags)
        row.deciding = deciding_results(evaluation)
    return len(evaluations)


def deciding_results(evaluation: Evaluation) -> list[dict]:
    """The screening results behind a not eligible, pending or risky eligibility, as plain JSON values."""
    wanted = {"not_eligible": ("fail",), "pending": ("pending",), "eligible_with_risk": ("pass_risk",)}
    kinds = wanted.get(evaluation.eligibility, ())
    return [
        {"rule": r.rule, "result": r.result, "message": r.message, "params": _json_params(r.params)}
        for r in evaluation.screening.results
        if r.result in kinds
    ]


def _lock_candidates(vacancy_id: int, ids: list[int] | None) -> None:
    """Serialise concurrent refreshes of the same candidates (PostgreSQL; SQLite already has one writer).

    Two transactions each adding a scorecard would otherwise both compute from their own snapshot and the
    later commit would store an evaluation missing the other's scorecard. FOR NO KEY UPDATE waits for the
    other refresh to commit and does not conflict with the key-share locks that inserting a scorecard takes.
    Rows are locked in id order, so two refreshes never deadlock.
    """
    query = sa.select(Candidate.id).where(Candidate.vacancy_id == vacancy_id).order_by(Candidate.id)
    if ids is not None:
        query = query.where(Candidate.id.in_(ids))
    db.session.execute(query.with_for_update(key_share=True)).all()


def _note_changes(session: Session, _context) -> None:
    """After each flush, remember which candidates' inputs changed."""
    info = session.info
    candidates = info.setdefault(_STALE_CANDIDATES, set())
    vacancies = info.setdefault(_STALE_VACANCIES, set())
    profiles = info.setdefault(_STALE_PROFILES, set())
    scorecards = info.setdefault(_STALE_SCORECARDS, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Candidate):
            if obj not in session.deleted:
                candidates.add(obj.id)
        elif isinstance(obj, CandidateLanguage | CheckAnswer | Scorecard):
            candidates.add(obj.candidate_id)
        elif isinstance(obj, Rating | VerifiedLanguage):
            scorecards.add(obj.scorecard_id)
        elif isinstance(obj, Vacancy):
            if _changed(session, obj, SCREENING_FIELDS):
                vacancies.add(obj.id)
        elif isinstance(obj, LanguageRequirement | CustomCheck):
            vacancies.add(obj.vacancy_id)
        elif isinstance(obj, Profile):
            if _changed(session, obj, SCREENING_FIELDS):
                profiles.add(obj.id)
        elif isinstance(obj, Competency) and _changed(
            session, obj, ("code", "weight", "critical_min", "profile_id")
        ):
            profiles.add(obj.profile_id)


def _changed(session: Session, obj, fields: tuple[str, ...]) -> bool:
    """New or deleted, or one of `fields` changed in this flush."""
    if obj in session.new or obj in session.deleted:
        return True
    state = sa.inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in fields)


def _refresh_before_commit(session: Session) -> None:
    """Bring the stored evaluations of everything this transaction touched up to date, inside it."""
    info = session.info
    if session.new or session.dirty or session.deleted:
        session.flush()  # commit flushes after this event; flush first so the changes are noted
    if not any(
        info.get(key) for key in (_STALE_CANDIDATES, _STALE_VACANCIES, _STALE_PROFILES, _STALE_SCORECARDS)
    ):
        return
    candidates = set(info.pop(_STALE_CANDIDATES, set()))
    vacancies = set(info.pop(_STALE_VACANCIES, set()))
    profiles = info.pop(_STALE_PROFILES, set())
    scorecards = info.pop(_STALE_SCORECARDS, set())
    if scorecards:
        candidates |= set(
            session.scalars(sa.select(Scorecard.candidate_id).where(Scorecard.id.in_(scorecards)))
        )
    if profiles:
        vacancies |= set(session.scalars(sa.select(Vacancy.id).where(Vacancy.profile_id.in_(profiles))))
    by_vacancy: dict[int, set[int]] = {}
    if candidates:
        for candidate_id, vacancy_id in session.execute(
            sa.select(Candidate.id, Candidate.vacancy_id).where(Candidate.id.in_(candidates))
        ):
            by_vacancy.setdefault(vacancy_id, set()).add(candidate_id)
    for vacancy_id in vacancies:
        refresh_stored_evaluations(vacancy_id)
        by_vacancy.pop(vacancy_id, None)
    for vacancy_id, ids in by_vacancy.items():
        refresh_stored_evaluations(vacancy_id, ids)
    session.flush()
    for key in (_STALE_CANDIDATES, _STALE_VACANCIES, _STALE_PROFILES, _STALE_SCORECARDS):
        info.pop(key, None)


def _forget_changes(session: Session, *_args) -> None:
    for key in (_STALE_CANDIDATES, _STALE_VACANCIES, _STALE_PROFILES, _STALE_SCORECARDS):
        session.info.pop(key, None)


# The tables the engine reads. A bulk INSERT/UPDATE/DELETE through the session (session.execute(sa.update(Rating)
# ...)) changes rows without the flush seeing objects, so the stored evaluations would silently go stale: such a
# statement is refused unless it carries one of these execution options, which say why they stay right.
SCORE_INPUTS = (Candidate, CandidateLanguage, CheckAnswer, Scorecard, Rating, VerifiedLanguage, Vacancy)
SCORE_INPUTS += (LanguageRequirement, CustomCheck, Profile, Competency)
_SCORE_TABLES = frozenset(model.__table__.name for model in SCORE_INPUTS)
_BULK_OPTION = "stored_evaluations"
# It changes nothing a score reads (e.g. blanking evidence notes).
BULK_SCORES_UNAFFECTED = {_BULK_OPTION: "unaffected"}
# The caller calls refresh_stored_evaluations() for what it touched, before the commit.
BULK_CALLER_REFRESHES = {_BULK_OPTION: "refreshed_by_caller"}


class BulkChangeRefused(RuntimeError):
    """A bulk statement on a table the scores read, which says nothing of the stored evaluations."""


def _refuse_unannounced_bulk_changes(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if name not in _SCORE_TABLES:
        return
    declared = state.execution_options.get(_BULK_OPTION)
    if declared in (BULK_SCORES_UNAFFECTED[_BULK_OPTION], BULK_CALLER_REFRESHES[_BULK_OPTION]):
        return
    raise BulkChangeRefused(
        f"A bulk {'INSERT' if state.is_insert else 'UPDATE' if state.is_update else 'DELETE'} on {name!r} "
        "would leave the stored evaluations stale: change the objects through the session, or pass "
        "execution_options=BULK_CALLER_REFRESHES and call refresh_stored_evaluations() before committing "
        "(BULK_SCORES_UNAFFECTED if no score can change)."
    )


def keep_stored_evaluations_fresh() -> None:
    """Install the listeners on the app's session (db.session's own class, not every SQLAlchemy Session).

    Once per process; create_app calls it.
    """
    if event.contains(db.session, "after_flush", _note_changes):
        return
    event.listen(db.session, "after_flush", _note_changes)
    event.listen(db.session, "before_commit", _refresh_before_commit)
    event.listen(db.session, "after_rollback", _forget_changes)
    event.listen(db.session, "do_orm_execute", _refuse_unannounced_bulk_changes)


def _json_params(params) -> dict:
    """A rule's parameters as JSON values (a stored decimal or fraction becomes a float)."""
    return {
        key: value if value is None or isinstance(value, str | bool | int | float) else float(value)
        for key, value in params.items()
    }
