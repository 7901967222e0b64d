"""`flask seed` and `flask create-user`."""

import sqlalchemy as sa

from hiring import seed_profile
from hiring.extensions import db
from hiring.models import AuditEntry, Candidate, Competency, Profile, Scorecard, User, Vacancy
from hiring.services.profiles import clone_profile


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


def _make_texts_old(profile: Profile) -> None:
    """The default profile as an earlier release seeded it: other texts, questions without probes."""
    profile.name_en = "Key Account Manager (KAM) 2025"
    for competency in profile.competencies:
        competency.anchor5_en = f"Old level-5 anchor of {competency.code}"
        competency.questions = [{"ru": q["ru"], "en": q["en"]} for q in competency.questions]
    db.session.commit()


def test_seed_brings_the_unused_default_profile_up_to_date_and_leaves_clones_alone(runner, build):
    runner.invoke(args=["seed"])
    default = db.session.scalar(sa.select(Profile).where(Profile.is_default.is_(True)))
    _make_texts_old(default)
    clone = clone_profile(default, build.user("hr").id)
    clone.competencies[0].anchor1_en = "HR's own level-1 anchor"
    clone.competencies[0].weight = 25.0
    db.session.commit()
    clone_texts = [(c.anchor1_en, c.anchor5_en, c.questions, c.weight) for c in clone.competencies]

    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "brought up to date" in result.output
    db.session.expire_all()
    profiles = db.session.scalars(sa.select(Profile).order_by(Profile.id)).all()
    assert [p.id for p in profiles] == [default.id, clone.id]  # updated in place, nothing added
    default = profiles[0]
    assert default.is_default and default.name_en == seed_profile.PROFILE["name_en"]
    for competency, item in zip(default.competencies, seed_profile.COMPETENCIES, strict=True):
        assert competency.anchor5_en == item["anchors"][5]["en"]
        assert competency.questions == item["questions"] and competency.questions[0]["probes"]
        assert competency.weight == item["weight"]
    assert [
        (c.anchor1_en, c.anchor5_en, c.questions, c.weight) for c in profiles[1].competencies
    ] == clone_texts
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "profile.seed_update")).one()
    assert entry.entity_id == default.id and entry.before["name_en"] == "Key Account Manager (KAM) 2025"

    again = runner.invoke(args=["seed"])
    assert "Default KAM profile: already there." in again.output  # nothing more to bring up to date
    updates = sa.select(sa.func.count()).where(AuditEntry.action == "profile.seed_update")
    assert db.session.scalar(updates) == 1


def test_seed_leaves_a_default_profile_in_use_as_it_is_and_makes_a_new_edition(runner, build):
    runner.invoke(args=["seed"])
    old = db.session.scalar(sa.select(Profile).where(Profile.is_default.is_(True)))
    _make_texts_old(old)
    vacancy = build.vacancy(old)
    old_texts = [(c.anchor5_en, c.questions) for c in old.competencies]

    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "new edition" in result.output
    db.session.expire_all()
    old = db.session.get(Profile, old.id)
    assert not old.is_default and old.name_en.endswith("(earlier edition)")
    assert [(c.anchor5_en, c.questions) for c in old.competencies] == old_texts  # the vacancy's texts stay
    assert db.session.get(Vacancy, vacancy.id).profile_id == old.id
    new = db.session.scalar(sa.select(Profile).where(Profile.is_default.is_(True)))
    assert new.id != old.id and new.name_en == seed_profile.PROFILE["name_en"]
    assert [c.anchor5_en for c in new.competencies] == [
        item["anchors"][5]["en"] for item in seed_profile.COMPETENCIES
    ]
    assert runner.invoke(args=["seed"]).output.count("already there") == 2  # profile and admin
