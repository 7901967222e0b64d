"""The ordered scales and fixed vocabulary of SPEC §3: education, CEFR, results, bands, thresholds."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark an English message for Babel extraction; the web layer translates it later with gettext."""
    return message


EDUCATION_LEVELS: tuple[str, ...] = (
    "secondary",
    "vocational",
    "incomplete_higher",
    "bachelor",
    "specialist",
    "master",
    "phd",
)

# Fields of education offered in forms, in order; their labels are in hiring/data/default_profile.toml.
EDUCATION_FIELDS: tuple[str, ...] = (
    "business",
    "economics",
    "management",
    "marketing",
    "law",
    "engineering",
    "other",
)

# `native` counts above C2 (SPEC §2).
LANGUAGE_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2", "native")

_EDUCATION_RANK = {level: rank for rank, level in enumerate(EDUCATION_LEVELS)}
_LANGUAGE_RANK = {level.casefold(): rank for rank, level in enumerate(LANGUAGE_LEVELS)}

# ISO 639-1 two-letter codes (the 183 current ones plus the deprecated `bh` still found in old data).
_ISO_639_1_CODES = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
    hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
    lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
    or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
    ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
"""
ISO_639_1: frozenset[str] = frozenset(_ISO_639_1_CODES.split())

# Screening rule results.
PASS = "pass"
PASS_RISK = "pass_risk"
FLAG = "flag"
FAIL = "fail"
PENDING = "pending"  # a mandatory rule that cannot be decided yet (its input is missing)
UNKNOWN = "unknown"  # a non-mandatory rule that cannot be decided yet
RULE_RESULTS: tuple[str, ...] = (PASS, PASS_RISK, FLAG, FAIL, PENDING, UNKNOWN)

# Eligibility (PENDING doubles as the eligibility value).
ELIGIBLE = "eligible"
ELIGIBLE_WITH_RISK = "eligible_with_risk"
NOT_ELIGIBLE = "not_eligible"
ELIGIBILITIES: tuple[str, ...] = (ELIGIBLE, ELIGIBLE_WITH_RISK, PENDING, NOT_ELIGIBLE)

# Bands (NOT_ELIGIBLE doubles as a band).
INSUFFICIENT_DATA = "insufficient_data"
STRONG_HIRE = "strong_hire"
HIRE = "hire"
CONSIDER = "consider"
NO_HIRE = "no_hire"
BANDS: tuple[str, ...] = (STRONG_HIRE, HIRE, CONSIDER, NO_HIRE, INSUFFICIENT_DATA, NOT_ELIGIBLE)
# (minimum rounded score, band), highest first; below the last one the band is NO_HIRE.
BAND_THRESHOLDS: tuple[tuple[float, str], ...] = ((75.0, STRONG_HIRE), (60.0, HIRE), (45.0, CONSIDER))

HIGH = "high"
MEDIUM = "medium"
LOW = "low"
CONFIDENCES: tuple[str, ...] = (HIGH, MEDIUM, LOW)

STRONG_NO = "strong_no"
NO = "no"
YES = "yes"
STRONG_YES = "strong_yes"
RECOMMENDATIONS: tuple[str, ...] = (STRONG_NO, NO, YES, STRONG_YES)

RATING_MIN = 1
RATING_MAX = 5
MIN_COVERAGE = 0.8  # below it the band is insufficient_data
HIGH_CONFIDENCE_COVERAGE = 0.9
DISAGREEMENT_SPREAD = 2  # max - min rating at or above this flags disagreement

# Flags.
EXPERIENCE_RISK = "experience_risk"
SCREENING_PENDING = "screening_pending"
SCREENING_FLAG = "screening_flag"  # screening_flag:<RULE>
SCREENING_UNKNOWN = "screening_unknown"  # screening_unknown:<RULE>
PLAN_UNVERIFIED = "plan_unverified"  # an EXP pass_risk resting on a claimed plan figure only
LANGUAGE_DISAGREEMENT = "language_disagreement"  # language_disagreement:<lang>
LANGUAGE_DISAGREEMENT_STEPS = 2  # verified levels of one language this many CEFR steps apart disagree

# What a rule that cannot be decided needs (the `missing` parameter of a pending or unknown result).
MISSING_EDUCATION = "education_level"
MISSING_EXPERIENCE = "experience_years"
MISSING_PLAN = "plan_attainment_pct"
MISSING_CHECK_ANSWER = "check_answer"
DISAGREEMENT = "disagreement"  # disagreement:<CODE>
CRITICAL_GAP = "critical_gap"  # critical_gap:<CODE>
RECOMMENDATION_CONFLICT = "recommendation_conflict"


def education_rank(level: str) -> int:
    """Position of an education level in EDUCATION_LEVELS; ValueError for an unknown one."""
    try:
        return _EDUCATION_RANK[level]
    except KeyError:
        raise ValueError(f"unknown education level: {level!r}") from None


def language_rank(level: str) -> int:
    """Position of a CEFR level (A1 lowest, native highest), case-insensitive; ValueError if unknown."""
    try:
        return _LANGUAGE_RANK[level.strip().casefold()]
    except (KeyError, AttributeError):
        raise ValueError(f"unknown language level: {level!r}") from None


def normalize_language_level(level: str) -> str:
    """The canonical spelling of a CEFR level: `b2` -> `B2`, `Native` -> `native`."""
    return LANGUAGE_LEVELS[language_rank(level)]


def is_language_code(code: str) -> bool:
    """True for an ISO 639-1 code in any letter case (`de`, `EN`)."""
    return isinstance(code, str) and code.strip().lower() in ISO_639_1


def normalize_language_code(code: str) -> str:
    """The canonical (lower-case) ISO 639-1 code; ValueError when it is not one."""
    if not is_language_code(code):
        raise ValueError(f"not an ISO 639-1 language code: {code!r}")
    return code.strip().lower()
