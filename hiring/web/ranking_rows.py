"""The dashboard's table as flat rows: each word and number of a page worked out once, not once per cell.

A page of 50 candidates named the same six bands, five eligibilities and three confidences hundreds of times,
each through a macro, a glossary lookup and a gettext call (bench/hotspots.py dashboard: 80 % of the request).
Here each distinct label is translated once per page and each row is plain values the template prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext

from hiring import glossary
from hiring.glossary import label
from hiring.services.ranking import RankedRow
from hiring.web.templating import format_moment, format_number, format_percent


@dataclass(frozen=True, slots=True)
class Flag:
    kind: str  # for the badge's CSS class
    words: str


@dataclass(frozen=True, slots=True)
class DashboardRow:
    candidate_id: int
    position: int
    full_name: str
    shortlist_label: str
    score: str
    band: str
    band_label: str
    eligibility: str
    eligibility_label: str
    coverage: str
    confidence: str
    confidence_label: str
    reasons: str
    flags: tuple[Flag, ...]
    decision: str | None
    decision_label: str
    decided_at: str


class PageWords:
    """Labels and flags in words for one page, each translated the first time it is asked for."""

    def __init__(self, vacancy: Any) -> None:
        self.vacancy = vacancy
        self._labels: dict[tuple[int, str | None], str] = {}
        self._flags: dict[str, Flag] = {}

    def label(self, table: dict, key: str | None) -> str:
        found = self._labels.get((id(table), key))
        if found is None:
            found = self._labels[(id(table), key)] = label(table, key)
        return found

    def flag(self, flag: str) -> Flag:
        found = self._flags.get(flag)
        if found is None:
            found = self._flags[flag] = Flag(
                glossary.flag_kind(flag), glossary.flag_label(flag, self.vacancy)
            )
        return found


def dashboard_rows(
    rows: list[RankedRow], decisions: dict, reasons: dict[int, list[str]], vacancy: Any
) -> list[DashboardRow]:
    """The page's rows, in ranking order, with every shown value in the reader's words."""
    words = PageWords(vacancy)
    add_to_shortlist = gettext("Add %(name)s to the shortlist")  # translated once, filled in per row
    no_decision = gettext("none yet")
    result = []
    for row in rows:
        evaluation = row.evaluation
        decision = decisions.get(evaluation.candidate_id)
        result.append(
            DashboardRow(
                candidate_id=evaluation.candidate_id,
                position=row.position,
                full_name=row.full_name,
                shortlist_label=add_to_shortlist % {"name": row.full_name},
                score=format_number(evaluation.score),
                band=evaluation.band,
                band_label=words.label(glossary.BAND_LABELS, evaluation.band),
                eligibility=evaluation.eligibility,
                eligibility_label=words.label(glossary.ELIGIBILITY_LABELS, evaluation.eligibility),
                coverage=format_percent(evaluation.coverage),
                confidence=evaluation.confidence,
                confidence_label=words.label(glossary.CONFIDENCE_LABELS, evaluation.confidence),
                reasons="; ".join(reasons.get(evaluation.candidate_id) or ()),
                flags=tuple(words.flag(flag) for flag in evaluation.flags or ()),
                decision=decision.decision if decision else None,
                decision_label=words.label(glossary.DECISION_LABELS, decision.decision)
                if decision
                else no_decision,
                decided_at=format_moment(decision.decided_at) if decision else "",
            )
        )
    return result
