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


def flag_label(flag: str) -> str:
    """`disagreement:NEG` -> "Disagreement: NEG"; `screening_flag:LANG:de` -> "Screening flag: German"."""
    kind, _, subject = flag.partition(":")
    text = label(FLAG_LABELS, kind)
    if kind == "screening_flag":
        subject = rule_name(subject)
    return f"{text}: {subject}" if subject else text


def rule_name(rule: str) -> str:
    """A screening rule in a few words, for flags: `LANG:de` -> "German", else as rule_label()."""
    kind, _, subject = rule.partition(":")
    if kind == "LANG" and subject:
        return label(LANGUAGE_NAMES, subject)
    return rule_label(rule)


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
        return gettext("Language: %(language)s", language=label(LANGUAGE_NAMES, subject))
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
        return field_label(value, "en" if str(get_locale() or "ru").startswith("en") else "ru")
    return value
