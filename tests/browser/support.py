"""Plain helpers for the browser tests: people, logging in, labels, PDFs."""

import io

PASSWORD = "e2e-password-1"
ADMIN_PASSWORD = "e2e-admin-password"
USERS = {
    "hr": ("hr", "Hanna HR"),
    "lead": ("lead", "Leo Lead"),
    "interviewer1": ("interviewer", "Irina Interviewer"),
    "interviewer2": ("interviewer", "Ivan Interviewer"),
}


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Log in through the form, as a person would."""
    page.goto("/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


UNLABELLED_FIELDS_JS = """() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(el => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
    .filter(el => el.labels.length === 0 || Array.from(el.labels).every(l => !l.textContent.trim()))
    .map(el => el.outerHTML.slice(0, 200))"""


def assert_fields_labelled(page, what: str) -> int:
    """Every form control has a <label> with text (an aria-label alone does not count); returns how many."""
    unlabelled = page.evaluate(UNLABELLED_FIELDS_JS)
    assert not unlabelled, f"form fields without a <label> on {what} ({page.url}):\n" + "\n".join(unlabelled)
    return page.locator("input:not([type=hidden]):not([type=submit]), select, textarea").count()


def pdf_text(data: bytes) -> str:
    """The text of a PDF, after checking it is one."""
    from pypdf import PdfReader

    assert data.startswith(b"%PDF-"), f"not a PDF: {data[:40]!r}"
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def download(page, click, timeout_ms: int = 60_000) -> bytes:
    """Click something that downloads a file and return the file's bytes (PDFs take a while to render)."""
    with page.expect_download(timeout=timeout_ms) as info:
        click()
    path = info.value.path()
    with open(path, "rb") as handle:
        return handle.read()
