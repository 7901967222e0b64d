"""Ranking of a vacancy (SPEC §3): sort key `(group, -score, -coverage, candidate id)`.

Groups: 0 eligible or eligible_with_risk with a band other than insufficient_data; 1 pending (whatever its
data); 2 eligible or eligible_with_risk with insufficient_data; 3 not_eligible. Within a group a missing score
comes after every number. The candidate id breaks every tie, so the order is total and does not depend on
the input order. In SQL, from stored values, the same order is
`ORDER BY rank_group, score IS NULL, score DESC, coverage DESC, candidate_id`.
"""

from __future__ import annotations

from collections.abc import Iterable

from .levels import INSUFFICIENT_DATA, NOT_ELIGIBLE, PENDING
from .scoring import Evaluation

RankingKey = tuple[int, bool, float, float, int]


def rank_group_from(eligibility: str, band: str) -> int:
    """The ranking group of an eligibility and a band."""
    if eligibility == NOT_ELIGIBLE:
        return 3
    if eligibility == PENDING:
        return 1
    if band == INSUFFICIENT_DATA:
        return 2
    return 0


def rank_group(evaluation: Evaluation) -> int:
    """The ranking group of an evaluation."""
    return rank_group_from(evaluation.eligibility, evaluation.band)


def ranking_key_from(group: int, score: float | None, coverage: float, candidate_id: int) -> RankingKey:
    """The sort key from plain (for instance stored) values; a missing score sorts after every number."""
    return (group, score is None, -score if score is not None else 0.0, -coverage, candidate_id)


def ranking_key(evaluation: Evaluation) -> RankingKey:
    """The sort key of an evaluation."""
    return ranking_key_from(
        rank_group(evaluation), evaluation.score, evaluation.coverage, evaluation.candidate_id
    )


def rank(evaluations: Iterable[Evaluation]) -> list[Evaluation]:
    """The evaluations in ranking order."""
    return sorted(evaluations, key=ranking_key)


# A shortlist compares this many candidates side by side (pages and PDFs alike).
SHORTLIST_MIN = 2
SHORTLIST_MAX = 6


def shortlist_size_ok(count: int) -> bool:
    """Whether this many different candidates make a shortlist (SHORTLIST_MIN to SHORTLIST_MAX)."""
    return SHORTLIST_MIN <= count <= SHORTLIST_MAX
