"""E-mail notifications (issue 20): interview invitations, scorecard reminders and "panel complete" to the leads.

Every message is an outbox mail (hiring.services.mail) recorded in the transaction of the change, with a key of
its own, so a retried or repeated job never sends it twice. Texts are made in the recipient's language, plain
text plus simple HTML, with a link to the exact page and no candidate data beyond the name and the vacancy.
Each user turns each kind off (NOTIFICATION_KINDS); a user without an e-mail or deactivated gets nothing.

Scorecard reminders are planned and sent by hiring.services.reminders with the helpers here.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from babel.dates import format_date, format_time
from flask import current_app
from flask_babel import force_locale
from markupsafe import escape

from hiring.documents.calendar import Invitation, invitation_ics
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import NOTIFICATION_KINDS, Assignment, Candidate, NotificationOptOut, Scorecard, User
from hiring.models._base import utcnow
from hiring.services import audit
from hiring.services.mail import attachment, enqueue_mail

KIND_LABELS = {
    "assignment": _l("I am assigned to interview someone, or my interview is moved or cancelled"),
    "reminder": _l("Reminders to submit my scorecard after an interview"),
    "panel_complete": _l("Every interviewer of a candidate has submitted (hiring leads)"),
}


# --- who wants what ---------------------------------------------------------------------------------------


def turned_off(user_id: int) -> set[str]:
    rows = db.session.scalars(sa.select(NotificationOptOut.kind).where(NotificationOptOut.user_id == user_id))
    return set(rows)


def notification_settings(user: User) -> dict[str, bool]:
    """Each kind and whether the user gets it."""
    off = turned_off(user.id)
    return {kind: kind not in off for kind in NOTIFICATION_KINDS}


def save_notification_settings(user: User, enabled: Iterable[str], by_user_id: int | None) -> None:
    """Keep only the kinds in `enabled` turned on; audited."""
    wanted = {kind for kind in enabled if kind in NOTIFICATION_KINDS}
    before = notification_settings(user)
    off = set(NOTIFICATION_KINDS) - wanted
    db.session.execute(
        sa.delete(NotificationOptOut).where(
            NotificationOptOut.user_id == user.id, NotificationOptOut.kind.not_in(off)
        )
    )
    for kind in sorted(off - turned_off(user.id)):
        db.session.add(NotificationOptOut(user_id=user.id, kind=kind))
    db.session.flush()
    after = notification_settings(user)
    if after != before:
        audit.record("user.notifications", "user", user.id, before=before, after=after, user_id=by_user_id)


def wants(user: User | None, kind: str) -> bool:
    return bool(user and user.active and user.email) and kind not in turned_off(user.id)


# --- composing ----------------------------------------------------------------------------------------------


def mail_locale(user: User) -> str:
    languages = current_app.config.get("LANGUAGES") or ("ru", "en")
    return user.locale if user.locale in languages else current_app.config.get("BABEL_DEFAULT_LOCALE", "ru")


def page_url(endpoint: str, **values: Any) -> str:
    """An absolute link to a page, made without a request (workers have none): BASE_URL's host and path."""
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    return adapter.build(endpoint, values, force_external=True)


def _settings_url() -> str:
    return page_url("notifications.settings")


def _compose(subject, paragraphs, link_label, link) -> dict[str, str]:
    """Plain text and simple HTML of one message (already inside the recipient's locale)."""
    paragraphs = [str(p) for p in paragraphs]
    footer = str(_l("You can turn these e-mails off on your notification settings page:"))
    text = "\n\n".join([*paragraphs, f"{link_label}: {link}", f"--\n{footer} {_settings_url()}"]) + "\n"
    html = current_app.jinja_env.get_template("mail/message.html").render(
        subject=str(subject),
        paragraphs=[escape(p) for p in paragraphs],
        link=link,
        link_label=str(link_label),
        footer=footer,
        settings_url=_settings_url(),
    )
    return {"subject": str(subject), "text": text, "html": html}


def mail_user(user: User, kind: str, key: str, build, *, attachments=None, run_after=None) -> bool:
    """Record one message to the user when they want this kind; `build()` returns what _compose takes."""
    if not wants(user, kind):
        return False
    with force_locale(mail_locale(user)):
        message = _compose(*build())
    enqueue_mail(to=user.email, key=key, attachments=attachments, run_after=run_after, **message)
    return True


def interview_time(assignment: Assignment, locale: str) -> str:
    """`3 December 2026, 12:00–13:00 (Europe/Moscow)` in the reader's language and the interview's time zone."""
    zone = ZoneInfo(assignment.time_zone or "UTC")
    start = as_aware(assignment.starts_at).astimezone(zone)
    end = start + timedelta(minutes=assignment.duration_minutes or 60)
    day = format_date(start, format="long", locale=locale)
    hours = f"{format_time(start, 'HH:mm', locale=locale)}–{format_time(end, 'HH:mm', locale=locale)}"
    return f"{day}, {hours} ({zone.key})"


def as_aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --- interviews ---------------------------------------------------------------------------------------------


def assignment_people(assignment: Assignment) -> tuple[Candidate, User]:
    candidate = assignment.candidate or db.session.get(Candidate, assignment.candidate_id)
    interviewer = assignment.interviewer or db.session.get(User, assignment.interviewer_id)
    return candidate, interviewer


def _invitation(assignment: Assignment, candidate: Candidate, interviewer: User, locale: str) -> Invitation:
    with force_locale(locale):
        summary = str(
            _l(
                "Interview: %(candidate)s, %(vacancy)s",
                candidate=candidate.full_name,
                vacancy=candidate.vacancy.title,
            )
        )
        description = str(_l("Interview kit and scorecard: %(link)s", link=_kit_url(candidate)))
    organizer = current_app.config["MAIL_DEFAULT_SENDER"]
    organizer = organizer.rpartition("<")[2].rstrip(">").strip() if "<" in organizer else organizer
    return Invitation(
        uid=f"{assignment.calendar_uid}@kam-hiring",
        sequence=assignment.sequence or 0,
        starts_at=as_aware(assignment.starts_at),
        duration_minutes=assignment.duration_minutes or 60,
        time_zone=assignment.time_zone or "UTC",
        summary=summary,
        location=assignment.location or "",
        description=description,
        url=_kit_url(candidate),
        organizer_email=organizer,
        attendee_email=interviewer.email or "",
        attendee_name=interviewer.display_name,
        stamp=utcnow(),
    )


def _kit_url(candidate: Candidate) -> str:
    return page_url("interviews.kit", candidate_id=candidate.id)


def _ics(assignment, candidate, interviewer, *, cancel: bool = False) -> list[dict[str, str]]:
    data = invitation_ics(
        _invitation(assignment, candidate, interviewer, mail_locale(interviewer)), cancel=cancel
    )
    method = "CANCEL" if cancel else "REQUEST"
    return [attachment("invite.ics", f"text/calendar; method={method}; charset=utf-8", data)]


def interviewer_assigned(assignment: Assignment) -> None:
    """Tell the interviewer they were assigned: with the invitation when the interview is already scheduled."""
    if assignment.starts_at is not None:
        interview_scheduled(assignment, moved=False)
        return
    candidate, interviewer = assignment_people(assignment)

    def build():
        return (
            _l("You will interview %(candidate)s", candidate=candidate.full_name),
            [
                _l(
                    "You are assigned to interview %(candidate)s for the vacancy “%(vacancy)s”.",
                    candidate=candidate.full_name,
                    vacancy=candidate.vacancy.title,
                ),
                _l("HR will send you a calendar invitation once the time is set."),
            ],
            _l("Open the interview kit"),
            _kit_url(candidate),
        )

    mail_user(interviewer, "assignment", f"mail:assigned:{assignment.calendar_uid}", build)


def interview_scheduled(assignment: Assignment, *, moved: bool) -> None:
    """The invitation (METHOD:REQUEST, SEQUENCE as stored), and the reminders that follow the interview."""
    candidate, interviewer = assignment_people(assignment)
    locale = mail_locale(interviewer)

    def build():
        names = {"candidate": candidate.full_name, "vacancy": candidate.vacancy.title}
        subject = (
            _l("Interview moved: %(candidate)s, %(vacancy)s", **names)
            if moved
            else _l("Interview invitation: %(candidate)s, %(vacancy)s", **names)
        )
        lines = [
            _l("The interview with %(candidate)s for the vacancy “%(vacancy)s” has a new time.", **names)
            if moved
            else _l("You are invited to interview %(candidate)s for the vacancy “%(vacancy)s”.", **names),
            _l("When: %(when)s", when=interview_time(assignment, locale)),
        ]
        if assignment.location:
            lines.append(_l("Where: %(place)s", place=assignment.location))
        lines.append(_l("The attached invitation adds it to your calendar."))
        return subject, lines, _l("Open the interview kit"), _kit_url(candidate)

    if wants(interviewer, "assignment"):
        mail_user(
            interviewer,
            "assignment",
            f"mail:invite:{assignment.calendar_uid}:{assignment.sequence or 0}",
            build,
            attachments=_ics(assignment, candidate, interviewer),
        )


def interview_cancelled(assignment: Assignment) -> None:
    """METHOD:CANCEL for a scheduled interview whose assignment ends (call before the row is deleted)."""
    if assignment.starts_at is None:
        return
    candidate, interviewer = assignment_people(assignment)
    locale = mail_locale(interviewer)
    assignment.sequence = (assignment.sequence or 0) + 1

    def build():
        names = {"candidate": candidate.full_name, "vacancy": candidate.vacancy.title}
        return (
            _l("Interview cancelled: %(candidate)s, %(vacancy)s", **names),
            [
                _l("You no longer interview %(candidate)s for the vacancy “%(vacancy)s”.", **names),
                _l("Cancelled: %(when)s", when=interview_time(assignment, locale)),
                _l("The attached cancellation removes it from your calendar."),
            ],
            _l("Go to your home page"),
            page_url("home.index"),
        )

    if wants(interviewer, "assignment"):
        mail_user(
            interviewer,
            "assignment",
            f"mail:cancel:{assignment.calendar_uid}",
            build,
            attachments=_ics(assignment, candidate, interviewer, cancel=True),
        )


# --- panel complete -----------------------------------------------------------------------------------------


def panel_completed(candidate: Candidate) -> None:
    """When every assigned interviewer has submitted, tell the hiring leads (once per panel)."""
    rows = db.session.execute(
        sa.select(Assignment.interviewer_id, Scorecard.status)
        .outerjoin(
            Scorecard,
            sa.and_(
                Scorecard.candidate_id == Assignment.candidate_id,
                Scorecard.interviewer_id == Assignment.interviewer_id,
            ),
        )
        .where(Assignment.candidate_id == candidate.id)
    ).all()
    if not rows or any(status != "submitted" for _id, status in rows):
        return
    panel = sha256(",".join(str(i) for i, _s in sorted(rows)).encode()).hexdigest()[:16]
    leads = db.session.scalars(
        sa.select(User)
        .where(User.role == "lead", User.active.is_(True), User.email.is_not(None))
        .order_by(User.id)
    )
    link = page_url("review.evaluation", candidate_id=candidate.id)
    count = len(rows)

    def build():
        names = {"candidate": candidate.full_name, "vacancy": candidate.vacancy.title}
        return (
            _l("Ready for a decision: %(candidate)s, %(vacancy)s", **names),
            [
                _l(
                    "Every interviewer of %(candidate)s for the vacancy “%(vacancy)s” has submitted "
                    "their scorecard (%(count)s in all).",
                    count=count,
                    **names,
                ),
                _l("The evaluation is complete and waits for your decision."),
            ],
            _l("Open the evaluation"),
            link,
        )

    for lead in leads:
        mail_user(lead, "panel_complete", f"mail:panel:{candidate.id}:{lead.id}:{panel}", build)
