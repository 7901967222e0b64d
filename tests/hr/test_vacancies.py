"""Vacancies: made from a profile in Russian or English, validated, edited, opened and closed, counted by band."""

import re

import pytest
import sqlalchemy as sa

from hiring import seed_profile
from hiring.errors import InvalidVacancy, VersionConflict
from hiring.extensions import db
from hiring.models import AuditEntry, CheckAnswer, CustomCheck, Vacancy
from hiring.services.vacancies import create_vacancy, update_vacancy
from tests.hr.html import field_errors, input_value, text


def vacancy_form(**changes) -> dict:
    """What a browser sends for a filled vacancy form (two language rows and two check rows, one used each)."""
    data = {
        "title": "Key account manager",
        "language": "ru",
        "company": "ООО «Тест»",
        "location": "Казань",
        "employment_terms": "Full time",
        "salary_from": "150 000",
        "salary_to": "220000",
        "salary_currency": "RUB",
        "salary_period": "month",
        "salary_basis": "net",
        "travel_required": "y",
        "about_company": "A distributor of food for retail chains",
        "intro": "Intro",
        "how_to_apply": "Send your CV to hr@example.com",
        "responsibilities": "Duty one\n\n  Duty two  ",
        "conditions": "Condition",
        "contacts": "hr@example.com",
        "edu_min_level": "bachelor",
        "edu_mandatory": "y",
        "exp_min_years": "3",
        "exp_exception_min_years": "1",
        "exp_exception_min_plan_pct": "100",
        "languages-0-language": "en",
        "languages-0-min_level": "B2",
        "languages-0-mandatory": "y",
        "languages-1-language": "",
        "languages-1-min_level": "",
        "languages-1-mandatory": "y",
        "checks-0-text": "Ready to travel 5 days a month",
        "checks-0-mandatory": "y",
        "checks-1-text": "",
        "checks-1-mandatory": "y",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def vacancies() -> list[Vacancy]:
    return list(db.session.scalars(sa.select(Vacancy).order_by(Vacancy.id)))


def new_url(profile, language="ru") -> str:
    return f"/vacancies/new?profile_id={profile.id}&language={language}"


# --- creating -----------------------------------------------------------------------------------------------


def test_new_vacancy_starts_by_choosing_profile_and_language(client, build, hr):
    build.profile()
    page = text(client.get("/vacancies/new"))
    assert "Step 1 of 2" in page
    assert seed_profile.PROFILE["name_en"] in page


@pytest.mark.parametrize("language", ["ru", "en"])
def test_new_vacancy_form_is_prefilled_from_profile_and_seed(client, build, hr, language):
    profile = build.profile()
    response = client.get(new_url(profile, language))
    assert response.status_code == 200
    page = text(response)
    assert seed_profile.DUTIES[language][0] in page
    assert seed_profile.CONDITIONS[language][0] in page
    assert seed_profile.INTRO[language] in page
    assert input_value(page, "title") == profile.name(language)
    assert input_value(page, "exp_min_years") == "3"
    assert input_value(page, "exp_exception_min_years") == "1"
    assert input_value(page, "exp_exception_min_plan_pct") == "100"
    assert re.search(r'<option selected value="bachelor">', page)
    assert re.search(r'<input checked id="edu_mandatory"', page)
    assert input_value(page, "languages-1-language") == ""  # empty rows to fill


@pytest.mark.parametrize("language", ["ru", "en"])
def test_create_a_vacancy(client, build, hr, language):
    profile = build.profile()
    response = client.post(new_url(profile, language), data=vacancy_form(language=language))
    assert response.status_code == 302
    (vacancy,) = vacancies()
    assert response.location.endswith(f"/vacancies/{vacancy.id}")
    assert vacancy.language == language
    assert vacancy.profile_id == profile.id
    assert vacancy.created_by_id == hr.id
    assert vacancy.status == "open"
    assert (vacancy.salary_from, vacancy.salary_to, vacancy.salary_currency) == (150000, 220000, "RUB")
    assert (vacancy.salary_period, vacancy.salary_basis) == ("month", "net")
    assert vacancy.about_company == "A distributor of food for retail chains"
    assert vacancy.how_to_apply == "Send your CV to hr@example.com"
    assert vacancy.publish_exp_exception is False  # unticked: the exception stays internal
    assert vacancy.travel_required
    assert vacancy.responsibility_lines() == ["Duty one", "Duty two"]
    assert vacancy.edu_preferred_fields == profile.edu_preferred_fields
    assert [(r.language, r.min_level, r.mandatory) for r in vacancy.language_requirements] == [
        ("en", "B2", True)
    ]
    assert [(c.position, c.text, c.mandatory) for c in vacancy.custom_checks] == [
        (0, "Ready to travel 5 days a month", True)
    ]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.entity_type == "vacancy"))
    assert entry.action == "vacancy.create" and entry.user_id == hr.id
    assert entry.after["languages"] == [{"language": "en", "min_level": "B2", "mandatory": True}]

    page = text(client.get(response.location))
    assert "English: B2 — upper intermediate or higher" in page
    assert re.search(r"Education: [^<]+ or higher — mandatory", page)
    assert "at least 3 years — mandatory" in page and "Exception: at least 1 year with" in page


def test_salary_from_above_to_is_refused_next_to_the_field(client, build, hr):
    profile = build.profile()
    response = client.post(new_url(profile), data=vacancy_form(salary_from="300000", salary_to="200000"))
    assert response.status_code == 400
    page = text(response)
    assert "cannot be below the lower end" in field_errors(page, "salary_to")
    assert input_value(page, "salary_from") == "300000"
    assert input_value(page, "salary_to") == "200000"
    assert input_value(page, "checks-0-text") == "Ready to travel 5 days a month"
    assert vacancies() == []


def test_negative_salary_is_refused(client, build, hr):
    response = client.post(new_url(build.profile()), data=vacancy_form(salary_from="-1"))
    assert response.status_code == 400
    assert "whole number of 0 or more" in field_errors(text(response), "salary_from")


def test_unknown_cefr_level_is_refused_next_to_its_row(client, build, hr):
    response = client.post(
        new_url(build.profile()),
        data=vacancy_form(**{"languages-1-language": "de", "languages-1-min_level": "Z9"}),
    )
    assert response.status_code == 400
    page = text(response)
    assert "CEFR level from A1 to C2" in field_errors(page, "languages-1-min_level")
    assert field_errors(page, "languages-0-min_level") == ""
    assert input_value(page, "languages-1-language") == "de"
    assert vacancies() == []


@pytest.mark.parametrize("code", ["xx", "eng", "e1"])
def test_bad_language_code_is_refused(client, build, hr, code):
    response = client.post(new_url(build.profile()), data=vacancy_form(**{"languages-0-language": code}))
    assert response.status_code == 400
    assert "ISO 639-1" in field_errors(text(response), "languages-0-language")
    assert vacancies() == []


def test_a_language_listed_twice_is_refused(client, build, hr):
    response = client.post(
        new_url(build.profile()),
        data=vacancy_form(**{"languages-1-language": "en", "languages-1-min_level": "C1"}),
    )
    assert response.status_code == 400
    assert "already listed" in field_errors(text(response), "languages-1-language")


def test_add_row_shows_the_form_again_with_one_more_row(client, build, hr):
    profile = build.profile()
    response = client.post(new_url(profile), data=vacancy_form(add_language="Add a language row"))
    assert response.status_code == 200
    page = text(response)
    assert input_value(page, "languages-2-language") == ""
    assert input_value(page, "languages-0-language") == "en"
    assert "Please correct" not in page
    assert vacancies() == []


def test_vacancy_with_many_languages_and_checks(client, build, hr):
    form = vacancy_form(
        **{
            "languages-1-language": "de",
            "languages-1-min_level": "a2",
            "languages-2-language": "zh",
            "languages-2-min_level": "native",
            "languages-2-mandatory": "y",
            "checks-1-text": "Driving licence",
            "checks-2-text": "Knows the steel market",
        }
    )
    form.pop("languages-1-mandatory")  # not mandatory: a flag, not a fail
    assert client.post(new_url(build.profile()), data=form).status_code == 302
    (vacancy,) = vacancies()
    assert [(r.language, r.min_level, r.mandatory) for r in vacancy.language_requirements] == [
        ("en", "B2", True),
        ("de", "A2", False),
        ("zh", "native", True),
    ]
    assert [c.text for c in vacancy.custom_checks] == [
        "Ready to travel 5 days a month",
        "Driving licence",
        "Knows the steel market",
    ]


# --- the service ----------------------------------------------------------------------------------------------


def test_omitted_requirements_take_the_profile_defaults(build, hr):
    profile = build.profile()
    vacancy = create_vacancy(profile, {"title": "KAM", "language": "en"}, hr.id)
    db.session.commit()
    assert vacancy.intro == seed_profile.INTRO["en"]
    assert vacancy.responsibility_lines() == seed_profile.DUTIES["en"]
    assert vacancy.condition_lines() == seed_profile.CONDITIONS["en"]
    assert (vacancy.edu_min_level, vacancy.edu_mandatory) == ("bachelor", True)
    assert vacancy.edu_preferred_fields == ["business", "economics", "management"]
    assert (vacancy.exp_min_years, vacancy.exp_exception_min_years, vacancy.exp_exception_min_plan_pct) == (
        3.0,
        1.0,
        100.0,
    )
    assert vacancy.language_requirements == [] and vacancy.custom_checks == []
    assert vacancy.salary_currency == "RUB" and vacancy.travel_required is False


def test_partial_requirements_keep_the_other_defaults(build, hr):
    vacancy = create_vacancy(
        build.profile(),
        {
            "title": "KAM",
            "language": "ru",
            "requirements": {
                "experience": {"min_years": 5},
                "languages": [{"language": "de", "min_level": "B1"}],
            },
        },
        hr.id,
    )
    assert (vacancy.exp_min_years, vacancy.exp_exception_min_years) == (5.0, 1.0)
    assert vacancy.edu_min_level == "bachelor"
    assert [(r.language, r.min_level, r.mandatory) for r in vacancy.language_requirements] == [
        ("de", "B1", True)
    ]


def test_service_reports_every_bad_field_by_path(build, hr):
    with pytest.raises(InvalidVacancy) as caught:
        create_vacancy(
            build.profile(),
            {
                "title": "",
                "language": "de",
                "salary_from": 10,
                "salary_to": 5,
                "travel_required": "yes",
                "requirements": {
                    "education": {"min_level": "kindergarten"},
                    "experience": {"min_years": -1},
                    "languages": [
                        {"language": "en", "min_level": "B2"},
                        {"language": "de", "min_level": "D1"},
                    ],
                    "custom": [{"text": " ", "mandatory": True}],
                },
            },
            hr.id,
        )
    assert set(caught.value.fields) == {
        "title",
        "language",
        "salary_to",
        "travel_required",
        "requirements.education.min_level",
        "requirements.experience.min_years",
        "requirements.languages[1].min_level",
        "requirements.custom[0].text",
    }
    assert vacancies() == []


def test_update_keeps_the_answers_of_checks_that_stay(build, hr):
    vacancy = build.vacancy(checks=(("Travel", True), ("Licence", True)))
    candidate = build.candidate(vacancy, answers={0: True, 1: False})
    update_vacancy(
        vacancy,
        {
            "requirements": {
                "custom": [{"text": "Licence", "mandatory": False}, {"text": "Niche", "mandatory": True}]
            }
        },
        vacancy.version,
        hr.id,
    )
    db.session.commit()
    checks = db.session.scalars(sa.select(CustomCheck).where(CustomCheck.vacancy_id == vacancy.id)).all()
    assert sorted((c.position, c.text, c.mandatory) for c in checks) == [
        (0, "Licence", False),
        (1, "Niche", True),
    ]
    answers = db.session.scalars(sa.select(CheckAnswer).where(CheckAnswer.candidate_id == candidate.id)).all()
    assert [(a.check.text, a.met) for a in answers] == [("Licence", False)]


def test_update_with_a_stale_version_is_refused(build, hr):
    vacancy = build.vacancy()
    stale = vacancy.version
    vacancy.location = "Самара"
    db.session.commit()
    with pytest.raises(VersionConflict):
        update_vacancy(vacancy, {"title": "New"}, stale, hr.id)


# --- editing ------------------------------------------------------------------------------------------------


def test_edit_form_shows_the_vacancy(client, build, hr):
    vacancy = build.vacancy(languages=(("de", "B1", False),), checks=(("Licence", True),))
    page = text(client.get(f"/vacancies/{vacancy.id}/edit"))
    assert input_value(page, "title") == vacancy.title
    assert input_value(page, "languages-0-language") == "de"
    assert input_value(page, "checks-0-text") == "Licence"
    assert input_value(page, "version") == str(vacancy.version)


def test_edit_a_vacancy(client, build, hr):
    vacancy = build.vacancy(languages=(("de", "B1", False),))
    form = vacancy_form(version=vacancy.version, title="Senior KAM", salary_from="", salary_to="")
    response = client.post(f"/vacancies/{vacancy.id}/edit", data=form)
    assert response.status_code == 302
    db.session.expire_all()
    vacancy = db.session.get(Vacancy, vacancy.id)
    assert vacancy.title == "Senior KAM"
    assert (vacancy.salary_from, vacancy.salary_to) == (None, None)
    assert [r.language for r in vacancy.language_requirements] == ["en"]
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.entity_id == vacancy.id)).all()
    assert actions == ["vacancy.update"]


def test_edit_with_a_stale_version_is_refused_and_data_intact(client, build, hr):
    vacancy = build.vacancy(title="Original")
    stale = vacancy.version
    vacancy.company = "Changed by someone else"
    db.session.commit()
    response = client.post(
        f"/vacancies/{vacancy.id}/edit", data=vacancy_form(version=stale, title="Mine"), follow_redirects=True
    )
    assert "Someone else changed this vacancy" in text(response)
    db.session.expire_all()
    vacancy = db.session.get(Vacancy, vacancy.id)
    assert (vacancy.title, vacancy.company) == ("Original", "Changed by someone else")


# --- status, list and detail --------------------------------------------------------------------------------


def test_close_and_reopen(client, build, hr):
    vacancy = build.vacancy()
    response = client.post(
        f"/vacancies/{vacancy.id}/status", data={"status": "closed"}, follow_redirects=True
    )
    assert "is closed" in text(response)
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).status == "closed"
    client.post(f"/vacancies/{vacancy.id}/status", data={"status": "open", "next": "index"})
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).status == "open"
    assert client.post(f"/vacancies/{vacancy.id}/status", data={"status": "deleted"}).status_code == 400
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.entity_id == vacancy.id)).all()
    assert actions == ["vacancy.status", "vacancy.status"]


def band_cells(page: str, vacancy: Vacancy) -> dict[str, int]:
    row = re.search(rf'href="/vacancies/{vacancy.id}".*?</tr>', page, re.S).group(0)
    return {band: int(n) for band, n in re.findall(r'data-band="(\w+)">(\d+)<', row)}


def test_list_counts_candidates_by_band(client, build, person, hr):
    vacancy = build.vacancy(title="Counted")
    other = build.vacancy(title="Empty")
    build.candidate(vacancy, education_level="secondary")  # not eligible
    build.candidate(vacancy)  # no scorecard yet
    build.candidate(vacancy)
    strong = build.candidate(vacancy)
    build.scorecard(strong, person("interviewer"), ratings={c.code: 5 for c in vacancy.profile.competencies})
    page = text(client.get("/vacancies"))
    assert band_cells(page, vacancy) == {
        "strong_hire": 1,
        "hire": 0,
        "consider": 0,
        "no_hire": 0,
        "insufficient_data": 2,
        "not_eligible": 1,
    }
    assert set(band_cells(page, other).values()) == {0}
    assert "Close" in page and "New vacancy" in page


def test_detail_lists_candidates_in_ranking_order(client, build, person, hr):
    vacancy = build.vacancy(languages=(("en", "B2", True),), checks=(("Travel", True),))
    build.candidate(vacancy, full_name="Ivan Secondary", education_level="secondary", languages={"en": "C1"})
    good = build.candidate(vacancy, full_name="Olga Strong", languages={"en": "C1"}, answers={0: True})
    build.scorecard(good, person("interviewer"), ratings={c.code: 5 for c in vacancy.profile.competencies})
    page = text(client.get(f"/vacancies/{vacancy.id}"))
    assert page.index("Olga Strong") < page.index("Ivan Secondary")
    assert "Strong hire" in page and "100" in page
    assert "English: B2 — upper intermediate or higher — mandatory" in page
    assert "Travel — mandatory" in page
    assert "Edit" in page and "Close vacancy" in page


# --- roles --------------------------------------------------------------------------------------------------

HR_ONLY = [
    ("get", "/vacancies/new"),
    ("post", "/vacancies/new?profile_id={profile}&language=ru"),
    ("get", "/vacancies/{vacancy}/edit"),
    ("post", "/vacancies/{vacancy}/edit"),
    ("post", "/vacancies/{vacancy}/status"),
]
READABLE = [("get", "/vacancies"), ("get", "/vacancies/{vacancy}")]


@pytest.mark.parametrize("role", ["interviewer", "lead"])
@pytest.mark.parametrize(("method", "path"), HR_ONLY)
def test_hr_pages_refuse_other_roles(client, build, login_as, role, method, path):
    vacancy = build.vacancy(title="Untouched")
    login_as(role)
    url = path.format(vacancy=vacancy.id, profile=vacancy.profile_id)
    response = getattr(client, method)(url, data=vacancy_form(version=vacancy.version, status="closed"))
    assert response.status_code == 403
    db.session.expire_all()
    assert [(v.title, v.status) for v in vacancies()] == [("Untouched", "open")]


@pytest.mark.parametrize(("method", "path"), READABLE)
def test_interviewer_cannot_read_vacancies(client, build, login_as, method, path):
    vacancy = build.vacancy()
    login_as("interviewer")
    assert getattr(client, method)(path.format(vacancy=vacancy.id)).status_code == 403


def test_lead_reads_the_list_and_the_vacancy_without_hr_actions(client, build, login_as):
    vacancy = build.vacancy(title="Visible to the lead")
    build.candidate(vacancy, full_name="Someone")
    login_as("lead")
    page = text(client.get("/vacancies"))
    assert "Visible to the lead" in page
    assert "New vacancy" not in page and "Close" not in page
    response = client.get(f"/vacancies/{vacancy.id}")
    assert response.status_code == 200
    page = text(response)
    assert "Someone" in page
    assert "Close vacancy" not in page and f"/vacancies/{vacancy.id}/edit" not in page


@pytest.mark.parametrize(
    ("language", "english_name", "banner"),
    [
        ("en", "English (en)", "Please correct the fields marked below."),
        ("ru", "Английский (en)", "Исправьте"),
    ],
)
def test_languages_are_picked_by_name_and_the_banner_links_to_each_bad_field(
    client, build, hr, language, english_name, banner
):
    """Issue 24, item 3: the candidate form's picker, not a two-letter box; the banner names and links the row."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    hr.locale = language
    db.session.commit()
    profile = build.profile()
    page = client.get(new_url(profile)).text
    picker = page[page.index('<select id="languages-0-language"') :]
    assert f'value="en">{english_name}</option>' in picker[: picker.index("</select>")]
    assert 'list="language-codes"' not in page
    response = client.post(
        new_url(profile), data=vacancy_form(**{"languages-1-language": "de", "languages-1-min_level": "Z9"})
    )
    assert response.status_code == 400
    summary = response.text[response.text.index('id="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert banner in response.text
    assert '<a href="#languages-1-min_level">' in summary
    assert vacancies() == []
