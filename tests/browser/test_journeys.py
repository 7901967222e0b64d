"""The three journeys, clicking through the real pages in Chromium: HR, the interviewers, the hiring lead.

They tell one story, so they run as one test (the suite runs under xdist, which may split a module's tests
across workers, each with its own server): HR opens a vacancy and its candidates, both interviewers score two
of them, the lead compares them and decides. Each person works in a browser context of their own.
"""

import re

import pytest

from tests.browser.outcome_journey import outcome_journey
from tests.browser.support import assert_fields_labelled, download, pdf_text

expect = pytest.importorskip("playwright.sync_api").expect

VACANCY = "Менеджер по работе с ключевыми клиентами (E2E)"
COMPANY = "E2E Trading LLC"
CHECK = "Водительские права категории B"
ANNA = "Anna Petrova"
BORIS = "Boris Ivanov"
VERA = "Вера Смирнова"
GLEB = "Gleb Orlov"
IRINA = "Irina Interviewer"
IVAN = "Ivan Interviewer"
# As Excel in a Russian locale saves it: Windows-1251, semicolons, its own headers and words, and a № column
# that HR ignores in the mapping step.
CSV = (
    "№;ФИО;Эл. почта;Телефон;Образование;Специальность;Опыт, лет;Выполнение плана, %;Языки;Комментарий\r\n"
    f"1;{BORIS};boris@example.com;+7 900 000-00-01;Высшее (магистр);economics;6;115;Английский C1;Strong negotiator\r\n"
    f"2;{VERA};vera@example.com;;Высшее (бакалавр);management;2,5;120;Английский B2, немецкий — A2;«Исключение»\r\n"
    f"3;{GLEB};gleb@example.com;;Среднее;;1;80;English A2;\r\n"
)
COMPETENCIES = ("NEG", "REL", "ANA", "IND", "ORD", "ACC", "CLM", "TIM")
# interviewer -> candidate -> ratings in COMPETENCIES order
RATINGS = {
    "interviewer1": {ANNA: (5, 4, 4, 4, 5, 4, 4, 5), BORIS: (3, 3, 4, 3, 3, 3, 4, 3)},
    "interviewer2": {ANNA: (4, 4, 5, 4, 4, 4, 5, 4), BORIS: (3, 4, 3, 3, 3, 4, 3, 3)},
}


def test_hiring_story(as_user, screenshot, check_accessibility, tmp_path):
    """HR, then each interviewer, then the lead: the product works for a person end to end."""
    vacancy_url = hr_journey(as_user("hr"), screenshot, check_accessibility, tmp_path)
    for interviewer in RATINGS:
        interviewer_journey(as_user(interviewer), interviewer, screenshot, check_accessibility)
    lead_journey(as_user("lead"), vacancy_url, screenshot, check_accessibility)
    outcome_journey(as_user("hr"), vacancy_url, ANNA, screenshot, check_accessibility)


def flash(page):
    return page.locator(".flashes")


def hr_journey(page, screenshot, check_accessibility, tmp_path) -> str:
    """HR creates a vacancy, adds a candidate by form and three by CSV, answers checks, assigns interviewers."""
    # a vacancy from the default KAM profile, in Russian
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Vacancies").click()
    page.get_by_role("link", name="New vacancy").first.click()
    page.get_by_label("Competency profile").select_option(index=0)
    page.get_by_label("Language of the vacancy").select_option("ru")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="New vacancy", level=1)).to_be_visible()
    assert page.get_by_label("Responsibilities, one per line").input_value().strip(), "no default duties"
    page.get_by_label("Title").fill(VACANCY)
    page.get_by_label("Company").fill(COMPANY)
    page.get_by_label("Location").fill("Москва")
    page.get_by_label("Salary from").fill("150 000")
    page.get_by_label("Salary to").fill("220 000")
    page.get_by_label("Business travel required").check()
    page.get_by_label("Language", exact=True).first.select_option("en")
    page.get_by_label("Minimum level").first.select_option("B2")
    page.get_by_label("Yes/no question answered by HR").first.fill(CHECK)
    assert_fields_labelled(page, "the vacancy form")
    screenshot(page, "10-hr-vacancy-form")
    page.get_by_role("button", name="Create vacancy").click()

    expect(flash(page)).to_contain_text("Vacancy created.")
    expect(page.get_by_role("heading", name=VACANCY, level=1)).to_be_visible()
    vacancy_url = page.url

    # one candidate by the form
    page.get_by_role("link", name="Add candidate").first.click()
    page.get_by_label("Full name").fill(ANNA)
    page.get_by_label("Email").fill("anna@example.com")
    page.get_by_label("Phone").fill("+7 900 000-00-00")
    page.get_by_label("Education level").select_option("master")
    page.get_by_label("Field of education").select_option("business")
    page.get_by_label("Relevant experience, years").fill("7")
    page.get_by_label("Sales plan attainment, %").fill("130")
    page.get_by_label("Language 1", exact=True).select_option("en")
    page.get_by_label("Level of language 1").select_option("C1")
    assert_fields_labelled(page, "the candidate form")
    screenshot(page, "11-hr-candidate-form")
    page.get_by_role("button", name="Add candidate").click()
    expect(flash(page)).to_contain_text(f"Candidate {ANNA} added.")
    expect(page.get_by_role("heading", name=ANNA, level=1)).to_be_visible()

    # three by a Russian Excel CSV: the mapping step (ignore the № column), the preview, then confirm
    csv_file = tmp_path / "candidates.csv"
    csv_file.write_bytes(CSV.encode("cp1251"))
    page.goto(vacancy_url)
    page.get_by_role("link", name="Import CSV").click()
    assert_fields_labelled(page, "the CSV upload")
    page.get_by_label("CSV file").set_input_files(csv_file)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("Read as: Windows-1251, semicolons.")).to_be_visible()
    expect(page.locator(".import-errors")).to_contain_text("“№” matches no field")
    expect(page.get_by_label("Эл. почта")).to_have_value("email")
    page.get_by_label("№").select_option("ignore")
    assert_fields_labelled(page, "the column mapping")
    page.get_by_role("button", name="Check again with these columns").click()
    expect(page.get_by_role("heading", name=re.compile(r"Preview: 3 candidate"))).to_be_visible()
    preview = page.locator("table.preview-table")
    for name in (BORIS, VERA, GLEB):
        expect(preview).to_contain_text(name)
    screenshot(page, "12-hr-import-preview")
    page.get_by_role("button", name="Import 3 candidates").click()
    expect(flash(page)).to_contain_text("3 candidates imported.")
    for name in (ANNA, BORIS, VERA, GLEB):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    screenshot(page, "13-hr-vacancy")

    # the custom check and two interviewers for Anna and Boris
    for name in (ANNA, BORIS):
        page.goto(vacancy_url)
        page.get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
        checks = page.locator("#checks")
        checks.get_by_role("group", name=re.compile(CHECK)).get_by_label("Yes", exact=True).check()
        checks.get_by_role("button", name="Save answers").click()
        expect(flash(page)).to_contain_text("Check answers saved.")
        for interviewer in (IRINA, IVAN):
            interviewers = page.locator("#interviewers")
            interviewers.get_by_label("Interviewer").select_option(label=interviewer)
            interviewers.get_by_role("button", name="Assign", exact=True).click()
            expect(flash(page)).to_contain_text(f"{interviewer} will interview this candidate.")
            expect(page.locator("#interviewers table")).to_contain_text(interviewer)
    expect(page.locator("#interviewers table")).to_contain_text(IRINA)
    check_accessibility(page, "the candidate page (HR)")
    assert_fields_labelled(page, "the candidate page")
    screenshot(page, "14-hr-candidate")

    # the job post PDF, in the vacancy's language
    page.goto(vacancy_url)
    data = download(page, page.get_by_role("link", name="Job post PDF").click)
    text = pdf_text(data)
    for expected in (VACANCY, COMPANY, "Задачи", "Требования", "Условия"):
        assert expected in text, f"{expected!r} missing from the job post PDF:\n{text[:1500]}"
    return vacancy_url


def rate(page, ratings: tuple[int, ...], note: str) -> None:
    for code, value in zip(COMPETENCIES, ratings, strict=True):
        group = page.locator(f"#rate-{code}")
        group.get_by_label(str(value), exact=True).check()
        group.get_by_role("textbox").fill(f"{note} {code}")


def interviewer_journey(page, interviewer: str, screenshot, check_accessibility) -> None:
    """The interviewer opens each kit, saves a draft scorecard (partly by keyboard), completes and submits it."""
    for name, ratings in RATINGS[interviewer].items():
        page.get_by_role("navigation", name="Main menu").get_by_role("link", name="My candidates").click()
        row = page.get_by_role("row", name=re.compile(name))
        row.get_by_role("link", name="Interview kit").click()

        expect(page.get_by_role("heading", name=f"Interview kit: {name}")).to_be_visible()
        # an English-speaking interviewer reads the Russian vacancy's profile texts in English (issue 24)
        expect(page.locator("#competency-NEG")).to_contain_text("Negotiation")
        if interviewer == "interviewer1" and name == ANNA:
            check_accessibility(page, "the interview kit")
            screenshot(page, "20-interviewer-kit")
        page.get_by_role("link", name="Fill in my scorecard").click()

        # a draft: half the ratings, kept after the save
        expect(page.get_by_role("heading", name=f"My scorecard: {name}")).to_be_visible()
        if interviewer == "interviewer1" and name == ANNA:
            check_accessibility(page, "the scorecard")
            assert_fields_labelled(page, "the scorecard")
        # by keyboard: the arrow keys move along the 1-5 radio buttons
        page.locator("#rate-NEG").get_by_label("1", exact=True).focus()
        page.keyboard.press("Space")
        for _ in range(ratings[0] - 1):
            page.keyboard.press("ArrowRight")
        expect(page.locator("#rate-NEG").get_by_label(str(ratings[0]), exact=True)).to_be_checked()
        expect(page.locator("#scorecard-progress")).to_contain_text("1 of 8")  # static/js/scorecard.js
        page.locator("#rate-NEG").get_by_role("textbox").fill("Draft note")
        page.get_by_role("button", name="Save draft").click()
        expect(flash(page)).to_contain_text("Draft saved.")
        expect(page.locator("#rate-NEG").get_by_label(str(ratings[0]), exact=True)).to_be_checked()
        expect(page.locator("#rate-NEG").get_by_role("textbox")).to_have_value("Draft note")

        # then everything, and submit
        rate(page, ratings, f"Evidence from {interviewer}:")
        expect(page.locator("#scorecard-progress")).to_contain_text("8 of 8")
        page.get_by_label("Verified level: English").select_option("C1")
        page.get_by_role("group", name="Overall recommendation").get_by_label("Yes", exact=True).check()
        if interviewer == "interviewer1" and name == ANNA:
            screenshot(page, "21-interviewer-scorecard")
        page.get_by_role("button", name="Submit", exact=True).click()
        page.get_by_role("button", name="Yes, submit and lock").click()
        expect(flash(page)).to_contain_text("Scorecard submitted.")
        expect(page.get_by_role("button", name="Submit", exact=True)).to_have_count(0)


def lead_journey(page, vacancy_url: str, screenshot, check_accessibility) -> None:
    """The lead reads the ranking, compares two candidates, downloads an evaluation PDF and decides."""
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Vacancies").click()
    page.get_by_role("link", name=VACANCY).first.click()
    expect(page).to_have_url(vacancy_url)
    page.get_by_role("link", name="Ranking", exact=True).click()
    ranking = page.locator("table.ranking")
    expect(ranking).to_contain_text(ANNA)
    # Anna (higher ratings) ranks above Boris; Gleb is not eligible and comes last
    names = ranking.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert names.index(ANNA) < names.index(BORIS) < names.index(GLEB), names
    check_accessibility(page, "the dashboard")
    assert_fields_labelled(page, "the dashboard")
    screenshot(page, "30-lead-dashboard")

    page.get_by_label(f"Add {ANNA} to the shortlist").check()
    page.get_by_label(f"Add {BORIS} to the shortlist").check()
    page.get_by_role("button", name="Compare selected").click()
    expect(page.get_by_role("heading", name="Shortlist comparison")).to_be_visible()
    table = page.locator("table.compare")
    expect(table.locator("thead")).to_contain_text(ANNA)
    expect(table.locator("thead")).to_contain_text(BORIS)
    expect(table.locator("tr[data-code=NEG]")).to_contain_text("4.5 n=2")
    screenshot(page, "31-lead-compare")

    check_accessibility(page, "the shortlist comparison")
    table.get_by_role("link", name=ANNA).click()
    expect(page.get_by_role("heading", name=ANNA, level=1)).to_be_visible()
    check_accessibility(page, "the evaluation")
    assert_fields_labelled(page, "the evaluation")
    data = download(page, page.get_by_role("link", name="Evaluation PDF").click)
    text = pdf_text(data)
    for expected in (ANNA, VACANCY, IRINA, IVAN):
        assert expected in text, f"{expected!r} missing from the evaluation PDF:\n{text[:1500]}"

    decision = page.locator("#decision")
    decision.get_by_label("Hire", exact=True).check()
    decision.get_by_label("Rationale").fill("Strongest negotiator of the shortlist; both interviewers agree.")
    screenshot(page, "32-lead-evaluation")
    decision.get_by_role("button", name="Record decision").click()
    expect(flash(page)).to_contain_text(f"Decision recorded for {ANNA}: Hire.")
    expect(page.locator("#decision")).to_contain_text("Strongest negotiator of the shortlist")
    screenshot(page, "33-lead-decision")

    page.get_by_role("link", name="Back to ranking").click()
    row = page.locator("table.ranking tbody tr", has_text=ANNA)
    expect(row.locator("td").last).to_have_text("Hire")
