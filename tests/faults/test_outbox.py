"""Work that leaves the process survives its target being away: the queue's Redis and the mail server.

Each scenario runs a fault-free twin first, and the faulty run must end in the same state: every change saved,
every job done, every message received exactly once.
"""

import os
from datetime import timedelta

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from hiring import jobs
from hiring.extensions import db
from hiring.models import Candidate, OutboxJob
from hiring.models._base import utcnow
from hiring.services.mail import enqueue_mail
from tests.faults.conftest import free_port
from tests.mailbox import Mailbox, mail_config


def invite(build, vacancy, number: int) -> None:
    """A change and its mail in one transaction, as a service records them."""
    db.session.add(
        Candidate(vacancy=vacancy, full_name=f"Кандидат {number}", email=f"c{number}@example.test")
    )
    enqueue_mail(
        to=f"c{number}@example.test", subject=f"Invitation {number}", text="T", key=f"invite:{number}"
    )
    db.session.commit()


def outcome(box: Mailbox) -> dict:
    db.session.expire_all()
    return {
        "candidates": sorted(db.session.scalars(sa.select(Candidate.full_name))),
        "jobs": sorted(db.session.scalars(sa.select(OutboxJob.state))),
        "received": sorted(message["Subject"] for message in box.messages),
    }


def sweep_later() -> None:
    """What the sweeper does once the retry waits have passed (the waits are made to have passed)."""
    db.session.execute(
        sa.update(OutboxJob)
        .where(OutboxJob.state == "pending")
        .values(run_after=utcnow() - timedelta(seconds=1), locked_until=None)
    )
    db.session.commit()
    jobs.dispatch_due()


@pytest.fixture
def queued_app(app, redis_server, mailbox):
    app.config.update(mail_config(mailbox))
    app.config.update(REDIS_URL=redis_server.url, JOBS_QUEUE=f"faults-{os.getpid()}")
    app.extensions.pop("hiring_jobs", None)
    yield app
    app.extensions.pop("hiring_jobs", None)


def test_the_queue_redis_killed_and_restarted_loses_no_job_and_doubles_none(
    queued_app, runner, build, redis_server, mailbox
):
    vacancy = build.vacancy()
    invite(build, vacancy, 1)  # handed to Redis
    redis_server.kill()
    invite(build, vacancy, 2)  # Redis away: saved all the same, the job waits in the database
    assert outcome(mailbox)["candidates"] == ["Кандидат 1", "Кандидат 2"]

    redis_server.start()  # a fresh Redis: the id handed over before is gone with the old one
    queued_app.extensions.pop("hiring_jobs", None)
    sweep_later()
    assert runner.invoke(args=["worker", "--burst"]).exit_code == 0
    sweep_later()  # a second sweep and worker find nothing more to do
    assert runner.invoke(args=["worker", "--burst"]).exit_code == 0

    assert outcome(mailbox) == {
        "candidates": ["Кандидат 1", "Кандидат 2"],
        "jobs": ["done", "done"],
        "received": ["Invitation 1", "Invitation 2"],
    }


@pytest.fixture
def smtp_away(app):
    """A mail server address where nothing listens yet; `start()` brings a real one up on it."""
    box = Mailbox()
    port = free_port()
    app.config.update(
        JOBS_MODE="sync", MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_DEFAULT_SENDER="h@example.test"
    )
    controllers = []

    def start():
        controller = Controller(box, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)

    box.start = start
    yield box
    for controller in controllers:
        controller.stop()


def test_the_mail_server_away_then_refusing_then_back_sends_each_message_once(app, build, smtp_away):
    vacancy = build.vacancy()
    invite(build, vacancy, 1)  # nothing listens: the change is saved, the job waits with its error
    db.session.expire_all()
    job = db.session.scalar(sa.select(OutboxJob))
    assert job.state == "pending" and "Connection" in job.last_error
    assert outcome(smtp_away)["candidates"] == ["Кандидат 1"]

    smtp_away.start()
    smtp_away.refuse_next = 1  # back, but busy: "451 try again later" once
    sweep_later()
    assert outcome(smtp_away)["received"] == []
    sweep_later()
    sweep_later()  # done jobs are never sent again
    assert outcome(smtp_away) == {
        "candidates": ["Кандидат 1"],
        "jobs": ["done"],
        "received": ["Invitation 1"],
    }
