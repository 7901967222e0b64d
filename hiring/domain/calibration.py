"""Calibration of interviewers (SPEC §3): who rates above or below their panels, and how much panels agree.

Both read only submitted scorecards, grouped by candidate: `panels` maps a candidate id to its scorecards.

**Offsets (leave-one-out).** For every candidate and competency rated by 2 or more submitted scorecards, each
rating is compared with the mean of the *other* interviewers' ratings there: offset = rating - mean(others).
An interviewer's mean offset is the mean over all their compared ratings (`compared` counts them), on the 1-5
scale. Label: `lenient` above +0.25, `severe` below -0.25, `neutral` in between (0.25 itself is neutral),
`not_enough_data` when nothing could be compared. Leaving the rating out of the mean it is compared with keeps
a lone dissenter from pulling the yardstick toward themselves (with two raters one point apart, each is a full
point from the other, not half a point from a mean that contains their own rating).

**Agreement.** ICC(1,k), one-way random effects, average of the panel (Shrout & Fleiss 1979, case 1): panels
differ from candidate to candidate, so raters are not a crossed factor and the one-way model is the one that
fits. The measure of each submitted scorecard is its own weighted score (the score formula of SPEC §3 over the
competencies that scorecard rated with a weight above 0, not rounded); a scorecard that rated none of them
has no score and is left out. Over the n candidates with 2 or more scored scorecards (N scorecards in all):
    MSB = sum n_i (mean_i - grand)^2 / (n - 1),   MSW = sum sum (x - mean_i)^2 / (N - n),
    ICC(1,k) = (MSB - MSW) / MSB = 1 - 1/F  with F = MSB / MSW,
    k = k0 = (N - sum n_i^2 / N) / (n - 1), the adjusted mean panel size (k itself when panels are equal).
Its 95 % interval is McGraw & Wong's (1996, case 1): with F_a = the upper a/2 point of the F distribution,
lower = 1 - F_a(n - 1, N - n) / F, upper = 1 - 1 / (F * F_a(N - n, n - 1)).
Fewer than MIN_ICC_CANDIDATES candidates: no value, "not enough data". The value may be below 0 (panels agree
less than chance would have them); it is undefined (None) when every candidate's mean score is the same,
which is labelled poor (the panels tell nobody apart) unless no score varies at all.
The label follows Koo & Li (2016): below .5 poor, below .75 moderate, below .9 good, else excellent.

`icc_2k` (two-way random, absolute agreement, ICC(2,k)) stays for a complete candidates x raters matrix.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .levels import RATING_MIN
from .scoring import exact
from .values import CompetencySpec, ScorecardData

LENIENT = "lenient"
SEVERE = "severe"
NEUTRAL = "neutral"
NOT_ENOUGH_DATA = "not_enough_data"
OFFSET_THRESHOLD = Fraction(1, 4)
MIN_ICC_CANDIDATES = 10
CONFIDENCE = 0.95
ICC_MODEL = "ICC(1,k)"


@dataclass(frozen=True, slots=True)
class InterviewerOffset:
    """An interviewer's submitted scorecards, compared ratings and mean leave-one-out offset."""

    interviewer_id: int
    scorecards: int
    compared: int
    mean_offset: float | None
    label: str


@dataclass(frozen=True, slots=True)
class IccResult:
    """ICC(2,k) of a complete matrix and what it rests on; `value` is None when there is not enough data."""

    value: float | None
    candidates: int
    raters: int


@dataclass(frozen=True, slots=True)
class OneWayAnova:
    """The one-way ANOVA of scores grouped by candidate: what ICC(1,k) and its interval are made of."""

    candidates: int  # n
    scores: int  # N
    k: float | None  # k0, the adjusted mean panel size
    msb: Fraction | None
    msw: Fraction | None

    @property
    def df_between(self) -> int:
        return self.candidates - 1

    @property
    def df_within(self) -> int:
        return self.scores - self.candidates


@dataclass(frozen=True, slots=True)
class Agreement:
    """A vacancy's panel agreement as SPEC §6 answers it; `icc` and `ci95` None below 10 candidates."""

    icc: float | None
    k: float | None
    candidates: int
    ci95: tuple[float, float] | None
    label: str
    model: str = ICC_MODEL
    minimum_candidates: int = MIN_ICC_CANDIDATES


def _submitted(scorecards: Iterable[ScorecardData]) -> list[ScorecardData]:
    return sorted((card for card in scorecards if card.submitted), key=lambda card: card.interviewer_id)


def _rated(card: ScorecardData) -> dict[str, int]:
    return {code: rating for code, rating in card.ratings.items() if rating is not None}


# --- offsets ---------------------------------------------------------------------------------------------


def offset_label(mean_offset: Fraction | float | None) -> str:
    """lenient above +0.25, severe below -0.25, else neutral; not_enough_data without an offset."""
    if mean_offset is None:
        return NOT_ENOUGH_DATA
    if mean_offset > OFFSET_THRESHOLD:
        return LENIENT
    if mean_offset < -OFFSET_THRESHOLD:
        return SEVERE
    return NEUTRAL


def interviewer_offsets(panels: Mapping[int, Iterable[ScorecardData]]) -> list[InterviewerOffset]:
    """Every interviewer with a submitted scorecard, in interviewer id order, with their leave-one-out offset."""
    scorecards: Counter[int] = Counter()
    offsets: defaultdict[int, list[Fraction]] = defaultdict(list)
    for candidate_id in sorted(panels):
        by_code: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for card in _submitted(panels[candidate_id]):
            scorecards[card.interviewer_id] += 1
            for code, rating in _rated(card).items():
                by_code[code].append((card.interviewer_id, rating))
        for rated in by_code.values():
            if len(rated) < 2:
                continue
            total = sum(rating for _, rating in rated)
            for interviewer_id, rating in rated:
                others = Fraction(total - rating, len(rated) - 1)
                offsets[interviewer_id].append(rating - others)
    result = []
    for interviewer_id in sorted(scorecards):
        own = offsets.get(interviewer_id, [])
        mean = sum(own, Fraction(0)) / len(own) if own else None
        result.append(
            InterviewerOffset(
                interviewer_id=interviewer_id,
                scorecards=scorecards[interviewer_id],
                compared=len(own),
                mean_offset=None if mean is None else float(mean),
                label=offset_label(mean),
            )
        )
    return result


# --- agreement: ICC(1,k) over each scorecard's own score ----------------------------------------------------


def scorecard_score(card: ScorecardData, competencies: Sequence[CompetencySpec]) -> Fraction | None:
    """The score formula of SPEC §3 over the competencies this scorecard rated (weight > 0), unrounded."""
    rated = _rated(card)
    weighted = Fraction(0)
    weights = Fraction(0)
    for spec in competencies:
        rating = rated.get(spec.code)
        weight = Fraction(exact(spec.weight))
        if rating is None or weight <= 0:
            continue
        weighted += weight * Fraction(rating - RATING_MIN, 4)
        weights += weight
    return 100 * weighted / weights if weights else None


def panel_scores(
    panels: Mapping[int, Iterable[ScorecardData]], competencies: Sequence[CompetencySpec]
) -> list[list[Fraction]]:
    """Per candidate (in id order) with 2 or more scored submitted scorecards, those scorecards' scores."""
    groups = []
    for candidate_id in sorted(panels):
        scores = [
            score
            for card in _submitted(panels[candidate_id])
            if (score := scorecard_score(card, competencies)) is not None
        ]
        if len(scores) >= 2:
            groups.append(scores)
    return groups


def one_way_anova(groups: Sequence[Sequence[float | Fraction]]) -> OneWayAnova:
    """Mean squares between and within candidates, and k0; groups of fewer than 2 scores are left out."""
    groups = [[Fraction(value) for value in group] for group in groups if len(group) >= 2]
    n = len(groups)
    total = sum(len(group) for group in groups)
    if n < 2:
        return OneWayAnova(n, total, None, None, None)
    grand = sum((sum(group) for group in groups), Fraction(0)) / total
    means = [sum(group) / len(group) for group in groups]
    ss_between = sum(
        (len(group) * (mean - grand) ** 2 for group, mean in zip(groups, means, strict=True)), Fraction(0)
    )
    ss_within = sum(
        ((value - mean) ** 2 for group, mean in zip(groups, means, strict=True) for value in group),
        Fraction(0),
    )
    k0 = (total - Fraction(sum(len(group) ** 2 for group in groups), total)) / (n - 1)
    return OneWayAnova(n, total, float(k0), ss_between / (n - 1), ss_within / (total - n))


def icc_1k(anova: OneWayAnova) -> float | None:
    """ICC(1,k) = (MSB - MSW) / MSB; None when undefined (fewer than 2 candidates, or MSB = 0)."""
    if anova.msb is None or anova.msb == 0:
        return None
    return float((anova.msb - anova.msw) / anova.msb)


# The quantile function of the F distribution: (probability, numerator df, denominator df) -> value.
FQuantile = Callable[[float, int, int], float]


def icc_1k_interval(
    anova: OneWayAnova, f_quantile: FQuantile, confidence: float = CONFIDENCE
) -> tuple[float, float] | None:
    """McGraw & Wong (1996) interval of ICC(1,k); `f_quantile` is the F distribution's (the service passes
    SciPy's, so that this module keeps to the standard library)."""
    if anova.msb is None or anova.msb == 0 or anova.df_within < 1:
        return None
    if anova.msw == 0:
        return (1.0, 1.0)
    tail = 1 - (1 - confidence) / 2
    observed = float(anova.msb / anova.msw)
    lower_f = f_quantile(tail, anova.df_between, anova.df_within)
    upper_f = f_quantile(tail, anova.df_within, anova.df_between)
    return (float(1 - lower_f / observed), float(1 - 1 / (observed * upper_f)))


def panel_agreement(
    panels: Mapping[int, Iterable[ScorecardData]],
    competencies: Sequence[CompetencySpec],
    f_quantile: FQuantile,
) -> Agreement:
    """ICC(1,k) of the vacancy's panels with its 95 % interval and label; no value below 10 candidates."""
    anova = one_way_anova(panel_scores(panels, competencies))
    if anova.candidates < MIN_ICC_CANDIDATES:
        return Agreement(None, anova.k, anova.candidates, None, NOT_ENOUGH_DATA)
    value = icc_1k(anova)
    if value is None:
        # Every candidate's mean score is the same: panels tell nobody apart. Poor, unless nothing varies at all.
        label = POOR if anova.msw else NOT_ENOUGH_DATA
        return Agreement(None, anova.k, anova.candidates, None, label)
    return Agreement(
        value, anova.k, anova.candidates, icc_1k_interval(anova, f_quantile), agreement_label(value)
    )


# --- ICC(2,k) of a complete matrix ----------------------------------------------------------------------------


def icc_2k(matrix: Sequence[Sequence[float | Fraction]]) -> IccResult:
    """ICC(2,k) = (BMS - EMS) / (BMS + (JMS - EMS) / n) over n candidates (rows) x k raters (columns).

    For a complete matrix where the same raters rate every candidate (Shrout & Fleiss 1979, case 2). 0 when
    BMS <= EMS (no agreement beyond the raters' own disagreement); None below 3 rows or when every cell is equal.
    """
    n = len(matrix)
    k = len(matrix[0]) if n else 0
    if any(len(row) != k for row in matrix):
        raise ValueError("every candidate needs the same number of raters")
    if n < 3 or k < 2:
        return IccResult(None, n, k)
    cells = [[Fraction(value) for value in row] for row in matrix]
    grand = sum((sum(row) for row in cells), Fraction(0)) / (n * k)
    row_means = [sum(row) / k for row in cells]
    col_means = [sum(row[j] for row in cells) / n for j in range(k)]
    ss_rows = k * sum((mean - grand) ** 2 for mean in row_means)
    ss_cols = n * sum((mean - grand) ** 2 for mean in col_means)
    ss_total = sum((value - grand) ** 2 for row in cells for value in row)
    bms = ss_rows / (n - 1)
    jms = ss_cols / (k - 1)
    ems = (ss_total - ss_rows - ss_cols) / ((n - 1) * (k - 1))
    if ss_total == 0:
        return IccResult(None, n, k)
    if bms <= ems:
        return IccResult(0.0, n, k)
    # BMS > EMS >= 0 and JMS >= 0 keep the denominator at or above BMS - EMS > 0, so the value is in (0, 1].
    denominator = bms + (jms - ems) / n
    return IccResult(float((bms - ems) / denominator), n, k)


POOR = "poor"
MODERATE = "moderate"
GOOD = "good"
EXCELLENT = "excellent"
# Koo & Li (2016): below 0.5 poor, 0.5-0.75 moderate, 0.75-0.9 good, above 0.9 excellent.
AGREEMENT_THRESHOLDS: tuple[tuple[float, str], ...] = ((0.9, EXCELLENT), (0.75, GOOD), (0.5, MODERATE))


def agreement_label(value: float | None) -> str:
    """excellent >= 0.9, good >= 0.75, moderate >= 0.5, else poor; not_enough_data without a value."""
    if value is None:
        return NOT_ENOUGH_DATA
    return next((name for minimum, name in AGREEMENT_THRESHOLDS if value >= minimum), POOR)
