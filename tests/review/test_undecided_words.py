"""A candidate whose screening cannot be decided yet (SPEC §3: missing data is pending or unknown, never a
failure) is explained in words on the dashboard, the comparison and the evaluation PDF: what is missing, which
check is unanswered, never a rule code."""

import re

from tests.documents.conftest import ReadPdf

CODE = re.compile(r"\b(?:EDU|EXP|LANG|CUSTOM)\b|CUSTOM:\d|screening_(?:pending|unknown)|plan_unverified")


def undecided(build, language: str):
    vacancy = build.vacancy(
        language=language, checks=(("Driving licence", True), ("Ready to relocate", False))
    )
    candidate = build.candidate(
        vacancy, full_name="Olga Undecided", education_level=None, experience_years=None
    )
    other = build.candidate(vacancy, full_name="Ivan Decided", answers={0: True, 1: True})
    return vacancy, candidate, other


def test_the_dashboard_and_the_comparison_name_what_is_missing(client, login, build):
    login("lead")
    vacancy, candidate, other = undecided(build, "en")
    dashboard = client.get(f"/vacancies/{vacancy.id}/dashboard").text
    row = dashboard.split("Olga Undecided", 1)[1].split("</tr>", 1)[0]
    for words in ("missing: education", "missing: experience", "not answered: Driving licence"):
        assert words in row, words
    compare = client.get(f"/vacancies/{vacancy.id}/compare?ids={candidate.id}&ids={other.id}").text
    assert "missing: education" in compare and "not answered: Driving licence" in compare
    assert "Not known yet: Ready to relocate" in compare  # the optional check, as a flag in words


def test_the_evaluation_pdf_says_what_is_missing_in_both_languages(client, login, build):
    login("lead")
    for language, words in (
        (
            "en",
            ("Screening pending", "missing: education", "not answered: Driving licence", "Ready to relocate"),
        ),
        ("ru", ("не указано: образование", "нет ответа: Driving licence", "Ready to relocate")),
    ):
        _vacancy, candidate, _other = undecided(build, language)
        read = ReadPdf(client.get(f"/candidates/{candidate.id}/evaluation.pdf").data)
        page_one = " ".join(read.pages[0].split())
        for expected in words:
            assert expected in page_one, (language, expected, page_one)
        assert not CODE.findall(read.text), (language, CODE.findall(read.text))
