"""Each user turns each kind of e-mail off on their notification settings page (linked from My account)."""

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import AuditEntry
from hiring.services.notifications import notification_settings


def test_a_user_turns_reminders_off_and_back_on(client, auth, build):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    ivan = build.user("interviewer", email="ivan@example.test")
    auth.login(ivan.username)
    assert 'href="/account/notifications"' in client.get("/account").text
    page = client.get("/account/notifications").text
    assert page.count("checked") == 3 and "Reminders to submit my scorecard after an interview" in page

    saved = client.post("/account/notifications", data={"assignment": "y", "panel_complete": "y"})
    assert saved.status_code == 302
    assert notification_settings(ivan) == {"assignment": True, "reminder": False, "panel_complete": True}
    assert (
        'id="reminder" name="reminder" type="checkbox" value="y">'
        in client.get("/account/notifications").text
    )
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "user.notifications"))
    assert entry.after["reminder"] is False and entry.user_id == ivan.id

    client.post("/account/notifications", data={"assignment": "y", "reminder": "y", "panel_complete": "y"})
    assert all(notification_settings(ivan).values())


def test_without_an_e_mail_address_the_page_says_nothing_is_sent(client, auth, build):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    auth.login(build.user("lead").username)
    assert "no e-mail address" in client.get("/account/notifications").text
