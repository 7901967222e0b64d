"""ICC(2,k) when panels disagree, and words for its value (Koo & Li 2016), as the calibration page shows them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiring.domain.calibration import agreement_label, icc_2k


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (None, "not_enough_data"),
        (0.0, "poor"),
        (0.49, "poor"),
        (0.5, "moderate"),
        (0.74, "moderate"),
        (0.75, "good"),
        (0.89, "good"),
        (0.9, "excellent"),
        (1.0, "excellent"),
    ],
)
def test_agreement_label(value, label):
    assert agreement_label(value) == label


def test_panels_that_contradict_each_other_agree_not_at_all():
    # 3 candidates x 2 raters: [1, 5], [5, 1], [3, 3]. Grand mean 3; row means 3, 3, 3: SSR = 0, BMS = 0.
    # Column means 3, 3: SSC = 0, JMS = 0. SST = 4 + 4 + 4 + 4 + 0 + 0 = 16 = SSE, EMS = 16 / (2 * 1) = 8.
    # The bare formula gives (0 - 8) / (0 + (0 - 8) / 3) = 3, above the scale's top: BMS <= EMS means 0.
    result = icc_2k([[1, 5], [5, 1], [3, 3]])
    assert (result.value, result.candidates, result.raters) == (0.0, 3, 2)
    assert agreement_label(result.value) == "poor"


def test_moderate_agreement_worked_by_hand():
    # [1, 2], [2, 1], [3, 3]: grand mean 2; row means 1.5, 1.5, 3: SSR = 2 * (.25 + .25 + 1) = 3, BMS = 1.5.
    # Column means 2, 2: JMS = 0. SST = 1 + 0 + 0 + 1 + 1 + 1 = 4, SSE = 4 - 3 = 1, EMS = 0.5.
    # ICC(2,k) = (1.5 - 0.5) / (1.5 + (0 - 0.5) / 3) = 1 / (4/3) = 0.75: "good", just.
    result = icc_2k([[1, 2], [2, 1], [3, 3]])
    assert result.value == pytest.approx(0.75)
    assert agreement_label(result.value) == "good"


def test_raters_who_only_differ_in_level_do_not_make_agreement():
    # Every candidate gets 1 from one rater and 2 from the other: BMS = 0 = EMS, JMS > 0 -> 0.
    assert icc_2k([[1, 2], [1, 2], [1, 2]]).value == 0.0


@given(
    st.integers(min_value=3, max_value=8).flatmap(
        lambda n: st.integers(min_value=2, max_value=4).flatmap(
            lambda k: st.lists(
                st.lists(st.integers(min_value=1, max_value=5), min_size=k, max_size=k),
                min_size=n,
                max_size=n,
            )
        )
    )
)
def test_icc_stays_between_0_and_1(matrix):
    value = icc_2k(matrix).value
    assert value is None or 0.0 <= value <= 1.0
