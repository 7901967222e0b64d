"""Screening of SPEC §3: each rule of the vacancy checked against the candidate's data, then eligibility.

Rule codes: `EDU`, `EXP`, `LANG:<iso code>`, `CUSTOM:<index>` (0-based, the `index` of the API's answers).
Results: `pass`, `pass_risk` (EXP exception only), `flag` (a non-mandatory rule not met), `fail` (a mandatory
rule not met), `pending` (a mandatory rule that cannot be decided yet) and `unknown` (a non-mandatory rule that
cannot be decided yet). A rule cannot be decided when its input is missing: no education level (EDU), no years
of experience (EXP), years inside the exception range with no plan figure (EXP), a custom check not answered.
Missing data is never a failure; the result's `missing` parameter names what to fill in. A language the
candidate does not list counts as not spoken: that is data, so the LANG rule is always decided.
Verified evidence beats a claim: a language's level and the plan attainment the EXP exception reads are the
lowest an interviewer verified in a submitted scorecard, else the candidate's claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .levels import (
    ELIGIBLE,
    ELIGIBLE_WITH_RISK,
    EXPERIENCE_RISK,
    FAIL,
    FLAG,
    LANGUAGE_DISAGREEMENT,
    LANGUAGE_DISAGREEMENT_STEPS,
    LANGUAGE_LEVELS,
    MISSING_CHECK_ANSWER,
    MISSING_EDUCATION,
    MISSING_EXPERIENCE,
    MISSING_PLAN,
    N_,
    NOT_ELIGIBLE,
    PASS,
    PASS_RISK,
    PENDING,
    PLAN_UNVERIFIED,
    SCREENING_FLAG,
    SCREENING_PENDING,
    SCREENING_UNKNOWN,
    UNKNOWN,
    education_rank,
    language_rank,
    normalize_language_level,
)
from .values import (
    CandidateData,
    CustomRule,
    EducationRule,
    ExperienceRule,
    LanguageRule,
    Requirements,
    ScorecardData,
)

# Stored decimals (2.9, 3.0, 99.5) arrive as binary floats; this absorbs their noise at a boundary.
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class RuleResult:
    """One rule's outcome; `message` is an English %-template (marked with N_) filled from `params`."""

    rule: str
    result: str
    message: str
    params: Mapping[str, Any]

    @property
    def detail(self) -> str:
        """The message in English with its parameters filled in."""
        return self.message % self.params


@dataclass(frozen=True, slots=True)
class Screening:
    """All rule results in rule order, the eligibility they give and the screening flags."""

    eligibility: str
    results: tuple[RuleResult, ...]
    flags: tuple[str, ...]


def screen(
    requirements: Requirements, candidate: CandidateData, scorecards: Iterable[ScorecardData] = ()
) -> Screening:
    """Check every rule (EDU, EXP, languages, custom checks, in that order) and derive eligibility.

    Eligibility: any fail -> not_eligible; else any pending -> pending; else any pass_risk ->
    eligible_with_risk; else eligible (unknown and flag change nothing). Flags in rule order:
    `experience_risk` for the EXP exception (then `plan_unverified` when its plan figure is a claim only),
    `screening_flag:<RULE>` for each flag, `screening_unknown:<RULE>` for each unknown, `screening_pending`
    once if any rule is pending; then `language_disagreement:<lang>` for each language (in code order) whose
    verified levels lie two or more CEFR steps apart. Only submitted scorecards count as verification.
    """
    scorecards = tuple(card for card in scorecards if card.submitted)
    results: list[RuleResult] = []
    if requirements.education is not None:
        results.append(check_education(requirements.education, candidate))
    if requirements.experience is not None:
        results.append(check_experience(requirements.experience, candidate, verified_plan(scorecards)))
    verified_ranks = verified_language_ranks(scorecards)
    verified = verified_language_levels(verified_ranks)
    results.extend(check_language(rule, candidate, verified) for rule in requirements.languages)
    results.extend(check_custom(rule, candidate) for rule in requirements.custom)
    flags = screening_flags(results) + language_disagreements(verified_ranks)
    return Screening(eligibility(results), tuple(results), flags)


def eligibility(results: Iterable[RuleResult]) -> str:
    """Eligibility from rule results: fail beats pending beats pass_risk."""
    outcomes = {result.result for result in results}
    if FAIL in outcomes:
        return NOT_ELIGIBLE
    if PENDING in outcomes:
        return PENDING
    if PASS_RISK in outcomes:
        return ELIGIBLE_WITH_RISK
    return ELIGIBLE


def screening_flags(results: Iterable[RuleResult]) -> tuple[str, ...]:
    """The flags of the rule results, in rule order, `screening_pending` at most once."""
    flags: list[str] = []
    for result in results:
        if result.result == PASS_RISK:
            flags.append(EXPERIENCE_RISK)
            if not result.params.get("plan_verified"):
                flags.append(PLAN_UNVERIFIED)
        elif result.result == FLAG:
            flags.append(f"{SCREENING_FLAG}:{result.rule}")
        elif result.result == UNKNOWN:
            flags.append(f"{SCREENING_UNKNOWN}:{result.rule}")
        elif result.result == PENDING and SCREENING_PENDING not in flags:
            flags.append(SCREENING_PENDING)
    return tuple(flags)


def verified_language_ranks(scorecards: Iterable[ScorecardData]) -> dict[str, list[int]]:
    """Per language (lower-case code), the CEFR ranks verified in submitted scorecards; drafts never count."""
    ranks: dict[str, list[int]] = {}
    for scorecard in scorecards:
        if not scorecard.submitted:
            continue
        for language, level in scorecard.verified_languages.items():
            ranks.setdefault(language.strip().lower(), []).append(language_rank(level))
    return ranks


def language_disagreements(verified_ranks: Mapping[str, list[int]]) -> tuple[str, ...]:
    """`language_disagreement:<lang>` for each language whose verified levels are 2+ CEFR steps apart."""
    return tuple(
        f"{LANGUAGE_DISAGREEMENT}:{code}"
        for code, ranks in sorted(verified_ranks.items())
        if max(ranks) - min(ranks) >= LANGUAGE_DISAGREEMENT_STEPS
    )


def verified_plan(scorecards: Iterable[ScorecardData]) -> float | None:
    """The lowest plan attainment an interviewer verified in a submitted scorecard; None when none did."""
    figures = [
        card.verified_plan_attainment_pct
        for card in scorecards
        if card.submitted and card.verified_plan_attainment_pct is not None
    ]
    return min(figures) if figures else None


def _not_met(mandatory: bool) -> str:
    return FAIL if mandatory else FLAG


def _undecided(mandatory: bool) -> str:
    return PENDING if mandatory else UNKNOWN


def _at_least(value: float, minimum: float) -> bool:
    return float(value) >= float(minimum) - _EPSILON


@lru_cache(maxsize=256)
def _field_patterns(preferred_fields: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each preferred field with the whole-word pattern that finds it, compiled once per list of fields."""
    return tuple(
        (preferred, re.compile(rf"\b{re.escape(preferred.casefold().strip())}\b"))
        for preferred in preferred_fields
    )


def _preferred_field(rule: EducationRule, field: str | None) -> str | None:
    """The preferred field the candidate's field names (case-insensitive, as a whole word), if any."""
    if not field:
        return None
    text = field.casefold()
    for preferred, pattern in _field_patterns(rule.preferred_fields):
        if pattern.search(text):
            return preferred
    return None


def check_education(rule: EducationRule, candidate: CandidateData) -> RuleResult:
    """EDU: the candidate's level reaches `min_level`; a preferred field is mentioned, never scored."""
    params: dict[str, Any] = {"min_level": rule.min_level, "level": candidate.education_level}
    if candidate.education_level is None:
        params["missing"] = MISSING_EDUCATION
        message = N_("%(min_level)s or higher required; the education level is not entered yet")
        return RuleResult("EDU", _undecided(rule.mandatory), message, params)
    met = education_rank(candidate.education_level) >= education_rank(rule.min_level)
    preferred = _preferred_field(rule, candidate.education_field)
    params["preferred_field"] = preferred
    if preferred is not None:
        message = N_(
            "%(min_level)s or higher required; candidate has %(level)s (preferred field: %(preferred_field)s)"
        )
    else:
        message = N_("%(min_level)s or higher required; candidate has %(level)s")
    return RuleResult("EDU", PASS if met else _not_met(rule.mandatory), message, params)


def check_experience(
    rule: ExperienceRule, candidate: CandidateData, verified_plan_pct: float | None = None
) -> RuleResult:
    """EXP: `min_years` passes; else `exception_min_years` with plan attainment >= the minimum passes with risk.

    The plan figure is `verified_plan_pct` (the lowest an interviewer verified) when given, else the claim;
    `plan_verified` in the params tells which. Years not entered, or years inside the exception range with no
    plan figure at all, cannot be decided: pending when mandatory, unknown when not.
    """
    years = candidate.experience_years
    plan = verified_plan_pct if verified_plan_pct is not None else candidate.plan_attainment_pct
    params: dict[str, Any] = {
        "min_years": rule.min_years,
        "years": years,
        "plan_pct": plan,
        "plan_verified": verified_plan_pct is not None,
        "claimed_plan_pct": candidate.plan_attainment_pct,
        "exception_min_years": rule.exception_min_years,
        "exception_min_plan_pct": rule.exception_min_plan_pct,
    }
    if years is None:
        params["missing"] = MISSING_EXPERIENCE
        return RuleResult(
            "EXP",
            _undecided(rule.mandatory),
            N_("%(min_years)g+ years required; the years of experience are not entered yet"),
            params,
        )
    if _at_least(years, rule.min_years):
        return RuleResult("EXP", PASS, N_("%(min_years)g+ years required; candidate has %(years)g"), params)
    if rule.exception_min_years is None or rule.exception_min_plan_pct is None:
        return RuleResult(
            "EXP",
            _not_met(rule.mandatory),
            N_("%(min_years)g+ years required; candidate has %(years)g"),
            params,
        )
    in_exception_range = _at_least(years, rule.exception_min_years)
    if plan is None and in_exception_range:
        params["missing"] = MISSING_PLAN
        message = N_(
            "%(min_years)g+ years required (or %(exception_min_years)g+ with %(exception_min_plan_pct)g%% of plan);"
            " candidate has %(years)g, the sales plan attainment is not entered yet"
        )
        return RuleResult("EXP", _undecided(rule.mandatory), message, params)
    if plan is None:
        message = N_(
            "%(min_years)g+ years required (or %(exception_min_years)g+ with %(exception_min_plan_pct)g%% of plan);"
            " candidate has %(years)g"
        )
        return RuleResult("EXP", _not_met(rule.mandatory), message, params)
    if in_exception_range and _at_least(plan, rule.exception_min_plan_pct):
        if verified_plan_pct is not None:
            message = N_(
                "%(years)g years, below %(min_years)g, but %(plan_pct)g%% of plan (verified in the interview):"
                " accepted with a risk"
            )
        else:
            message = N_(
                "%(years)g years, below %(min_years)g, but %(plan_pct)g%% of plan (claimed, not verified yet):"
                " accepted with a risk"
            )
        return RuleResult("EXP", PASS_RISK, message, params)
    if verified_plan_pct is not None and candidate.plan_attainment_pct is not None:
        message = N_(
            "%(min_years)g+ years required (or %(exception_min_years)g+ with %(exception_min_plan_pct)g%% of plan);"
            " candidate has %(years)g with %(plan_pct)g%% of plan verified in the interview"
            " (claimed %(claimed_plan_pct)g%%)"
        )
        return RuleResult("EXP", _not_met(rule.mandatory), message, params)
    if verified_plan_pct is not None:
        message = N_(
            "%(min_years)g+ years required (or %(exception_min_years)g+ with %(exception_min_plan_pct)g%% of plan);"
            " candidate has %(years)g with %(plan_pct)g%% of plan verified in the interview"
        )
        return RuleResult("EXP", _not_met(rule.mandatory), message, params)
    message = N_(
        "%(min_years)g+ years required (or %(exception_min_years)g+ with %(exception_min_plan_pct)g%% of plan);"
        " candidate has %(years)g with %(plan_pct)g%% of plan"
    )
    return RuleResult("EXP", _not_met(rule.mandatory), message, params)


def verified_language_levels(verified_ranks: Mapping[str, list[int]]) -> dict[str, str]:
    """Per language, the lowest verified level in its canonical spelling (`b2` -> `B2`)."""
    return {code: LANGUAGE_LEVELS[min(ranks)] for code, ranks in verified_ranks.items()}


def _claimed_level(candidate: CandidateData, code: str) -> str | None:
    for language, level in candidate.languages.items():
        if language.strip().lower() == code:
            return normalize_language_level(level)
    return None


def check_language(rule: LanguageRule, candidate: CandidateData, verified: Mapping[str, str]) -> RuleResult:
    """LANG: the effective level (lowest verified in a submitted scorecard, else claimed) reaches `min_level`."""
    code = rule.language.strip().lower()
    claimed = _claimed_level(candidate, code)
    level = verified.get(code)
    params: dict[str, Any] = {
        "language": code,
        "min_level": normalize_language_level(rule.min_level),
        "level": level or claimed,
        "claimed": claimed,
        "verified": level is not None,
    }
    if level is None and claimed is None:
        message = N_("%(language)s %(min_level)s required; level not stated")
        return RuleResult(f"LANG:{code}", _not_met(rule.mandatory), message, params)
    if level is None:
        message = N_("%(language)s %(min_level)s required; claimed %(level)s, not verified")
    elif claimed is not None and claimed != level:
        message = N_("%(language)s %(min_level)s required; verified %(level)s (claimed %(claimed)s)")
    else:
        message = N_("%(language)s %(min_level)s required; verified %(level)s")
    met = language_rank(params["level"]) >= language_rank(rule.min_level)
    return RuleResult(f"LANG:{code}", PASS if met else _not_met(rule.mandatory), message, params)


def check_custom(rule: CustomRule, candidate: CandidateData) -> RuleResult:
    """CUSTOM: HR's yes/no answer; unanswered is pending when mandatory, unknown when optional."""
    answer = candidate.check_answers.get(rule.index)
    params: dict[str, Any] = {"text": rule.text, "index": rule.index}
    code = f"CUSTOM:{rule.index}"
    if answer is None:
        params["missing"] = MISSING_CHECK_ANSWER
        if rule.mandatory:
            return RuleResult(code, PENDING, N_("%(text)s: not answered yet"), params)
        return RuleResult(code, UNKNOWN, N_("%(text)s: not answered yet (optional)"), params)
    if answer:
        return RuleResult(code, PASS, N_("%(text)s: yes"), params)
    return RuleResult(code, _not_met(rule.mandatory), N_("%(text)s: no"), params)
