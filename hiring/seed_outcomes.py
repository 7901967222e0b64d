"""Demo data for the validity report (SPEC §9): a profile whose 30 past hires have outcomes at 6 and 12 months.

The outcomes follow the hires' NEG and REL interview means plus noise (a seeded generator, so every demo is
the same), so the report shows real values on the first run: NEG and REL correlate with the KPIs, the other
competencies only by chance.
"""

import random
import secrets
from datetime import UTC, date, datetime, timedelta

from hiring.extensions import db
from hiring.models import (
    Assignment,
    Candidate,
    Decision,
    HireOutcome,
    OutcomeReview,
    Profile,
    Rating,
    Scorecard,
    User,
)
from hiring.services.outcomes import add_months
from hiring.services.profiles import clone_profile

PAST_HIRES = 30
SEED = 2022


def seed_past_hires(profile: Profile, people: dict[str, User], vacancy_factory) -> Profile:
    """A clone of `profile` with a closed vacancy of PAST_HIRES hired candidates, their scorecards and outcomes."""
    rng = random.Random(SEED)
    past = clone_profile(profile, people["hr"].id)
    past.name_ru = "Менеджер по ключевым клиентам — прошлые наймы"
    past.name_en = "Key account manager — past hires"
    vacancy = vacancy_factory(
        past,
        "ru",
        title="Менеджер по ключевым клиентам (набор 2024)",
        company="ООО «Северный ветер»",
        location="Москва",
        status="closed",
        created_by_id=people["hr"].id,
    )
    db.session.add(vacancy)
    db.session.flush()
    codes = [c.code for c in past.competencies]
    raters = [_former_interviewer(n, name) for n, name in ((1, "Олег Зайцев"), (2, "Ирина Белова"))]
    today = datetime.now(UTC).date()
    for index in range(PAST_HIRES):
        ability = {code: rng.gauss(3.3, 0.8) for code in codes}
        candidate = Candidate(
            vacancy=vacancy,
            full_name=f"Сотрудник {index + 1:02d}",
            email=f"hire{index + 1:02d}@example.ru",
            education_level="bachelor",
            education_field="business",
            experience_years=float(rng.randint(3, 10)),
            plan_attainment_pct=float(rng.randint(95, 130)),
        )
        for rater in raters:
            candidate.assignments.append(Assignment(interviewer_id=rater.id, assigned_by_id=people["hr"].id))
            card = Scorecard(
                interviewer_id=rater.id,
                status="submitted",
                recommendation="yes",
                submitted_at=datetime.now(UTC) - timedelta(days=500),
            )
            card.ratings = [
                Rating(competency_code=code, value=min(5, max(1, round(ability[code] + rng.gauss(0, 0.4)))))
                for code in codes
            ]
            candidate.scorecards.append(card)
        db.session.add(candidate)
        db.session.flush()
        db.session.add(
            Decision(
                candidate_id=candidate.id,
                decision="hire",
                rationale="Демо: нанят по итогам интервью.",
                decided_by_id=people["lead"].id,
            )
        )
        started = today - timedelta(days=400 + rng.randint(0, 200))
        _add_outcome(candidate, started, ability["NEG"], ability["REL"], rng, today)
    return past


def _former_interviewer(number: int, name: str) -> User:
    """Who interviewed the past hires: people no longer active here, so today's interviewers' lists stay short."""
    user = User(username=f"former-interviewer{number}", role="interviewer", full_name=name, active=False)
    user.set_password(secrets.token_urlsafe(24))
    db.session.add(user)
    db.session.flush()
    return user


def _add_outcome(
    candidate: Candidate, started: date, neg: float, rel: float, rng: random.Random, today: date
):
    outcome = HireOutcome(candidate_id=candidate.id, started_on=started)
    strength = 0.6 * (neg - 3) + 0.4 * (rel - 3)  # what the outcomes follow, besides noise
    for month in (6, 12):
        if add_months(started, month) > today:
            continue
        outcome.reviews.append(
            OutcomeReview(
                month=month,
                retention_pct=round(min(100.0, max(40.0, 82 + 10 * strength + rng.gauss(0, 3.5))), 1),
                revenue_growth_pct=round(8 + 8 * strength + rng.gauss(0, 3.5), 1),
                plan_attainment_pct=round(max(50.0, 100 + 12 * strength + rng.gauss(0, 5)), 1),
                manager_rating=min(5, max(1, round(3.3 + 0.8 * strength + rng.gauss(0, 0.4)))),
                still_employed=True,
            )
        )
    db.session.add(outcome)
