"""The validity statistics (SPEC §9): r, its Fisher-z interval, the 10-pair floor, the suggested weights."""

import random

import pytest

from hiring.domain.validity import (
    MIN_PAIRS,
    competency_validity,
    correlate,
    fisher_interval,
    round_to_total,
    suggest_weights,
    validity_rows,
)

WEIGHTS = {"NEG": 20, "REL": 15, "ANA": 15, "IND": 10, "ORD": 10, "ACC": 10, "CLM": 10, "TIM": 10}


def synthetic_hires(n: int, seed: int = 7):
    """n hires rated 1-5 on every competency; retention = 8 * NEG + noise, the other outcomes pure noise."""
    rng = random.Random(seed)
    ratings = {code: [float(rng.randint(1, 5)) for _ in range(n)] for code in WEIGHTS}
    retention = [50 + 8 * neg + rng.gauss(0, 6) for neg in ratings["NEG"]]
    growth = [rng.gauss(10, 5) for _ in range(n)]
    outcomes = {("retention_pct", 12): retention, ("revenue_growth_pct", 12): growth}
    return ratings, outcomes


def test_fisher_interval_matches_statology_worked_example():
    # Statology, "Fisher Z Transformation": r = 0.56, n = 60 -> 95 % CI [.3568, .7126]
    low, high = fisher_interval(0.56, 60)
    assert low == pytest.approx(0.3568, abs=5e-4)
    assert high == pytest.approx(0.7126, abs=5e-4)


def test_fisher_interval_matches_r_qnorm_output():
    # small-s.science: tanh(atanh(.5) + qnorm(c(.025,.975)) * sqrt(1/(50-3))) = 0.2574879 0.6832563
    low, high = fisher_interval(0.5, 50)
    assert low == pytest.approx(0.2574879, abs=1e-6)
    assert high == pytest.approx(0.6832563, abs=1e-6)


def test_known_relation_is_recovered_at_60_hires():
    ratings, outcomes = synthetic_hires(60)
    rows = validity_rows(ratings, outcomes)
    retention = {row.predictor: row.correlation for row in rows if row.outcome == "retention_pct"}
    assert max(retention, key=lambda code: retention[code].r) == "NEG"
    assert retention["NEG"].n == 60
    low, high = retention["NEG"].ci95
    assert 0 < low < retention["NEG"].r < high
    assert all(abs(retention[code].r) < retention["NEG"].r for code in WEIGHTS if code != "NEG")


def test_below_ten_pairs_there_is_no_value():
    points = [(float(x), float(2 * x + 1)) for x in range(MIN_PAIRS - 1)]
    below = correlate(points)
    assert (below.n, below.r, below.ci95) == (9, None, None)
    at = correlate([*points, (20.0, 41.0)])
    assert at.n == 10 and at.r == pytest.approx(1.0)


def test_unknown_values_do_not_count_as_pairs():
    ratings, outcomes = synthetic_hires(12)
    ratings["NEG"][:3] = [None, None, None]
    rows = validity_rows({"NEG": ratings["NEG"]}, outcomes)
    assert {row.correlation.n for row in rows} == {9}
    assert all(row.correlation.r is None for row in rows)


def test_a_constant_side_gives_no_value():
    assert correlate([(3.0, float(y)) for y in range(20)]).r is None


def test_suggested_weights_sum_to_100_and_move_toward_neg():
    ratings, outcomes = synthetic_hires(60)
    rows = validity_rows(ratings, outcomes)
    validity = {code: competency_validity(rows, code) for code in WEIGHTS}
    suggested = suggest_weights(WEIGHTS, validity)
    assert sum(suggested.values()) == 100
    assert set(suggested) == set(WEIGHTS)
    assert all(isinstance(w, int) and w >= 0 for w in suggested.values())
    assert suggested["NEG"] > WEIGHTS["NEG"]
    assert max(suggested, key=suggested.get) == "NEG"


def test_without_evidence_the_weights_stay():
    assert suggest_weights(WEIGHTS, {}) == WEIGHTS
    few = {"NEG": (0.9, 0)}  # no pairs: no pull
    assert suggest_weights(WEIGHTS, few) == WEIGHTS


def test_shrinkage_half_way_at_thirty_pairs():
    weights = {"A": 50, "B": 50}
    suggested = suggest_weights(weights, {"A": (0.5, 30), "B": (0.0, 30)})
    # target A = 100, B = 0; lambda = 30 / 60 = 0.5 -> 75 / 25
    assert suggested == {"A": 75, "B": 25}


def test_rounding_keeps_the_total():
    assert round_to_total({"a": 1, "b": 1, "c": 1}, 100) == {"a": 34, "b": 33, "c": 33}
