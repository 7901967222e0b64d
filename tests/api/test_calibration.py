"""GET /api/v1/vacancies/<id>/calibration (SPEC §6): ICC(1,k) with its interval, leave-one-out offsets."""

import pytest

from tests.api.conftest import make_user

# NEG-only scorecards: a scorecard's own score is (rating - 1) / 4 * 100 (see tests/review/test_calibration_page.py
# for the arithmetic: ICC(1,k) = 1 - 187.5 / 2000 = 0.90625, 95 % interval 0.646 to 0.976).
TEN_PANELS = [(1, 2), (3, 3), (5, 4)] * 3 + [(2, 2)]


@pytest.fixture
def users():
    return {role: make_user(role, username=f"the-{role}") for role in ("hr", "lead", "interviewer", "admin")}


def rate(build, vacancy, raters, panels):
    for ratings in panels:
        candidate = build.candidate(vacancy)
        for rater, value in zip(raters, ratings, strict=True):
            build.scorecard(candidate, rater, ratings={"NEG": value})


@pytest.mark.parametrize("role", ["hr", "lead", "admin"])
def test_ten_candidates_give_an_icc_with_its_interval(api, users, build, role):
    vacancy = build.vacancy()
    a, b = make_user("interviewer", username="anna"), make_user("interviewer", username="boris")
    rate(build, vacancy, [a, b], TEN_PANELS)
    response = api.get(f"/vacancies/{vacancy.id}/calibration", users[role])
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    agreement = body["agreement"]
    assert agreement["model"] == "ICC(1,k)" and agreement["label"] == "excellent"
    assert (agreement["candidates"], agreement["k"]) == (10, 2.0)
    assert agreement["icc"] == pytest.approx(0.90625)
    assert agreement["ci95"] == [pytest.approx(0.6457, abs=1e-4), pytest.approx(0.9763, abs=1e-4)]
    # Anna's 1, 3, 5 against Boris's 2, 3, 4 (and 2 against 2): offsets -1, 0, +1, 0 -> 0, neutral.
    offsets = {row["interviewer_id"]: row for row in body["interviewers"]}
    assert offsets[a.id] == {
        "interviewer_id": a.id,
        "scorecards": 10,
        "compared": 10,
        "mean_offset": 0.0,
        "label": "neutral",
    }
    assert offsets[b.id]["mean_offset"] == 0.0


def test_nine_candidates_are_not_enough(api, users, build):
    vacancy = build.vacancy()
    a, b = make_user("interviewer", username="anna"), make_user("interviewer", username="boris")
    rate(build, vacancy, [a, b], TEN_PANELS[:9])
    agreement = api.get(f"/vacancies/{vacancy.id}/calibration", users["lead"]).get_json()["agreement"]
    assert agreement == {
        "icc": None,
        "model": "ICC(1,k)",
        "k": 2.0,
        "candidates": 9,
        "ci95": None,
        "label": "not_enough_data",
    }


def test_interviewers_get_403_and_a_missing_vacancy_404(api, users, build):
    vacancy = build.vacancy()
    assert api.get(f"/vacancies/{vacancy.id}/calibration", users["interviewer"]).status_code == 403
    assert api.get("/vacancies/999999/calibration", users["lead"]).status_code == 404
