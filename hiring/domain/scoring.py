"""Scoring of SPEC §3: competency means, weighted score, coverage, band, confidence and flags.

Arithmetic is exact: weights are the decimal they were typed as (20, 12.5, 33.3), counted as integers of a
unit chosen per profile, and means stay ratios of integer ratings, so a boundary the user can check by hand
is met exactly:
- `score` is rounded to 1 decimal, half up (62.25 -> 62.3), and the band compares that rounded score, so a
  score shown as 75.0 is `strong_hire` and 74.9 is not.
- `coverage` is compared exactly against 0.8 / 0.9 (weights 80 of 100 is exactly 0.8) and reported as the
  nearest float, unrounded.
- A critical minimum is compared exactly: ratings 2 and 4 give mean 3, which meets a minimum of 3.0.
- When every weight is 0 (or there are no competencies) coverage is 0 and the score is None: nothing counts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from .levels import (
    BAND_THRESHOLDS,
    CONSIDER,
    CRITICAL_GAP,
    DISAGREEMENT,
    DISAGREEMENT_SPREAD,
    HIGH,
    HIGH_CONFIDENCE_COVERAGE,
    HIRE,
    INSUFFICIENT_DATA,
    LOW,
    MEDIUM,
    MIN_COVERAGE,
    NO_HIRE,
    NOT_ELIGIBLE,
    PENDING,
    RATING_MAX,
    RATING_MIN,
    RECOMMENDATION_CONFLICT,
    STRONG_HIRE,
    STRONG_NO,
    STRONG_YES,
)
from .screening import Screening, screen
from .values import CandidateData, CompetencySpec, Requirements, ScorecardData


@dataclass(frozen=True, slots=True)
class CompetencyResult:
    """One competency across the submitted scorecards; `ratings` are in interviewer id order."""

    code: str
    weight: float
    mean: float | None
    n: int
    spread: int | None
    flags: tuple[str, ...]
    ratings: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything SPEC §3 computes for one candidate."""

    candidate_id: int
    screening: Screening
    score: float | None
    band: str
    coverage: float
    confidence: str
    flags: tuple[str, ...]
    competencies: tuple[CompetencyResult, ...]
    recommendations: tuple[str, ...]
    submitted_count: int
    pending: bool

    @property
    def eligibility(self) -> str:
        """The screening's eligibility."""
        return self.screening.eligibility


def exact(value: float | int | Decimal | Fraction) -> Fraction | int:
    """The exact value a number was written as (a float: its shortest decimal form); an int when integral."""
    if isinstance(value, float):
        return _exact_float(value)
    if isinstance(value, int):
        return value
    if type(value) is not Fraction:
        value = Fraction(value)
    return value.numerator if value.denominator == 1 else value


@lru_cache(maxsize=1024)
def _exact_float(value: float) -> Fraction | int:
    # Weights and minimums repeat across a vacancy's candidates; parsing them once saves most of the time.
    value = Fraction(repr(value))
    return value.numerator if value.denominator == 1 else value


def round_half_up(value: Fraction, places: int = 1) -> float:
    """Round an exact non-negative value the way a person does (x.x5 goes up)."""
    scale = 10**places
    return float(Fraction(math.floor(value * scale + Fraction(1, 2)), scale))


_MIN_COVERAGE = Fraction(exact(MIN_COVERAGE))
_HIGH_CONFIDENCE_COVERAGE = Fraction(exact(HIGH_CONFIDENCE_COVERAGE))
_SCALE = RATING_MAX - RATING_MIN


def band_for(
    eligibility: str,
    submitted_count: int,
    enough_coverage: bool,
    score: float | None,
    critical_gap: bool,
) -> str:
    """The band: not_eligible, else insufficient_data (no scorecard or coverage < 0.8), else by rounded score.

    Score >= 75 strong_hire, >= 60 hire, >= 45 consider, else no_hire; a critical gap lowers strong_hire and
    hire to consider. A pending eligibility does not change the band. `enough_coverage`: coverage >= 0.8.
    """
    if eligibility == NOT_ELIGIBLE:
        return NOT_ELIGIBLE
    if submitted_count == 0 or score is None or not enough_coverage:
        return INSUFFICIENT_DATA
    band = next((name for minimum, name in BAND_THRESHOLDS if score >= minimum), NO_HIRE)
    if critical_gap and band in (STRONG_HIRE, HIRE):
        return CONSIDER
    return band


def confidence_for(submitted_count: int, high_coverage: bool, disagreement: bool) -> str:
    """high: 2+ scorecards, coverage >= 0.9, no disagreement; low: at most one scorecard or coverage < 0.9.

    `high_coverage`: coverage >= 0.9.
    """
    if submitted_count <= 1 or not high_coverage:
        return LOW
    return MEDIUM if disagreement else HIGH


def recommendation_conflict(band: str, recommendations: Iterable[str]) -> bool:
    """A strong_no against hire/strong_hire, or a strong_yes against no_hire."""
    given = set(recommendations)
    return (STRONG_NO in given and band in (HIRE, STRONG_HIRE)) or (STRONG_YES in given and band == NO_HIRE)


def _coverage_reaches(rated_weight: int, total_weight: int, threshold: Fraction) -> bool:
    """Coverage rated / total (0 when every weight is 0) is at least a positive threshold, in integers."""
    return total_weight > 0 and rated_weight * threshold.denominator >= threshold.numerator * total_weight


@dataclass(frozen=True, slots=True, eq=False)  # known by identity: a cheap key for _competency_result
class _Competency:
    """A profile competency as every candidate's score uses it, worked out once per profile.

    `weight` is the exact weight counted in the weighing's unit (see _Weighing), so it is an integer.
    """

    code: str
    typed_weight: float
    weight: int
    critical_min: Fraction | int | None
    disagreement_flag: str
    critical_gap_flag: str
    unrated: CompetencyResult


@dataclass(frozen=True, slots=True)
class _Weighing:
    """What a profile's competencies contribute to every candidate's score, worked out once per profile.

    Weights are counted in a unit small enough to make each of them an integer (1/2 for weights 12.5 and
    20, 1/10 for 33.3); a score and a coverage are ratios of weights, so the unit cancels out.
    """

    competencies: tuple[_Competency, ...]
    total_weight: int


_last_weighing: tuple[object, _Weighing] | None = None


def _weighing_of(competencies: Sequence[CompetencySpec]) -> _Weighing:
    """The weighing of these competencies; the same tuple as the previous call's is not even hashed again."""
    global _last_weighing
    last = _last_weighing
    if last is not None and last[0] is competencies:
        return last[1]
    weighing = _weighing(tuple(competencies))
    if type(competencies) is tuple:  # immutable (the specs are frozen): safe to know again by identity
        _last_weighing = (competencies, weighing)
    return weighing


@lru_cache(maxsize=64)
def _weighing(competencies: tuple[CompetencySpec, ...]) -> _Weighing:
    codes = [spec.code for spec in competencies]
    if len(set(codes)) != len(codes):
        raise ValueError("two competencies share a code")
    weights = [Fraction(exact(spec.weight)) for spec in competencies]
    unit = math.lcm(*(weight.denominator for weight in weights))
    rows = tuple(
        _Competency(
            code=spec.code,
            typed_weight=spec.weight,
            weight=int(weight * unit),
            critical_min=None if spec.critical_min is None else exact(spec.critical_min),
            disagreement_flag=f"{DISAGREEMENT}:{spec.code}",
            critical_gap_flag=f"{CRITICAL_GAP}:{spec.code}",
            unrated=CompetencyResult(spec.code, spec.weight, None, 0, None, (), ()),
        )
        for spec, weight in zip(competencies, weights, strict=True)
    )
    return _Weighing(rows, sum(row.weight for row in rows))


@lru_cache(maxsize=4096)
def _competency_result(competency: _Competency, ratings: tuple[int, ...]) -> CompetencyResult:
    """One competency's mean, spread and own flags from its ratings (at least one).

    The same ratings recur across a vacancy's candidates (3 interviewers rating 1-5 give 155 tuples), and a
    result is frozen, so each is worked out once per profile competency.
    """
    n, total = len(ratings), sum(ratings)
    spread = max(ratings) - min(ratings)
    flags: tuple[str, ...] = ()
    if spread >= DISAGREEMENT_SPREAD:
        flags = (DISAGREEMENT,)
    # mean < m  <=>  total < m * n, kept in exact arithmetic.
    if competency.critical_min is not None and total < competency.critical_min * n:
        flags += (CRITICAL_GAP,)
    return CompetencyResult(competency.code, competency.typed_weight, total / n, n, spread, flags, ratings)


def _by_interviewer(card: ScorecardData) -> int:
    """Sort key: results list ratings in interviewer id order."""
    return card.interviewer_id


def evaluate(
    competencies: Sequence[CompetencySpec],
    requirements: Requirements,
    candidate: CandidateData,
    scorecards: Iterable[ScorecardData],
) -> Evaluation:
    """Screen and score one candidate from the submitted scorecards only (drafts never count).

    Per competency c: ratings r (1-5, "not assessed" left out), n, mean, spread = max - min,
    s_c = (mean - 1) / 4. R = competencies with n >= 1 and weight > 0.
    score = 100 * sum_R(w*s) / sum_R(w), rounded to 1 decimal; None when R is empty.
    coverage = sum_R(w) / sum_all(w) (0 when every weight is 0). A competency is flagged `disagreement` when
    spread >= 2 and `critical_gap` when it has a critical minimum and its mean is below it.
    Flags in order: the screening's, then per competency in profile order `disagreement:<CODE>` and
    `critical_gap:<CODE>`, then `recommendation_conflict`. Scorecard order never matters.
    """
    weighing = _weighing_of(competencies)
    submitted = sorted((card for card in scorecards if card.submitted), key=_by_interviewer)
    screening = screen(requirements, candidate, submitted)
    given = [card.ratings for card in submitted]

    results: list[CompetencyResult] = []
    flags = list(screening.flags)
    rated_weight = 0
    # sum over R of w * (mean - 1) as one integer fraction; s_c is that term divided by the 1-5 scale's 4.
    weighted_num, weighted_den = 0, 1
    critical_gap = disagreement = False
    for competency in weighing.competencies:
        ratings = tuple([rating for card in given if (rating := card.get(competency.code)) is not None])
        if not ratings:
            results.append(competency.unrated)
            continue
        result = _competency_result(competency, ratings)
        results.append(result)
        if DISAGREEMENT in result.flags:
            flags.append(competency.disagreement_flag)
            disagreement = True
        if CRITICAL_GAP in result.flags:
            flags.append(competency.critical_gap_flag)
            critical_gap = True
        if competency.weight > 0:
            n = result.n
            rated_weight += competency.weight
            weighted_num = (
                weighted_num * n + competency.weight * (sum(ratings) - RATING_MIN * n) * weighted_den
            )
            weighted_den *= n

    score = _score(weighted_num, _SCALE * weighted_den, rated_weight) if rated_weight else None
    total_weight = weighing.total_weight
    band = band_for(
        screening.eligibility,
        len(submitted),
        _coverage_reaches(rated_weight, total_weight, _MIN_COVERAGE),
        score,
        critical_gap,
    )
    recommendations = tuple(card.recommendation for card in submitted if card.recommendation is not None)
    if recommendation_conflict(band, recommendations):
        flags.append(RECOMMENDATION_CONFLICT)
    high_coverage = _coverage_reaches(rated_weight, total_weight, _HIGH_CONFIDENCE_COVERAGE)
    return Evaluation(
        candidate_id=candidate.id,
        screening=screening,
        score=score,
        band=band,
        # int / int is the float nearest the exact ratio, as float(Fraction) would give
        coverage=rated_weight / total_weight if total_weight else 0.0,
        confidence=confidence_for(len(submitted), high_coverage, disagreement),
        flags=tuple(flags),
        competencies=tuple(results),
        recommendations=recommendations,
        submitted_count=len(submitted),
        pending=screening.eligibility == PENDING,
    )


def _score(weighted_num: int, weighted_den: int, rated_weight: int) -> float:
    """100 * (weighted_num / weighted_den) / rated_weight rounded half up to 1 decimal, in integers.

    Equal to round_half_up of the exact Fraction: floor(10 x + 1/2) = floor((20 a + b) / 2b) for x = a / b.
    """
    a = 100 * weighted_num
    b = weighted_den * rated_weight
    return ((20 * a + b) // (2 * b)) / 10
