"""`flask seed` and `flask create-user`."""

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Candidate, Competency, Profile, Scorecard, User, Vacancy


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_seed_creates_the_default_profile_and_admin(runner, monkeypatch):
    monkeypatch.setenv("HIRING_ADMIN_PASSWORD", "s3cret-pass")
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    profile = db.session.scalar(sa.select(Profile))
    assert [c.code for c in profile.competencies] == ["NEG", "REL", "ANA", "IND", "ORD", "ACC", "CLM", "TIM"]
    assert sum(c.weight for c in profile.competencies) == 100
    assert profile.edu_min_level == "bachelor" and profile.edu_mandatory
    assert (profile.exp_min_years, profile.exp_exception_min_years, profile.exp_exception_min_plan_pct) == (
        3,
        1,
        100,
    )
    for competency in profile.competencies:
        for language in ("ru", "en"):
            assert all(competency.anchors(language).values())
            assert 2 <= len(competency.question_texts(language)) <= 3
    admin = db.session.scalar(sa.select(User).where(User.username == "admin"))
    assert admin.role == "admin" and admin.check_password("s3cret-pass")


def test_seed_twice_changes_nothing(runner):
    runner.invoke(args=["seed", "--demo"])
    before = [count(m) for m in (Profile, Competency, User, Vacancy, Candidate, Scorecard)]
    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0
    assert [count(m) for m in (Profile, Competency, User, Vacancy, Candidate, Scorecard)] == before


def test_seed_without_password_prints_a_random_one_once(runner, monkeypatch):
    monkeypatch.delenv("HIRING_ADMIN_PASSWORD", raising=False)
    first = runner.invoke(args=["seed"])
    assert "Password:" in first.output
    password = first.output.split("Password:")[1].split()[0]
    admin = db.session.scalar(sa.select(User).where(User.username == "admin"))
    assert admin.check_password(password)
    second = runner.invoke(args=["seed"])
    assert "Password:" not in second.output


def test_demo_has_candidates_interviewers_and_submitted_scorecards(runner):
    runner.invoke(args=["seed", "--demo"])
    assert count(Vacancy) == 2  # the open demo vacancy and the closed one of past hires (issue 22)
    assert count(Candidate) >= 5
    submitted = db.session.scalar(sa.select(sa.func.count()).where(Scorecard.status == "submitted"))
    assert submitted >= 6
    roles = set(db.session.scalars(sa.select(User.role)))
    assert roles == {"admin", "hr", "lead", "interviewer"}


def test_create_user(runner):
    result = runner.invoke(args=["create-user", "maria", "--role", "interviewer", "--password", "longenough"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(sa.select(User).where(User.username == "maria"))
    assert user.role == "interviewer" and user.check_password("longenough")


def test_create_user_refuses_a_short_password_and_a_duplicate(runner):
    assert runner.invoke(args=["create-user", "x", "--role", "hr", "--password", "short"]).exit_code != 0
    runner.invoke(args=["create-user", "maria", "--role", "hr", "--password", "longenough"])
    again = runner.invoke(args=["create-user", "maria", "--role", "hr", "--password", "longenough"])
    assert again.exit_code != 0 and "already exists" in again.output
