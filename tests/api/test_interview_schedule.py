"""Scheduling an interview through the API: the interviewer's invitation, its moves and its cancellation,
received on a real SMTP server and read back with the iCalendar library."""

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar

from tests.api.conftest import error_of, make_user
from tests.mailbox import mail_config


@pytest.fixture
def app_config(app_config, mailbox):
    app_config.update(mail_config(mailbox), BASE_URL="https://hiring.example.test")
    return app_config


@pytest.fixture
def team(app):
    return {
        "olga": make_user("hr", "olga"),
        "ivan": make_user(
            "interviewer", "ivan", full_name="Ivan Orlov", email="ivan@example.test", locale="en"
        ),
        "pavel": make_user("interviewer", "pavel", full_name="Павел", email="pavel@example.test"),
    }


def calendar_of(message) -> Calendar:
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == ("CANCEL" if "CANCEL" in part.get_content() else "REQUEST")
    return Calendar.from_ical(part.get_content())


def event_of(message):
    calendar = calendar_of(message)
    [event] = calendar.walk("VEVENT")
    return calendar, event


INTERVIEW = {
    "starts_at": "2026-12-03T12:00:00+03:00",
    "duration_minutes": 90,
    "location": "https://meet.example.test/kam-1",
    "time_zone": "Europe/Moscow",
}


def test_assigning_with_an_interview_invites_and_every_move_raises_the_sequence(api, build, team, mailbox):
    vacancy = build.vacancy(title="Key account manager, FMCG")
    candidate = build.candidate(vacancy, full_name="Anna Petrova", phone="+7 900 111-22-33")
    body = {"user_id": team["ivan"].id, "interview": INTERVIEW}
    created = api.post(f"/candidates/{candidate.id}/interviewers", "olga", json=body)
    assert created.status_code == 201, created.get_json()
    interview = created.get_json()["interview"]
    assert interview["starts_at"] == "2026-12-03T09:00:00+00:00"
    assert interview["ends_at"] == "2026-12-03T10:30:00+00:00"
    assert (interview["time_zone"], interview["sequence"]) == ("Europe/Moscow", 0)

    [invite] = mailbox.to("ivan@example.test")
    assert invite["Subject"] == "Interview invitation: Anna Petrova, Key account manager, FMCG"
    text = invite.get_body(("plain",)).get_content()
    assert "December 3, 2026, 12:00–13:30 (Europe/Moscow)" in text
    assert f"https://hiring.example.test/interview/{candidate.id}/kit" in text
    assert "+7 900" not in text and candidate.email not in text  # nothing beyond the name and vacancy
    assert (
        f'href="https://hiring.example.test/interview/{candidate.id}/kit"'
        in invite.get_body(("html",)).get_content()
    )
    calendar, event = event_of(invite)
    assert str(calendar["METHOD"]) == "REQUEST"
    uid = str(event["UID"])
    assert int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == datetime.fromisoformat("2026-12-03T12:00:00+03:00")
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=90)
    assert str(event["LOCATION"]) == INTERVIEW["location"]
    assert str(event["ATTENDEE"]) == "mailto:ivan@example.test"

    path = f"/candidates/{candidate.id}/interviewers/{team['ivan'].id}"
    moved = {**INTERVIEW, "starts_at": "2026-12-04T15:30:00+03:00"}
    response = api.put(path, "olga", json={"interview": moved})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["interview"]["sequence"] == 1
    assert api.put(path, "olga", json={"interview": moved}).status_code == 200  # the same time: nothing sent
    first, update = mailbox.to("ivan@example.test")
    assert update["Subject"] == "Interview moved: Anna Petrova, Key account manager, FMCG"
    calendar, event = event_of(update)
    assert (str(calendar["METHOD"]), str(event["UID"]), int(event["SEQUENCE"])) == ("REQUEST", uid, 1)
    assert event.decoded("DTSTART") == datetime.fromisoformat("2026-12-04T15:30:00+03:00")

    assert api.call("DELETE", path, "olga").status_code == 204
    cancel = mailbox.to("ivan@example.test")[-1]
    assert cancel["Subject"] == "Interview cancelled: Anna Petrova, Key account manager, FMCG"
    calendar, event = event_of(cancel)
    assert (str(calendar["METHOD"]), str(event["UID"]), int(event["SEQUENCE"])) == ("CANCEL", uid, 2)
    assert len(mailbox.messages) == 3


def test_an_interview_set_later_is_in_the_interviewers_language(api, build, team, mailbox):
    candidate = build.candidate(build.vacancy(title="KAM"), full_name="Анна Петрова")
    assert (
        api.post(
            f"/candidates/{candidate.id}/interviewers", "olga", json={"user_id": team["pavel"].id}
        ).status_code
        == 201
    )
    [assigned] = mailbox.to("pavel@example.test")
    assert assigned["Subject"] == "Вы проведёте интервью: Анна Петрова"
    assert not list(assigned.iter_attachments())

    path = f"/candidates/{candidate.id}/interviewers/{team['pavel'].id}"
    body = {"interview": {"starts_at": "2026-12-03T07:00:00+00:00", "location": "Переговорная 3"}}
    assert api.put(path, "olga", json=body).status_code == 200
    invite = mailbox.to("pavel@example.test")[-1]
    assert invite["Subject"] == "Приглашение на интервью: Анна Петрова, KAM"
    assert "3 декабря 2026\u202fг., 10:00–11:00 (Europe/Moscow)" in invite.get_body(("plain",)).get_content()
    _calendar, event = event_of(invite)
    assert int(event["SEQUENCE"]) == 0 and str(event["LOCATION"]) == "Переговорная 3"


def test_bad_interviews_are_refused_with_fields_and_send_nothing(api, build, team, mailbox):
    candidate = build.candidate()
    bad = {"starts_at": "2026-12-03T12:00:00", "duration_minutes": 5, "time_zone": "Mars/Olympus"}
    response = api.post(
        f"/candidates/{candidate.id}/interviewers",
        "olga",
        json={"user_id": team["ivan"].id, "interview": bad},
    )
    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {
        "interview.starts_at",
        "interview.duration_minutes",
        "interview.time_zone",
    }
    assert mailbox.messages == []
    path = f"/candidates/{candidate.id}/interviewers/{team['ivan'].id}"
    assert api.put(path, "olga", json={"interview": INTERVIEW}).status_code == 404  # not assigned
