"""The start page: what each role does next."""

import sqlalchemy as sa
from flask import Blueprint, render_template
from flask_login import current_user, login_required

from hiring.extensions import db
from hiring.models import Assignment, Candidate, Scorecard, Vacancy

bp = Blueprint("home", __name__)


@bp.route("/")
@login_required
def index():
    """Show the role's start page."""
    if current_user.role == "interviewer":
        rows = db.session.execute(
            sa.select(Candidate, Vacancy, Scorecard.status)
            .join(Assignment, Assignment.candidate_id == Candidate.id)
            .join(Vacancy, Vacancy.id == Candidate.vacancy_id)
            .outerjoin(
                Scorecard,
                sa.and_(Scorecard.candidate_id == Candidate.id, Scorecard.interviewer_id == current_user.id),
            )
            .where(Assignment.interviewer_id == current_user.id)
            .order_by(Vacancy.title, Candidate.full_name)
        ).all()
        return render_template("home/interviewer.html", rows=rows)
    counts = (
        sa.select(Candidate.vacancy_id, sa.func.count().label("n")).group_by(Candidate.vacancy_id).subquery()
    )
    vacancies = db.session.execute(
        sa.select(Vacancy, sa.func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.vacancy_id == Vacancy.id)
        .order_by(Vacancy.status.desc(), Vacancy.created_at.desc())
    ).all()
    return render_template("home/index.html", vacancies=vacancies)


@bp.route("/healthz")
def healthz():
    """A trivial answer for load balancers and the load benchmark."""
    return {"status": "ok"}
