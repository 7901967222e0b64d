"""Forged form fields (ids, roles, scores) change nothing they should not."""

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Candidate, StoredEvaluation, User


def test_forged_fields_in_the_candidate_form_change_nothing(client, auth, build):
    hr = build.user("hr", username="olga")
    vacancy, other_vacancy = build.vacancy(), build.vacancy(title="Other")
    candidate = build.candidate(vacancy, full_name="Анна Петрова", email="anna@example.ru")
    score_before = db.session.get(StoredEvaluation, candidate.id).score
    auth.login("olga")
    page = client.get(f"/candidates/{candidate.id}/edit").get_data(as_text=True)
    assert 'name="version"' in page
    client.post(
        f"/candidates/{candidate.id}/edit",
        data={
            "full_name": "Анна Петрова",
            "email": "anna@example.ru",
            "education_level": "master",
            "experience_years": "5",
            "version": str(candidate.version),
            # forged:
            "vacancy_id": str(other_vacancy.id),
            "id": "999",
            "score": "100",
            "band": "strong_hire",
            "anonymized_at": "2020-01-01",
            "role": "admin",
        },
    )
    db.session.expire_all()
    stored = db.session.get(Candidate, candidate.id)
    assert stored.vacancy_id == vacancy.id
    assert stored.anonymized_at is None
    assert db.session.get(StoredEvaluation, candidate.id).score == score_before
    assert db.session.get(Candidate, 999) is None
    assert db.session.get(User, hr.id).role == "hr"


def test_forged_role_on_language_switch_changes_nothing(client, auth, build):
    user = build.user("interviewer", username="ivan")
    auth.login("ivan")
    client.post("/language/en", data={"role": "admin", "next": "/"})
    db.session.expire_all()
    assert db.session.get(User, user.id).role == "interviewer"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User).where(User.role == "admin")) == 0
