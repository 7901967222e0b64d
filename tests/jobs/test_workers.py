"""The same jobs through a real RQ worker on the local Redis and in-process without Redis."""

import os

import pytest
import redis
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import OutboxJob
from hiring.services.mail import enqueue_mail
from tests.mailbox import mail_config

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def redis_available() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture(params=["rq", "sync"])
def mode(request):
    if request.param == "rq" and not redis_available():
        pytest.skip("needs Redis on " + REDIS_URL)
    return request.param


@pytest.fixture
def app_config(app_config, mailbox, mode):
    app_config.update(mail_config(mailbox))
    if mode == "rq":
        # A queue of this test process's own, so parallel runs never take each other's jobs.
        app_config.update(REDIS_URL=REDIS_URL, JOBS_QUEUE=f"hiring-test-{os.getpid()}")
    return app_config


def states():
    db.session.expire_all()
    return [job.state for job in db.session.scalars(sa.select(OutboxJob).order_by(OutboxJob.id))]


def test_mails_go_out_through_the_worker_or_in_process(app, runner, mailbox, mode):
    for number in (1, 2, 3):
        enqueue_mail(to=f"user{number}@example.test", subject=f"Message {number}", text="T", key=f"m{number}")
    db.session.commit()
    if mode == "rq":
        assert states() == ["pending"] * 3  # handed to Redis, waiting for a worker
        assert mailbox.messages == []
        result = runner.invoke(args=["worker", "--burst"])
        assert result.exit_code == 0, result.output
    assert states() == ["done"] * 3
    assert sorted(message["Subject"] for message in mailbox.messages) == [
        "Message 1",
        "Message 2",
        "Message 3",
    ]


def test_redis_down_keeps_the_job_for_the_sweeper_and_the_change_is_saved(app, mailbox, mode):
    if mode != "rq":
        pytest.skip("about Redis")
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # nothing listens there
    app.extensions.pop("hiring_jobs", None)
    enqueue_mail(to="a@example.test", subject="S", text="T", key="down")
    db.session.commit()  # no error: the row waits
    assert states() == ["pending"]


def test_flask_worker_without_redis_says_jobs_run_in_process(app, runner, mode):
    if mode != "sync":
        pytest.skip("about running without Redis")
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0
    assert "REDIS_URL is not set" in result.output


def test_a_scorecard_reminder_and_its_mail_go_through_the_worker_or_in_process(
    app, runner, mailbox, mode, build
):
    from datetime import timedelta

    from hiring.models._base import utcnow
    from hiring.services.candidates import assign_interviewer
    from hiring.services.schedule import InterviewInput

    ivan = build.user("interviewer", email="ivan@example.test", locale="en")
    candidate = build.candidate(full_name="Late Lena")
    ended = InterviewInput(utcnow() - timedelta(hours=26), 60, "Europe/Moscow", "")
    assign_interviewer(candidate, ivan.id, None, ended)
    db.session.commit()
    if mode == "rq":
        assert mailbox.messages == []  # the invitation and the reminder wait for a worker
        result = runner.invoke(args=["worker", "--burst"])
        assert result.exit_code == 0, result.output
    subjects = sorted(message["Subject"] for message in mailbox.to("ivan@example.test"))
    assert subjects == [
        f"Interview invitation: Late Lena, {candidate.vacancy.title}",
        f"Scorecard due: Late Lena, {candidate.vacancy.title}",
    ]
