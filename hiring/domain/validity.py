"""The validity of a profile (SPEC §9): how well interview ratings predicted the outcomes of the people hired.

Plain values in, plain values out (no Flask, no database). Standard library statistics only.

**Correlation.** Pearson's r over the pairs where both values are known (`statistics.correlation`). Fewer than
MIN_PAIRS pairs, or a side without variation, give no r ("not enough data"): a value from 6 people says nothing.

**Interval.** The 95 % interval by Fisher's z: z = atanh(r), se = 1 / sqrt(n - 3), the bounds
tanh(z -/+ 1.959964 * se). Worked example (Statology, "Fisher Z Transformation"): r = 0.56, n = 60 gives
[0.3568, 0.7126]; R's `tanh(atanh(.5) + qnorm(c(.025, .975)) * sqrt(1/47))` gives [0.2574879, 0.6832563].

**Suggested weights.** For each competency c with today's weight w_c (summing to 100):

    v_c      = the mean of c's r over the outcome rows that have one (negative values count as 0)
    n_c      = the largest n among those rows (0 when none)
    target_c = 100 * v_c / sum(v_k)             (today's weights when no competency has a positive v)
    lambda_c = n_c / (n_c + K), K = SHRINKAGE_PAIRS = 30
    w'_c     = (1 - lambda_c) * w_c + lambda_c * target_c

then rounded to whole numbers summing to 100 (largest remainders). Each w'_c is a mix of two non-negative
weightings, so never below 0; with few pairs lambda is small and the weights barely move, with 30 pairs they go
half-way to the evidence. Critical minimums are not weights: a clone keeps them as they are.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MIN_PAIRS = 10
SHRINKAGE_PAIRS = 30
CONFIDENCE = 0.95
OUTCOMES = ("retention_pct", "revenue_growth_pct", "plan_attainment_pct", "manager_rating")
MONTHS = (6, 12)
SCORE = "score"
# What the research finds for comparison (Sackett, Zhang, Berry & Lievens 2022, corrected operational validity).
RESEARCH = {"structured_interview": 0.42, "years_of_experience": 0.07}


@dataclass(frozen=True)
class Correlation:
    """r with its 95 % interval over n pairs; r and ci95 are None below MIN_PAIRS (or with no variation)."""

    n: int
    r: float | None
    ci95: tuple[float, float] | None

    @property
    def enough(self) -> bool:
        return self.r is not None


@dataclass(frozen=True)
class ValidityRow:
    predictor: str  # SCORE or a competency code
    outcome: str
    month: int
    correlation: Correlation


def pairs(xs: Sequence[float | None], ys: Sequence[float | None]) -> list[tuple[float, float]]:
    """The (x, y) pairs where both are known."""
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True) if x is not None and y is not None]


def fisher_interval(r: float, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The interval of r over n pairs by Fisher's z transformation (n > 3)."""
    if n <= 3:
        raise ValueError("Fisher's interval needs more than 3 pairs")
    z_crit = statistics.NormalDist().inv_cdf(0.5 + confidence / 2)
    z = math.atanh(max(min(r, 1 - 1e-12), -1 + 1e-12))
    half = z_crit / math.sqrt(n - 3)
    return (math.tanh(z - half), math.tanh(z + half))


def correlate(points: Sequence[tuple[float, float]], min_pairs: int = MIN_PAIRS) -> Correlation:
    """Pearson's r and its interval over the points, or no value below `min_pairs`."""
    n = len(points)
    if n < min_pairs:
        return Correlation(n, None, None)
    xs, ys = zip(*points, strict=True)
    try:
        r = statistics.correlation(xs, ys)
    except statistics.StatisticsError:  # one side is constant: r is undefined
        return Correlation(n, None, None)
    return Correlation(n, r, fisher_interval(r, n))


def validity_rows(
    predictors: Mapping[str, Sequence[float | None]],
    outcomes: Mapping[tuple[str, int], Sequence[float | None]],
    min_pairs: int = MIN_PAIRS,
) -> list[ValidityRow]:
    """Every predictor against every (outcome, month); each sequence holds one value per hired person."""
    return [
        ValidityRow(name, outcome, month, correlate(pairs(xs, ys), min_pairs))
        for name, xs in predictors.items()
        for (outcome, month), ys in outcomes.items()
    ]


def competency_validity(rows: Sequence[ValidityRow], code: str) -> tuple[float, int]:
    """(v_c, n_c) of the module docstring: the mean positive-clipped r of the competency, and its largest n."""
    found = [row.correlation for row in rows if row.predictor == code and row.correlation.enough]
    if not found:
        return 0.0, 0
    mean_r = statistics.fmean(c.r for c in found)
    return max(mean_r, 0.0), max(c.n for c in found)


def suggest_weights(
    weights: Mapping[str, float],
    validity: Mapping[str, tuple[float, int]],
    shrinkage: float = SHRINKAGE_PAIRS,
) -> dict[str, int]:
    """Whole-number weights summing to 100, moved from `weights` toward the validities (formula above).

    `validity` maps a code to (v_c, n_c); a code missing there keeps its weight's share.
    """
    codes = list(weights)
    total = sum(max(float(weights[c]), 0.0) for c in codes)
    today = {c: (100 * max(float(weights[c]), 0.0) / total if total else 100 / len(codes)) for c in codes}
    positive = {c: max(validity.get(c, (0.0, 0))[0], 0.0) for c in codes}
    evidence = sum(positive.values())
    target = {c: 100 * positive[c] / evidence for c in codes} if evidence > 0 else today
    mixed = {}
    for c in codes:
        n = validity.get(c, (0.0, 0))[1]
        share = n / (n + shrinkage) if n > 0 else 0.0
        mixed[c] = (1 - share) * today[c] + share * target[c]
    return round_to_total(mixed, 100)


def round_to_total(values: Mapping[str, float], total: int) -> dict[str, int]:
    """Whole numbers summing to `total`, each the floor of its share plus one for the largest remainders."""
    if not values:
        return {}
    scale = sum(values.values())
    shares = {k: (v * total / scale if scale else total / len(values)) for k, v in values.items()}
    result = {k: math.floor(v) for k, v in shares.items()}
    left = total - sum(result.values())
    for k in sorted(shares, key=lambda k: (-(shares[k] - result[k]), list(shares).index(k)))[:left]:
        result[k] += 1
    return result
