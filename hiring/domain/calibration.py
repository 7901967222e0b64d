"""Calibration of interviewers (issue 6): who rates above or below their panels, and how much panels agree.

Both read only submitted scorecards, grouped by candidate: `panels` maps a candidate id to its scorecards.

**Offsets.** For every candidate and competency rated by 2 or more submitted scorecards, the panel mean is the
mean of those ratings (the interviewer's own included); each rating's offset is rating - panel mean. An
interviewer's mean offset is the mean over all their compared ratings, on the 1-5 scale. Label: `lenient`
above +0.25, `severe` below -0.25, `neutral` in between (0.25 itself is neutral), `not_enough_data` when
nothing could be compared (every panel of theirs had a single rating). With two raters one point apart each
is 0.5 from the mean, so one such difference on average is enough to earn a label.

**Agreement.** ICC(2,k), two-way random effects, average measures (Shrout & Fleiss 1979), needs a complete
candidates x raters matrix, which varying panels do not give. It is built so:
1. per candidate, the submitted scorecards with at least one rating, in interviewer id order;
2. k = the most common panel size among candidates with 2 or more such scorecards (a tie goes to the
   smaller k, which admits more candidates); a candidate with a larger panel contributes its first k raters,
   one with a smaller panel is left out;
3. a cell is the rater's unweighted mean over the competencies all k chosen raters rated for that candidate
   (a candidate whose raters share no competency is left out).
Columns are therefore rater *positions*, not the same people across candidates, which the two-way model
assumes; read the value as "how much do panels of k agree", not as a property of named raters.
The value is None ("not enough data") when the matrix has fewer than 3 candidates, or when it is undefined
(every cell equal). When candidates differ no more than the raters' disagreement explains (BMS <= EMS) the
value is 0, "no agreement": the formula's estimate there is negative, or, when JMS is small too, its
denominator turns negative and it returns values above 1 (panels [1, 5], [5, 1], [3, 3] would give 3).
Otherwise it lies in (0, 1].
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .values import ScorecardData

LENIENT = "lenient"
SEVERE = "severe"
NEUTRAL = "neutral"
NOT_ENOUGH_DATA = "not_enough_data"
OFFSET_THRESHOLD = Fraction(1, 4)
MIN_ICC_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class InterviewerOffset:
    """An interviewer's submitted scorecards, compared ratings and mean offset from their panels."""

    interviewer_id: int
    scorecards: int
    compared: int
    mean_offset: float | None
    label: str


@dataclass(frozen=True, slots=True)
class IccResult:
    """ICC(2,k) of a matrix and what it rests on; `value` is None when there is not enough data."""

    value: float | None
    candidates: int
    raters: int


def _submitted(scorecards: Iterable[ScorecardData]) -> list[ScorecardData]:
    return sorted((card for card in scorecards if card.submitted), key=lambda card: card.interviewer_id)


def _rated(card: ScorecardData) -> dict[str, int]:
    return {code: rating for code, rating in card.ratings.items() if rating is not None}


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
    """Every interviewer with a submitted scorecard, in interviewer id order, with their mean offset."""
    scorecards: Counter[int] = Counter()
    offsets: defaultdict[int, list[Fraction]] = defaultdict(list)
    for candidate_id in sorted(panels):
        cards = _submitted(panels[candidate_id])
        by_code: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for card in cards:
            scorecards[card.interviewer_id] += 1
            for code, rating in _rated(card).items():
                by_code[code].append((card.interviewer_id, rating))
        for rated in by_code.values():
            if len(rated) < 2:
                continue
            panel_mean = Fraction(sum(rating for _, rating in rated), len(rated))
            for interviewer_id, rating in rated:
                offsets[interviewer_id].append(rating - panel_mean)
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


def agreement_matrix(panels: Mapping[int, Iterable[ScorecardData]]) -> list[list[Fraction]]:
    """The candidates x k raters matrix of rater means described in the module docstring."""
    candidate_panels = []
    for candidate_id in sorted(panels):
        cards = [rated for card in _submitted(panels[candidate_id]) if (rated := _rated(card))]
        if len(cards) >= 2:
            candidate_panels.append(cards)
    if not candidate_panels:
        return []
    sizes = Counter(len(cards) for cards in candidate_panels)
    k = min(sizes, key=lambda size: (-sizes[size], size))
    matrix = []
    for cards in candidate_panels:
        if len(cards) < k:
            continue
        chosen = cards[:k]
        shared = set.intersection(*(set(rated) for rated in chosen))
        if not shared:
            continue
        matrix.append([Fraction(sum(rated[code] for code in shared), len(shared)) for rated in chosen])
    return matrix


def icc_2k(matrix: Sequence[Sequence[float | Fraction]]) -> IccResult:
    """ICC(2,k) = (BMS - EMS) / (BMS + (JMS - EMS) / n) over n candidates (rows) x k raters (columns).

    0 when BMS <= EMS (no agreement beyond the raters' own disagreement); None when every cell is equal.
    """
    n = len(matrix)
    k = len(matrix[0]) if n else 0
    if any(len(row) != k for row in matrix):
        raise ValueError("every candidate needs the same number of raters")
    if n < MIN_ICC_CANDIDATES or k < 2:
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


def panel_agreement(panels: Mapping[int, Iterable[ScorecardData]]) -> IccResult:
    """ICC(2,k) of the panels, from the matrix `agreement_matrix` builds."""
    return icc_2k(agreement_matrix(panels))


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
