"""The login page in a real browser: keyboard only, and accessible."""

from tests.browser.support import PASSWORD, assert_fields_labelled


def focused(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " text: document.activeElement.textContent.trim()})"
    )


def tab_to(page, element_id: str, limit: int = 15) -> int:
    """Press Tab until the element with that id has the focus; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused(page)["id"] == element_id:
            return presses
    raise AssertionError(f"#{element_id} never got the focus after {limit} Tabs (last: {focused(page)})")


def test_login_by_keyboard_only(page, screenshot):
    page.goto("/login")
    screenshot(page, "01-login")

    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to content", "the first Tab should reach the skip link"

    tab_to(page, "username")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), "the keyboard focus should be visible"
    page.keyboard.type("hr")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url("**/")
    assert page.get_by_role("button", name="Log out").is_visible()
    assert "Hanna HR" in page.locator(".whoami").inner_text()
    screenshot(page, "02-home-hr")


def test_wrong_password_is_explained_and_keeps_the_username(page, check_accessibility):
    page.goto("/login")
    page.get_by_label("Username").fill("hr")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_label("Password").press("Enter")

    page.get_by_text("Wrong username or password").wait_for()
    assert page.get_by_label("Username").input_value() == "hr"
    check_accessibility(page, "the login page after a failed attempt")


def test_login_page_is_accessible(page, require_axe, check_accessibility):
    page.goto("/login")
    check_accessibility(page, "the login page")
    assert assert_fields_labelled(page, "the login page") == 3


def test_skip_link_moves_to_the_content(page):
    page.goto("/login")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "username", "after the skip link the next Tab should reach the form"


def test_the_accessibility_check_catches_a_missing_label(page, require_axe, check_accessibility):
    """The checker itself: a page with an unlabelled field must fail it."""
    page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')
    try:
        check_accessibility(page, "a broken page")
    except AssertionError as error:
        assert "label" in str(error)
    else:
        raise AssertionError("axe-core did not report the unlabelled field")
