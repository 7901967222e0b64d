"""Every resource readable and editable through the API (issue 23): reads, PATCH with version, unassigning,
decision history, users, the kit and comparison PDFs."""

import json

import jsonschema_rs
import pytest

from hiring.api.openapi import document
from hiring.extensions import db
from hiring.models import AuditEntry, Candidate, User
from tests.api.conftest import error_of, make_user


@pytest.fixture
def team(build):
    return {
        "hr": make_user("hr", username="olga"),
        "lead": make_user("lead", username="andrey"),
        "admin": make_user("admin", username="root"),
        "ivan": make_user("interviewer", username="ivan"),
        "petr": make_user("interviewer", username="petr"),
    }


@pytest.fixture
def vacancy(build):
    return build.vacancy(language="en", checks=(("Has a driving licence", True),))


def test_a_vacancy_reads_as_created_and_a_patch_changes_only_what_it_names(api, build, team):
    profile = build.profile()
    created = api.post(
        "/vacancies",
        "olga",
        json={"title": "KAM", "profile_id": profile.id, "language": "en", "company": "Acme"},
    ).get_json()
    read = api.get(f"/vacancies/{created['id']}", "andrey")
    assert read.status_code == 200 and read.get_json() == created
    assert read.headers["Cache-Control"] == "no-store"

    body = {"title": "Key account manager", "salary_to": 250000, "version": created["version"]}
    changed = api.call("PATCH", f"/vacancies/{created['id']}", "olga", json=body)
    assert changed.status_code == 200, changed.get_json()
    after = changed.get_json()
    assert (after["title"], after["salary_to"], after["company"]) == ("Key account manager", 250000, "Acme")
    assert after["version"] > created["version"]
    assert api.get(f"/vacancies/{created['id']}", "olga").get_json() == after


def test_a_stale_or_missing_version_gets_409_and_changes_nothing(api, team, vacancy):
    path = f"/vacancies/{vacancy.id}"
    version = api.get(path, "olga").get_json()["version"]
    assert api.call("PATCH", path, "olga", json={"title": "First", "version": version}).status_code == 200
    stale = api.call("PATCH", path, "olga", json={"title": "Second", "version": version})
    assert stale.status_code == 409 and error_of(stale)["code"] == "version_conflict"
    missing = api.call("PATCH", path, "olga", json={"title": "Third"})
    assert missing.status_code == 409
    assert api.get(path, "olga").get_json()["title"] == "First"


def test_an_interviewer_reads_only_the_vacancy_they_interview_for(api, build, team, vacancy):
    build.assign(build.candidate(vacancy), team["ivan"])
    assert api.get(f"/vacancies/{vacancy.id}", "ivan").status_code == 200
    assert api.get(f"/vacancies/{vacancy.id}", "petr").status_code == 404


def test_a_candidate_patch_uses_the_pages_rules(api, build, team, vacancy):
    candidate = build.candidate(vacancy, full_name="Anna Petrova", email="anna@example.com")
    other = build.candidate(vacancy, email="boris@example.com")
    path = f"/candidates/{candidate.id}"
    read = api.get(path, "andrey").get_json()
    assert read["full_name"] == "Anna Petrova"

    body = {
        "experience_years": 7,
        "languages": [{"language": "en", "level": "C1"}],
        "version": read["version"],
    }
    changed = api.call("PATCH", path, "olga", json=body)
    assert changed.status_code == 200, changed.get_json()
    after = changed.get_json()
    assert after["experience_years"] == 7 and after["languages"] == [{"language": "en", "level": "C1"}]
    assert after["email"] == "anna@example.com" and after["version"] > read["version"]

    duplicate = api.call(
        "PATCH", path, "olga", json={"email": other.email.upper(), "version": after["version"]}
    )
    assert duplicate.status_code == 409 and "email" in error_of(duplicate)["fields"]
    invalid = api.call("PATCH", path, "olga", json={"experience_years": -1, "version": after["version"]})
    assert invalid.status_code == 400
    stale = api.call("PATCH", path, "olga", json={"full_name": "X", "version": read["version"]})
    assert stale.status_code == 409
    assert db.session.get(Candidate, candidate.id).full_name == "Anna Petrova"
    assert api.call("PATCH", path, "andrey", json={"version": after["version"]}).status_code == 403


def test_an_unassigned_interviewer_loses_access_at_once(api, build, team, vacancy):
    candidate = build.candidate(vacancy)
    build.assign(candidate, team["ivan"])
    assert api.get(f"/candidates/{candidate.id}/scorecards", "ivan").status_code == 200
    response = api.call("DELETE", f"/candidates/{candidate.id}/interviewers/{team['ivan'].id}", "olga")
    assert response.status_code == 204
    assert api.get(f"/candidates/{candidate.id}/scorecards", "ivan").status_code == 404
    assert api.get(f"/vacancies/{vacancy.id}/interview-kit.pdf", "ivan").status_code == 404
    again = api.call("DELETE", f"/candidates/{candidate.id}/interviewers/{team['ivan'].id}", "olga")
    assert again.status_code == 400
    assert db.session.query(AuditEntry).filter_by(action="candidate.unassign").count() == 1


def test_decisions_read_oldest_first(api, build, team, vacancy):
    candidate = build.candidate(vacancy)
    for decision in ("hold", "reject", "hire"):
        body = {"decision": decision, "rationale": f"because {decision}"}
        assert api.post(f"/candidates/{candidate.id}/decision", "andrey", json=body).status_code == 201
    history = api.get(f"/candidates/{candidate.id}/decisions", "olga")
    assert [d["decision"] for d in history.get_json()] == ["hold", "reject", "hire"]
    assert api.get(f"/candidates/{candidate.id}/decisions", "ivan").status_code == 403


def test_users_list_and_a_deactivated_users_token_stops_at_once(api, team):
    token_user = api.get("/candidates/1/decisions", "andrey")  # issues andrey's token
    assert token_user.status_code == 404
    listed = api.get("/users", "root")
    assert listed.status_code == 200 and listed.headers["Cache-Control"] == "no-store"
    andrey = next(u for u in listed.get_json() if u["username"] == "andrey")
    body = {"active": False, "email": "andrey@example.com", "version": andrey["version"]}
    changed = api.call("PATCH", f"/users/{andrey['id']}", "root", json=body)
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["active"] is False and changed.get_json()["email"] == "andrey@example.com"
    assert api.get("/candidates/1/decisions", "andrey").status_code == 401

    stale = api.call("PATCH", f"/users/{andrey['id']}", "root", json={"active": True, "version": 1})
    assert stale.status_code == 409
    olga = db.session.get(User, team["hr"].id)
    taken = api.call(
        "PATCH", f"/users/{olga.id}", "root", json={"email": "ANDREY@example.com", "version": olga.version}
    )
    assert taken.status_code == 409 and "email" in error_of(taken)["fields"]
    root = db.session.get(User, team["admin"].id)
    self_demotion = api.call(
        "PATCH", f"/users/{root.id}", "root", json={"role": "hr", "version": root.version}
    )
    assert self_demotion.status_code == 400
    assert api.get("/users", "olga").status_code == 403


def test_the_kit_and_comparison_pdfs(api, build, team, vacancy):
    first, second = build.candidate(vacancy), build.candidate(vacancy)
    build.assign(first, team["ivan"])
    kit = api.get(f"/vacancies/{vacancy.id}/interview-kit.pdf", "ivan")
    assert kit.status_code == 200 and kit.data.startswith(b"%PDF")
    assert api.get(f"/vacancies/{vacancy.id}/interview-kit.pdf", "petr").status_code == 404
    comparison = api.get(f"/vacancies/{vacancy.id}/comparison.pdf?ids={first.id}&ids={second.id}", "andrey")
    assert comparison.status_code == 200 and comparison.data.startswith(b"%PDF")
    assert api.get(f"/vacancies/{vacancy.id}/comparison.pdf?ids={first.id}", "andrey").status_code == 400
    assert api.get(f"/vacancies/{vacancy.id}/comparison.pdf?ids=x&ids=2", "andrey").status_code == 400
    other = build.candidate(build.vacancy())
    foreign = api.get(f"/vacancies/{vacancy.id}/comparison.pdf?ids={first.id}&ids={other.id}", "andrey")
    assert foreign.status_code == 400


def test_every_example_in_the_document_matches_its_schema():
    doc = document()
    checked = 0
    for item in doc["paths"].values():
        for operation in item.values():
            media = [
                *(operation.get("requestBody", {}).get("content", {}).values()),
                *(r.get("content", {}).get("application/json", {}) for r in operation["responses"].values()),
            ]
            for entry in media:
                if "example" in entry:
                    schema = {**entry["schema"], "components": doc["components"]}
                    validator = jsonschema_rs.Draft202012Validator(json.loads(json.dumps(schema)))
                    errors = [str(e) for e in validator.iter_errors(entry["example"])]
                    assert errors == [], (operation["summary"], errors)
                    checked += 1
    assert checked >= 5
