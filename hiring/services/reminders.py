"""Scorecard reminders (issue 20): outbox jobs ("scorecard_reminder") planned when an interview is scheduled.

The first runs SCORECARD_REMINDER_HOURS after the interview ends; each run sends one reminder (unless the
scorecard is in, the interview moved or the assignment ended; a user who turned reminders off gets none) and plans
the next one a day later, up to SCORECARD_REMINDER_LIMIT. The sweeper that already retries jobs (`flask worker`,
or the in-process thread without Redis) runs them when they fall due, so no second scheduler is needed;
`flask send-reminders` performs the due jobs once for a cron-only setup. Keys make every reminder unique.
"""

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app

from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.jobs import handler
from hiring.models import Assignment, Scorecard
from hiring.models._base import utcnow
from hiring.services.notifications import as_aware, assignment_people, mail_user, page_url
from hiring.services.outbox import enqueue

# --- reminders ----------------------------------------------------------------------------------------------


def _first_reminder_at(assignment: Assignment) -> datetime:
    end = as_aware(assignment.starts_at) + timedelta(minutes=assignment.duration_minutes or 60)
    return end + timedelta(hours=current_app.config["SCORECARD_REMINDER_HOURS"])


def _reminder_key(assignment_uid: str, sequence: int, number: int) -> str:
    return f"reminder:{assignment_uid}:{sequence}:{number}"


def plan_reminders(assignment: Assignment) -> None:
    """Record the first reminder job of this version of the interview (an earlier version's chain stops itself)."""
    if assignment.starts_at is None or current_app.config["SCORECARD_REMINDER_LIMIT"] < 1:
        return
    payload = {"assignment": assignment.calendar_uid, "sequence": assignment.sequence or 0, "number": 1}
    enqueue(
        "scorecard_reminder",
        payload,
        key=_reminder_key(assignment.calendar_uid, payload["sequence"], 1),
        run_after=_first_reminder_at(assignment),
    )


@handler("scorecard_reminder", lease=timedelta(minutes=2))
def send_scorecard_reminder(payload: dict[str, Any]) -> None:
    """One reminder (if still due), then the next one a day later, up to the limit."""
    assignment = db.session.scalar(
        sa.select(Assignment).where(Assignment.calendar_uid == payload["assignment"])
    )
    if (
        assignment is None
        or assignment.starts_at is None
        or (assignment.sequence or 0) != payload["sequence"]
    ):
        return  # the assignment ended or the interview moved: that version's own chain takes over
    submitted = db.session.scalar(
        sa.select(Scorecard.id).where(
            Scorecard.candidate_id == assignment.candidate_id,
            Scorecard.interviewer_id == assignment.interviewer_id,
            Scorecard.status == "submitted",
        )
    )
    if submitted is not None:
        return
    number = int(payload["number"])
    candidate, interviewer = assignment_people(assignment)
    link = page_url("interviews.scorecard", candidate_id=candidate.id)

    def build():
        names = {"candidate": candidate.full_name, "vacancy": candidate.vacancy.title}
        return (
            _l("Scorecard due: %(candidate)s, %(vacancy)s", **names),
            [
                _l(
                    "Your interview with %(candidate)s for the vacancy “%(vacancy)s” has ended, "
                    "and your scorecard is not submitted yet.",
                    **names,
                ),
                _l("The hiring decision waits for it. Please fill it in and submit it."),
            ],
            _l("Open my scorecard"),
            link,
        )

    mail_user(
        interviewer,
        "reminder",
        f"mail:{_reminder_key(assignment.calendar_uid, payload['sequence'], number)}",
        build,
    )
    if number < current_app.config["SCORECARD_REMINDER_LIMIT"]:
        planned = _first_reminder_at(assignment) + timedelta(days=number)
        enqueue(
            "scorecard_reminder",
            {**payload, "number": number + 1},
            key=_reminder_key(assignment.calendar_uid, payload["sequence"], number + 1),
            run_after=max(
                planned, utcnow() + timedelta(hours=12)
            ),  # after a long pause, no burst of reminders
        )
