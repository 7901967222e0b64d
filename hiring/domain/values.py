"""Plain values the scoring engine takes and returns; built by the loader, never by the database layer itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .levels import RATING_MAX, RATING_MIN, RECOMMENDATIONS, education_rank, is_language_code, language_rank


@dataclass(frozen=True, slots=True)
class EducationRule:
    """EDU: minimum level; preferred fields are shown as a plus and give no points."""

    min_level: str
    mandatory: bool = True
    preferred_fields: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        education_rank(self.min_level)


@dataclass(frozen=True, slots=True)
class ExperienceRule:
    """EXP: `min_years`, or the exception path (both exception fields set, or neither)."""

    min_years: float
    exception_min_years: float | None = None
    exception_min_plan_pct: float | None = None
    mandatory: bool = True

    def __post_init__(self) -> None:
        if (self.exception_min_years is None) != (self.exception_min_plan_pct is None):
            raise ValueError("exception_min_years and exception_min_plan_pct go together")
        if self.min_years < 0 or (self.exception_min_years is not None and self.exception_min_years < 0):
            raise ValueError("years cannot be negative")


@dataclass(frozen=True, slots=True)
class LanguageRule:
    """LANG:<language>: the effective level must reach `min_level`."""

    language: str
    min_level: str
    mandatory: bool = True

    def __post_init__(self) -> None:
        if not is_language_code(self.language):
            raise ValueError(f"not an ISO 639-1 language code: {self.language!r}")
        language_rank(self.min_level)


@dataclass(frozen=True, slots=True)
class CustomRule:
    """CUSTOM:<index>: a yes/no check answered by HR; `index` is 0-based, as in the API's `answers`."""

    index: int
    text: str
    mandatory: bool = True


@dataclass(frozen=True, slots=True)
class Requirements:
    """A vacancy's screening rules; a rule set to None is not checked."""

    education: EducationRule | None
    experience: ExperienceRule | None
    languages: tuple[LanguageRule, ...] = ()
    custom: tuple[CustomRule, ...] = ()

    def __post_init__(self) -> None:
        codes = [rule.language.strip().lower() for rule in self.languages]
        if len(set(codes)) != len(codes):
            raise ValueError("a language is required twice")
        indexes = [rule.index for rule in self.custom]
        if len(set(indexes)) != len(indexes):
            raise ValueError("two custom checks share an index")


@dataclass(frozen=True, slots=True)
class CandidateData:
    """What the candidate states; `check_answers` maps a custom check's index to met (missing: unanswered)."""

    id: int
    full_name: str
    education_level: str | None = None
    education_field: str | None = None
    experience_years: float | None = None
    plan_attainment_pct: float | None = None
    languages: Mapping[str, str] = field(default_factory=dict)
    check_answers: Mapping[int, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.education_level is not None:
            education_rank(self.education_level)
        for level in self.languages.values():
            language_rank(level)


@dataclass(frozen=True, slots=True)
class CompetencySpec:
    """A rated competency of the profile: weight >= 0 and an optional critical minimum on the 1-5 scale."""

    code: str
    weight: float
    critical_min: float | None = None

    def __post_init__(self) -> None:
        if self.weight < 0:
            raise ValueError(f"negative weight for {self.code}")


@dataclass(frozen=True, slots=True)
class ScorecardData:
    """One interviewer's scorecard; a rating that is None or missing means "not assessed".

    `verified_languages` and `verified_plan_attainment_pct` are what the interviewer checked in the interview.
    """

    interviewer_id: int
    submitted: bool
    ratings: Mapping[str, int | None] = field(default_factory=dict)
    verified_languages: Mapping[str, str] = field(default_factory=dict)
    recommendation: str | None = None
    verified_plan_attainment_pct: float | None = None

    def __post_init__(self) -> None:
        if self.verified_plan_attainment_pct is not None and self.verified_plan_attainment_pct < 0:
            raise ValueError("a verified plan attainment cannot be negative")
        for code, rating in self.ratings.items():
            if rating is None:
                continue
            if (
                isinstance(rating, bool)
                or not isinstance(rating, int)
                or not RATING_MIN <= rating <= RATING_MAX
            ):
                raise ValueError(
                    f"rating for {code} must be an integer {RATING_MIN}-{RATING_MAX}: {rating!r}"
                )
        for level in self.verified_languages.values():
            language_rank(level)
        if self.recommendation is not None and self.recommendation not in RECOMMENDATIONS:
            raise ValueError(f"unknown recommendation: {self.recommendation!r}")
