"""Who may see, fill and reopen scorecards (SPEC §4): plain values in, plain values out.

Independent scoring: an interviewer sees their own scorecard (in any state) and, only once their own is
submitted, every submitted scorecard of that candidate. An interviewer not assigned to the candidate sees
nothing at all. HR, the hiring lead and the admin see every submitted scorecard, never someone else's draft.
Only HR and the admin may reopen a submitted scorecard.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

INTERVIEWER = "interviewer"
DRAFT = "draft"
SUBMITTED = "submitted"

# Roles that oversee the hiring and so see every submitted scorecard without filling one.
OVERSEEING_ROLES: frozenset[str] = frozenset({"hr", "lead", "admin"})
REOPENING_ROLES: frozenset[str] = frozenset({"hr", "admin"})
# Roles that read a vacancy's ranking, evaluations and documents (the admin passes every role check).
READERS: tuple[str, ...] = ("lead", "hr")


class ScorecardRef(NamedTuple):
    """What the rules need to know about a scorecard."""

    id: int
    interviewer_id: int
    status: str


def can_open_candidate(viewer_role: str, assigned: bool) -> bool:
    """An interviewer opens only the candidates assigned to them; HR, lead and admin open every candidate."""
    return assigned or viewer_role in OVERSEEING_ROLES


def can_open_vacancy(viewer_role: str, interviews_for_it: bool) -> bool:
    """HR, lead and admin open every vacancy; an interviewer only one with a candidate assigned to them.

    This is what gives an interviewer the vacancy's interview kit: to any other vacancy they get 404, as
    if it did not exist. `interviews_for_it` says whether the viewer is assigned to one of its candidates.
    """
    return interviews_for_it or viewer_role in OVERSEEING_ROLES


def has_submitted_own(viewer_id: int, scorecards: Iterable[tuple[int, int, str]]) -> bool:
    """True when the viewer's own scorecard among these is submitted."""
    return any(
        ref.interviewer_id == viewer_id and ref.status == SUBMITTED
        for ref in map(ScorecardRef._make, scorecards)
    )


def visible_scorecard_ids(
    viewer_role: str, viewer_id: int, scorecards: Iterable[tuple[int, int, str]], assigned: bool
) -> set[int]:
    """The ids of a candidate's scorecards the viewer may see (ratings, notes, recommendation, everything).

    `scorecards` are `(id, interviewer_id, status)` of one candidate; `assigned` says whether the viewer is
    assigned to interview that candidate. The viewer's own scorecard is always visible when they may open the
    candidate; others' submitted scorecards are visible to HR, lead and admin, and to an assigned interviewer
    whose own scorecard is submitted. Drafts of others are never visible.
    """
    refs = [ScorecardRef._make(card) for card in scorecards]
    if not can_open_candidate(viewer_role, assigned):
        return set()
    sees_submitted = viewer_role in OVERSEEING_ROLES or has_submitted_own(viewer_id, refs)
    return {
        ref.id
        for ref in refs
        if ref.interviewer_id == viewer_id or (sees_submitted and ref.status == SUBMITTED)
    }


def can_edit_scorecard(
    viewer_id: int, interviewer_id: int | None, status: str | None, assigned: bool, active: bool = True
) -> bool:
    """Only the assigned, active interviewer edits their own scorecard, and only while it is not submitted.

    `interviewer_id` and `status` are None when the scorecard does not exist yet (the viewer would create it).
    """
    if not (assigned and active):
        return False
    if interviewer_id is not None and interviewer_id != viewer_id:
        return False
    return status != SUBMITTED


def can_reopen(role: str) -> bool:
    """HR and the admin may reopen a submitted scorecard."""
    return role in REOPENING_ROLES
