"""Two processes submitting scorecards at once against one database: nothing is lost, nothing fails."""

import multiprocessing
import traceback

import sqlalchemy as sa

from hiring import create_app
from hiring.extensions import db
from hiring.models import Scorecard, StoredEvaluation

CARDS_PER_PROCESS = 50


def submit_scorecards(database_url: str, interviewer_id: int, candidate_ids: list[int], queue) -> None:
    """Runs in a child process: one interviewer submits a scorecard for each candidate, one commit each."""
    from hiring.models import Candidate, User
    from hiring.services.interviews import save_scorecard

    errors = []
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        interviewer = db.session.get(User, interviewer_id)
        for candidate_id in candidate_ids:
            try:
                candidate = db.session.get(Candidate, candidate_id)
                codes = [c.code for c in candidate.vacancy.profile.competencies]
                ratings = {code: 1 + (candidate_id + len(code)) % 5 for code in codes}
                save_scorecard(
                    candidate,
                    interviewer,
                    ratings=ratings,
                    # a 1 or a 5 needs an evidence note before submitting
                    notes={code: "Evidence." for code, value in ratings.items() if value in (1, 5)},
                    verified_languages=None,
                    recommendation="yes",
                    submit=True,
                    expected_version=None,
                )
                db.session.commit()
            except Exception:  # reported to the parent, which fails the test with it
                db.session.rollback()
                errors.append(traceback.format_exc(limit=3))
        db.session.remove()
        db.engine.dispose()
    queue.put(errors)


def test_two_processes_submit_fifty_scorecards_each(app, build, database_url):
    vacancy = build.vacancy()
    first, second = build.user("interviewer"), build.user("interviewer")
    candidates = [build.candidate(vacancy) for _ in range(CARDS_PER_PROCESS)]
    for candidate in candidates:
        build.assign(candidate, first)
        build.assign(candidate, second)
    ids = [c.id for c in candidates]
    interviewer_ids = [first.id, second.id]
    db.session.remove()
    db.engine.dispose()  # no connection crosses the fork

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [
        context.Process(target=submit_scorecards, args=(database_url, user_id, ids, queue))
        for user_id in interviewer_ids
    ]
    for worker in workers:
        worker.start()
    errors = [queue.get(timeout=240) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)

    assert errors == [[], []], "\n".join(sum(errors, []))
    submitted = db.session.scalar(sa.select(sa.func.count()).where(Scorecard.status == "submitted"))
    assert submitted == 2 * CARDS_PER_PROCESS
    # every candidate's stored evaluation saw both scorecards (no lost update between the two writers)
    confidences = db.session.scalars(
        sa.select(StoredEvaluation.confidence).where(StoredEvaluation.candidate_id.in_(ids))
    )
    assert "low" not in set(confidences)
