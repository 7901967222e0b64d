"""The domain's words in the reader's language: one place, so every page and PDF says them alike."""

import re
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from hiring.seed_profile import FIELD_LABELS

ROLE_LABELS = {
    "admin": _l("Administrator"),
    "hr": _l("HR manager"),
    "interviewer": _l("Interviewer"),
    "lead": _l("Hiring lead"),
}

BAND_LABELS = {
    "strong_hire": _l("Strong hire"),
    "hire": _l("Hire"),
    "consider": _l("Consider"),
    "no_hire": _l("No hire"),
    "insufficient_data": _l("Insufficient data"),
    "not_eligible": _l("Not eligible"),
}

ELIGIBILITY_LABELS = {
    "eligible": _l("Eligible"),
    "eligible_with_risk": _l("Eligible with risk"),
    "pending": _l("Screening pending"),
    "not_eligible": _l("Not eligible"),
}

RULE_RESULT_LABELS = {
    "pass": _l("Pass"),
    "pass_risk": _l("Pass with risk"),
    "flag": _l("Flag"),
    "fail": _l("Fail"),
    "pending": _l("Pending"),
    "unknown": _l("Not known yet"),
}

CONFIDENCE_LABELS = {"high": _l("High"), "medium": _l("Medium"), "low": _l("Low")}

RECOMMENDATION_LABELS = {
    "strong_no": _l("Strong no"),
    "no": _l("No"),
    "yes": _l("Yes"),
    "strong_yes": _l("Strong yes"),
}

DECISION_LABELS = {"hire": _l("Hire"), "reject": _l("Reject"), "hold": _l("On hold")}

SCORECARD_STATE_LABELS = {
    "not_started": _l("Not started"),
    "draft": _l("Draft"),
    "submitted": _l("Submitted"),
}

EDUCATION_LABELS = {
    "secondary": _l("Secondary school"),
    "vocational": _l("Vocational education"),
    "incomplete_higher": _l("Incomplete higher education"),
    "bachelor": _l("Bachelor's degree"),
    "specialist": _l("Specialist degree"),
    "master": _l("Master's degree"),
    "phd": _l("Doctoral degree (PhD)"),
}

CEFR_LABELS = {
    "A1": _l("A1 — beginner"),
    "A2": _l("A2 — elementary"),
    "B1": _l("B1 — intermediate"),
    "B2": _l("B2 — upper intermediate"),
    "C1": _l("C1 — advanced"),
    "C2": _l("C2 — proficient"),
    "native": _l("native speaker"),
}

LANGUAGE_NAMES = {
    "en": _l("English"),
    "ru": _l("Russian"),
    "de": _l("German"),
    "fr": _l("French"),
    "es": _l("Spanish"),
    "it": _l("Italian"),
    "zh": _l("Chinese"),
    "ja": _l("Japanese"),
    "ko": _l("Korean"),
    "tr": _l("Turkish"),
    "ar": _l("Arabic"),
    "pt": _l("Portuguese"),
    "pl": _l("Polish"),
    "uk": _l("Ukrainian"),
    "kk": _l("Kazakh"),
    "uz": _l("Uzbek"),
    "be": _l("Belarusian"),
    "fi": _l("Finnish"),
    "nl": _l("Dutch"),
    "sv": _l("Swedish"),
}

FLAG_LABELS = {
    "experience_risk": _l("Experience risk"),
    "screening_flag": _l("Screening flag"),
    "screening_pending": _l("Screening pending"),
    "disagreement": _l("Disagreement"),
    "critical_gap": _l("Critical gap"),
    "recommendation_conflict": _l("Recommendation conflict"),
    "plan_unverified": _l("Plan attainment not verified"),
    "screening_unknown": _l("Not known yet"),
    "language_disagreement": _l("Verified language levels disagree"),
}

# What HR fills in so that a pending or unknown screening rule can be decided (its `missing` parameter).
MISSING_INPUT_LABELS = {
    "education_level": _l("Enter the education level"),
    "experience_years": _l("Enter the years of experience"),
    "plan_attainment_pct": _l("Enter the sales plan attainment"),
    "check_answer": _l("Answer the check"),
}

STATUS_LABELS = {"open": _l("Open"), "closed": _l("Closed")}

# Calibration: an interviewer's lean against their panels, and how much a vacancy's panels agree.
OFFSET_LABELS = {
    "lenient": _l("Lenient"),
    "severe": _l("Severe"),
    "neutral": _l("Neutral"),
    "not_enough_data": _l("Not enough data"),
}

AGREEMENT_LABELS = {
    "excellent": _l("Excellent agreement"),
    "good": _l("Good agreement"),
    "moderate": _l("Moderate agreement"),
    "poor": _l("Poor agreement"),
    "not_enough_data": _l("Not enough data"),
}

# Records and actions of the audit log.
ENTITY_LABELS = {
    "vacancy": _l("Vacancy"),
    "candidate": _l("Candidate"),
    "scorecard": _l("Scorecard"),
    "decision": _l("Decision"),
    "profile": _l("Profile"),
    "competency": _l("Competency"),
    "user": _l("User"),
    "assignment": _l("Interviewer assignment"),
}

AUDIT_ACTION_LABELS = {
    "vacancy.create": _l("Vacancy created"),
    "vacancy.update": _l("Vacancy edited"),
    "vacancy.status": _l("Vacancy opened or closed"),
    "profile.clone": _l("Profile cloned"),
    "profile.update": _l("Profile edited"),
    "profile.competency_add": _l("Competency added"),
    "profile.competency_update": _l("Competency edited"),
    "profile.competency_remove": _l("Competency removed"),
    "profile.seed_update": _l("Default profile texts brought up to date"),
    "candidate.create": _l("Candidate added"),
    "candidate.update": _l("Candidate edited"),
    "candidate.checks": _l("Check answers saved"),
    "candidate.assign": _l("Interviewer assigned"),
    "candidate.unassign": _l("Interviewer unassigned"),
    "candidate.import": _l("Candidate imported"),
    "candidates.import": _l("Candidates imported from CSV"),
    "candidate.anonymize": _l("Personal data erased"),
    "scorecard.draft": _l("Scorecard draft saved"),
    "scorecard.submit": _l("Scorecard submitted"),
    "scorecard.reopen": _l("Scorecard reopened"),
    "decision.record": _l("Decision recorded"),
    "user.create": _l("User created"),
    "user.role": _l("Role changed"),
    "user.active": _l("User activated or deactivated"),
}


def candidates_count(count: int) -> str:
    """`1 кандидат`, `2 кандидата`, `5 кандидатов`: a count with the noun in the right plural form.

    In templates the same pattern reads `{{ ngettext('%(num)d candidate', '%(num)d candidates', n) }}`.
    """
    from flask_babel import ngettext

    return ngettext("%(num)d candidate", "%(num)d candidates", count)


def label(table: dict, key: str | None) -> str:
    """The label for a key, or the key itself when the table has none."""
    if key is None:
        return "—"
    return str(table.get(key, key))


def field_label(code: str, language: str) -> str:
    """A field of education in `language` (ru or en) when it is one of the known codes, else as typed."""
    labels = FIELD_LABELS.get(code)
    return labels.get(language, code) if labels else code


def field_labels(language: str) -> dict[str, str]:
    """Every known field of education, code to label in `language` (ru or en), in the order forms offer them."""
    return {code: field_label(code, language) for code in FIELD_LABELS}


def flag_label(flag: str, vacancy=None) -> str:
    """A flag in words, naming its subject: `disagreement:NEG` -> "Disagreement: Negotiation & presentation",
    `screening_flag:LANG:de` -> "Screening flag: German". Give the vacancy, so competencies and custom checks
    are named (without it their code is all there is to show)."""
    kind, _, subject = flag.partition(":")
    text = label(FLAG_LABELS, kind)
    if kind in ("screening_flag", "screening_unknown"):
        subject = rule_name(subject, vacancy)
    elif kind in ("disagreement", "critical_gap"):
        subject = competency_name(subject, vacancy)
    elif kind == "language_disagreement":
        subject = language_word(subject)
    return f"{text}: {subject}" if subject else text


def competency_name(code: str, vacancy=None) -> str:
    """A competency of the vacancy's profile by its name in the reader's language; the code if unknown."""
    profile = getattr(vacancy, "profile", None)
    for competency in getattr(profile, "competencies", ()) or ():
        if competency.code == code:
            return competency.name(_profile_language())
    return code


def language_word(code: str) -> str:
    """A language's name as written inside a sentence: lower case in Russian ("английский")."""
    name = label(LANGUAGE_NAMES, code)
    return name.lower() if _profile_language() == "ru" else name


def in_sentence(text: str) -> str:
    """A label written inside a sentence: its first letter in lower case ("экономика и финансы", "missing:
    education"); an abbreviation ("KPI", "PhD") keeps its capitals. Language names go through language_word()."""
    text = str(text)
    if text[:1].isupper() and not text[1:2].isupper():
        return text[:1].lower() + text[1:]
    return text


def in_reader_language(texts: dict[str, str]) -> str:
    """The text of {"ru": ..., "en": ...} in the reader's language (for names kept in both languages)."""
    return texts.get(_profile_language()) or next(iter(texts.values()), "")


def _profile_language() -> str:
    from flask_babel import get_locale

    return "en" if str(get_locale() or "ru").startswith("en") else "ru"


def rule_name(rule: str, vacancy=None) -> str:
    """A screening rule in a few words, for flags: `LANG:de` -> "German", else as rule_label()."""
    kind, _, subject = rule.partition(":")
    if kind == "LANG" and subject:
        return language_word(subject)
    return rule_label(rule, vacancy)


def rule_label(rule: str, vacancy=None) -> str:
    """A screening rule's name for people: "Education", "Language: German", a custom check's own text.

    Without the vacancy a custom check is "Check 1" (its 0-based index plus one).
    """
    from flask_babel import gettext

    kind, _, subject = rule.partition(":")
    if kind == "EDU":
        return gettext("Education")
    if kind == "EXP":
        return gettext("Experience")
    if kind == "LANG" and subject:
        return gettext("Language: %(language)s", language=language_word(subject))
    if kind == "CUSTOM" and subject.isdigit():
        checks = vacancy.custom_checks if vacancy is not None else ()
        check = next((c for c in checks if c.position == int(subject)), None)
        return check.text if check else gettext("Check %(number)s", number=int(subject) + 1)
    return rule


def flag_kind(flag: str) -> str:
    """The CSS-friendly kind of a flag (its part before the first colon)."""
    return flag.partition(":")[0]


def describe(result) -> str:
    """A screening rule result's detail in the reader's language (the domain gives an English template).

    Numbers are written for the locale (`2,5` in Russian): the template's `%(name)g` placeholders become
    `%(name)s` and take the number already formatted.
    """
    from flask_babel import gettext

    params = {key: _param_text(key, value) for key, value in result.params.items()}
    return _NUMERIC_PLACEHOLDER.sub(_as_string_placeholder, gettext(result.message)) % params


_NUMERIC_PLACEHOLDER = re.compile(r"%%|%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgG]")


def _as_string_placeholder(match: re.Match) -> str:
    return "%%" if match.group(0) == "%%" else f"%({match.group(1)})s"


def _param_text(key: str, value) -> str:
    """Level, field and language codes in the reader's words; numbers for the locale; free text as it is."""
    from flask_babel import format_decimal, get_locale

    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return format_decimal(value, format="#,##0.##")
    value = str(value)
    if "level" in key and value in EDUCATION_LABELS:
        return str(EDUCATION_LABELS[value])
    if value == "native":
        return str(CEFR_LABELS[value])
    if key == "language" and value in LANGUAGE_NAMES:
        return str(LANGUAGE_NAMES[value])
    if key == "preferred_field" and value in FIELD_LABELS:
        return in_sentence(field_label(value, "en" if str(get_locale() or "ru").startswith("en") else "ru"))
    return value


# The results that decide a candidate's eligibility, per eligibility (SPEC §3).
_DECIDING = {"not_eligible": ("fail",), "pending": ("pending",), "eligible_with_risk": ("pass_risk",)}


def deciding_rules(screening, vacancy=None) -> list[str]:
    """The rules that make a candidate not eligible, pending or eligible with a risk, each in a few words:
    "education below «Bachelor's degree»", "English B1, B2 required", "missing: experience". Empty when
    eligible."""
    wanted = _DECIDING.get(screening.eligibility, ())
    return [rule_reason(r, vacancy) for r in screening.results if r.result in wanted]


def stored_reasons(deciding, vacancy=None) -> list[str]:
    """deciding_rules() from a StoredEvaluation's `deciding` list of {rule, result, message, params}."""
    from types import SimpleNamespace

    return [rule_reason(SimpleNamespace(**item), vacancy) for item in deciding or ()]


def rule_reason(result, vacancy=None) -> str:
    """One screening result that is not a plain pass, in a few words (the detail of describe() is longer)."""
    from flask_babel import gettext

    kind, _, subject = result.rule.partition(":")
    params = result.params
    if result.result in ("pending", "unknown"):
        if kind == "CUSTOM":
            return gettext("not answered: %(check)s", check=rule_label(result.rule, vacancy))
        if kind == "EXP" and params.get("years") is not None:
            return gettext("missing: %(what)s", what=gettext("sales plan attainment"))
        return gettext("missing: %(what)s", what=in_sentence(rule_label(result.rule, vacancy)))
    if kind == "EDU" and params.get("level") is not None:
        return gettext(
            "education below «%(level)s»", level=in_sentence(label(EDUCATION_LABELS, params.get("min_level")))
        )
    if kind == "EXP" and params.get("years") is not None:
        values = {key: _param_text(key, params.get(key)) for key in ("years", "min_years", "plan_pct")}
        if result.result == "pass_risk":
            return gettext(
                "experience %(years)s of %(min_years)s+ years, admitted on %(plan_pct)s%% of plan", **values
            )
        return gettext("experience %(years)s of %(min_years)s+ years", **values)
    if kind == "LANG":
        values = {
            "language": language_word(subject),
            "required": str(params.get("min_level")),
            "level": _param_text("level", params.get("level")),
        }
        if not params.get("level"):
            return gettext("%(language)s not stated, %(required)s required", **values)
        return gettext("%(language)s %(level)s, %(required)s required", **values)
    if kind == "CUSTOM":
        return gettext("%(check)s: no", check=rule_label(result.rule, vacancy))
    return describe(result)


def recommendation_summary(codes) -> str:
    """The interviewers' recommendations counted, strongest yes first: "Strong yes × 1, Yes × 1"; "" if none."""
    order = ("strong_yes", "yes", "no", "strong_no")
    counts = {code: list(codes).count(code) for code in order}
    # No-break spaces keep "Yes × 1" on one line in a narrow column.
    return ", ".join(
        f"{label(RECOMMENDATION_LABELS, code)}\u00a0×\u00a0{n}" for code, n in counts.items() if n
    )
