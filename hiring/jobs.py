"""Performing the outbox's jobs: hand-over after commit, the claim, retries, the sweeper and `flask worker`.

A job is a row (hiring.models.OutboxJob) recorded by hiring.services.outbox.enqueue in the transaction of the
change. After the commit the app's session hands the new ids over:
- `REDIS_URL` set: to RQ (queue JOBS_QUEUE, "hiring"); `flask worker` runs the RQ worker on any machine. If Redis
  is down the error is logged and the row stays pending: the sweeper hands it over later.
- no `REDIS_URL`: in-process, `JOBS_MODE=thread` (a small pool with its own app context; `make run`) or
  `JOBS_MODE=sync` (performed right after the commit, in the same process; the tests).
`perform(job_id)` claims the row atomically (never run twice at once), calls the kind's handler with the payload,
and marks it done; a failure puts it back to pending after 10 s, 20 s, 40 s ... until max_attempts, then failed.
The queue only carries ids: a lost RQ job costs a delay (the sweeper), never the work.
"""

import contextvars
import importlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import click
import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy import event

from hiring.extensions import db
from hiring.models import OutboxJob
from hiring.models._base import utcnow
from hiring.services.outbox import NEW_JOBS

log = logging.getLogger(__name__)

# Modules that register handlers with @handler; imported before the first job is performed.
HANDLER_MODULES = [
    "hiring.services.mail",
    "hiring.services.webhooks",
    "hiring.services.notifications",
    "hiring.services.reminders",
    "hiring.services.evaluation_packs",
]
FIRST_RETRY = timedelta(seconds=10)
HANDOVER_LEASE = timedelta(
    seconds=60
)  # a pending row handed over by the sweeper is not handed over again before


@dataclass(frozen=True)
class Handler:
    fn: Callable[[dict[str, Any]], None]
    lease: timedelta


HANDLERS: dict[str, Handler] = {}
_current_job: contextvars.ContextVar[OutboxJob | None] = contextvars.ContextVar("current_job", default=None)


def handler(kind: str, *, lease: timedelta = timedelta(minutes=5)):
    """Register `fn(payload)` as the handler of a kind; `lease` is how long a run may take before it is retaken."""

    def register(fn):
        HANDLERS[kind] = Handler(fn, lease)
        return fn

    return register


def current_job() -> OutboxJob | None:
    """The job being performed (its id, key and attempts), for handlers that need more than the payload."""
    return _current_job.get()


def load_handlers() -> None:
    for name in HANDLER_MODULES:
        importlib.import_module(name)


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; every stored time is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


# --- performing ---------------------------------------------------------------------------------------------


def perform(job_id: int) -> str:
    """Run one job in an app context of its own (its own session); returns what happened."""
    app = current_app._get_current_object()
    with app.app_context():
        try:
            return _perform(job_id)
        finally:
            db.session.remove()


def _perform(job_id: int) -> str:
    load_handlers()
    kind = db.session.scalar(sa.select(OutboxJob.kind).where(OutboxJob.id == job_id))
    if kind is None:
        return "missing"
    entry = HANDLERS.get(kind)
    now = utcnow()
    lease = entry.lease if entry else timedelta(minutes=5)
    claim = (
        sa.update(OutboxJob)
        .where(
            OutboxJob.id == job_id,
            sa.or_(
                sa.and_(OutboxJob.state == "pending", OutboxJob.run_after <= now),
                sa.and_(OutboxJob.state == "running", OutboxJob.locked_until < now),
            ),
        )
        .values(state="running", attempts=OutboxJob.attempts + 1, locked_until=now + lease)
        .execution_options(synchronize_session=False)
    )
    claimed = db.session.execute(claim).rowcount
    db.session.commit()
    if not claimed:
        return "skipped"  # someone else has it, it is not due, or it is finished
    job = db.session.get(OutboxJob, job_id)
    token = _current_job.set(job)
    try:
        if entry is None:
            raise LookupError(f"no handler for job kind {kind!r}")
        entry.fn(dict(job.payload or {}))
        job.state = "done"
        job.finished_at = utcnow()
        job.locked_until = None
        job.last_error = ""
        db.session.commit()
        return "done"
    except Exception as error:  # noqa: BLE001  any failure is the job's, recorded on its row
        db.session.rollback()
        log.warning("job %s (%s) failed: %s", job_id, kind, error, exc_info=True)
        return _record_failure(job_id, error)
    finally:
        _current_job.reset(token)


def _record_failure(job_id: int, error: Exception) -> str:
    job = db.session.get(OutboxJob, job_id)
    job.last_error = f"{type(error).__name__}: {error}"[:500]
    job.locked_until = None
    if job.attempts >= job.max_attempts:
        job.state = "failed"
        job.finished_at = utcnow()
    else:
        job.state = "pending"
        job.run_after = utcnow() + FIRST_RETRY * 2 ** (job.attempts - 1)
    db.session.commit()
    return job.state


# --- handing over ---------------------------------------------------------------------------------------------


def hand_over(app: Flask, job_ids: list[int]) -> None:
    """Give job ids to whoever performs them; never raises (the sweeper catches up on anything lost)."""
    if not job_ids:
        return
    try:
        if app.config.get("REDIS_URL"):
            queue = rq_queue(app)
            for job_id in job_ids:
                queue.enqueue(
                    "hiring.jobs.perform", job_id, result_ttl=0, failure_ttl=24 * 3600, job_timeout=3600
                )
        elif app.config.get("JOBS_MODE") == "sync":
            with app.app_context():
                for job_id in job_ids:
                    perform(job_id)
        else:
            start_in_process_sweeper(app)
            for job_id in job_ids:
                _executor().submit(_perform_in_app, app, job_id)
    except Exception:  # noqa: BLE001  Redis down, pool shut down: the rows stay pending
        log.exception("could not hand over jobs %s; the sweeper will", job_ids)


def dispatch_due(now: datetime | None = None) -> list[int]:
    """The sweeper: hand over pending jobs that are due (retries, lost hand-overs) and running ones whose lease ran
    out (a crashed worker). Returns their ids."""
    now = now or utcnow()
    handed = sa.or_(OutboxJob.locked_until.is_(None), OutboxJob.locked_until < now)
    due = sa.or_(
        sa.and_(OutboxJob.state == "pending", OutboxJob.run_after <= now, handed),
        sa.and_(OutboxJob.state == "running", OutboxJob.locked_until < now),
    )
    ids = list(
        db.session.scalars(sa.select(OutboxJob.id).where(due).order_by(OutboxJob.run_after).limit(500))
    )
    if not ids:
        return []
    app = current_app._get_current_object()
    if app.config.get("REDIS_URL") or app.config.get("JOBS_MODE") != "sync":
        db.session.execute(
            sa.update(OutboxJob)
            .where(OutboxJob.id.in_(ids), OutboxJob.state == "pending")
            .values(locked_until=now + HANDOVER_LEASE)
            .execution_options(synchronize_session=False)
        )
    db.session.commit()
    hand_over(app, ids)
    return ids


def rq_queue(app: Flask):
    from redis import Redis
    from rq import Queue

    state = app.extensions.setdefault("hiring_jobs", {})
    if "redis" not in state:
        state["redis"] = Redis.from_url(app.config["REDIS_URL"], socket_connect_timeout=2, socket_timeout=10)
    return Queue(app.config["JOBS_QUEUE"], connection=state["redis"])


_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="hiring-jobs")
        return _pool


def _perform_in_app(app: Flask, job_id: int) -> None:
    with app.app_context():
        perform(job_id)


def start_in_process_sweeper(app: Flask) -> None:
    """JOBS_MODE=thread: a daemon thread runs the sweeper every JOBS_SWEEP_SECONDS (once per app)."""
    state = app.extensions.setdefault("hiring_jobs", {})
    with _pool_lock:
        if state.get("sweeper"):
            return
        state["sweeper"] = thread = threading.Thread(
            target=sweep_forever, args=(app,), name="hiring-jobs-sweeper", daemon=True
        )
    thread.start()


def sweep_forever(app: Flask, stop: threading.Event | None = None) -> None:
    stop = stop or threading.Event()
    while not stop.wait(app.config["JOBS_SWEEP_SECONDS"]):
        try:
            with app.app_context():
                dispatch_due()
                db.session.remove()
        except Exception:  # noqa: BLE001  a database hiccup must not end the loop
            log.exception("the job sweeper failed; trying again")


# --- the session hook -----------------------------------------------------------------------------------------


def _after_commit(session) -> None:
    ids = session.info.pop(NEW_JOBS, None)
    if ids:
        hand_over(current_app._get_current_object(), ids)


def _after_transaction_end(session, transaction) -> None:
    if transaction.parent is None:  # the outer transaction ended: a rollback forgets what it recorded
        session.info.pop(NEW_JOBS, None)


def install(app: Flask) -> None:
    """Hand over new jobs after each commit of the app's session (once per process), and sweep in-process."""
    if not event.contains(db.session, "after_commit", _after_commit):
        event.listen(db.session, "after_commit", _after_commit)
        event.listen(db.session, "after_transaction_end", _after_transaction_end)
    if not app.config.get("REDIS_URL") and app.config.get("JOBS_MODE") == "thread" and not app.testing:
        app.before_request(lambda: start_in_process_sweeper(app))
    app.cli.add_command(worker_command)
    app.cli.add_command(send_reminders_command)


@click.command("send-reminders")
def send_reminders_command() -> None:
    """Perform every due job (scorecard reminders, retries) once, in this process: for cron without a worker."""
    load_handlers()
    ids = list(
        db.session.scalars(
            sa.select(OutboxJob.id)
            .where(OutboxJob.state == "pending", OutboxJob.run_after <= utcnow())
            .order_by(OutboxJob.run_after)
        )
    )
    db.session.commit()
    results = [perform(job_id) for job_id in ids]
    click.echo(f"{results.count('done')} of {len(ids)} due jobs done.")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Perform what is queued now, then stop (for tests and cron).")
def worker_command(burst: bool) -> None:
    """Run a background worker: RQ on REDIS_URL's queue, and the sweeper every ~10 s beside it."""
    from rq import SimpleWorker

    app = current_app._get_current_object()
    if not app.config.get("REDIS_URL"):
        raise click.ClickException("REDIS_URL is not set: without it, jobs run inside the web process.")
    load_handlers()
    queue = rq_queue(app)
    dispatch_due()
    worker = SimpleWorker([queue], connection=queue.connection)
    if burst:
        worker.work(burst=True)
        return
    stop = threading.Event()
    sweeper = threading.Thread(
        target=sweep_forever, args=(app, stop), name="hiring-jobs-sweeper", daemon=True
    )
    sweeper.start()
    try:
        worker.work()
    finally:
        stop.set()
        time.sleep(0)
