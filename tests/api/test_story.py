"""The whole hiring story through the API, with the tokens of four people (issue 9, "done when")."""

import io

import pypdf
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import AuditEntry, Candidate
from tests.api.conftest import make_user

PASSWORD = "s3cret-pass"
RATINGS_ANNA = {"NEG": 5, "REL": 4, "ANA": 4, "IND": 4, "ORD": 4, "ACC": 4, "CLM": 4, "TIM": 4}
RATINGS_BORIS = {"NEG": 4, "REL": 4, "ANA": 5, "IND": 4, "ORD": 4, "ACC": 3, "CLM": 4, "TIM": 5}

CSV = (
    "full_name,email,phone,education_level,education_field,experience_years,plan_attainment_pct,languages,notes\n"
    'Boris Ivanov,boris@example.com,+7 900 123-45-67,bachelor,management,"2,5",120,en:C1,from a job board\n'
    "Clara Diaz,clara@example.com,,master,business,6,95,en:A2|es:native,\n"
)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_the_hiring_story_through_the_api(api, build):
    make_user("admin", username="root")
    build.profile()

    # The admin creates the team.
    team = {}
    for username, role, name in (
        ("olga", "hr", "Olga Smirnova"),
        ("maria", "interviewer", "Maria Kuznetsova"),
        ("igor", "interviewer", "Igor Lebedev"),
        ("andrey", "lead", "Andrey Volkov"),
    ):
        response = api.post(
            "/users",
            "root",
            json={"username": username, "password": PASSWORD, "role": role, "full_name": name},
        )
        assert response.status_code == 201, response.get_json()
        team[username] = response.get_json()
        assert team[username]["role"] == role
        api.login(username, PASSWORD)

    # HR reads the profile and creates a vacancy: English B2 mandatory and a custom check.
    profiles = api.get("/profiles", "olga").get_json()
    profile = next(p for p in profiles if p["is_default"])
    assert [c["code"] for c in profile["competencies"]][:2] == ["NEG", "REL"]
    response = api.post(
        "/vacancies",
        "olga",
        json={
            "title": "Key account manager",
            "profile_id": profile["id"],
            "language": "en",
            "company": "Acme Trading",
            "location": "Moscow",
            "salary_from": 150000,
            "salary_to": 220000,
            "travel_required": True,
            "requirements": {
                "languages": [{"language": "en", "min_level": "B2", "mandatory": True}],
                "custom": [{"text": "Holds a driving licence", "mandatory": True}],
            },
        },
    )
    assert response.status_code == 201, response.get_json()
    vacancy = response.get_json()
    assert vacancy["requirements"]["experience"]["min_years"] == 3  # the profile's default
    assert vacancy["requirements"]["custom"] == [
        {"index": 0, "text": "Holds a driving licence", "mandatory": True}
    ]

    # Candidates: one by JSON, two by CSV.
    response = api.post(
        f"/vacancies/{vacancy['id']}/candidates",
        "olga",
        json={
            "full_name": "Anna Petrova",
            "email": "anna@example.com",
            "education_level": "master",
            "education_field": "economics",
            "experience_years": 6,
            "plan_attainment_pct": 118,
            "languages": [{"language": "en", "level": "C1"}],
        },
    )
    assert response.status_code == 201, response.get_json()
    anna = response.get_json()
    response = api.post(
        f"/vacancies/{vacancy['id']}/candidates/import",
        "olga",
        data=CSV.encode(),
        content_type="text/csv; charset=utf-8",
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json() == {"imported": 2}
    boris_id = db.session.scalar(sa.select(Candidate.id).where(Candidate.email == "boris@example.com"))

    # HR answers the custom check and assigns both interviewers to Anna.
    response = api.put(
        f"/candidates/{anna['id']}/checks", "olga", json={"answers": [{"index": 0, "met": True}]}
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["checks"][0]["met"] is True
    for interviewer in ("maria", "igor"):
        response = api.post(
            f"/candidates/{anna['id']}/interviewers", "olga", json={"user_id": team[interviewer]["id"]}
        )
        assert response.status_code == 201, response.get_json()

    # Maria saves a draft, then submits with the version she read; English verified at B2.
    response = api.put(
        f"/candidates/{anna['id']}/scorecard",
        "maria",
        json={"ratings": {"NEG": 5}, "notes": {"NEG": "Held the price in the role play."}, "submit": False},
    )
    assert response.status_code == 201, response.get_json()
    draft = response.get_json()
    assert draft["status"] == "draft"
    response = api.put(
        f"/candidates/{anna['id']}/scorecard",
        "maria",
        json={
            "ratings": RATINGS_ANNA,
            "notes": {"NEG": "Held the price in the role play."},
            "verified_languages": [{"language": "en", "level": "B2"}],
            "recommendation": "strong_yes",
            "submit": True,
            "version": draft["version"],
        },
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "submitted"

    # Igor, before submitting, sees only his own draft; after submitting, Maria's too.
    response = api.put(
        f"/candidates/{anna['id']}/scorecard", "igor", json={"ratings": RATINGS_BORIS, "submit": False}
    )
    assert response.status_code == 201
    igor_card = response.get_json()
    seen = api.get(f"/candidates/{anna['id']}/scorecards", "igor").get_json()
    assert [card["interviewer_id"] for card in seen] == [team["igor"]["id"]]
    submit = {
        "ratings": RATINGS_BORIS,
        "recommendation": "yes",
        "submit": True,
        "version": igor_card["version"],
    }
    # His 5s on ANA and TIM need evidence notes before he can submit; the answer names each competency.
    response = api.put(f"/candidates/{anna['id']}/scorecard", "igor", json=submit)
    assert response.status_code == 400
    fields = response.get_json()["error"]["fields"]
    assert set(fields) == {"notes.ANA", "notes.TIM"}
    assert "needs an evidence note" in fields["notes.TIM"] and "«" in fields["notes.TIM"]
    notes = {
        "ANA": "Built a churn model of the portfolio.",
        "TIM": "Plans 20 clients a week, showed the plan.",
    }
    response = api.put(
        f"/candidates/{anna['id']}/scorecard",
        "igor",
        json={**submit, "notes": notes, "verified_plan_attainment_pct": 104.5},
    )
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["verified_plan_attainment_pct"] == 104.5
    seen = api.get(f"/candidates/{anna['id']}/scorecards", "igor").get_json()
    assert sorted(card["interviewer_id"] for card in seen) == sorted(
        [team["igor"]["id"], team["maria"]["id"]]
    )
    maria_seen = next(card for card in seen if card["interviewer_id"] == team["maria"]["id"])
    assert maria_seen["notes"] == {"NEG": "Held the price in the role play."}

    # The lead reads the ranking and the evaluations.
    ranking = api.get(f"/vacancies/{vacancy['id']}/ranking", "andrey").get_json()
    assert len(ranking) == 3
    assert ranking[0]["candidate_id"] == anna["id"]
    assert ranking[0]["full_name"] == "Anna Petrova"
    assert ranking[0]["band"] == "strong_hire"
    evaluation = api.get(f"/candidates/{anna['id']}/evaluation", "andrey").get_json()
    assert evaluation["eligibility"] == "eligible"
    assert evaluation["confidence"] in ("high", "medium")
    assert evaluation["coverage"] == 1
    assert {r["rule"]: r["result"] for r in evaluation["screening"]}["LANG:en"] == "pass"
    neg = next(c for c in evaluation["competencies"] if c["code"] == "NEG")
    assert neg == {"code": "NEG", "weight": 20, "mean": 4.5, "n": 2, "spread": 1, "flags": []}
    boris = api.get(f"/candidates/{boris_id}/evaluation", "andrey").get_json()
    assert boris["eligibility"] == "pending"  # the custom check is not answered yet
    assert "experience_risk" in boris["flags"]
    assert all(isinstance(r["detail"], str) and r["detail"] for r in boris["screening"])

    # Both PDFs.
    response = api.get(f"/vacancies/{vacancy['id']}/job-post.pdf", "andrey")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "Key account manager" in pdf_text(response.data)
    etag = response.headers["ETag"]
    again = api.get(f"/vacancies/{vacancy['id']}/job-post.pdf", "andrey", headers={"If-None-Match": etag})
    assert again.status_code == 304
    response = api.get(f"/candidates/{anna['id']}/evaluation.pdf", "andrey")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF")
    assert "Anna Petrova" in pdf_text(response.data)

    # The decision, with its rationale.
    response = api.post(
        f"/candidates/{anna['id']}/decision",
        "andrey",
        json={"decision": "hire", "rationale": "Strongest negotiator; English verified at B2."},
    )
    assert response.status_code == 201, response.get_json()
    decision = response.get_json()
    assert decision["decision"] == "hire"
    assert decision["decided_by_id"] == team["andrey"]["id"]

    # Every change was written to the audit log under the API caller's name.
    actions = {(entry.action, entry.user_id) for entry in db.session.scalars(sa.select(AuditEntry)).all()}
    assert ("decision.record", team["andrey"]["id"]) in actions
    assert ("scorecard.submit", team["maria"]["id"]) in actions
    assert ("vacancy.create", team["olga"]["id"]) in actions
