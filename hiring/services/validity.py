"""A profile's validity report (SPEC §9) and the clone with suggested weights, over all its vacancies.

The statistics are hiring.domain.validity's; here the hires with a recorded outcome are gathered: their
interview score and competency means from the scoring engine (submitted scorecards only), their KPIs from the
reviews. HR, leads and the admin only; nothing here commits.
"""

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from hiring.domain.validity import (
    MIN_PAIRS,
    MONTHS,
    OUTCOMES,
    SCORE,
    ValidityRow,
    competency_validity,
    pairs,
    suggest_weights,
    validity_rows,
)
from hiring.errors import InvalidProfile
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Candidate, HireOutcome, Profile, User, Vacancy
from hiring.services import audit
from hiring.services.evaluations import evaluate_candidates, load_vacancy
from hiring.services.outcomes import ensure_may_see_outcomes
from hiring.services.profiles import clone_profile

BAD_WEIGHTS = _l("Give every competency a weight of 0 or more, the weights summing to 100.")


@dataclass
class ValidityReport:
    profile: Profile
    hires: int
    rows: list[ValidityRow]
    weights: dict[str, float]
    suggested: dict[str, int]
    validity: dict[str, tuple[float, int]]
    predictors: dict[str, list[float | None]] = field(repr=False)
    outcomes: dict[tuple[str, int], list[float | None]] = field(repr=False)
    min_pairs: int = MIN_PAIRS

    def row(self, predictor: str, outcome: str, month: int) -> ValidityRow | None:
        return next(
            (r for r in self.rows if (r.predictor, r.outcome, r.month) == (predictor, outcome, month)), None
        )

    def points(self, predictor: str, outcome: str, month: int) -> list[tuple[float, float]]:
        """The (interview value, outcome) pairs of one row, for the scatter plot."""
        if predictor not in self.predictors or (outcome, month) not in self.outcomes:
            return []
        return pairs(self.predictors[predictor], self.outcomes[(outcome, month)])


def validity_report(profile: Profile, user: User) -> ValidityReport:
    """r, n and the 95 % interval of the score and each competency mean with each outcome at 6 and 12 months."""
    ensure_may_see_outcomes(user)
    codes = [c.code for c in profile.competencies]
    predictors: dict[str, list[float | None]] = {SCORE: [], **{code: [] for code in codes}}
    outcomes: dict[tuple[str, int], list[float | None]] = {(o, m): [] for m in MONTHS for o in OUTCOMES}
    for vacancy_id, hired in _outcomes_by_vacancy(profile.id).items():
        vacancy = load_vacancy(vacancy_id)
        evaluations = {e.candidate_id: e for e in evaluate_candidates(vacancy, list(hired))}
        for candidate_id, outcome in hired.items():
            evaluation = evaluations[candidate_id]
            means = {c.code: c.mean for c in evaluation.competencies}
            predictors[SCORE].append(evaluation.score)
            for code in codes:
                predictors[code].append(means.get(code))
            for (name, month), values in outcomes.items():
                review = outcome.review(month)
                values.append(None if review is None else getattr(review, name))
    rows = validity_rows(predictors, outcomes)
    weights = {c.code: c.weight for c in profile.competencies}
    validity = {code: competency_validity(rows, code) for code in codes}
    return ValidityReport(
        profile=profile,
        hires=len(predictors[SCORE]),
        rows=rows,
        weights=weights,
        suggested=suggest_weights(weights, validity) if weights else {},
        validity=validity,
        predictors=predictors,
        outcomes=outcomes,
    )


def _outcomes_by_vacancy(profile_id: int) -> dict[int, dict[int, HireOutcome]]:
    query = (
        sa.select(HireOutcome, Candidate.vacancy_id)
        .join(Candidate, Candidate.id == HireOutcome.candidate_id)
        .join(Vacancy, Vacancy.id == Candidate.vacancy_id)
        .where(Vacancy.profile_id == profile_id)
        .options(selectinload(HireOutcome.reviews))
        .order_by(Candidate.vacancy_id, Candidate.id)
    )
    found: dict[int, dict[int, HireOutcome]] = {}
    for outcome, vacancy_id in db.session.execute(query):
        found.setdefault(vacancy_id, {})[outcome.candidate_id] = outcome
    return found


def report_json(report: ValidityReport) -> dict[str, Any]:
    """The SPEC §6 answer of GET /profiles/<id>/validity."""
    return {
        "min_pairs": report.min_pairs,
        "hires": report.hires,
        "rows": [
            {
                "predictor": row.predictor,
                "outcome": row.outcome,
                "month": row.month,
                "n": row.correlation.n,
                "r": None if row.correlation.r is None else round(row.correlation.r, 4),
                "ci95": None if row.correlation.ci95 is None else [round(v, 4) for v in row.correlation.ci95],
            }
            for row in report.rows
        ],
        "weights": report.weights,
        "suggested_weights": report.suggested,
    }


def clone_with_weights(
    profile: Profile, weights: dict[str, Any] | None, user: User, name: str | None = None
) -> Profile:
    """A new profile like `profile` with these weights (every code, each >= 0, summing to 100); the old one stays.

    No `weights`: today's are kept. `name` (when not blank) names the clone in both languages. Critical
    minimums, anchors and questions are copied as they are. Audited as `profile.clone` and `profile.reweight`.
    """
    ensure_may_see_outcomes(user)
    name = (name or "").strip()[:200]
    if weights is None:
        clone = clone_profile(profile, user.id)
        if name:
            clone.name_ru = clone.name_en = name
        return clone
    codes = [c.code for c in profile.competencies]
    fields = {}
    for code in codes:
        value = weights.get(code)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            fields[f"weights.{code}"] = _l("Give a weight of 0 or more.")
    unknown = set(weights) - set(codes)
    for code in unknown:
        fields[f"weights.{code}"] = _l("The profile has no such competency.")
    if fields or abs(sum(float(weights[c]) for c in codes) - 100) > 1e-6:
        raise InvalidProfile(BAD_WEIGHTS, fields)
    clone = clone_profile(profile, user.id)
    if name:
        clone.name_ru = clone.name_en = name
    before = {c.code: c.weight for c in clone.competencies}
    for competency in clone.competencies:
        competency.weight = float(weights[competency.code])
    db.session.flush()
    audit.record(
        "profile.reweight",
        "profile",
        clone.id,
        before={"weights": before},
        after={"weights": {c.code: c.weight for c in clone.competencies}},
        user_id=user.id,
    )
    return clone
