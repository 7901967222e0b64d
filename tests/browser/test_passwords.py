"""Issue 24 in a real browser: an admin creates a user and resets their password; the user changes a
temporary password at the next login and later changes their own on My account."""

import re

from tests.browser.support import ADMIN_PASSWORD, log_in


def test_an_admin_resets_a_password_and_the_user_changes_it(
    browser, live_server, screenshot, check_accessibility
):
    from playwright.sync_api import expect

    from tests.browser.conftest import new_context

    admin_context, user_context = new_context(browser, live_server), new_context(browser, live_server)
    try:
        admin = admin_context.new_page()
        log_in(admin, "admin", ADMIN_PASSWORD)
        admin.goto("/admin/users")
        expect(admin.get_by_label("Role", exact=True)).to_have_value("interviewer")  # never admin by default
        admin.get_by_label("Username").fill("newbie")
        admin.get_by_label("Full name").fill("Nina Newbie")
        admin.get_by_label("Password").fill("first-pass-2026")
        admin.get_by_role("button", name="Create user").click()
        expect(admin.locator(".flash")).to_contain_text("User newbie created.")

        user = user_context.new_page()
        log_in(user, "newbie", "first-pass-2026")
        user.locator(".whoami").click()
        expect(user.get_by_role("heading", name="My account")).to_be_visible()
        user.get_by_label("Current password").fill("first-pass-2026")
        user.get_by_label("New password", exact=True).fill("second-pass-2026")
        user.get_by_label("New password again").fill("second-pass-2026")
        user.get_by_role("button", name="Change password").click()
        expect(user.locator(".flash")).to_contain_text("Your password is changed.")
        screenshot(user, "90-my-account")

        admin.goto("/admin/users")
        admin.get_by_role("row", name=re.compile("newbie")).get_by_role(
            "button", name="Reset password"
        ).click()
        temporary = admin.locator("#temporary-password").inner_text()
        screenshot(admin, "91-temporary-password")
        assert len(temporary) >= 10

        user.goto("/")  # the reset ended this session
        expect(user).to_have_url(re.compile(r"/login"))
        log_in(user, "newbie", temporary)
        user.goto("/vacancies")
        expect(user).to_have_url(re.compile(r"/account$"))
        check_accessibility(user, "my account with a temporary password")
        user.get_by_label("Current password").fill(temporary)
        user.get_by_label("New password", exact=True).fill("third-pass-2026")
        user.get_by_label("New password again").fill("third-pass-2026")
        user.get_by_role("button", name="Change password").click()
        expect(user.locator(".flash")).to_contain_text("Your password is changed.")
    finally:
        admin_context.close()
        user_context.close()
