"""Small builders for domain values: the default KAM profile and a candidate who meets every rule."""

from __future__ import annotations

from hiring.domain.values import (
    CandidateData,
    CompetencySpec,
    CustomRule,
    EducationRule,
    ExperienceRule,
    LanguageRule,
    Requirements,
    ScorecardData,
)

# SPEC §2: weights sum to 100, NEG has a critical minimum of 3.0.
KAM = (
    CompetencySpec("NEG", 20, 3.0),
    CompetencySpec("REL", 15),
    CompetencySpec("ANA", 15),
    CompetencySpec("IND", 10),
    CompetencySpec("ORD", 10),
    CompetencySpec("ACC", 10),
    CompetencySpec("CLM", 10),
    CompetencySpec("TIM", 10),
)
CODES = tuple(spec.code for spec in KAM)


def make_requirements(
    languages: tuple[LanguageRule, ...] = (),
    custom: tuple[CustomRule, ...] = (),
    education: EducationRule | None = None,
    experience: ExperienceRule | None = None,
) -> Requirements:
    """The SPEC defaults: bachelor (mandatory), 3 years or 1 year with 100% of plan."""
    return Requirements(
        education=education or EducationRule("bachelor", True, ("business", "economics", "management")),
        experience=experience or ExperienceRule(3, 1, 100),
        languages=languages,
        custom=custom,
    )


def make_candidate(candidate_id: int = 1, **changes) -> CandidateData:
    """A candidate who meets every default rule; keyword arguments change a field."""
    fields = {
        "id": candidate_id,
        "full_name": "Anna Petrova",
        "education_level": "bachelor",
        "education_field": "economics",
        "experience_years": 5.0,
        "plan_attainment_pct": 110.0,
        "languages": {},
        "check_answers": {},
    }
    fields.update(changes)
    return CandidateData(**fields)


def make_card(
    interviewer_id: int,
    ratings: int | dict[str, int | None],
    submitted: bool = True,
    verified: dict[str, str] | None = None,
    recommendation: str | None = None,
    plan: float | None = None,
) -> ScorecardData:
    """A scorecard; an int rating rates every KAM competency the same; `plan` is the verified plan figure."""
    if isinstance(ratings, int):
        ratings = dict.fromkeys(CODES, ratings)
    return ScorecardData(interviewer_id, submitted, ratings, verified or {}, recommendation, plan)


def ratings(**by_code: int) -> dict[str, int]:
    """Ratings for the named codes, in KAM order."""
    return {code: by_code[code] for code in CODES if code in by_code}
