"""hiring.services.candidates: validation, create and edit, check answers, interviewer assignment, audit entries."""

import pytest
import sqlalchemy as sa

from hiring.errors import (
    AlreadyAssigned,
    Conflict,
    Duplicate,
    DuplicateCandidate,
    InvalidCandidate,
    InvalidInput,
    VersionConflict,
)
from hiring.extensions import db
from hiring.models import AuditEntry, Candidate
from hiring.services.candidates import (
    answer_checks,
    assign_interviewer,
    create_candidate,
    unassign_interviewer,
    update_candidate,
)
from hiring.services.evaluations import evaluate_candidate

pytestmark = pytest.mark.usefixtures("english")


def data(**fields):
    base = {
        "full_name": "Анна Петрова",
        "email": "anna@example.com",
        "phone": "+7 900 123-45-67",
        "education_level": "master",
        "education_field": "economics",
        "experience_years": 4,
        "plan_attainment_pct": 110,
        "languages": [{"language": "en", "level": "B2"}],
        "notes": "",
    }
    base.update(fields)
    return base


def audit_actions(entity_id, entity_type="candidate"):
    return db.session.scalars(
        sa.select(AuditEntry.action)
        .where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    ).all()


def test_create_candidate_stores_the_data_and_audits(build):
    vacancy = build.vacancy()
    hr = build.user("hr")
    candidate = create_candidate(
        vacancy, data(experience_years="2,5", languages=[{"language": "EN", "level": "b2"}]), hr.id
    )
    db.session.commit()
    stored = db.session.get(Candidate, candidate.id)
    assert stored.full_name == "Анна Петрова"
    assert stored.experience_years == 2.5
    assert {lang.language: lang.level for lang in stored.languages} == {"en": "B2"}
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.entity_id == candidate.id))
    assert entry.action == "candidate.create" and entry.user_id == hr.id
    assert entry.after["email"] == "anna@example.com"


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"full_name": "  "}, "full_name", "full name"),
        ({"full_name": "x" * 201}, "full_name", "200"),
        ({"email": "anna(at)example"}, "email", "not an email address"),
        ({"education_level": "doctorate"}, "education_level", "not an education level"),
        ({"experience_years": "many"}, "experience_years", "not a number"),
        ({"experience_years": 61}, "experience_years", "0 to 60"),
        ({"experience_years": -1}, "experience_years", "0 to 60"),
        ({"plan_attainment_pct": 1001}, "plan_attainment_pct", "0 to 1000"),
        ({"phone": "call me"}, "phone", "digits"),
        ({"languages": [{"language": "english", "level": "B2"}]}, "languages", "two-letter language code"),
        ({"languages": [{"language": "en", "level": "B3"}]}, "languages", "not a level"),
        (
            {"languages": [{"language": "en", "level": "B2"}, {"language": "EN", "level": "C1"}]},
            "languages",
            "listed twice",
        ),
    ],
)
def test_invalid_data_is_refused_per_field_in_plain_words(build, fields, field, words):
    vacancy = build.vacancy()
    with pytest.raises(InvalidCandidate) as caught:
        create_candidate(vacancy, data(**fields), None)
    assert isinstance(caught.value, InvalidInput)
    assert words in caught.value.fields[field]
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 0


def test_all_mistakes_are_reported_at_once(build):
    with pytest.raises(InvalidCandidate) as caught:
        create_candidate(build.vacancy(), data(full_name="", email="bad", education_level="x"), None)
    assert set(caught.value.fields) == {"full_name", "email", "education_level"}


def test_optional_fields_may_be_empty(build):
    candidate = create_candidate(
        build.vacancy(),
        {"full_name": "Only Name", "email": "", "plan_attainment_pct": "", "languages": []},
        None,
    )
    db.session.commit()
    assert candidate.email is None and candidate.plan_attainment_pct is None and candidate.notes == ""


def test_duplicate_email_in_the_vacancy_is_a_distinct_error(build):
    vacancy = build.vacancy()
    build.candidate(vacancy, email="anna@example.com")
    with pytest.raises(DuplicateCandidate) as caught:
        create_candidate(vacancy, data(email="Anna@Example.com"), None)
    assert isinstance(caught.value, Duplicate) and isinstance(caught.value, Conflict)
    assert "email" in caught.value.fields
    # The same email in another vacancy is fine.
    create_candidate(build.vacancy(), data(email="anna@example.com"), None)
    db.session.commit()


def test_update_changes_fields_and_languages_and_audits_the_difference(build):
    candidate = build.candidate(languages={"en": "B1", "de": "A2"}, experience_years=2.0)
    version = candidate.version
    update_candidate(
        candidate,
        {
            "experience_years": "3,5",
            "languages": [{"language": "en", "level": "C1"}, {"language": "fr", "level": "A1"}],
        },
        version,
        None,
    )
    db.session.commit()
    stored = db.session.get(Candidate, candidate.id)
    assert stored.experience_years == 3.5
    assert {lang.language: lang.level for lang in stored.languages} == {"en": "C1", "fr": "A1"}
    assert stored.version == version + 1
    entry = db.session.scalar(
        sa.select(AuditEntry).where(
            AuditEntry.action == "candidate.update", AuditEntry.entity_id == candidate.id
        )
    )
    assert entry.before == {"experience_years": 2.0, "languages": {"en": "B1", "de": "A2"}}
    assert entry.after["experience_years"] == 3.5


def test_a_change_of_languages_only_moves_the_version(build):
    candidate = build.candidate(languages={"en": "B1"})
    version = candidate.version
    update_candidate(candidate, {"languages": [{"language": "en", "level": "B2"}]}, version, None)
    db.session.commit()
    assert db.session.get(Candidate, candidate.id).version == version + 1


def test_stale_version_is_refused_and_the_data_stays(build):
    candidate = build.candidate(full_name="Original Name")
    stale = candidate.version - 1
    with pytest.raises(VersionConflict):
        update_candidate(candidate, {"full_name": "Overwritten"}, stale, None)
    db.session.rollback()
    assert db.session.get(Candidate, candidate.id).full_name == "Original Name"
    assert audit_actions(candidate.id) == []


def test_update_refuses_an_email_of_another_candidate(build):
    vacancy = build.vacancy()
    build.candidate(vacancy, email="taken@example.com")
    candidate = build.candidate(vacancy, email="mine@example.com")
    with pytest.raises(DuplicateCandidate):
        update_candidate(candidate, {"email": "TAKEN@example.com"}, candidate.version, None)
    # Keeping one's own email is no duplicate.
    db.session.rollback()
    candidate = db.session.get(Candidate, candidate.id)
    update_candidate(candidate, {"email": "mine@example.com", "notes": "ok"}, candidate.version, None)
    db.session.commit()


def test_check_answers_move_eligibility_from_pending_to_eligible(build):
    vacancy = build.vacancy(checks=(("Ready to travel", True), ("Has a driving licence", False)))
    candidate = build.candidate(vacancy)
    assert evaluate_candidate(candidate).eligibility == "pending"
    answer_checks(candidate, [{"index": 0, "met": True}, {"index": 1, "met": False}], None)
    db.session.commit()
    assert evaluate_candidate(db.session.get(Candidate, candidate.id)).eligibility == "eligible"
    answer_checks(candidate, {0: None}, None)  # None clears the answer
    db.session.commit()
    candidate = db.session.get(Candidate, candidate.id)
    assert {a.check.position: a.met for a in candidate.check_answers} == {1: False}
    assert evaluate_candidate(candidate).eligibility == "pending"
    assert audit_actions(candidate.id) == ["candidate.checks", "candidate.checks"]


def test_a_no_on_a_mandatory_check_makes_the_candidate_not_eligible(build):
    vacancy = build.vacancy(checks=(("Ready to travel", True),))
    candidate = build.candidate(vacancy)
    answer_checks(candidate, {0: False}, None)
    db.session.commit()
    assert evaluate_candidate(candidate).eligibility == "not_eligible"


@pytest.mark.parametrize(
    "answers", [[{"index": 5, "met": True}], [{"index": 0, "met": "yes"}], {"0": 1}, "yes"]
)
def test_bad_check_answers_are_refused(build, answers):
    vacancy = build.vacancy(checks=(("Ready to travel", True),))
    candidate = build.candidate(vacancy)
    with pytest.raises(InvalidCandidate):
        answer_checks(candidate, answers, None)


def test_assign_and_unassign_an_interviewer(build):
    candidate = build.candidate()
    interviewer = build.user("interviewer")
    hr = build.user("hr")
    assign_interviewer(candidate, interviewer.id, hr.id)
    db.session.commit()
    assert [a.interviewer_id for a in candidate.assignments] == [interviewer.id]
    with pytest.raises(AlreadyAssigned, match="already assigned"):
        assign_interviewer(candidate, interviewer.id, hr.id)
    unassign_interviewer(candidate, interviewer.id, hr.id)
    db.session.commit()
    assert db.session.get(Candidate, candidate.id).assignments == []
    assert audit_actions(candidate.id) == ["candidate.assign", "candidate.unassign"]
    with pytest.raises(InvalidInput):
        unassign_interviewer(candidate, interviewer.id, hr.id)


@pytest.mark.parametrize("who", ["hr", "lead", "admin", "inactive", "nobody"])
def test_only_an_active_interviewer_can_be_assigned(build, who):
    candidate = build.candidate()
    if who == "nobody":
        user_id = 999_999
    elif who == "inactive":
        user_id = build.user("interviewer", active=False).id
    else:
        user_id = build.user(who).id
    with pytest.raises(InvalidInput) as caught:
        assign_interviewer(candidate, user_id, None)
    assert "interviewer" in caught.value.fields["user_id"]
