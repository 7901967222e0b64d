"""The job post's vacancy fields through the API: about the company, how to apply, salary period and basis,
and whether the experience exception is published (off unless asked for)."""

from tests.api.conftest import make_user


def vacancy_body(profile_id: int, **fields) -> dict:
    return {"title": "Key account manager", "profile_id": profile_id, "language": "en", **fields}


def test_a_vacancy_takes_and_returns_the_job_post_fields(api, build):
    make_user("hr", username="olga")
    profile = build.profile()
    response = api.post(
        "/vacancies",
        "olga",
        json=vacancy_body(
            profile.id,
            salary_from=4000,
            salary_period="year",
            salary_basis="net",
            about_company="Acme distributes food to retail chains.",
            how_to_apply="Send your CV to jobs@acme.example.",
            publish_exp_exception=True,
        ),
    )
    assert response.status_code == 201, response.get_json()
    vacancy = response.get_json()
    assert vacancy["salary_period"] == "year" and vacancy["salary_basis"] == "net"
    assert vacancy["about_company"] == "Acme distributes food to retail chains."
    assert vacancy["how_to_apply"] == "Send your CV to jobs@acme.example."
    assert vacancy["publish_exp_exception"] is True


def test_defaults_keep_the_exception_internal_and_the_salary_monthly_gross(api, build):
    make_user("hr", username="olga")
    profile = build.profile()
    vacancy = api.post("/vacancies", "olga", json=vacancy_body(profile.id)).get_json()
    assert vacancy["publish_exp_exception"] is False
    assert (vacancy["salary_period"], vacancy["salary_basis"]) == ("month", "gross")


def test_an_unknown_salary_period_or_basis_is_refused(api, build):
    make_user("hr", username="olga")
    profile = build.profile()
    for field, value in (("salary_period", "week"), ("salary_basis", "both")):
        response = api.post("/vacancies", "olga", json=vacancy_body(profile.id, **{field: value}))
        assert response.status_code == 400, field
        assert field in response.get_data(as_text=True)
