"""Scorecard reminders and "panel complete" mails: planned through the outbox, sent once, at the right hour."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from hiring import jobs
from hiring.extensions import db
from hiring.models import OutboxJob
from hiring.models._base import utcnow
from hiring.services import interviews
from hiring.services.candidates import assign_interviewer
from hiring.services.notifications import save_notification_settings
from hiring.services.schedule import InterviewInput
from tests.mailbox import mail_config


@pytest.fixture
def app_config(app_config, mailbox):
    app_config.update(
        mail_config(mailbox),
        BASE_URL="https://hiring.example.test",
        SCORECARD_REMINDER_HOURS=24,
        SCORECARD_REMINDER_LIMIT=2,
    )
    return app_config


@pytest.fixture
def people(build):
    return {
        "hr": build.user("hr"),
        "ivan": build.user("interviewer", email="ivan@example.test", locale="en"),
        "maria": build.user("interviewer", email="maria@example.test", locale="en"),
        "lead": build.user("lead", email="lead@example.test", locale="en"),
        "quiet_lead": build.user("lead", email="quiet@example.test"),
    }


def interview_that_ended(candidate, interviewer, hours_ago: float, by):
    """Assign with an interview of 60 minutes that ended `hours_ago` hours ago."""
    start = utcnow() - timedelta(hours=hours_ago, minutes=60)
    assignment = assign_interviewer(
        candidate, interviewer.id, by.id, InterviewInput(start, 60, "Europe/Moscow", "")
    )
    db.session.commit()
    return assignment


def reminders(mailbox, address):
    return [m for m in mailbox.to(address) if m["Subject"].startswith("Scorecard due")]


def make_due():
    db.session.execute(
        sa.update(OutboxJob)
        .where(OutboxJob.state == "pending")
        .values(run_after=utcnow() - timedelta(seconds=1))
    )
    db.session.commit()


def submit(candidate, interviewer):
    codes = [c.code for c in candidate.vacancy.profile.competencies]
    interviews.save_scorecard(
        candidate,
        interviewer,
        ratings=dict.fromkeys(codes, 4),
        notes={},
        verified_languages=[],
        recommendation="yes",
        submit=True,
        expected_version=None,
    )
    db.session.commit()


def test_no_reminder_23_hours_after_the_interview_one_at_25(build, people, mailbox):
    early, late = build.candidate(full_name="Early Egor"), build.candidate(full_name="Late Lena")
    interview_that_ended(early, people["ivan"], 23, people["hr"])
    interview_that_ended(late, people["ivan"], 25, people["hr"])
    assert jobs.dispatch_due() == []  # the sweeper finds nothing more due
    [reminder] = reminders(mailbox, "ivan@example.test")
    assert reminder["Subject"] == f"Scorecard due: Late Lena, {late.vacancy.title}"
    text = reminder.get_body(("plain",)).get_content()
    assert f"https://hiring.example.test/interview/{late.id}/scorecard" in text
    assert "https://hiring.example.test/account/notifications" in text


def test_running_the_dispatcher_twice_sends_once_and_daily_reminders_stop_at_the_limit(
    build, people, mailbox
):
    candidate = build.candidate()
    interview_that_ended(candidate, people["ivan"], 25, people["hr"])
    assert len(reminders(mailbox, "ivan@example.test")) == 1
    jobs.dispatch_due()
    jobs.dispatch_due()
    assert len(reminders(mailbox, "ivan@example.test")) == 1
    next_one = db.session.scalar(
        sa.select(OutboxJob).where(OutboxJob.kind == "scorecard_reminder", OutboxJob.state == "pending")
    )
    assert jobs.as_utc(next_one.run_after) > utcnow() + timedelta(hours=11)  # a day later, not at once

    make_due()  # the next day
    jobs.dispatch_due()
    jobs.dispatch_due()
    assert len(reminders(mailbox, "ivan@example.test")) == 2
    make_due()  # the limit (2) is reached: nothing more is planned
    assert jobs.dispatch_due() == []
    assert len(reminders(mailbox, "ivan@example.test")) == 2


def test_no_reminder_once_submitted_or_when_turned_off(build, people, mailbox):
    done, quiet = build.candidate(), build.candidate()
    interview_that_ended(done, people["ivan"], 23, people["hr"])
    submit(done, people["ivan"])
    save_notification_settings(people["maria"], ["assignment", "panel_complete"], people["maria"].id)
    db.session.commit()
    interview_that_ended(quiet, people["maria"], 30, people["hr"])
    make_due()
    jobs.dispatch_due()
    assert reminders(mailbox, "ivan@example.test") == []
    assert reminders(mailbox, "maria@example.test") == []
    assert len(mailbox.to("maria@example.test")) == 1  # the invitation, still wanted


def test_a_moved_interview_restarts_the_reminders_and_the_old_chain_stays_silent(build, people, mailbox):
    from hiring.services.schedule import schedule_interview

    candidate = build.candidate()
    assignment = interview_that_ended(candidate, people["ivan"], 23, people["hr"])
    schedule_interview(
        assignment, InterviewInput(utcnow() + timedelta(days=2), 60, "Europe/Moscow", ""), None
    )
    db.session.commit()
    old = sa.update(OutboxJob).where(OutboxJob.key == f"reminder:{assignment.calendar_uid}:0:1")
    db.session.execute(old.values(run_after=utcnow() - timedelta(hours=2)))
    db.session.commit()  # the first version's reminder falls due: it sees the move and sends nothing
    jobs.dispatch_due()
    assert reminders(mailbox, "ivan@example.test") == []


def test_the_leads_hear_when_the_panel_is_complete_once(build, people, mailbox):
    candidate = build.candidate(full_name="Anna Petrova")
    for name in ("ivan", "maria"):
        assign_interviewer(candidate, people[name].id, people["hr"].id)
    save_notification_settings(people["quiet_lead"], ["assignment", "reminder"], people["quiet_lead"].id)
    db.session.commit()
    submit(candidate, people["ivan"])
    assert mailbox.to("lead@example.test") == []
    submit(candidate, people["maria"])
    [ready] = mailbox.to("lead@example.test")
    assert ready["Subject"] == f"Ready for a decision: Anna Petrova, {candidate.vacancy.title}"
    assert (
        f"https://hiring.example.test/candidates/{candidate.id}/evaluation"
        in ready.get_body(("plain",)).get_content()
    )
    assert candidate.email not in ready.get_body(("plain",)).get_content()
    assert mailbox.to("quiet@example.test") == []  # turned off
    make_due()
    jobs.dispatch_due()
    assert len(mailbox.to("lead@example.test")) == 1


def test_flask_send_reminders_performs_the_due_reminders_for_cron(app, build, people, mailbox, runner):
    candidate = build.candidate()
    interview_that_ended(candidate, people["ivan"], 23, people["hr"])
    assert reminders(mailbox, "ivan@example.test") == []
    make_due()  # two hours later
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "1 of 1 due jobs done." in result.output
    assert len(reminders(mailbox, "ivan@example.test")) == 1
