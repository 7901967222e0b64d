"""The start page: each role's work queue, most urgent first, and the vacancies."""

import time

import sqlalchemy as sa
from flask import Blueprint, current_app, g, redirect, render_template, request, url_for
from flask_login import current_user

from hiring import glossary
from hiring.extensions import db
from hiring.models import Candidate, Vacancy
from hiring.models._base import utcnow
from hiring.services import work_queue

bp = Blueprint("home", __name__)


@bp.route("/")
def index():
    """Show the role's work queue; a first visit goes to the login page without a "please log in" (issue 24)."""
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    _remembered_counts().pop(current_user.id, None)  # the home page shows the exact count
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
    """`g` may outlive a request (an app context held by a test): each request counts afresh.

    A user's own change (any request that is not a read) also forgets their remembered count.
    """
    g.pop("queue_count", None)
    if request.method not in ("GET", "HEAD", "OPTIONS") and current_user.is_authenticated:
        _remembered_counts().pop(current_user.id, None)


def _remembered_counts() -> dict[int, tuple[float, int]]:
    """Per app: user id -> (monotonic time it was counted, count)."""
    return current_app.extensions.setdefault("hiring.nav_counts", {})


def _menu_count() -> int:
    """The count beside "Home", remembered for NAV_COUNT_SECONDS per user.

    Counting walks every open candidate (tens of milliseconds at ten thousand candidates), and every page
    shows it; others' changes may take those seconds to show, the user's own changes and the home page at once.
    """
    seconds = current_app.config["NAV_COUNT_SECONDS"]
    remembered = _remembered_counts()
    now = time.monotonic()
    counted_at, count = remembered.get(current_user.id, (None, 0))
    if counted_at is None or now - counted_at >= seconds:
        count = work_queue.queue_count(current_user)
        remembered[current_user.id] = (now, count)
    return count


@bp.app_context_processor
def navigation_count():
    """`queue_count()` for the menu: what waits for the user, counted once per request, only when shown."""

    return {"queue_count": menu_count}


def menu_count() -> int:
    """What waits for the signed-in user (0 for a visitor), counted once per request."""
    if "queue_count" not in g:
        g.queue_count = _menu_count() if current_user.is_authenticated else 0
    return g.queue_count


@bp.route("/healthz")
def healthz():
    """A trivial answer for load balancers and the load benchmark."""
    return {"status": "ok"}
