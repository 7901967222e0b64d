"""Ranking of SPEC §3: key (group, -score, -coverage, candidate id), a missing score after every number."""

import pytest

from hiring.domain.ranking import rank, rank_group, rank_group_from, ranking_key, ranking_key_from
from hiring.domain.scoring import Evaluation
from hiring.domain.screening import Screening


def make_evaluation(candidate_id, eligibility="eligible", band="hire", score=65.0, coverage=1.0):
    return Evaluation(
        candidate_id=candidate_id,
        screening=Screening(eligibility, (), ()),
        score=score,
        band=band,
        coverage=coverage,
        confidence="high",
        flags=(),
        competencies=(),
        recommendations=(),
        submitted_count=2,
        pending=eligibility == "pending",
    )


@pytest.mark.parametrize(
    ("eligibility", "band", "group"),
    [
        ("eligible", "strong_hire", 0),
        ("eligible_with_risk", "no_hire", 0),
        ("pending", "hire", 1),
        ("pending", "insufficient_data", 1),
        ("eligible", "insufficient_data", 2),
        ("eligible_with_risk", "insufficient_data", 2),
        ("not_eligible", "not_eligible", 3),
    ],
)
def test_groups(eligibility, band, group):
    assert rank_group(make_evaluation(1, eligibility, band)) == group
    assert rank_group_from(eligibility, band) == group


def test_groups_come_before_score():
    top_but_excluded = make_evaluation(1, "not_eligible", "not_eligible", score=99.0)
    no_data = make_evaluation(2, "eligible", "insufficient_data", score=90.0, coverage=0.5)
    pending = make_evaluation(3, "pending", "strong_hire", score=80.0)
    weak = make_evaluation(4, "eligible", "no_hire", score=20.0)
    assert [e.candidate_id for e in rank([top_but_excluded, no_data, pending, weak])] == [4, 3, 2, 1]


def test_within_a_group_score_then_coverage_then_id():
    evaluations = [
        make_evaluation(5, score=70.0, coverage=0.9),
        make_evaluation(4, score=70.0, coverage=1.0),
        make_evaluation(3, score=70.0, coverage=0.9),
        make_evaluation(2, score=80.0, coverage=0.8),
        make_evaluation(1, score=60.0, coverage=1.0),
    ]
    assert [e.candidate_id for e in rank(evaluations)] == [2, 4, 3, 5, 1]


def test_missing_score_comes_after_every_number_in_its_group():
    evaluations = [
        make_evaluation(1, "pending", "insufficient_data", score=None, coverage=0.0),
        make_evaluation(2, "pending", "no_hire", score=0.0),
        make_evaluation(3, "eligible", "insufficient_data", score=None, coverage=0.0),
        make_evaluation(4, "eligible", "insufficient_data", score=10.0, coverage=0.3),
    ]
    assert [e.candidate_id for e in rank(evaluations)] == [2, 1, 4, 3]


def test_key_from_plain_values_matches_the_evaluation_key():
    evaluation = make_evaluation(9, "eligible_with_risk", "consider", score=50.5, coverage=0.85)
    assert ranking_key(evaluation) == ranking_key_from(0, 50.5, 0.85, 9)
    assert ranking_key_from(0, None, 0.0, 1) > ranking_key_from(0, 0.0, 0.0, 2)


def test_rank_returns_a_new_list_and_accepts_any_iterable():
    evaluations = (make_evaluation(i) for i in (3, 1, 2))
    assert [e.candidate_id for e in rank(evaluations)] == [1, 2, 3]
