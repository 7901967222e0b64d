"""HR records how the hire did, reads the profile's validity report and clones the profile with its weights."""

import pytest

from tests.browser.support import assert_fields_labelled

expect = pytest.importorskip("playwright.sync_api").expect


def outcome_journey(page, vacancy_url: str, hired: str, screenshot, check_accessibility) -> None:
    page.goto(vacancy_url)
    page.get_by_role("link", name=hired, exact=True).click()
    page.get_by_role("link", name="Outcome of the hire").click()
    expect(page.get_by_role("heading", name="Outcome of the hire", level=1)).to_be_visible()
    assert_fields_labelled(page, "the outcome form")
    page.get_by_label("Start date").fill("2025-03-03")
    month6 = page.get_by_role("group", name="Review at month 6")
    month6.get_by_label("Key clients kept, %").fill("92,5")
    month6.get_by_label("Portfolio revenue growth, %").fill("11")
    month6.get_by_label("Sales plan attainment, %").fill("104")
    month6.get_by_label("Manager's overall rating (1–5)").fill("4")
    month6.get_by_label("Still works here").select_option("yes")
    check_accessibility(page, "the outcome form")
    screenshot(page, "40-hr-outcome")
    page.get_by_role("button", name="Save outcome").click()
    expect(page.locator(".flashes")).to_contain_text("Outcome saved.")
    expect(month6.get_by_label("Key clients kept, %")).to_have_value("92.5")

    page.get_by_role("link", name="Validity report of the profile").click()
    expect(page.get_by_role("heading", name="Validity report", level=1)).to_be_visible()
    expect(page.locator("table.validity")).to_contain_text("not enough data (n = 1)")
    expect(page.locator("figure.chart svg")).to_be_visible()
    check_accessibility(page, "the validity report")
    assert_fields_labelled(page, "the validity report")
    screenshot(page, "41-hr-validity")
    page.get_by_role("button", name="Clone the profile with these weights").click()
    expect(page.locator(".flashes")).to_contain_text("Tick the confirmation")
    page.get_by_label("I understand this creates a new profile").check()
    page.get_by_role("button", name="Clone the profile with these weights").click()
    expect(page.locator(".flashes")).to_contain_text("A new profile was created with the suggested weights")
    expect(page.get_by_role("heading", level=1)).to_contain_text("(weights from outcomes)")
    screenshot(page, "42-hr-cloned-profile")
