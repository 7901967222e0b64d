"""The ranking queries: a vacancy's stored evaluations in ranking order, one page of it, a candidate's place.

Every query here follows `ranking_order()`, the SQL form of the domain's ranking key (SPEC §3), over the
evaluations that `hiring.services.evaluations` computes and stores.
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Candidate, StoredEvaluation
from hiring.models.candidates import ranking_key
from hiring.services.keyset import Key, KeysetPage, keyset_page


def ranking_order() -> tuple:
    """SQL ORDER BY over StoredEvaluation equal to the domain's ranking key (group, -score, -coverage, id).

    Every part ascends (a missing score sorts after every number), so the key also compares as one row value:
    see ranked_before() and ranking_page(). The index ix_stored_evaluation_ranking holds the same expressions.
    """
    return ranking_key()


def ranked_before(stored: StoredEvaluation):
    """SQL condition: the stored evaluation ranks before `stored` (same vacancy to be added by the caller)."""
    mine = (
        stored.rank_group,
        1.0 if stored.score is None else -stored.score,
        -stored.coverage,
        stored.candidate_id,
    )
    return sa.tuple_(*ranking_order()) < sa.tuple_(*(sa.literal(value) for value in mine))


def ranking_page(vacancy_id: int, after: Key | None, limit: int) -> KeysetPage:
    """One page of the vacancy's ranking after the key `after`, in one query at any position and size.

    Rows carry candidate_id, full_name, score, band, eligibility, coverage, confidence and flags: the same values
    and order as rank_vacancy() (tests hold them equal), without loading every scorecard.
    """
    query = (
        sa.select(
            StoredEvaluation.candidate_id,
            Candidate.full_name,
            StoredEvaluation.score,
            StoredEvaluation.band,
            StoredEvaluation.eligibility,
            StoredEvaluation.coverage,
            StoredEvaluation.confidence,
            StoredEvaluation.flags,
        )
        .join(Candidate, Candidate.id == StoredEvaluation.candidate_id)
        .where(StoredEvaluation.vacancy_id == vacancy_id)
    )
    return keyset_page(query, ranking_order(), after, limit)


def stored_ranking(vacancy_id: int) -> list[sa.Row]:
    """The whole ranking (every page of ranking_page() in turn), for the callers that need all of it."""
    rows: list[sa.Row] = []
    after = None
    while True:
        page = ranking_page(vacancy_id, after, 10_000)
        rows.extend(page.rows)
        if page.next_key is None:
            return rows
        after = page.next_key


@dataclass(frozen=True)
class Page:
    """The slice of a list a page shows, shaped for the `pagination` macro."""

    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(math.ceil(self.total / self.per_page), 1)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


class RankedRow(NamedTuple):
    """A dashboard row: the candidate's position in the whole vacancy's ranking, evaluation and name."""

    position: int
    evaluation: StoredEvaluation
    full_name: str


def page_rows(vacancy_id: int, band: str | None, eligibility: str | None, page: Page) -> list[RankedRow]:
    """One page of the ranking, in a single query whatever the vacancy's size.

    The page's ids are chosen from StoredEvaluation alone (sorted by its ranking index, then limited) before
    anything is joined, so a large vacancy costs a sort of narrow rows, not a join of every candidate.
    Unfiltered, a row's position follows from the offset; filtered, a window function numbers the whole
    ranking first, so that a row keeps its place in the vacancy.
    """
    se = StoredEvaluation
    if band or eligibility:
        ranked = (
            sa.select(
                se.candidate_id,
                se.band,
                se.eligibility,
                sa.func.row_number().over(order_by=ranking_order()).label("position"),
            )
            .where(se.vacancy_id == vacancy_id)
            .subquery("ranked")
        )
        chosen = sa.select(ranked.c.candidate_id, ranked.c.position)
        if band:
            chosen = chosen.where(ranked.c.band == band)
        if eligibility:
            chosen = chosen.where(ranked.c.eligibility == eligibility)
        chosen = (
            chosen.order_by(ranked.c.position).limit(page.per_page).offset(page.offset).subquery("chosen")
        )
        rows = db.session.execute(
            sa.select(chosen.c.position, se, Candidate.full_name)
            .join(se, se.candidate_id == chosen.c.candidate_id)
            .join(Candidate, Candidate.id == se.candidate_id)
            .order_by(chosen.c.position)
        ).all()
        return [RankedRow(position, evaluation, name) for position, evaluation, name in rows]
    chosen = (
        sa.select(se.candidate_id)
        .where(se.vacancy_id == vacancy_id)
        .order_by(*ranking_order())
        .limit(page.per_page)
        .offset(page.offset)
        .subquery("chosen")
    )
    rows = db.session.execute(
        sa.select(se, Candidate.full_name)
        .join(chosen, chosen.c.candidate_id == se.candidate_id)
        .join(Candidate, Candidate.id == se.candidate_id)
        .order_by(*ranking_order())
    ).all()
    return [RankedRow(page.offset + i + 1, evaluation, name) for i, (evaluation, name) in enumerate(rows)]


def rank_position(candidate: Candidate) -> tuple[int | None, int]:
    """The candidate's place in the vacancy's ranking (1 = first) and the number of candidates ranked."""
    stored = db.session.get(StoredEvaluation, candidate.id)
    count = sa.select(sa.func.count()).where(StoredEvaluation.vacancy_id == candidate.vacancy_id)
    total = db.session.scalar(count) or 0
    if stored is None:
        return None, total
    return db.session.scalar(count.where(ranked_before(stored))) + 1, total
