"""The loader: domain values from the database, stored evaluations kept fresh, constant query counts."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from hiring.domain import rank
from hiring.extensions import db
from hiring.models import Decision, Rating, Scorecard, StoredEvaluation
from hiring.services.evaluations import (
    BULK_CALLER_REFRESHES,
    BulkChangeRefused,
    evaluate_candidates,
    load_vacancy,
    rank_vacancy,
    refresh_stored_evaluations,
)
from hiring.services.ranking import ranked_before, ranking_order, stored_ranking


def stored(candidate_id: int) -> StoredEvaluation:
    db.session.expire_all()
    return db.session.get(StoredEvaluation, candidate_id)


def test_stored_evaluation_follows_ratings(app, build):
    vacancy = build.vacancy(languages=(("en", "B2", True),))
    candidate = build.candidate(vacancy, languages={"en": "C1"})
    assert stored(candidate.id).band == "insufficient_data"
    card = build.scorecard(candidate)  # 4 everywhere: (4-1)/4 = 75.0
    assert stored(candidate.id).score == 75.0
    assert stored(candidate.id).band == "strong_hire"
    rating = db.session.scalar(
        sa.select(Rating).where(Rating.scorecard_id == card.id, Rating.competency_code == "NEG")
    )
    rating.value = 2  # NEG weight 20: (20*.25 + 80*.75)/100 = 65.0, and NEG below its critical 3.0
    db.session.commit()
    assert stored(candidate.id).score == 65.0
    assert stored(candidate.id).band == "consider"
    assert "critical_gap:NEG" in stored(candidate.id).flags


def test_stored_evaluation_follows_vacancy_requirements(app, build):
    vacancy = build.vacancy(languages=(("en", "B2", True),))
    candidate = build.candidate(vacancy, languages={"en": "B1"})
    assert stored(candidate.id).eligibility == "not_eligible"
    vacancy.language_requirements[0].min_level = "B1"
    db.session.commit()
    assert stored(candidate.id).eligibility == "eligible"


def test_sql_ranking_order_equals_the_domain_ranking(app, build):
    vacancy = build.vacancy()
    strong = build.candidate(vacancy)
    build.scorecard(strong)
    weak = build.candidate(vacancy)
    build.scorecard(weak, ratings={c.code: 2 for c in vacancy.profile.competencies})
    build.candidate(vacancy)  # no scorecard: insufficient data, group 2
    build.candidate(vacancy, education_level="secondary")  # not eligible, group 3
    pending_vacancy_candidate = build.candidate(vacancy, experience_years=None)
    del pending_vacancy_candidate
    sql_order = list(
        db.session.scalars(
            sa.select(StoredEvaluation.candidate_id)
            .where(StoredEvaluation.vacancy_id == vacancy.id)
            .order_by(*ranking_order())
        )
    )
    domain_order = [e.candidate_id for e in rank_vacancy(vacancy.id)]
    assert sql_order == domain_order
    assert domain_order[0] == strong.id


def count_queries(func) -> int:
    statements = []

    def before(*args):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        func()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return len(statements)


def test_evaluating_a_vacancy_takes_the_same_number_of_queries_for_3_and_12_candidates(app, build):
    small, large = build.vacancy(), build.vacancy()
    for vacancy, n in ((small, 3), (large, 12)):
        for _ in range(n):
            build.scorecard(build.candidate(vacancy))
    db.session.expire_all()
    counts = []
    for vacancy in (small, large):
        db.session.expire_all()
        counts.append(count_queries(lambda v=vacancy: evaluate_candidates(load_vacancy(v.id))))
    assert counts[0] == counts[1]
    assert len(rank(evaluate_candidates(load_vacancy(large.id)))) == 12


def test_stored_evaluation_follows_vacancy_screening_fields_not_its_title(app, build):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy, experience_years=2.0, plan_attainment_pct=50.0)
    assert stored(candidate.id).eligibility == "not_eligible"
    computed_at = stored(candidate.id).computed_at
    vacancy.title = "Another title"
    db.session.commit()
    assert stored(candidate.id).computed_at == computed_at  # a title changes no score: nothing recomputed
    vacancy.exp_min_years = 2.0
    db.session.commit()
    assert stored(candidate.id).eligibility == "eligible"


def test_stored_evaluation_follows_profile_weights(app, build):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    build.scorecard(
        candidate, ratings={"NEG": 5, "REL": 1, "ANA": 1, "IND": 1, "ORD": 1, "ACC": 1, "CLM": 1, "TIM": 1}
    )
    assert stored(candidate.id).score == 20.0  # NEG (weight 20) at 5, the rest at 1: 100 * 20 / 100
    for competency in vacancy.profile.competencies:
        competency.weight = 100.0 if competency.code == "NEG" else 0.0
    db.session.commit()
    assert stored(candidate.id).score == 100.0


def test_stored_ranking_has_the_engines_values_and_order(app, build):
    vacancy = build.vacancy(languages=(("en", "B2", False),))
    for ratings in (None, {"NEG": 2, "REL": 5, "ANA": 3}, {"NEG": 5}):
        candidate = build.candidate(vacancy, languages={"en": "B1"})
        build.scorecard(candidate, ratings=ratings)
        build.scorecard(candidate, ratings={"NEG": 4, "REL": 1})
    build.candidate(vacancy, experience_years=1.5, plan_attainment_pct=120.0)
    stored = stored_ranking(vacancy.id)
    engine = rank_vacancy(vacancy.id)
    assert [row.candidate_id for row in stored] == [e.candidate_id for e in engine]
    for row, evaluation in zip(stored, engine, strict=True):
        assert (row.score, row.band, row.eligibility, row.confidence, tuple(row.flags)) == (
            evaluation.score,
            evaluation.band,
            evaluation.eligibility,
            evaluation.confidence,
            evaluation.flags,
        )
        assert row.coverage == pytest.approx(evaluation.coverage)


def test_ranked_before_counts_each_candidates_place(app, build):
    vacancy = build.vacancy()
    for ratings in (
        None,
        None,
        {"NEG": 2},
        {"NEG": 5, "REL": 1},
    ):  # two identical scores: the id breaks the tie
        build.scorecard(build.candidate(vacancy), ratings=ratings)
    build.candidate(vacancy)  # no score: after every number
    build.candidate(vacancy)
    build.candidate(vacancy, education_level="secondary")  # not eligible
    order = [e.candidate_id for e in rank_vacancy(vacancy.id)]
    for place, candidate_id in enumerate(order):
        stored_row = db.session.get(StoredEvaluation, candidate_id)
        before = sa.select(sa.func.count()).where(
            StoredEvaluation.vacancy_id == vacancy.id, ranked_before(stored_row)
        )
        assert db.session.scalar(before) == place


def test_only_the_apps_session_refreshes_stored_evaluations(app, build):
    """A plain SQLAlchemy session (a script, a migration) commits without the app's listeners, even outside an
    app context; the app's own session refreshes what it commits."""
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    card = build.scorecard(candidate)  # 4 everywhere: 75.0
    db.session.commit()
    engine, card_id = db.engine, card.id

    def change_outside_the_app():
        with Session(engine) as other:
            for rating in other.scalars(sa.select(Rating).where(Rating.scorecard_id == card_id)):
                rating.value = 2
            other.commit()

    with ThreadPoolExecutor(1) as pool:  # a new thread has no app context
        pool.submit(change_outside_the_app).result()
    assert stored(candidate.id).score == 75.0
    neg = db.session.scalar(
        sa.select(Rating).where(Rating.scorecard_id == card.id, Rating.competency_code == "NEG")
    )
    neg.value = 3
    db.session.commit()
    assert stored(candidate.id).score == 30.0  # NEG (weight 20) at 3, the rest at 2: 20*.5 + 80*.25


BULK_STATEMENTS = {
    "update": lambda card: sa.update(Rating).where(Rating.scorecard_id == card.id).values(value=1),
    "delete": lambda card: sa.delete(Scorecard).where(Scorecard.id == card.id),
    "insert": lambda card: sa.insert(Scorecard).values(
        candidate_id=card.candidate_id, interviewer_id=card.interviewer_id, status="draft"
    ),
}


@pytest.mark.parametrize("kind", BULK_STATEMENTS)
def test_a_bulk_statement_on_a_score_input_is_refused(app, build, kind):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    card = build.scorecard(candidate)
    with pytest.raises(BulkChangeRefused, match="stored evaluations stale"):
        db.session.execute(BULK_STATEMENTS[kind](card))
    db.session.rollback()
    assert stored(candidate.id).score == 75.0
    assert db.session.get(Scorecard, card.id).ratings[0].value == 4  # nothing was written


def test_a_bulk_statement_that_announces_its_refresh_runs_and_is_refreshed(app, build):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    card = build.scorecard(candidate)
    db.session.execute(BULK_STATEMENTS["update"](card), execution_options=BULK_CALLER_REFRESHES)
    refresh_stored_evaluations(vacancy.id, [candidate.id])
    db.session.commit()
    assert stored(candidate.id).score == 0.0  # 1 everywhere


def test_a_bulk_statement_on_a_table_no_score_reads_runs(app, build):
    lead = build.user("lead")
    candidate = build.candidate(build.vacancy())
    db.session.add(Decision(candidate_id=candidate.id, decision="hold", rationale="x", decided_by_id=lead.id))
    db.session.commit()
    db.session.execute(sa.update(Decision).where(Decision.candidate_id == candidate.id).values(rationale="y"))
    db.session.commit()
    assert (
        db.session.scalar(sa.select(Decision.rationale).where(Decision.candidate_id == candidate.id)) == "y"
    )
