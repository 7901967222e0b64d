"""Every PDF in either language, the vacancy's by default, with a visible switch (issue 24, item 2); the
validity report defaults to its profile's language (issue 22)."""

import pytest

from hiring.services import printouts
from tests.documents.conftest import ReadPdf


@pytest.fixture
def renders(monkeypatch):
    """Each render: its template, the PDF's language and the first competency or requirement it prints."""
    calls = []

    def fake_create_pdf(template_name, context, *, metadata, fetcher=None):
        first = (context.get("competencies") or [{}])[0]
        calls.append(
            (template_name, metadata.language, first.get("name") if isinstance(first, dict) else None)
        )
        return b"%PDF-1.7 " + template_name.encode()

    monkeypatch.setattr(printouts, "create_pdf", fake_create_pdf)
    return calls


@pytest.fixture
def world(build):
    vacancy = build.vacancy(language="ru", title="Менеджер KAM")
    anna = build.candidate(vacancy, full_name="Анна Петрова")
    boris = build.candidate(vacancy, full_name="Борис Иванов")
    interviewer = build.user("interviewer", username="john")
    build.scorecard(anna, interviewer)
    build.scorecard(boris, interviewer)
    return vacancy, anna, boris, interviewer


def urls(vacancy, anna, boris) -> dict[str, str]:
    return {
        "job_post": f"/vacancies/{vacancy.id}/job-post.pdf",
        "kit": f"/vacancies/{vacancy.id}/interview-kit.pdf",
        "evaluation": f"/candidates/{anna.id}/evaluation.pdf",
        "comparison": f"/vacancies/{vacancy.id}/comparison.pdf?ids={anna.id}&ids={boris.id}",
    }


@pytest.mark.parametrize("document", ["job_post", "kit", "evaluation", "comparison"])
def test_each_pdf_comes_in_the_vacancys_language_or_the_one_asked_for(
    client, auth, build, world, renders, document
):
    vacancy, anna, boris, _ = world
    auth.login(build.user("hr").username)
    url = urls(vacancy, anna, boris)[document]
    default = client.get(url)
    english = client.get(url + ("&" if "?" in url else "?") + "lang=en")
    assert default.status_code == english.status_code == 200
    assert [language for _template, language, _name in renders] == ["ru", "en"]
    assert default.headers["ETag"] != english.headers["ETag"]
    if document == "kit":
        assert renders[0][2] == "Переговоры и презентация" and renders[1][2] == "Negotiation & presentation"
    # asking again finds each language's own stored PDF
    assert (
        client.get(url + ("&" if "?" in url else "?") + "lang=en").headers["ETag"] == english.headers["ETag"]
    )
    assert len(renders) == 2


def test_an_unknown_document_language_is_refused(client, auth, build, world, renders):
    vacancy, *_ = world
    auth.login(build.user("hr").username)
    assert client.get(f"/vacancies/{vacancy.id}/job-post.pdf?lang=de").status_code == 400
    assert renders == []


def test_the_pages_show_the_language_switch(client, auth, build, world):
    vacancy, anna, _boris, interviewer = world
    auth.login(build.user("hr").username)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get(f"/vacancies/{vacancy.id}").text
    assert f'href="/vacancies/{vacancy.id}/job-post.pdf" hreflang="ru">Job post PDF · RU</a>' in page
    assert f'href="/vacancies/{vacancy.id}/job-post.pdf?lang=en" hreflang="en"' in page
    evaluation = client.get(f"/candidates/{anna.id}/evaluation").text
    assert f"/candidates/{anna.id}/evaluation.pdf?lang=en" in evaluation


def test_an_english_interviewer_reads_the_kit_of_a_russian_vacancy_in_english(client, auth, build, world):
    vacancy, anna, _boris, _ = world
    interviewer = build.user("interviewer", username="jane", locale="en")
    build.assign(anna, interviewer)
    auth.login("jane")
    kit = client.get(f"/interview/{anna.id}/kit").text
    assert "Negotiation &amp; presentation" in kit and "Переговоры и презентация" not in kit
    assert f"/vacancies/{vacancy.id}/interview-kit.pdf?lang=en" in kit
    scorecard = client.get(f"/interview/{anna.id}/scorecard").text
    assert "Negotiation &amp; presentation" in scorecard and "Переговоры и презентация" not in scorecard


def test_a_russian_reader_keeps_russian_texts(client, auth, build, world):
    _vacancy, anna, _boris, _ = world
    build.assign(anna, build.user("interviewer", username="ivan", locale="ru"))
    auth.login("ivan")
    assert "Переговоры и презентация" in client.get(f"/interview/{anna.id}/kit").text


def test_the_job_post_pdf_really_prints_in_english_when_asked(client, auth, build):
    vacancy = build.vacancy(language="ru", title="Менеджер KAM")
    auth.login(build.user("hr").username)
    english = ReadPdf(client.get(f"/vacancies/{vacancy.id}/job-post.pdf?lang=en").data)
    assert english.language == "en" and "Requirements" in english.text and "Требования" not in english.text
    russian = ReadPdf(client.get(f"/vacancies/{vacancy.id}/job-post.pdf").data)
    assert russian.language == "ru" and "Требования" in russian.text


def test_the_validity_report_pdf_defaults_to_the_profiles_language_with_the_same_switch(client, auth, build):
    vacancy = build.vacancy(language="en", title="KAM")
    user = build.user("lead", locale="ru")
    auth.login(user.username)
    page = client.get(f"/profiles/{vacancy.profile_id}/validity").text
    assert f'href="/profiles/{vacancy.profile_id}/validity.pdf" hreflang="en"' in page
    assert f"/profiles/{vacancy.profile_id}/validity.pdf?lang=ru" in page
    default = ReadPdf(client.get(f"/profiles/{vacancy.profile_id}/validity.pdf").data)
    assert default.language == "en"
    russian = ReadPdf(client.get(f"/profiles/{vacancy.profile_id}/validity.pdf?lang=ru").data)
    assert russian.language == "ru"
