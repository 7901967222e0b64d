"""Anonymising a candidate: personal data gone everywhere, scores kept, the act itself audited."""

import json

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import AuditEntry, Candidate, Decision, Rating, StoredEvaluation
from hiring.services.candidates import update_candidate
from hiring.services.decisions import record_decision


@pytest.fixture
def story(build):
    hr = build.user("hr", username="olga")
    vacancy = build.vacancy()
    candidate = build.candidate(
        vacancy,
        full_name="Анна Петрова",
        email="anna@example.ru",
        phone="+7 900 123-45-67",
        notes="Лично знакома",
    )
    update_candidate(candidate, {"notes": "Анна просила звонить вечером"}, candidate.version, hr.id)
    db.session.commit()
    build.scorecard(candidate, notes={"NEG": "Анна уверенно вела переговоры"})
    record_decision(candidate, "hire", "Анна лучше всех", hr.id)
    db.session.commit()
    return hr, candidate


def personal_traces(candidate_id: int) -> list[str]:
    texts = [
        json.dumps([e.before, e.after], ensure_ascii=False) for e in db.session.scalars(sa.select(AuditEntry))
    ]
    texts += [r.note for r in db.session.scalars(sa.select(Rating))]
    texts += [d.rationale for d in db.session.scalars(sa.select(Decision))]
    candidate = db.session.get(Candidate, candidate_id)
    texts += [candidate.full_name, candidate.email or "", candidate.phone or "", candidate.notes]
    return [
        t for t in texts if any(word in t for word in ("Анна", "anna@example.ru", "123-45-67", "знакома"))
    ]


def test_hr_anonymises_a_candidate_from_the_candidate_page(client, auth, story):
    _, candidate = story
    score_before = db.session.get(StoredEvaluation, candidate.id).score
    assert personal_traces(candidate.id)  # the story did write personal data everywhere
    auth.login("olga")
    response = client.post(f"/candidates/{candidate.id}/anonymize", data={"confirm": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert personal_traces(candidate.id) == []
    assert db.session.get(StoredEvaluation, candidate.id).score == score_before
    assert db.session.get(Candidate, candidate.id).anonymized_at is not None
    assert (
        db.session.scalar(sa.select(Decision.decision).where(Decision.candidate_id == candidate.id)) == "hire"
    )
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "candidate.anonymize"))
    assert entry.entity_id == candidate.id and entry.user_id is not None
    page = client.get(f"/candidates/{candidate.id}").get_data(as_text=True)
    assert "Анна" not in page


def test_anonymising_needs_the_confirmation_box(client, auth, story):
    _, candidate = story
    auth.login("olga")
    client.post(f"/candidates/{candidate.id}/anonymize", data={})
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "Анна Петрова"


@pytest.mark.parametrize("role", ["lead", "interviewer"])
def test_only_hr_and_admin_anonymise(client, auth, build, story, role):
    _, candidate = story
    build.user(role, username="other")
    auth.login("other")
    assert client.post(f"/candidates/{candidate.id}/anonymize", data={"confirm": "y"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "Анна Петрова"
