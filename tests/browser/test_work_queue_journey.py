"""Issue 20 in a real browser: HR schedules an interview, the interviewer's home shows it, and a lead starts an
evaluation pack and watches the progress bar reach the download (the job runs on the server's own workers)."""

import re

import pytest

from tests.browser.support import download, pdf_text

expect = pytest.importorskip("playwright.sync_api").expect

VACANCY = "KAM Work Queue (E2E)"
NINA = "Nina Queue"
OSKAR = "Oskar Queue"
IRINA = "Irina Interviewer"
WHEN = "May 14, 2030, 11:00–11:45 (Europe/Moscow)"


def flash(page):
    return page.locator(".flashes")


def add_candidate(page, vacancy_url: str, name: str, email: str) -> None:
    page.goto(vacancy_url)
    page.get_by_role("link", name="Add candidate").first.click()
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Education level").select_option("master")
    page.get_by_label("Relevant experience, years").fill("6")
    page.get_by_label("Sales plan attainment, %").fill("120")
    page.get_by_role("button", name="Add candidate").click()
    expect(flash(page)).to_contain_text(f"Candidate {name} added.")


def test_schedule_home_and_evaluation_pack(as_user, screenshot, check_accessibility):
    hr = as_user("hr")
    hr.get_by_role("navigation", name="Main menu").get_by_role("link", name="Vacancies").click()
    hr.get_by_role("link", name="New vacancy").first.click()
    hr.get_by_label("Competency profile").select_option(index=0)
    hr.get_by_label("Language of the vacancy").select_option("en")
    hr.get_by_role("button", name="Continue").click()
    hr.get_by_label("Title").fill(VACANCY)
    hr.get_by_label("Company").fill("E2E Trading LLC")
    hr.get_by_label("Location").fill("Moscow")
    hr.get_by_role("button", name="Create vacancy").click()
    expect(flash(hr)).to_contain_text("Vacancy created.")
    vacancy_url = hr.url
    add_candidate(hr, vacancy_url, OSKAR, "oskar@example.com")
    add_candidate(hr, vacancy_url, NINA, "nina@example.com")

    # HR assigns Irina with the interview's time, place and duration
    interviewers = hr.locator("#interviewers")
    interviewers.get_by_label("Interviewer").select_option(label=IRINA)
    interviewers.get_by_label("Interview date and time").fill("2030-05-14T11:00")
    interviewers.get_by_label("Time zone").select_option("Europe/Moscow")
    interviewers.get_by_label("Duration, minutes").fill("45")
    interviewers.get_by_label("Place or video link").fill("https://meet.example.test/e2e")
    interviewers.get_by_role("button", name="Assign", exact=True).click()
    expect(flash(hr)).to_contain_text(f"{IRINA} will interview this candidate.")
    expect(hr.locator("#interviewers table")).to_contain_text(WHEN)
    check_accessibility(hr, "the candidate page with an interview")
    screenshot(hr, "60-hr-interview-scheduled")

    # the interviewer's home: the interview, one click from the kit, and a count beside Home
    irina = as_user("interviewer1")
    irina.goto("/")
    menu_home = irina.get_by_role("navigation", name="Main menu").get_by_role("link", name=re.compile("Home"))
    expect(menu_home).to_contain_text("1")
    upcoming = irina.locator("#upcoming-interviews")
    expect(upcoming).to_contain_text(NINA)
    expect(upcoming).to_contain_text(WHEN)
    expect(upcoming).to_contain_text("https://meet.example.test/e2e")
    check_accessibility(irina, "the interviewer's home")
    screenshot(irina, "61-interviewer-home")
    upcoming.get_by_role("link", name=f"Open the kit for {NINA}").click()
    expect(irina.get_by_role("heading", name=f"Interview kit: {NINA}")).to_be_visible()
    expect(irina.locator(".interview-time")).to_contain_text(WHEN)

    # the lead: the dashboard's selection becomes one PDF, with a progress bar until it is ready
    lead = as_user("lead")
    lead.goto(vacancy_url)
    lead.get_by_role("link", name="Ranking", exact=True).click()
    lead.get_by_label(f"Add {NINA} to the shortlist").check()
    lead.get_by_label(f"Add {OSKAR} to the shortlist").check()
    lead.get_by_role("button", name="Evaluation pack (PDF)").click()
    lead.get_by_role("button", name="Render the pack").click()
    expect(lead.get_by_role("heading", name=f"Evaluation pack: {VACANCY}")).to_be_visible()
    expect(lead.locator("#pack-text")).to_have_text("2 of 2 rendered", timeout=120_000)
    expect(lead.locator("#pack-progress")).to_have_attribute("value", "2")
    link = lead.get_by_role("link", name="Download the evaluation pack (PDF)")
    expect(link).to_be_visible()
    check_accessibility(lead, "the evaluation pack's progress page")
    screenshot(lead, "62-lead-evaluation-pack")
    text = pdf_text(download(lead, link.click))
    for expected in (NINA, OSKAR, VACANCY):
        assert expected in text, f"{expected!r} missing from the evaluation pack:\n{text[:1500]}"
