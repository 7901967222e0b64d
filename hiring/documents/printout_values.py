"""What the documents show, as plain values in the document's language (call inside force_locale).

The job post's requirements are written here as sentences from the vacancy's screening rules; nothing here
decides whether a candidate meets them (that is hiring.domain's job).
"""

from __future__ import annotations

from typing import Any

from babel.numbers import get_currency_symbol
from flask_babel import format_decimal, get_locale, ngettext
from flask_babel import gettext as _
from markupsafe import Markup

from hiring import glossary, seed_profile
from hiring.documents.charts import ChartItem, competency_chart_svg


def vacancy_values(vacancy) -> dict[str, Any]:
    """The vacancy's own texts, split into the lines and paragraphs the documents print."""
    lang = vacancy.language
    responsibilities = vacancy.responsibility_lines()
    travel = seed_profile.TRAVEL_DUTY.get(lang)
    if vacancy.travel_required and travel and travel not in responsibilities:
        responsibilities.append(travel)
    return {
        "id": vacancy.id,
        "title": vacancy.title,
        "company": vacancy.company,
        "location": vacancy.location,
        "employment_terms": vacancy.employment_terms,
        "salary": salary_text(vacancy.salary_from, vacancy.salary_to, vacancy.salary_currency),
        "travel_required": vacancy.travel_required,
        "language": lang,
        "profile_name": vacancy.profile.name(lang),
        "intro": _paragraphs(vacancy.intro),
        "responsibilities": responsibilities,
        "conditions": vacancy.condition_lines(),
        "contacts": [line.strip() for line in (vacancy.contacts or "").splitlines() if line.strip()],
    }


def salary_text(salary_from: int | None, salary_to: int | None, currency: str | None) -> str | None:
    """ "150 000–200 000 ₽", "from 150,000 RUB", "up to ..."; None when no figure is given."""
    if salary_from is None and salary_to is None:
        return None
    symbol = get_currency_symbol(currency or "RUB", locale=get_locale())
    low, high = (None if v is None else format_decimal(v, format="#,##0") for v in (salary_from, salary_to))
    if low and high:
        return _("%(low)s–%(high)s %(currency)s", low=low, high=high, currency=symbol)
    if low:
        return _("from %(amount)s %(currency)s", amount=low, currency=symbol)
    return _("up to %(amount)s %(currency)s", amount=high, currency=symbol)


def requirement_lines(vacancy) -> list[str]:
    """The screening rules as the sentences a job seeker reads: education, experience, languages, checks."""
    lines = [education_sentence(vacancy), experience_sentence(vacancy)]
    lines.extend(language_requirement(r) for r in vacancy.language_requirements)
    for check in vacancy.custom_checks:
        lines.append(check.text if check.mandatory else _("%(text)s (desirable)", text=check.text))
    return lines


def education_sentence(vacancy) -> str:
    level = glossary.label(glossary.EDUCATION_LABELS, vacancy.edu_min_level)
    fields = [glossary.field_label(f, vacancy.language) for f in vacancy.edu_preferred_fields or ()]
    if fields:
        text = _(
            "Education: %(level)s or higher, preferably in %(fields)s", level=level, fields=", ".join(fields)
        )
    else:
        text = _("Education: %(level)s or higher", level=level)
    return text if vacancy.edu_mandatory else _("%(text)s (desirable)", text=text)


def experience_sentence(vacancy) -> str:
    """ "3+ years of relevant experience; candidates with 1+ year and a sales plan attainment of 100%+ ..." """
    years = vacancy.exp_min_years
    text = ngettext(
        "%(years)s+ year of relevant experience",
        "%(years)s+ years of relevant experience",
        _plural_count(years),
        years=_number(years),
    )
    if vacancy.exp_exception_min_years is not None and vacancy.exp_exception_min_plan_pct is not None:
        exception = ngettext(
            "candidates with %(years)s+ year and a sales plan attainment of %(plan)s%%+ are considered",
            "candidates with %(years)s+ years and a sales plan attainment of %(plan)s%%+ are considered",
            _plural_count(vacancy.exp_exception_min_years),
            years=_number(vacancy.exp_exception_min_years),
            plan=_number(vacancy.exp_exception_min_plan_pct),
        )
        text = f"{text}; {exception}"
    return text if vacancy.exp_mandatory else _("%(text)s (desirable)", text=text)


def language_requirement(requirement) -> str:
    """ "English: B2 — upper intermediate, mandatory" """
    values = {
        "language": glossary.label(glossary.LANGUAGE_NAMES, requirement.language),
        "level": glossary.label(glossary.CEFR_LABELS, requirement.min_level),
    }
    if requirement.mandatory:
        return _("%(language)s: %(level)s, mandatory", **values)
    return _("%(language)s: %(level)s, desirable", **values)


def kpi_note(language: str) -> str:
    return seed_profile.KPI_NOTE.get(language, "")


def candidate_values(candidate, language: str) -> dict[str, Any]:
    field = candidate.education_field
    return {
        "id": candidate.id,
        "full_name": candidate.full_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "education": glossary.label(glossary.EDUCATION_LABELS, candidate.education_level),
        "education_field": glossary.field_label(field, language) if field else None,
        "experience_years": candidate.experience_years,
        "plan_attainment_pct": candidate.plan_attainment_pct,
        "languages": [_language_level(lang.language, lang.level) for lang in candidate.languages],
    }


def scorecard_values(card) -> dict[str, Any]:
    return {
        "interviewer": card.interviewer.display_name,
        "recommendation": glossary.label(glossary.RECOMMENDATION_LABELS, card.recommendation),
        "submitted_at": card.submitted_at,
        "verified_languages": [_language_level(v.language, v.level) for v in card.verified_languages],
    }


def decision_values(decision) -> dict[str, Any]:
    return {
        "decision": decision.decision,
        "label": glossary.label(glossary.DECISION_LABELS, decision.decision),
        "rationale": decision.rationale,
        "decided_by": decision.decided_by.display_name if decision.decided_by else None,
        "decided_at": decision.decided_at,
    }


def rating_of(card, code: str) -> tuple[int | None, str]:
    """A scorecard's rating and note on a competency; (None, "") when it has none."""
    rating = next((r for r in card.ratings if r.competency_code == code), None)
    return (rating.value, rating.note or "") if rating else (None, "")


def competency_outcome(competency, outcome, lang: str) -> dict[str, Any]:
    """A competency with the engine's mean, count, spread and flags for one candidate."""
    return {
        "code": competency.code,
        "name": competency.name(lang),
        "weight": competency.weight,
        "critical_min": competency.critical_min,
        "mean": outcome.mean if outcome else None,
        "n": outcome.n if outcome else 0,
        "spread": outcome.spread if outcome else None,
        "flags": [str(glossary.label(glossary.FLAG_LABELS, f)) for f in (outcome.flags if outcome else ())],
    }


def evaluation_values(result, vacancy) -> dict[str, Any]:
    """The engine's evaluation with its words: band, eligibility, confidence, flags, screening."""
    return {
        "score": result.score,
        "band": result.band,
        "band_label": glossary.label(glossary.BAND_LABELS, result.band),
        "eligibility": result.eligibility,
        "eligibility_label": glossary.label(glossary.ELIGIBILITY_LABELS, result.eligibility),
        "pending": result.pending,
        "coverage": result.coverage,
        "confidence": result.confidence,
        "confidence_label": glossary.label(glossary.CONFIDENCE_LABELS, result.confidence),
        "submitted_count": result.submitted_count,
        "flags": [{"kind": glossary.flag_kind(f), "label": glossary.flag_label(f)} for f in result.flags],
        "screening": [
            {
                "rule": r.rule,
                "rule_label": glossary.rule_label(r.rule, vacancy),
                "result": r.result,
                "result_label": glossary.label(glossary.RULE_RESULT_LABELS, r.result),
                "detail": glossary.describe(r),
            }
            for r in result.screening.results
        ],
        "recommendations": [
            glossary.label(glossary.RECOMMENDATION_LABELS, r) for r in result.recommendations
        ],
    }


def chart_svg(competencies, by_code: dict, lang: str) -> Markup:
    """The same SVG as the evaluation page (charts.py escapes every label)."""
    items = [
        ChartItem(c.name(lang), by_code[c.code].mean if c.code in by_code else None, c.critical_min, c.code)
        for c in competencies
    ]
    svg = competency_chart_svg(
        items,
        title=_("Competency means on the 1–5 scale"),
        not_assessed_text=_("not assessed"),
        critical_min_text=_("critical minimum"),
        number_text=lambda value: format_decimal(value, format="#,##0.##"),
    )
    return Markup(svg)  # noqa: S704 (charts.py escapes all text it draws)


def _language_level(language: str, level: str) -> str:
    return _(
        "%(language)s: %(level)s",
        language=glossary.label(glossary.LANGUAGE_NAMES, language),
        level=glossary.label(glossary.CEFR_LABELS, level),
    )


def _paragraphs(text: str | None) -> list[str]:
    blocks, current = [], []
    for line in (text or "").splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def _number(value: float) -> str:
    return format_decimal(value, format="#,##0.#")


def _plural_count(value: float) -> int:
    """The count that picks the plural form: the number itself when whole, else a plural one."""
    return int(value) if float(value).is_integer() else 2
