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


def test_a_patch_publishes_the_exception_and_the_job_post_says_each_section_once(api, build):
    from tests.documents.conftest import ReadPdf

    make_user("hr", username="olga")
    profile = build.profile()
    body = vacancy_body(
        profile.id,
        about_company="Acme distributes food to retail chains.",
        how_to_apply="Send your CV to jobs@acme.example.",
    )
    vacancy = api.post("/vacancies", "olga", json=body).get_json()
    text = " ".join(ReadPdf(api.get(f"/vacancies/{vacancy['id']}/job-post.pdf", "olga").data).text.split())
    for heading in ("About us", "What you will do", "Requirements", "What we offer", "How to apply"):
        assert text.count(heading) == 1, heading
    assert text.count("Acme distributes food to retail chains.") == 1
    assert text.count("Send your CV to jobs@acme.example.") == 1
    assert "of plan" not in text and "plan attainment" not in text  # the exception stays internal

    changed = api.call(
        "PATCH",
        f"/vacancies/{vacancy['id']}",
        "olga",
        json={
            "publish_exp_exception": True,
            "salary_from": 5000,
            "salary_period": "year",
            "version": vacancy["version"],
        },
    )
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["publish_exp_exception"] is True
    text = " ".join(ReadPdf(api.get(f"/vacancies/{vacancy['id']}/job-post.pdf", "olga").data).text.split())
    assert "sales plan attainment" in text  # the exception, now chosen
    assert "per year" in text


def test_the_job_post_fields_are_described_in_openapi(api):
    schemas = api.client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    fields = {"about_company", "how_to_apply", "salary_period", "salary_basis", "publish_exp_exception"}
    for name in ("VacancyCreate", "VacancyUpdate", "Vacancy"):
        assert fields <= set(schemas[name]["properties"]), name
