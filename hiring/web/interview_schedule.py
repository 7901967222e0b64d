"""The interview of one assignment: HR sets or moves its time and place (the interviewer is e-mailed).

Its view belongs to the candidates blueprint (`add_routes`), so its endpoint is `candidates.interview`.
"""

from zoneinfo import ZoneInfo

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hiring.errors import InvalidInput, text
from hiring.extensions import db
from hiring.services.lookups import candidate_or_404
from hiring.services.schedule import assignment_of, schedule_interview
from hiring.web.access import role_required
from hiring.web.forms.schedule import TIME_ZONES, ScheduleForm


def add_routes(bp: Blueprint) -> None:
    bp.add_url_rule(
        "/candidates/<int:candidate_id>/interviewers/<int:user_id>/interview",
        view_func=interview,
        methods=["GET", "POST"],
    )


@role_required("hr")
def interview(candidate_id: int, user_id: int):
    """Set or move the interview of one interviewer with the candidate."""
    candidate = candidate_or_404(candidate_id, current_user)
    assignment = assignment_of(candidate.id, user_id)
    form = ScheduleForm()
    if not form.is_submitted() and assignment.starts_at is not None:
        zone = ZoneInfo(assignment.time_zone or "UTC")
        start = assignment.starts_at
        start = start if start.tzinfo else start.replace(tzinfo=ZoneInfo("UTC"))
        form.starts_at.data = start.astimezone(zone).replace(tzinfo=None)
        if assignment.time_zone in TIME_ZONES:
            form.time_zone.data = assignment.time_zone
        form.duration_minutes.data = assignment.duration_minutes
        form.location.data = assignment.location
    if form.validate_on_submit() and form.validate_required_time():
        try:
            changed = schedule_interview(assignment, form.interview(), current_user.id)
            db.session.commit()
        except InvalidInput as error:
            db.session.rollback()
            flash(text(error.message), "error")
        else:
            if changed:
                flash(_("The interview is scheduled and the interviewer is invited by e-mail."), "success")
            else:
                flash(_("Nothing changed."), "success")
            return redirect(url_for(".detail", candidate_id=candidate.id, _anchor="interviewers"))
    return render_template("candidates/interview.html", candidate=candidate, assignment=assignment, form=form)
