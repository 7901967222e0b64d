"""Downloads of a vacancy's data as CSV, for spreadsheets."""

import sqlalchemy as sa
from flask import Blueprint, Response
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from hiring import glossary
from hiring.documents.spreadsheets import csv_bytes
from hiring.extensions import db
from hiring.models import Candidate, StoredEvaluation
from hiring.services.lookups import vacancy_or_404
from hiring.services.ranking import ranking_order
from hiring.web.access import role_required

bp = Blueprint("exports", __name__)


@bp.route("/vacancies/<int:vacancy_id>/ranking.csv")
@role_required("hr", "lead")
def ranking_csv(vacancy_id: int):
    """The vacancy's ranking as CSV (semicolons and decimal commas for Russian spreadsheets)."""
    vacancy = vacancy_or_404(vacancy_id, current_user)
    russian = str(get_locale() or "ru") == "ru"

    def number(value: float | None, digits: int = 1) -> str:
        if value is None:
            return ""
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if russian else text

    query = (
        sa.select(StoredEvaluation, Candidate.full_name, Candidate.email)
        .join(Candidate, Candidate.id == StoredEvaluation.candidate_id)
        .where(StoredEvaluation.vacancy_id == vacancy.id)
        .order_by(*ranking_order())
    )
    header = [
        _("Rank"),
        _("Candidate"),
        _("Email"),
        _("Score"),
        _("Band"),
        _("Eligibility"),
        _("Coverage, %"),
        _("Confidence"),
        _("Flags"),
    ]
    rows = [
        [
            position,
            full_name,
            email or "",
            number(row.score),
            glossary.label(glossary.BAND_LABELS, row.band),
            glossary.label(glossary.ELIGIBILITY_LABELS, row.eligibility),
            number(row.coverage * 100, 0),
            glossary.label(glossary.CONFIDENCE_LABELS, row.confidence),
            # The vacancy names competencies and checks ("Critical gap: Negotiation", never "NEG").
            "; ".join(glossary.flag_label(flag, vacancy) for flag in row.flags),
        ]
        for position, (row, full_name, email) in enumerate(db.session.execute(query), start=1)
    ]
    body = csv_bytes(header, rows, delimiter=";" if russian else ",")
    filename = f"ranking-{vacancy.id}.csv"
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
