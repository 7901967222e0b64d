"""The rules of SPEC §3 as plain functions over plain values: no Flask, no database."""

from .ranking import rank, rank_group, ranking_key, ranking_key_from
from .scoring import CompetencyResult, Evaluation, evaluate
from .screening import RuleResult, Screening, screen
from .values import (
    CandidateData,
    CompetencySpec,
    CustomRule,
    EducationRule,
    ExperienceRule,
    LanguageRule,
    Requirements,
    ScorecardData,
)

__all__ = [
    "CandidateData",
    "CompetencyResult",
    "CompetencySpec",
    "CustomRule",
    "EducationRule",
    "Evaluation",
    "ExperienceRule",
    "LanguageRule",
    "Requirements",
    "RuleResult",
    "ScorecardData",
    "Screening",
    "evaluate",
    "rank",
    "rank_group",
    "ranking_key",
    "ranking_key_from",
    "screen",
]
