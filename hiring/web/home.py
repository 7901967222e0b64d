"""The start page: each role's work queue, most urgent first, and the vacancies."""

import sqlalchemy as sa
from flask import Blueprint, g, render_template
from flask_login import current_user, login_required

from hiring import glossary
from hiring.extensions import db
from hiring.models import Candidate, Vacancy
from hiring.models._base import utcnow
from hiring.services import work_queue

bp = Blueprint("home", __name__)


@bp.route("/")
@login_required
def index():
    """Show the role's work queue."""
    if current_user.role == "interviewer":
        return render_template("home/interviewer.html", queue=work_queue.interviewer_queue(current_user))
    counts = (
        sa.select(Candidate.vacancy_id, sa.func.count().label("n")).group_by(Candidate.vacancy_id).subquery()
    )
    vacancies = db.session.execute(
        sa.select(Vacancy, sa.func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.vacancy_id == Vacancy.id)
        .order_by(Vacancy.status.desc(), Vacancy.created_at.desc())
    ).all()
    return render_template(
        "home/index.html",
        vacancies=vacancies,
        hr=work_queue.hr_queue(current_user) if current_user.has_role("hr") else None,
        lead=work_queue.lead_queue(current_user) if current_user.has_role("lead") else None,
        reasons=glossary.stored_reasons,
        now=utcnow(),
    )


@bp.before_app_request
def forget_queue_count() -> None:
    """`g` may outlive a request (an app context held by a test): each request counts afresh."""
    g.pop("queue_count", None)


@bp.app_context_processor
def navigation_count():
    """`queue_count()` for the menu: what waits for the user, counted once per request, only when shown."""

    def queue_count() -> int:
        if "queue_count" not in g:
            g.queue_count = work_queue.queue_count(current_user) if current_user.is_authenticated else 0
        return g.queue_count

    return {"queue_count": queue_count}


@bp.route("/healthz")
def healthz():
    """A trivial answer for load balancers and the load benchmark."""
    return {"status": "ok"}
