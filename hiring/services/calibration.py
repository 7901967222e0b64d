"""A vacancy's calibration: interviewers' leave-one-out offsets and the panels' ICC(1,k) (SPEC §3, §6).

Shared by the calibration page and `GET /api/v1/vacancies/<id>/calibration`; two queries whatever the size.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from hiring.domain.calibration import Agreement, InterviewerOffset, interviewer_offsets, panel_agreement
from hiring.extensions import db
from hiring.models import Candidate, Scorecard, User, Vacancy
from hiring.services.evaluations import competency_specs, scorecard_values

# Who reads a vacancy's calibration (SPEC §6).
CALIBRATION_ROLES = ("hr", "lead", "admin")


@dataclass(frozen=True)
class Calibration:
    agreement: Agreement
    offsets: list[InterviewerOffset]
    people: dict[int, User]


def vacancy_calibration(vacancy: Vacancy) -> Calibration:
    """The vacancy's submitted scorecards grouped by candidate, measured for agreement and leniency."""
    cards = db.session.scalars(
        sa.select(Scorecard)
        .join(Candidate, Candidate.id == Scorecard.candidate_id)
        .where(Candidate.vacancy_id == vacancy.id, Scorecard.status == "submitted")
        .options(selectinload(Scorecard.ratings), selectinload(Scorecard.interviewer))
        .order_by(Scorecard.candidate_id, Scorecard.interviewer_id)
    ).all()
    panels: dict[int, list] = defaultdict(list)
    people: dict[int, User] = {}
    for card in cards:
        panels[card.candidate_id].append(scorecard_values(card, with_languages=False))
        people[card.interviewer_id] = card.interviewer
    return Calibration(
        agreement=panel_agreement(panels, competency_specs(vacancy.profile), f_quantile),
        offsets=interviewer_offsets(panels),
        people=people,
    )


def f_quantile(probability: float, numerator_df: int, denominator_df: int) -> float:
    """The F distribution's quantile, from SciPy (a well-kept implementation rather than one of our own)."""
    # Imported here: SciPy takes about a second to import, which every app start (and browser test) would pay.
    from scipy.stats import f

    return float(f.ppf(probability, numerator_df, denominator_df))


def calibration_json(calibration: Calibration) -> dict[str, Any]:
    """The answer of SPEC §6."""
    agreement = calibration.agreement
    return {
        "agreement": {
            "icc": agreement.icc,
            "model": agreement.model,
            "k": agreement.k,
            "candidates": agreement.candidates,
            "ci95": list(agreement.ci95) if agreement.ci95 is not None else None,
            "label": agreement.label,
        },
        "interviewers": [
            {
                "interviewer_id": offset.interviewer_id,
                "scorecards": offset.scorecards,
                "compared": offset.compared,
                "mean_offset": offset.mean_offset,
                "label": offset.label,
            }
            for offset in calibration.offsets
        ],
    }
