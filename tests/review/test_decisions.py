"""Decisions: hire, reject or hold with a required rationale; the newest is current, the rest is history."""

import pytest
import sqlalchemy as sa

from hiring.errors import InvalidInput
from hiring.extensions import db
from hiring.models import AuditEntry, Decision
from hiring.services.decisions import (
    RATIONALE_MAX_LENGTH,
    current_decision,
    current_decisions,
    record_decision,
)


def decisions_of(candidate) -> list[Decision]:
    return list(db.session.scalars(sa.select(Decision).where(Decision.candidate_id == candidate.id)))


@pytest.mark.parametrize(
    ("decision", "rationale", "field"),
    [
        ("hire", "", "rationale"),
        ("hire", "   \n ", "rationale"),
        ("hire", None, "rationale"),
        ("hire", "x" * (RATIONALE_MAX_LENGTH + 1), "rationale"),
        ("promote", "Good", "decision"),
        ("", "Good", "decision"),
    ],
)
def test_service_refuses_bad_input(build, decision, rationale, field):
    candidate = build.candidate()
    with pytest.raises(InvalidInput) as raised:
        record_decision(candidate, decision, rationale, None)
    assert field in raised.value.fields
    db.session.commit()
    assert decisions_of(candidate) == []


def test_service_records_stripped_rationale_and_audits(build):
    lead = build.user("lead")
    candidate = build.candidate()
    entry = record_decision(candidate, "Hire", "  Best negotiator of the panel \n", lead.id)
    db.session.commit()
    assert (entry.decision, entry.rationale, entry.decided_by_id) == (
        "hire",
        "Best negotiator of the panel",
        lead.id,
    )
    audit = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "decision.record"))
    assert (audit.entity_type, audit.entity_id, audit.user_id) == ("decision", entry.id, lead.id)
    assert audit.after["decision"] == "hire" and audit.before is None
    assert len("x" * RATIONALE_MAX_LENGTH) == RATIONALE_MAX_LENGTH
    record_decision(candidate, "hold", "x" * RATIONALE_MAX_LENGTH, lead.id)  # the limit itself is fine


def test_history_is_kept_and_the_newest_is_current(build):
    lead = build.user("lead")
    candidate, other = build.candidate(), build.candidate()
    record_decision(candidate, "hold", "Waiting for references", lead.id)
    db.session.commit()
    record_decision(candidate, "hire", "References are excellent", lead.id)
    db.session.commit()
    assert [d.decision for d in decisions_of(candidate)] == ["hold", "hire"]
    assert current_decision(candidate.id).decision == "hire"
    assert current_decision(other.id) is None
    assert {k: v.decision for k, v in current_decisions([candidate.id, other.id]).items()} == {
        candidate.id: "hire"
    }
    second = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "decision.record")).all()[-1]
    assert second.before["decision"] == "hold"


def test_decision_without_rationale_is_refused_on_the_page(client, login, build):
    login("lead")
    candidate = build.candidate()
    response = client.post(
        f"/candidates/{candidate.id}/decision", data={"decision": "hire", "rationale": "  "}
    )
    assert response.status_code == 400
    assert "Give the reasons for the decision." in response.text
    assert decisions_of(candidate) == []


def test_lead_records_decisions_and_sees_the_history(client, login, build):
    login("lead", full_name="Lead Lena")
    candidate = build.candidate()
    first = client.post(
        f"/candidates/{candidate.id}/decision", data={"decision": "hold", "rationale": "Wait"}
    )
    assert first.status_code == 302
    assert first.headers["Location"].endswith(f"/candidates/{candidate.id}/evaluation#decision")
    assert "Decision recorded for" in client.get(first.headers["Location"]).text
    client.post(
        f"/candidates/{candidate.id}/decision", data={"decision": "reject", "rationale": "Second thoughts"}
    )
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert [d.decision for d in decisions_of(candidate)] == ["hold", "reject"]
    assert html.index("Second thoughts") < html.index("Wait")  # newest first
    assert "Lead Lena" in html


def test_admin_may_decide_hr_only_reads(client, login, auth, build):
    candidate = build.candidate()
    login("admin")
    assert (
        client.post(
            f"/candidates/{candidate.id}/decision", data={"decision": "hire", "rationale": "OK"}
        ).status_code
        == 302
    )
    auth.logout()
    login("hr")
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert f'action="/candidates/{candidate.id}/decision"' not in html
    assert "OK" in html  # the history is visible
    refused = client.post(
        f"/candidates/{candidate.id}/decision", data={"decision": "reject", "rationale": "No"}
    )
    assert refused.status_code == 403
    assert [d.decision for d in decisions_of(candidate)] == ["hire"]


def test_unknown_candidate_is_404(client, login):
    login("lead")
    assert (
        client.post("/candidates/99999/decision", data={"decision": "hire", "rationale": "x"}).status_code
        == 404
    )


def test_csrf_token_is_required(app, client, login, build):
    login("lead")
    candidate = build.candidate()
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post(
        f"/candidates/{candidate.id}/decision", data={"decision": "hire", "rationale": "x"}
    )
    assert response.status_code == 400
    assert decisions_of(candidate) == []
