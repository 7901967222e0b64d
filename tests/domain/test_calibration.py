"""Calibration (SPEC §3): leave-one-out offsets and panel agreement ICC(1,k) with its 95 % interval."""

from fractions import Fraction

import pytest
from scipy.stats import f as f_distribution

from hiring.domain.calibration import (
    icc_1k,
    icc_1k_interval,
    icc_2k,
    interviewer_offsets,
    one_way_anova,
    panel_agreement,
    panel_scores,
    scorecard_score,
)

from .builders import KAM, make_card


def f_quantile(probability, numerator_df, denominator_df):
    """What the service passes in: SciPy's F quantile."""
    return float(f_distribution.ppf(probability, numerator_df, denominator_df))


# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges (the data of their Table 4 results).
SHROUT_FLEISS = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]


# --- offsets: a rating against the mean of the OTHER interviewers' ratings ---------------------------------


def test_offsets_leave_the_interviewer_out_of_the_mean_they_are_compared_with():
    # Candidate 1, NEG: 5 and 3 -> each is compared with the other: +2 / -2. REL 4 and 4 -> 0 / 0.
    #              ANA: only interviewer 1 (a lone rating is not compared).
    # Candidate 2, NEG: 4, 4, 1 -> 4 - (4+1)/2 = +1.5, +1.5, 1 - (4+4)/2 = -3.
    # Interviewer 1: (2 + 0 + 1.5) / 3 = 7/6 lenient; 2: (-2 + 0 + 1.5) / 3 = -1/6 neutral; 3: -3 severe.
    panels = {
        1: [make_card(1, {"NEG": 5, "REL": 4, "ANA": 2}), make_card(2, {"NEG": 3, "REL": 4})],
        2: [make_card(1, {"NEG": 4}), make_card(2, {"NEG": 4}), make_card(3, {"NEG": 1})],
    }
    offsets = {o.interviewer_id: o for o in interviewer_offsets(panels)}
    assert (offsets[1].scorecards, offsets[1].compared, offsets[1].label) == (2, 3, "lenient")
    assert offsets[1].mean_offset == pytest.approx(7 / 6)
    assert offsets[2].mean_offset == pytest.approx(-1 / 6) and offsets[2].label == "neutral"
    assert (offsets[3].scorecards, offsets[3].compared, offsets[3].mean_offset) == (1, 1, -3.0)
    assert offsets[3].label == "severe"


def test_a_lone_dissenter_is_measured_against_the_others_only():
    # 5, 3, 3: with the own rating in the mean the 5 would be +1.33; against the others it is +2.
    panels = {1: [make_card(1, {"NEG": 5}), make_card(2, {"NEG": 3}), make_card(3, {"NEG": 3})]}
    offsets = {o.interviewer_id: o.mean_offset for o in interviewer_offsets(panels)}
    assert offsets == {1: 2.0, 2: -1.0, 3: -1.0}


def test_offset_threshold_is_strict():
    # Panel 4, 4, 4, 3, 4 ... simplest: 4 vs 3.75 needs four others: others 4, 4, 3, 4 -> mean 3.75, +0.25.
    ratings = (4, 4, 4, 3, 4)
    panels = {1: [make_card(i, {"NEG": r}) for i, r in enumerate(ratings, start=1)]}
    labels = [(o.mean_offset, o.label) for o in interviewer_offsets(panels)]
    assert labels[0] == (0.25, "neutral")  # 4 - (4+4+3+4)/4 = 0.25: not above the threshold
    assert labels[3] == (-1.0, "severe")


def test_drafts_and_lone_raters_are_not_compared():
    panels = {1: [make_card(1, {"NEG": 5}), make_card(2, {"NEG": 1}, submitted=False)]}
    [offset] = interviewer_offsets(panels)
    assert (offset.interviewer_id, offset.scorecards, offset.compared) == (1, 1, 0)
    assert (offset.mean_offset, offset.label) == (None, "not_enough_data")


# --- each scorecard's own weighted score ------------------------------------------------------------------


def test_a_scorecards_score_uses_only_what_it_rated_and_is_not_rounded():
    # NEG (20) at 5 -> s = 1, REL (15) at 1 -> s = 0: 100 * 20 / 35 = 57.142857...
    assert scorecard_score(make_card(1, {"NEG": 5, "REL": 1}), KAM) == Fraction(400, 7)
    assert scorecard_score(make_card(1, 3), KAM) == 50
    assert scorecard_score(make_card(1, {"NEG": None}), KAM) is None


def test_panel_scores_keep_candidates_with_two_scored_scorecards():
    panels = {
        1: [make_card(1, 5), make_card(2, 1)],
        2: [make_card(1, 5), make_card(2, {"NEG": None})],  # the second has no score
        3: [make_card(1, 5), make_card(2, 3, submitted=False)],  # a draft never counts
    }
    assert panel_scores(panels, KAM) == [[100, 0]]


# --- ICC(1,k): Shrout & Fleiss (1979) and McGraw & Wong (1996) ---------------------------------------------


def test_icc_1k_matches_shrout_and_fleiss_table_4():
    # Shrout & Fleiss (1979), Table 4: ICC(1,4) = .44 on the 6 x 4 data (BMS 11.24, WMS 6.26).
    anova = one_way_anova(SHROUT_FLEISS)
    assert (anova.candidates, anova.scores, anova.k) == (6, 24, 4.0)
    assert float(anova.msb) == pytest.approx(11.24, abs=5e-3)
    assert float(anova.msw) == pytest.approx(6.26, abs=5e-3)
    assert round(icc_1k(anova), 2) == 0.44


def test_icc_2k_matches_shrout_and_fleiss_table_4():
    assert round(icc_2k(SHROUT_FLEISS).value, 2) == 0.62


def test_icc_1k_interval_matches_a_worked_example():
    # McGraw & Wong (1996), case 1, on the Shrout & Fleiss data: F = 1.79 with 5 and 18 degrees of freedom.
    # The worked example: psych::ICC (W. Revelle's R package, alpha .05) prints for these data
    # "Average_raters_absolute ICC1k 0.44 1.8 5 18 0.16477 -0.884 0.91", as reproduced in D. Wollschläger's
    # R examples (github.com/dwoll/RExRepos, interRaterICC): 95 % interval -0.884 to 0.91.
    lower, upper = icc_1k_interval(one_way_anova(SHROUT_FLEISS), f_quantile)
    assert round(lower, 3) == -0.884
    assert round(upper, 2) == 0.91


def test_unequal_panels_use_the_adjusted_panel_size_worked_by_hand():
    # Panels [1, 2], [3, 3, 3], [5, 4]: N = 7, n = 3, k0 = (7 - (4 + 9 + 4) / 7) / 2 = 16/7.
    # Grand mean 3; means 1.5, 3, 4.5: SSB = 2 * 2.25 + 0 + 2 * 2.25 = 9, MSB = 4.5.
    # SSW = 4 * 0.25 = 1, MSW = 1 / (7 - 3) = 0.25. ICC(1,k) = 1 - 0.25 / 4.5 = 17/18.
    anova = one_way_anova([[1, 2], [3, 3, 3], [5, 4]])
    assert anova.k == pytest.approx(16 / 7)
    assert (anova.msb, anova.msw) == (Fraction(9, 2), Fraction(1, 4))
    assert icc_1k(anova) == pytest.approx(17 / 18)
    assert (anova.df_between, anova.df_within) == (2, 4)


def test_equal_panels_give_k_itself():
    assert one_way_anova([[1, 2, 3], [2, 3, 4], [5, 5, 4]]).k == 3.0


def _panels(n: int, spread=(0, 1)) -> dict:
    """n candidates with two scorecards each, rated the same on every competency, candidates apart."""
    return {
        candidate: [
            make_card(1, 1 + candidate % 5),
            make_card(2, min(5, 1 + candidate % 5 + spread[candidate % 2])),
        ]
        for candidate in range(n)
    }


def test_nine_candidates_are_not_enough_ten_are():
    nine = panel_agreement(_panels(9), KAM, f_quantile)
    assert (nine.icc, nine.ci95, nine.label, nine.candidates) == (None, None, "not_enough_data", 9)
    assert nine.k == 2.0
    ten = panel_agreement(_panels(10), KAM, f_quantile)
    assert ten.candidates == 10 and ten.k == 2.0 and ten.model == "ICC(1,k)"
    assert ten.icc is not None and ten.ci95 is not None
    lower, upper = ten.ci95
    assert lower < ten.icc < upper <= 1
    assert ten.label in ("poor", "moderate", "good", "excellent")


def test_identical_ratings_agree_fully_whoever_rates():
    # Each candidate's panel agrees exactly: MSW = 0, ICC 1, whatever the interviewers' ids.
    panels = {c: [make_card(c + 100, 1 + c % 5), make_card(7, 1 + c % 5)] for c in range(10)}
    swapped = {c: [make_card(7, 1 + c % 5), make_card(c + 100, 1 + c % 5)] for c in range(10)}
    assert (
        panel_agreement(panels, KAM, f_quantile).icc == panel_agreement(swapped, KAM, f_quantile).icc == 1.0
    )
    assert panel_agreement(panels, KAM, f_quantile).label == "excellent"


def test_panels_that_contradict_each_other_have_poor_agreement():
    panels = {c: [make_card(1, 1 if c % 2 else 5), make_card(2, 5 if c % 2 else 1)] for c in range(10)}
    agreement = panel_agreement(panels, KAM, f_quantile)
    # every candidate's mean is 50: the panels tell nobody apart; ICC(1,k) has no value, the label says poor
    assert (agreement.icc, agreement.label) == (None, "poor")
    one_off = {**panels, 0: [make_card(1, 5), make_card(2, 4)]}
    assert (
        panel_agreement(one_off, KAM, f_quantile).icc < 0.5
        and panel_agreement(one_off, KAM, f_quantile).label == "poor"
    )


def test_icc_2k_needs_three_candidates_and_variance():
    assert icc_2k([[1, 2], [3, 3]]).value is None
    assert icc_2k([]).value is None
    assert icc_2k([[3, 3], [3, 3], [3, 3]]).value is None  # every cell equal: undefined
    with pytest.raises(ValueError):
        icc_2k([[1, 2], [3], [4, 5]])
