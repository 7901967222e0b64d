"""The outbox: jobs recorded with the change, handed over after the commit, retried, and sent once."""

from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from hiring import jobs
from hiring.extensions import db
from hiring.models import OutboxJob, SentMessage
from hiring.models._base import utcnow
from hiring.services.mail import enqueue_mail
from hiring.services.outbox import enqueue
from tests.mailbox import mail_config


@pytest.fixture
def app_config(app_config, mailbox):
    app_config.update(mail_config(mailbox))
    return app_config


def a_mail(key="mail:test:1", to="anna@example.test"):
    return enqueue_mail(to=to, subject="Hello", text="Plain text", html="<p>HTML</p>", key=key)


def rows():
    db.session.expire_all()
    return list(db.session.scalars(sa.select(OutboxJob).order_by(OutboxJob.id)))


def make_due():
    db.session.execute(sa.update(OutboxJob).values(run_after=utcnow() - timedelta(seconds=1)))
    db.session.commit()


def test_a_committed_change_sends_its_mail_once_it_is_committed(app, mailbox):
    a_mail()
    assert mailbox.messages == []  # nothing leaves before the commit
    db.session.commit()
    [message] = mailbox.to("anna@example.test")
    assert message["Subject"] == "Hello"
    assert message.get_body(("plain",)).get_content().strip() == "Plain text"
    assert "<p>HTML</p>" in message.get_body(("html",)).get_content()
    [job] = rows()
    assert (job.state, job.attempts, job.finished_at is not None) == ("done", 1, True)


def test_a_rolled_back_change_records_and_sends_nothing(app, mailbox):
    a_mail()
    db.session.rollback()
    db.session.commit()
    assert rows() == []
    assert mailbox.messages == []


def test_the_same_key_is_recorded_once(app, mailbox):
    first = a_mail()
    second = a_mail()
    assert first.id == second.id
    db.session.commit()
    a_mail()  # again in a later transaction
    db.session.commit()
    assert len(rows()) == 1
    assert len(mailbox.messages) == 1


def test_a_refused_message_is_retried_with_growing_waits_and_sent_once(app, mailbox):
    mailbox.refuse_next = 2
    before = utcnow()
    a_mail()
    db.session.commit()
    [job] = rows()
    assert (job.state, job.attempts) == ("pending", 1)
    assert "451" in job.last_error
    wait = jobs.as_utc(job.run_after) - before
    assert timedelta(seconds=9) < wait < timedelta(seconds=12)
    assert jobs.dispatch_due() == []  # not due yet

    make_due()
    assert jobs.dispatch_due() == [job.id]
    [job] = rows()
    assert (job.state, job.attempts) == ("pending", 2)
    assert timedelta(seconds=19) < jobs.as_utc(job.run_after) - utcnow() < timedelta(seconds=21)

    make_due()
    jobs.dispatch_due()
    [job] = rows()
    assert (job.state, job.attempts, job.last_error) == ("done", 3, "")
    assert len(mailbox.messages) == 1


def test_a_job_that_keeps_failing_ends_failed(app, mailbox):
    mailbox.refuse_next = 100
    enqueue_mail(to="a@example.test", subject="S", text="T", key="k", run_after=None)
    db.session.execute(sa.update(OutboxJob).values(max_attempts=3))
    db.session.commit()
    for _ in range(3):
        make_due()
        jobs.dispatch_due()
    [job] = rows()
    assert (job.state, job.attempts) == ("failed", 3)
    assert job.finished_at is not None
    make_due()
    assert jobs.dispatch_due() == []


def test_a_job_run_again_never_sends_the_same_message_twice(app, mailbox):
    a_mail()
    db.session.commit()
    # The queue delivers the job a second time (RQ is at-least-once), or an admin re-runs it.
    db.session.execute(sa.update(OutboxJob).values(state="pending", finished_at=None))
    db.session.commit()
    make_due()
    jobs.dispatch_due()
    assert len(mailbox.messages) == 1
    assert db.session.scalar(sa.select(sa.func.count(SentMessage.id))) == 1
    assert [job.state for job in rows()] == ["done"]


def test_a_job_is_not_performed_twice_at_once(app, mailbox):
    a_mail()
    db.session.execute(sa.update(OutboxJob).values(run_after=utcnow() + timedelta(hours=1)))
    db.session.commit()  # recorded, not due
    [job] = rows()
    db.session.execute(
        sa.update(OutboxJob).values(state="running", locked_until=utcnow() + timedelta(minutes=1))
    )
    db.session.commit()
    assert jobs.perform(job.id) == "skipped"  # another worker holds the lease
    assert mailbox.messages == []


def test_a_crashed_workers_job_is_taken_again_when_its_lease_ends(app, mailbox):
    a_mail()
    db.session.execute(sa.update(OutboxJob).values(run_after=utcnow() + timedelta(hours=1)))
    db.session.commit()
    db.session.execute(
        sa.update(OutboxJob).values(state="running", attempts=1, locked_until=utcnow() - timedelta(seconds=1))
    )
    db.session.commit()
    [job] = rows()
    assert jobs.dispatch_due() == [job.id]
    assert [(job.state, job.attempts) for job in rows()] == [("done", 2)]
    assert len(mailbox.messages) == 1


def test_an_unknown_kind_fails_on_its_row_not_in_the_request(app):
    enqueue("no-such-kind", {})
    db.session.commit()
    [job] = rows()
    assert job.state == "pending"
    assert "no handler" in job.last_error


def test_without_a_mail_server_the_message_is_saved_in_the_mail_folder(app, capsys):
    app.config["MAIL_SERVER"] = None
    a_mail(to="boris@example.test")
    db.session.commit()
    [saved] = list((Path(app.config["MAIL_FOLDER"])).glob("*.eml"))
    assert "boris@example.test" in saved.read_text()
    assert "Subject: Hello" in capsys.readouterr().out
