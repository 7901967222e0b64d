"""Interviewer offsets and panel agreement (ICC(2,k)) for calibration."""

import pytest

from hiring.domain.calibration import agreement_matrix, icc_2k, interviewer_offsets, panel_agreement

from .builders import make_card


def test_offsets_from_the_panel_mean_of_the_same_candidate_and_competency():
    # Candidate 1, NEG: interviewer 1 rates 5, interviewer 2 rates 3 -> mean 4, offsets +1 / -1.
    #              REL: interviewer 1 rates 4, interviewer 2 rates 4 -> offsets 0 / 0.
    #              ANA: only interviewer 1 (a lone rating is not compared).
    # Candidate 2, NEG: 4, 4, 1 by interviewers 1, 2, 3 -> mean 3, offsets +1, +1, -2.
    # Interviewer 1: (1 + 0 + 1) / 3 = 0.667 lenient; 2: (-1 + 0 + 1) / 3 = 0 neutral; 3: -2 severe.
    panels = {
        1: [make_card(1, {"NEG": 5, "REL": 4, "ANA": 2}), make_card(2, {"NEG": 3, "REL": 4})],
        2: [make_card(1, {"NEG": 4}), make_card(2, {"NEG": 4}), make_card(3, {"NEG": 1})],
    }
    offsets = {o.interviewer_id: o for o in interviewer_offsets(panels)}
    assert (offsets[1].scorecards, offsets[1].compared, offsets[1].label) == (2, 3, "lenient")
    assert offsets[1].mean_offset == pytest.approx(2 / 3)
    assert (offsets[2].mean_offset, offsets[2].label) == (0.0, "neutral")
    assert (offsets[3].scorecards, offsets[3].mean_offset, offsets[3].label) == (1, -2.0, "severe")


def test_offset_threshold_is_strict():
    # Panel 4, 4, 4, 3: mean 3.75, the 4s are +0.25 each (neutral), the 3 is -0.75 (severe).
    panels = {1: [make_card(i, {"NEG": r}) for i, r in zip((1, 2, 3, 4), (4, 4, 4, 3), strict=True)]}
    labels = [(o.mean_offset, o.label) for o in interviewer_offsets(panels)]
    assert labels == [(0.25, "neutral"), (0.25, "neutral"), (0.25, "neutral"), (-0.75, "severe")]


def test_drafts_and_lone_raters_are_not_compared():
    panels = {1: [make_card(1, {"NEG": 5}), make_card(2, {"NEG": 1}, submitted=False)]}
    [offset] = interviewer_offsets(panels)
    assert (offset.interviewer_id, offset.scorecards, offset.compared) == (1, 1, 0)
    assert (offset.mean_offset, offset.label) == (None, "not_enough_data")


def test_icc_2k_worked_by_hand():
    # 3 candidates x 2 raters: [1, 2], [3, 3], [5, 4]. Grand mean 18/6 = 3.
    # Row means 1.5, 3, 4.5: SSR = 2 * (2.25 + 0 + 2.25) = 9, BMS = 9 / 2 = 4.5.
    # Column means 3, 3: SSC = 0, JMS = 0.
    # SST = 4 + 1 + 0 + 0 + 4 + 1 = 10, SSE = 10 - 9 - 0 = 1, EMS = 1 / (2 * 1) = 0.5.
    # ICC(2,k) = (4.5 - 0.5) / (4.5 + (0 - 0.5) / 3) = 4 / (26/6) = 12/13 = 0.923.
    result = icc_2k([[1, 2], [3, 3], [5, 4]])
    assert result.value == pytest.approx(12 / 13)
    assert (result.candidates, result.raters) == (3, 2)


def test_icc_2k_matches_shrout_and_fleiss():
    # Shrout & Fleiss (1979), table 2: 6 targets x 4 judges; BMS 11.24, JMS 32.49, EMS 1.02, ICC(2,4) = .62.
    matrix = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
    assert icc_2k(matrix).value == pytest.approx(0.620, abs=5e-4)


def test_icc_needs_three_candidates_and_variance():
    assert icc_2k([[1, 2], [3, 3]]).value is None
    assert icc_2k([]).value is None
    assert icc_2k([[3, 3], [3, 3], [3, 3]]).value is None  # every cell equal: undefined
    with pytest.raises(ValueError):
        icc_2k([[1, 2], [3], [4, 5]])


def test_matrix_from_varying_panels():
    # Candidates 1-3 have 2 raters, candidate 4 has 3 (contributes its first 2 by id), candidate 5 has 1
    # (left out). Panel size 2 is the most common. Cells: a rater's mean over the shared competencies.
    panels = {
        1: [make_card(1, {"NEG": 1, "REL": 1}), make_card(2, {"NEG": 2, "REL": 2, "ANA": 5})],
        2: [make_card(2, {"NEG": 3}), make_card(1, {"NEG": 3})],
        3: [make_card(3, {"NEG": 5, "REL": 5}), make_card(1, {"NEG": 4, "REL": 4})],
        4: [make_card(9, {"NEG": 1}), make_card(4, {"NEG": 2}), make_card(5, {"NEG": 4})],
        5: [make_card(1, {"NEG": 5})],
    }
    assert agreement_matrix(panels) == [[1, 2], [3, 3], [4, 5], [2, 4]]
    result = panel_agreement(panels)
    assert (result.candidates, result.raters) == (4, 2)
    assert result.value is not None


def test_panel_agreement_reproduces_the_hand_example():
    panels = {
        10: [make_card(1, {"NEG": 1}), make_card(2, {"NEG": 2})],
        11: [make_card(1, {"NEG": 3}), make_card(2, {"NEG": 3})],
        12: [make_card(1, {"NEG": 5}), make_card(2, {"NEG": 4}), make_card(3, {"NEG": 1}, submitted=False)],
    }
    assert panel_agreement(panels).value == pytest.approx(12 / 13)


def test_not_enough_panels():
    panels = {
        1: [make_card(1, 4), make_card(2, 4)],
        2: [make_card(1, 3), make_card(2, 5)],
        3: [make_card(1, 2)],
    }
    result = panel_agreement(panels)
    assert (result.value, result.candidates) == (None, 2)
