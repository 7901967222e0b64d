"""Hired candidates with scorecards and outcomes, for the outcome and validity tests."""

import random
from datetime import date

from hiring.extensions import db
from hiring.models import Decision, HireOutcome, OutcomeReview


def hire(build, vacancy, ratings: dict[str, int], interviewer=None):
    """A candidate of the vacancy with one submitted scorecard of these ratings and a `hire` decision."""
    candidate = build.candidate(vacancy)
    build.scorecard(candidate, interviewer, ratings=ratings)
    db.session.add(Decision(candidate_id=candidate.id, decision="hire", rationale="Strong negotiator."))
    db.session.commit()
    return candidate


def record(candidate, retention: float, month: int = 12, notes: str = "") -> HireOutcome:
    outcome = HireOutcome(candidate_id=candidate.id, started_on=date(2025, 1, 15), notes=notes)
    outcome.reviews.append(
        OutcomeReview(month=month, retention_pct=retention, manager_rating=3, still_employed=True)
    )
    db.session.add(outcome)
    db.session.commit()
    return outcome


def hires_following_neg(build, vacancy, n: int, seed: int = 3):
    """n hires rated at random, their 12-month retention = 40 + 10 * NEG + noise."""
    rng = random.Random(seed)
    interviewer = build.user("interviewer")
    codes = [c.code for c in vacancy.profile.competencies]
    hired = []
    for _ in range(n):
        ratings = {code: rng.randint(1, 5) for code in codes}
        candidate = hire(build, vacancy, ratings, interviewer)
        record(candidate, min(100.0, max(0.0, 40 + 10 * ratings["NEG"] + rng.gauss(0, 5))))
        hired.append(candidate)
    return hired
