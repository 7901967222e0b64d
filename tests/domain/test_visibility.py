"""SPEC §4 as plain rules: independent scoring, who sees which scorecard, who edits and reopens."""

import pytest

from hiring.domain.visibility import (
    can_edit_scorecard,
    can_open_candidate,
    can_open_vacancy,
    can_reopen,
    has_submitted_own,
    visible_scorecard_ids,
)

ME, OTHER, THIRD = 1, 2, 3


def cards(*rows):
    return [(card_id, interviewer_id, status) for card_id, interviewer_id, status in rows]


def test_before_submitting_an_interviewer_sees_only_their_own_draft():
    scorecards = cards((10, ME, "draft"), (11, OTHER, "submitted"), (12, THIRD, "draft"))
    assert visible_scorecard_ids("interviewer", ME, scorecards, assigned=True) == {10}


def test_an_interviewer_who_has_not_started_sees_nothing():
    scorecards = cards((11, OTHER, "submitted"))
    assert visible_scorecard_ids("interviewer", ME, scorecards, assigned=True) == set()


def test_after_submitting_an_interviewer_sees_every_submitted_scorecard_but_no_draft():
    scorecards = cards((10, ME, "submitted"), (11, OTHER, "submitted"), (12, THIRD, "draft"))
    assert visible_scorecard_ids("interviewer", ME, scorecards, assigned=True) == {10, 11}


def test_a_reopened_scorecard_hides_the_others_again():
    scorecards = cards((10, ME, "draft"), (11, OTHER, "submitted"))
    assert visible_scorecard_ids("interviewer", ME, scorecards, assigned=True) == {10}


def test_an_unassigned_interviewer_sees_nothing_not_even_a_scorecard_of_their_own():
    scorecards = cards((10, ME, "submitted"), (11, OTHER, "submitted"))
    assert visible_scorecard_ids("interviewer", ME, scorecards, assigned=False) == set()


@pytest.mark.parametrize("role", ["hr", "lead", "admin"])
def test_overseeing_roles_see_all_submitted_scorecards_and_no_draft(role):
    scorecards = cards((10, OTHER, "submitted"), (11, THIRD, "draft"), (12, 4, "submitted"))
    assert visible_scorecard_ids(role, ME, scorecards, assigned=False) == {10, 12}


def test_an_assigned_lead_sees_their_own_draft_and_the_submitted_ones():
    scorecards = cards((10, ME, "draft"), (11, OTHER, "submitted"), (12, THIRD, "draft"))
    assert visible_scorecard_ids("lead", ME, scorecards, assigned=True) == {10, 11}


def test_no_scorecards_no_ids():
    assert visible_scorecard_ids("hr", ME, [], assigned=False) == set()


@pytest.mark.parametrize(
    ("role", "assigned", "expected"),
    [
        ("interviewer", True, True),
        ("interviewer", False, False),
        ("hr", False, True),
        ("lead", False, True),
        ("admin", False, True),
    ],
)
def test_who_opens_a_candidate(role, assigned, expected):
    assert can_open_candidate(role, assigned) is expected


def test_has_submitted_own_looks_only_at_the_viewers_card():
    assert has_submitted_own(ME, cards((10, ME, "submitted")))
    assert not has_submitted_own(ME, cards((10, ME, "draft"), (11, OTHER, "submitted")))


@pytest.mark.parametrize(
    ("interviewer_id", "status", "assigned", "active", "expected"),
    [
        (None, None, True, True, True),  # starting a new scorecard
        (ME, "draft", True, True, True),
        (ME, "submitted", True, True, False),  # locked
        (OTHER, "draft", True, True, False),  # someone else's
        (ME, "draft", False, True, False),  # no longer assigned
        (ME, "draft", True, False, False),  # deactivated account
        (None, None, False, True, False),
    ],
)
def test_who_edits_a_scorecard(interviewer_id, status, assigned, active, expected):
    assert can_edit_scorecard(ME, interviewer_id, status, assigned, active) is expected


@pytest.mark.parametrize(
    ("role", "expected"), [("hr", True), ("admin", True), ("lead", False), ("interviewer", False)]
)
def test_who_reopens(role, expected):
    assert can_reopen(role) is expected


@pytest.mark.parametrize("role", ["hr", "lead", "admin"])
def test_overseeing_roles_open_every_vacancy_and_its_interview_kit(role):
    assert can_open_vacancy(role, interviews_for_it=False)


def test_an_interviewer_opens_a_vacancy_only_with_a_candidate_of_it_assigned():
    assert can_open_vacancy("interviewer", interviews_for_it=True)
    assert not can_open_vacancy("interviewer", interviews_for_it=False)
