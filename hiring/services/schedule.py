"""Interview scheduling per assignment: when (with its time zone), how long, where; set when assigning or later.

Every change is audited and e-mails the interviewer a calendar invitation (hiring.services.notifications);
a move raises the invitation's SEQUENCE. Nothing here commits.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import sqlalchemy as sa
from flask import current_app

from hiring.errors import InvalidInput, NotFound
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Assignment
from hiring.services import audit, notifications, reminders

MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 15, 480, 60
NOT_SCHEDULED = _l("The interview was not scheduled: please correct the marked fields.")


@dataclass(frozen=True)
class InterviewInput:
    starts_at: datetime  # aware, UTC
    duration_minutes: int
    time_zone: str
    location: str


def default_time_zone() -> str:
    return current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "UTC"


def known_time_zone(name: str) -> bool:
    if not name or name not in available_timezones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def parse_interview(data: Any, prefix: str = "interview.") -> InterviewInput:
    """The API's `interview` object: `starts_at` (ISO 8601 with an offset), `duration_minutes`, `location`,
    `time_zone` (IANA, optional: the app's default). Raises InvalidInput with fields keyed `interview.<name>`."""
    if not isinstance(data, Mapping):
        raise InvalidInput(NOT_SCHEDULED, {prefix.rstrip("."): _l("Give the interview as an object.")})
    errors: dict[str, Any] = {}
    starts_at = None
    raw = data.get("starts_at")
    try:
        starts_at = datetime.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        starts_at = None
    if starts_at is None or starts_at.tzinfo is None:
        errors[prefix + "starts_at"] = _l("Give the start as an ISO 8601 date and time with its offset.")
    zone = data.get("time_zone") or default_time_zone()
    if not isinstance(zone, str) or not known_time_zone(zone):
        errors[prefix + "time_zone"] = _l("Choose a time zone such as Europe/Moscow.")
    minutes = data.get("duration_minutes", DEFAULT_MINUTES)
    if minutes is None:
        minutes = DEFAULT_MINUTES
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        errors[prefix + "duration_minutes"] = _l(
            "Give the duration in whole minutes, from %(low)s to %(high)s.", low=MIN_MINUTES, high=MAX_MINUTES
        )
    location = data.get("location") or ""
    if not isinstance(location, str) or len(location) > 500 or any(ord(c) < 32 for c in location):
        errors[prefix + "location"] = _l(
            "Give the place or video link as one line of at most 500 characters."
        )
    if errors:
        raise InvalidInput(NOT_SCHEDULED, errors)
    return InterviewInput(starts_at.astimezone(UTC), minutes, zone, location.strip())


def local_start(starts_at: datetime, time_zone: str) -> datetime:
    """A naive local date and time (as a page's field gives it) read in the chosen time zone, in UTC."""
    return starts_at.replace(tzinfo=ZoneInfo(time_zone)).astimezone(UTC)


def ends_at(assignment: Assignment) -> datetime | None:
    if assignment.starts_at is None:
        return None
    start = assignment.starts_at
    start = start if start.tzinfo else start.replace(tzinfo=UTC)
    return start + timedelta(minutes=assignment.duration_minutes or DEFAULT_MINUTES)


def _view(assignment: Assignment) -> dict[str, Any]:
    return {
        "starts_at": assignment.starts_at.isoformat() if assignment.starts_at else None,
        "duration_minutes": assignment.duration_minutes,
        "time_zone": assignment.time_zone,
        "location": assignment.location,
        "sequence": assignment.sequence,
    }


def _same(assignment: Assignment, interview: InterviewInput) -> bool:
    start = assignment.starts_at
    if start is not None and start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    return (start, assignment.duration_minutes, assignment.time_zone, assignment.location) == (
        interview.starts_at,
        interview.duration_minutes,
        interview.time_zone,
        interview.location,
    )


def schedule_interview(
    assignment: Assignment, interview: InterviewInput, by_user_id: int | None, *, notify: bool = True
) -> bool:
    """Set or move the assignment's interview; returns whether anything changed (nothing is sent if not)."""
    if _same(assignment, interview):
        return False
    before = _view(assignment)
    moved = assignment.starts_at is not None
    assignment.starts_at = interview.starts_at
    assignment.duration_minutes = interview.duration_minutes
    assignment.time_zone = interview.time_zone
    assignment.location = interview.location
    if moved:
        assignment.sequence = (assignment.sequence or 0) + 1
    db.session.flush()
    audit.record(
        "interview.move" if moved else "interview.schedule",
        "assignment",
        assignment.id,
        before=before,
        after=_view(assignment),
        user_id=by_user_id,
    )
    if notify:
        notifications.interview_scheduled(assignment, moved=moved)
    reminders.plan_reminders(assignment)
    return True


def scheduled_interview(candidate_id: int, interviewer_id: int) -> Assignment | None:
    """The interviewer's assignment to the candidate when its interview has a time, else None."""
    return db.session.scalar(
        sa.select(Assignment).where(
            Assignment.candidate_id == candidate_id,
            Assignment.interviewer_id == interviewer_id,
            Assignment.starts_at.is_not(None),
        )
    )


def assignment_of(candidate_id: int, interviewer_id: int) -> Assignment:
    """The interviewer's assignment to the candidate; NotFound when there is none."""
    assignment = db.session.scalar(
        sa.select(Assignment).where(
            Assignment.candidate_id == candidate_id, Assignment.interviewer_id == interviewer_id
        )
    )
    if assignment is None:
        raise NotFound(_l("This interviewer is not assigned to this candidate."))
    return assignment
