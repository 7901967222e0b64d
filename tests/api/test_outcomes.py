"""PUT /candidates/<id>/outcomes, GET /profiles/<id>/validity, POST /profiles/<id>/clone (SPEC §6, §9)."""

import pytest

from hiring.extensions import db
from hiring.models import Profile
from tests.api.conftest import error_of, make_user
from tests.outcomes.helpers import hire, hires_following_neg

BODY = {
    "started_on": "2025-02-01",
    "notes": "Took over the Magnit account",
    "reviews": [
        {
            "month": 6,
            "retention_pct": 92.5,
            "revenue_growth_pct": 12,
            "plan_attainment_pct": 105,
            "manager_rating": 4,
            "still_employed": True,
            "left_on": None,
        }
    ],
}


@pytest.fixture
def users():
    return {role: make_user(role, username=f"the-{role}") for role in ("hr", "lead", "interviewer", "admin")}


@pytest.fixture
def hired(build, users):
    vacancy = build.vacancy()
    candidate = hire(build, vacancy, {"NEG": 4}, users["interviewer"])  # the interviewer is assigned
    return candidate


@pytest.mark.parametrize("role", ["hr", "lead", "admin"])
def test_hr_lead_and_admin_record_and_read_outcomes(api, users, hired, role):
    response = api.put(f"/candidates/{hired.id}/outcomes", users[role], json=BODY)
    assert response.status_code == 200, response.get_json()
    saved = response.get_json()
    assert saved["started_on"] == "2025-02-01" and saved["reviews"][0]["retention_pct"] == 92.5
    assert response.headers["Cache-Control"] == "no-store"


def test_interviewers_get_403_on_outcomes_and_the_report(api, users, hired):
    interviewer = users["interviewer"]
    assert api.put(f"/candidates/{hired.id}/outcomes", interviewer, json=BODY).status_code == 403
    profile_id = hired.vacancy.profile_id
    assert api.get(f"/profiles/{profile_id}/validity", interviewer).status_code == 403


def test_outcomes_of_a_candidate_not_hired_get_409(api, users, build):
    candidate = build.candidate()
    response = api.put(f"/candidates/{candidate.id}/outcomes", users["hr"], json=BODY)
    assert response.status_code == 409 and "hired" in error_of(response)["message"]


def test_a_value_out_of_range_is_named(api, users, hired):
    body = {**BODY, "reviews": [{**BODY["reviews"][0], "retention_pct": 140}]}
    response = api.put(f"/candidates/{hired.id}/outcomes", users["hr"], json=body)
    assert response.status_code == 400
    assert "reviews[6].retention_pct" in error_of(response)["fields"]


def test_a_stale_version_gets_409(api, users, hired):
    first = api.put(f"/candidates/{hired.id}/outcomes", users["hr"], json=BODY).get_json()
    second = api.put(
        f"/candidates/{hired.id}/outcomes", users["lead"], json={**BODY, "version": first["version"]}
    )
    assert second.status_code == 200
    stale = api.put(
        f"/candidates/{hired.id}/outcomes", users["hr"], json={**BODY, "version": first["version"]}
    )
    assert stale.status_code == 409


def test_validity_report_has_null_r_below_ten_pairs(api, users, build):
    vacancy = build.vacancy()
    hires_following_neg(build, vacancy, 4)
    body = api.get(f"/profiles/{vacancy.profile_id}/validity", users["lead"]).get_json()
    assert body["min_pairs"] == 10 and body["hires"] == 4
    assert body["rows"] and all(row["r"] is None and row["ci95"] is None for row in body["rows"])
    assert {row["predictor"] for row in body["rows"]} >= {"score", "NEG", "TIM"}
    assert sum(body["suggested_weights"].values()) == 100


def test_validity_report_with_enough_hires_and_clone_with_its_weights(api, users, build):
    vacancy = build.vacancy()
    hires_following_neg(build, vacancy, 12)
    body = api.get(f"/profiles/{vacancy.profile_id}/validity", users["hr"]).get_json()
    row = next(
        r for r in body["rows"] if (r["predictor"], r["outcome"], r["month"]) == ("NEG", "retention_pct", 12)
    )
    assert row["n"] == 12 and row["r"] > 0.5 and row["ci95"][0] < row["r"] < row["ci95"][1]
    response = api.post(
        f"/profiles/{vacancy.profile_id}/clone",
        users["hr"],
        json={"name": "KAM, weights from outcomes", "weights": body["suggested_weights"]},
    )
    assert response.status_code == 201
    clone = response.get_json()
    assert {c["code"]: c["weight"] for c in clone["competencies"]} == body["suggested_weights"]
    assert clone["name"]["en"] == "KAM, weights from outcomes"
    assert db.session.get(Profile, vacancy.profile_id).competencies[0].weight == 20


def test_clone_with_bad_weights_gets_400(api, users, build):
    profile = build.profile()
    response = api.post(f"/profiles/{profile.id}/clone", users["hr"], json={"weights": {"NEG": 100}})
    assert response.status_code == 400
    assert api.post(f"/profiles/{profile.id}/clone", users["lead"], json={}).status_code == 403
