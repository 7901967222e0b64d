"""Bad input, conflicts and limits: the status and the error shape a client can act on."""

import pytest

from tests.api.conftest import error_of, make_user


@pytest.fixture
def hr(app):
    return make_user("hr", username="olga")


@pytest.fixture
def vacancy(build):
    return build.vacancy(languages=(("en", "B2", True),), checks=(("Has a licence", True),))


@pytest.fixture
def assigned(build, vacancy):
    """A candidate and the interviewer assigned to them."""
    candidate = build.candidate(vacancy, languages={"en": "C1"})
    interviewer = make_user("interviewer", username="maria")
    build.assign(candidate, interviewer)
    return candidate, interviewer


def test_unknown_fields_are_refused(api, hr, vacancy):
    response = api.post(
        f"/vacancies/{vacancy.id}/candidates",
        hr,
        json={"full_name": "Ivan Petrov", "salary": 1, "role": "admin"},
    )
    assert response.status_code == 400
    assert error_of(response)["fields"] == {"salary": "unknown field", "role": "unknown field"}


def test_unknown_nested_field_is_refused_with_its_path(api, hr, vacancy):
    body = {
        "title": "KAM",
        "profile_id": vacancy.profile_id,
        "language": "en",
        "requirements": {"languages": [{"language": "en", "min_level": "B2", "level": "B2"}]},
    }
    response = api.post("/vacancies", hr, json=body)
    assert response.status_code == 400
    assert error_of(response)["fields"] == {"requirements.languages[0].level": "unknown field"}


def test_field_errors_from_the_service(api, hr, vacancy):
    body = {
        "title": "KAM",
        "profile_id": vacancy.profile_id,
        "language": "en",
        "salary_from": 300000,
        "salary_to": 100000,
        "requirements": {"languages": [{"language": "xx", "min_level": "B2"}]},
    }
    response = api.post("/vacancies", hr, json=body)
    assert response.status_code == 400
    fields = error_of(response)["fields"]
    assert set(fields) == {"salary_to", "requirements.languages[0].language"}
    assert "lower end" in fields["salary_to"]


def test_wrong_types_and_missing_fields(api, hr, vacancy):
    response = api.post(
        "/vacancies", hr, json={"title": 12, "language": "de", "travel_required": "yes", "salary_from": 1.5}
    )
    assert response.status_code == 400
    assert error_of(response)["fields"] == {
        "title": "must be text",
        "profile_id": "is required",
        "travel_required": "must be true or false",
        "salary_from": "must be a whole number or null",
    }


def test_candidate_field_errors(api, hr, vacancy):
    response = api.post(
        f"/vacancies/{vacancy.id}/candidates",
        hr,
        json={"full_name": "Ivan Petrov", "email": "not-an-email", "experience_years": 70},
    )
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"email", "experience_years"}


def test_a_profile_that_does_not_exist_is_a_field_error(api, hr):
    response = api.post("/vacancies", hr, json={"title": "KAM", "profile_id": 987654, "language": "en"})
    assert response.status_code == 400
    assert "profile_id" in error_of(response)["fields"]


@pytest.mark.parametrize(
    ("data", "content_type", "status", "code"),
    [
        (b"{not json", "application/json", 400, "invalid_json"),
        (b"[1, 2]", "application/json", 400, "invalid_json"),
        (b'"text"', "application/json", 400, "invalid_json"),
        (b'{"full_name": NaN}', "application/json", 400, "invalid_json"),
        (b"\xff\xfe", "application/json", 400, "invalid_json"),
        (b'{"full_name": "Ivan"}', "text/plain", 415, "unsupported_media_type"),
        (b"full_name=Ivan", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ],
)
def test_body_must_be_a_json_object(api, hr, vacancy, data, content_type, status, code):
    response = api.post(f"/vacancies/{vacancy.id}/candidates", hr, data=data, content_type=content_type)
    assert response.status_code == status
    assert error_of(response)["code"] == code


def test_text_with_nul_is_refused(api, hr, vacancy):
    response = api.post(f"/vacancies/{vacancy.id}/candidates", hr, json={"full_name": "Iv\x00an"})
    assert response.status_code == 400
    assert "full_name" in error_of(response)["fields"]


def test_oversized_body_gets_413(api, app, hr, vacancy):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = api.post(
        f"/vacancies/{vacancy.id}/candidates", hr, json={"full_name": "Ivan", "notes": "x" * 5000}
    )
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def test_oversized_csv_gets_413(api, app, hr, vacancy):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    body = b"full_name,email\n" + b"Ivan,ivan@example.com\n" * 100
    response = api.post(f"/vacancies/{vacancy.id}/candidates/import", hr, data=body, content_type="text/csv")
    assert response.status_code == 413


def test_duplicate_email_gets_409(api, hr, vacancy, build):
    build.candidate(vacancy, email="anna@example.com")
    response = api.post(
        f"/vacancies/{vacancy.id}/candidates", hr, json={"full_name": "Anna P.", "email": "Anna@Example.com"}
    )
    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "duplicate"
    assert "email" in error["fields"]


def test_duplicate_username_gets_409(api, app):
    admin = make_user("admin", username="root")
    make_user("hr", username="olga")
    body = {"username": "olga", "password": "violet-harbour-42", "role": "hr", "full_name": "Olga"}
    response = api.post("/users", admin, json=body)
    assert response.status_code == 409
    assert error_of(response)["code"] == "duplicate"
    assert "username" in error_of(response)["fields"]


def test_user_field_errors_follow_the_admin_form(api, app):
    admin = make_user("admin", username="root")
    body = {"username": "bad name!", "password": "short", "role": "boss", "full_name": "X"}
    response = api.post("/users", admin, json=body)
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"username", "password", "role"}


def test_stale_or_missing_scorecard_version_gets_409(api, assigned):
    candidate, interviewer = assigned
    url = f"/candidates/{candidate.id}/scorecard"
    first = api.put(url, interviewer, json={"ratings": {"NEG": 3}})
    assert first.status_code == 201
    version = first.get_json()["version"]

    missing = api.put(url, interviewer, json={"ratings": {"NEG": 4}})
    assert missing.status_code == 409
    assert error_of(missing)["code"] == "version_conflict"
    assert error_of(missing)["current_version"] == version

    saved = api.put(url, interviewer, json={"ratings": {"NEG": 4}, "version": version})
    assert saved.status_code == 200
    stale = api.put(url, interviewer, json={"ratings": {"NEG": 5}, "version": version})
    assert stale.status_code == 409
    assert error_of(stale)["code"] == "version_conflict"
    assert api.get(f"/candidates/{candidate.id}/scorecards", interviewer).get_json()[0]["ratings"] == {
        "NEG": 4
    }


def test_submitted_scorecard_is_locked(api, assigned):
    candidate, interviewer = assigned
    url = f"/candidates/{candidate.id}/scorecard"
    ratings = dict.fromkeys(("NEG", "REL", "ANA", "IND", "ORD", "ACC", "CLM", "TIM"), 4)
    card = api.put(url, interviewer, json={"ratings": ratings, "recommendation": "yes", "submit": True})
    assert card.status_code == 201, card.get_json()
    again = api.put(url, interviewer, json={"ratings": ratings, "version": card.get_json()["version"]})
    assert again.status_code == 409
    assert error_of(again)["code"] == "locked"


def test_scorecard_field_errors(api, assigned):
    candidate, interviewer = assigned
    response = api.put(
        f"/candidates/{candidate.id}/scorecard",
        interviewer,
        json={"ratings": {"NEG": 7, "XYZ": 3}, "recommendation": "maybe"},
    )
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"ratings.NEG", "ratings.XYZ", "recommendation"}


def test_submitting_needs_every_competency_and_a_recommendation(api, assigned):
    candidate, interviewer = assigned
    response = api.put(f"/candidates/{candidate.id}/scorecard", interviewer, json={"submit": True})
    # Left out means "not assessed", so only the recommendation is missing.
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"recommendation"}


def test_unknown_check_index_and_assigning_a_non_interviewer(api, hr, vacancy, build):
    candidate = build.candidate(vacancy)
    response = api.put(
        f"/candidates/{candidate.id}/checks", hr, json={"answers": [{"index": 5, "met": True}]}
    )
    assert response.status_code == 400
    assert "answers.5" in error_of(response)["fields"]
    lead = make_user("lead", username="andrey")
    response = api.post(f"/candidates/{candidate.id}/interviewers", hr, json={"user_id": lead.id})
    assert response.status_code == 400
    assert "user_id" in error_of(response)["fields"]


def test_assigning_twice_gets_409(api, hr, assigned):
    candidate, interviewer = assigned
    response = api.post(f"/candidates/{candidate.id}/interviewers", hr, json={"user_id": interviewer.id})
    assert response.status_code == 409
    assert error_of(response)["code"] == "duplicate"


def test_decision_needs_a_rationale(api, build, vacancy):
    lead = make_user("lead", username="andrey")
    candidate = build.candidate(vacancy)
    response = api.post(
        f"/candidates/{candidate.id}/decision", lead, json={"decision": "hire", "rationale": "  "}
    )
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"rationale"}
    response = api.post(f"/candidates/{candidate.id}/decision", lead, json={"decision": "hire"})
    assert response.status_code == 400
    assert error_of(response)["fields"] == {"rationale": "is required"}


BAD_CSV = (
    "full_name,email,phone,education_level,education_field,experience_years,plan_attainment_pct,languages,notes\n"
    "Anna Petrova,anna@example.com,,master,economics,6,110,en:C1,\n"
    "Boris,not-an-email,,bachelor,,3,100,en:B2,\n"
    "Clara,clara@example.com,,wizardry,,abc,100,en:Z9,\n"
    ",dora@example.com,,master,,4,100,,\n"
)


def test_csv_import_lists_every_bad_line_and_imports_nothing(api, hr, vacancy):
    response = api.post(
        f"/vacancies/{vacancy.id}/candidates/import", hr, data=BAD_CSV.encode(), content_type="text/csv"
    )
    assert response.status_code == 400
    error = error_of(response)
    assert sorted({line["line"] for line in error["lines"]}) == [3, 4, 5]
    assert {"line": 3, "field": "email"} in [{"line": e["line"], "field": e["field"]} for e in error["lines"]]
    assert {e["field"] for e in error["lines"] if e["line"] == 4} >= {"education_level", "experience_years"}
    ranking = api.get(f"/vacancies/{vacancy.id}/ranking", make_user("lead", username="andrey"))
    assert ranking.get_json() == []


def test_csv_import_needs_text_csv(api, hr, vacancy):
    response = api.post(f"/vacancies/{vacancy.id}/candidates/import", hr, json={"csv": "full_name\nIvan\n"})
    assert response.status_code == 415


def test_semicolon_csv_with_bom_imports(api, hr, vacancy):
    data = (
        "\ufefffull_name;email;phone;education_level;education_field;experience_years;plan_attainment_pct;"
        'languages;notes\nАнна Петрова;anna@example.ru;;master;economics;2,5;120;"en:B2;de:A2";\n'
    ).encode()
    response = api.post(f"/vacancies/{vacancy.id}/candidates/import", hr, data=data, content_type="text/csv")
    assert response.status_code == 201, response.get_json()
    assert response.get_json() == {"imported": 1}
