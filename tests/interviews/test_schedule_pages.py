"""HR schedules an interview on the pages; the interviewer sees its time on the kit and the scorecard page."""

import pytest
from icalendar import Calendar

from hiring.extensions import db
from hiring.models import Assignment
from tests.mailbox import mail_config


@pytest.fixture
def app_config(app_config, mailbox):
    app_config.update(mail_config(mailbox))
    return app_config


def test_hr_assigns_with_a_time_moves_it_and_the_interviewer_sees_it(client, auth, build, mailbox):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    hr = build.user("hr")
    ivan = build.user("interviewer", email="ivan@example.test", locale="en")
    candidate = build.candidate(build.vacancy(title="KAM Perm"), full_name="Anna Petrova")
    auth.login(hr.username)
    assigned = client.post(
        f"/candidates/{candidate.id}/interviewers",
        data={
            "user_id": ivan.id,
            "starts_at": "2026-12-07T10:30",
            "time_zone": "Asia/Yekaterinburg",
            "duration_minutes": "45",
            "location": "Zoom https://zoom.example.test/j/1",
        },
    )
    assert assigned.status_code == 302
    detail = client.get(f"/candidates/{candidate.id}").text
    assert "December 7, 2026, 10:30–11:15 (Asia/Yekaterinburg)" in detail
    [invite] = mailbox.to("ivan@example.test")
    [part] = list(invite.iter_attachments())
    event = Calendar.from_ical(part.get_content()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").isoformat() == "2026-12-07T10:30:00+05:00"

    page = f"/candidates/{candidate.id}/interviewers/{ivan.id}/interview"
    assert 'value="2026-12-07T10:30"' in client.get(page).text
    missing = client.post(
        page, data={"starts_at": "", "time_zone": "Europe/Moscow", "duration_minutes": "60"}
    )
    assert missing.status_code == 200 and "Give the date and time of the interview." in missing.text
    moved = client.post(
        page, data={"starts_at": "2026-12-08T09:00", "time_zone": "Europe/Moscow", "duration_minutes": "60"}
    )
    assert moved.status_code == 302
    assert db.session.get(Assignment, db.session.query(Assignment.id).scalar()).sequence == 1
    assert len(mailbox.to("ivan@example.test")) == 2

    auth.logout()
    auth.login(ivan.username)
    for url in (f"/interview/{candidate.id}/kit", f"/interview/{candidate.id}/scorecard"):
        html = client.get(url).text
        assert "December 8, 2026, 09:00–10:00 (Europe/Moscow)" in html, url
