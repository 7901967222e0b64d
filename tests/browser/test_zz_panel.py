"""Issue 24 in a real browser: HR assigns a panel of two interviewers to three candidates at once.

Named to run after the other browser tests: its candidates join the shared work queues they count.
"""

import re

from tests.browser.support import log_in


def test_hr_assigns_a_panel_to_three_candidates_at_once(
    browser, live_server, screenshot, check_accessibility
):
    from playwright.sync_api import expect

    from tests.browser.conftest import new_context

    context = new_context(browser, live_server)
    try:
        page = context.new_page()
        log_in(page, "hr")
        page.goto("/vacancies/new")
        page.get_by_label("Competency profile").select_option(index=0)
        page.get_by_label("Language of the vacancy").select_option("en")
        page.get_by_role("button", name="Continue").click()
        page.get_by_label("Title").fill("Panel test KAM")
        page.get_by_role("button", name="Create vacancy").click()
        expect(page.locator(".flash")).to_contain_text("Vacancy created.")
        vacancy_url = page.url
        names = ["Pavel One", "Polina Two", "Pyotr Three"]
        for name in names:
            page.goto(vacancy_url)
            page.get_by_role("link", name="Add candidate").first.click()
            page.get_by_label("Full name").fill(name)
            page.get_by_role("button", name="Add candidate").click()
            expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()

        page.goto(vacancy_url)
        for name in names:
            page.get_by_label(f"Select: {name}").check()
        panel = page.get_by_role("group", name="Assign interviewers to the ticked candidates")
        panel.get_by_label("Irina Interviewer").check()
        panel.get_by_label("Ivan Interviewer").check()
        check_accessibility(page, "the vacancy page with the panel form")
        panel.get_by_role("button", name="Assign to the ticked candidates").click()
        expect(page.locator(".flash")).to_contain_text("will interview 3 candidates. 6 new assignments.")
        for name in names:
            row = page.get_by_role("row", name=re.compile(name))
            expect(row).to_contain_text("Irina Interviewer")
            expect(row).to_contain_text("Ivan Interviewer")
            expect(row).to_contain_text("0 of 2 submitted")
        screenshot(page, "92-vacancy-panel")
    finally:
        context.close()
