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
from hiring.documents.language import document_language


def vacancy_values(vacancy) -> dict[str, Any]:
    """The vacancy's own texts, split into the lines and paragraphs the documents print."""
    lang = document_language(vacancy)
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
        "salary": salary_terms(vacancy),
        "about_company": _paragraphs(getattr(vacancy, "about_company", "")),
        "how_to_apply": _paragraphs(getattr(vacancy, "how_to_apply", "")),
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


def salary_terms(vacancy) -> str | None:
    """The salary range with its period and whether it is before or after tax, once: "150 000–220 000 ₽
    per month, before tax"; None without a figure."""
    amount = salary_text(vacancy.salary_from, vacancy.salary_to, vacancy.salary_currency)
    if amount is None:
        return None
    period = _("per year") if getattr(vacancy, "salary_period", "month") == "year" else _("per month")
    basis = _("after tax") if getattr(vacancy, "salary_basis", "gross") == "net" else _("before tax")
    return _("%(amount)s %(period)s, %(basis)s", amount=amount, period=period, basis=basis)


def requirement_lines(vacancy) -> list[str]:
    """The screening rules as the sentences a job seeker reads: education, experience, languages, checks."""
    required, nice = job_post_requirements(vacancy)
    return required + nice


def job_post_requirements(vacancy) -> tuple[list[str], list[str]]:
    """What a job seeker must bring ("Requirements") and what is a plus ("Nice to have"), each said once.

    Mandatory rules are requirements; optional rules and the preferred fields of education are a plus; the
    competencies close the requirements in one line. The experience exception is printed only when HR chose
    to publish it.
    """
    lang = document_language(vacancy)
    required, nice = [], []
    (required if vacancy.edu_mandatory else nice).append(education_sentence(vacancy, plain=True))
    (required if vacancy.exp_mandatory else nice).append(experience_sentence(vacancy, plain=True))
    for r in vacancy.language_requirements:
        (required if r.mandatory else nice).append(language_requirement(r, plain=True))
    for check in vacancy.custom_checks:
        (required if check.mandatory else nice).append(check.text)
    skills = [glossary.in_sentence(c.name(lang)) for c in vacancy.profile.competencies if c.weight]
    if skills:
        required.append(_("Skills: %(skills)s", skills="; ".join(skills)))
    fields = [glossary.in_sentence(glossary.field_label(f, lang)) for f in vacancy.edu_preferred_fields or ()]
    if fields:
        nice.insert(0, _("Education in %(fields)s", fields=", ".join(fields)))
    return required, nice


def education_sentence(vacancy, plain: bool = False) -> str:
    """The education rule; `plain` leaves out the preferred fields and the "(desirable)" mark (the job post
    says them under "Nice to have")."""
    level = glossary.label(glossary.EDUCATION_LABELS, vacancy.edu_min_level)
    fields = [
        glossary.in_sentence(glossary.field_label(f, document_language(vacancy)))
        for f in vacancy.edu_preferred_fields or ()
    ]
    if plain:
        return _("Education: %(level)s or higher", level=level)
    if fields:
        text = _(
            "Education: %(level)s or higher, preferably in %(fields)s", level=level, fields=", ".join(fields)
        )
    else:
        text = _("Education: %(level)s or higher", level=level)
    return text if vacancy.edu_mandatory else _("%(text)s (desirable)", text=text)


def experience_sentence(vacancy, plain: bool = False) -> str:
    """ "3+ years of relevant experience; candidates with 1+ year and a sales plan attainment of 100%+ ..." (the
    exception only when the vacancy publishes it); `plain` leaves out the "(desirable)" mark."""
    years = vacancy.exp_min_years
    text = ngettext(
        "%(years)s+ year of relevant experience",
        "%(years)s+ years of relevant experience",
        _plural_count(years),
        years=_number(years),
    )
    published = getattr(vacancy, "publish_exp_exception", False)
    if (
        published
        and vacancy.exp_exception_min_years is not None
        and vacancy.exp_exception_min_plan_pct is not None
    ):
        exception = ngettext(
            "candidates with %(years)s+ year and a sales plan attainment of %(plan)s%%+ are considered",
            "candidates with %(years)s+ years and a sales plan attainment of %(plan)s%%+ are considered",
            _plural_count(vacancy.exp_exception_min_years),
            years=_number(vacancy.exp_exception_min_years),
            plan=_number(vacancy.exp_exception_min_plan_pct),
        )
        text = f"{text}; {exception}"
    return text if vacancy.exp_mandatory or plain else _("%(text)s (desirable)", text=text)


def language_requirement(requirement, plain: bool = False) -> str:
    """ "English: B2 — upper intermediate, mandatory"; `plain`: "English: B2 — upper intermediate" """
    values = {
        "language": glossary.label(glossary.LANGUAGE_NAMES, requirement.language),
        "level": glossary.label(glossary.CEFR_LABELS, requirement.min_level),
    }
    if plain:
        return _("%(language)s: %(level)s", **values)
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


def range_text(ratings) -> str:
    """The spread of the ratings written as a range, "2–4"; "—" with fewer than two raters."""
    given = [r for r in ratings if r is not None]
    return f"{min(given)}–{max(given)}" if len(given) >= 2 else "—"


def rating_of(card, code: str) -> tuple[int | None, str]:
    """A scorecard's rating and note on a competency; (None, "") when it has none."""
    rating = next((r for r in card.ratings if r.competency_code == code), None)
    return (rating.value, rating.note or "") if rating else (None, "")


def competency_outcome(competency, outcome, lang: str, vacancy=None) -> dict[str, Any]:
    """A competency with the engine's mean, count, range and flags (in words) for one candidate."""
    return {
        "code": competency.code,
        "name": competency.name(lang),
        "weight": competency.weight,
        "critical_min": competency.critical_min,
        "mean": outcome.mean if outcome else None,
        "n": outcome.n if outcome else 0,
        "spread": outcome.spread if outcome else None,
        "range": range_text(outcome.ratings) if outcome else "—",
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
        "flags": [
            {"kind": glossary.flag_kind(f), "label": glossary.flag_label(f, vacancy)} for f in result.flags
        ],
        "reasons": glossary.deciding_rules(result.screening, vacancy),
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
    """The same SVG as the evaluation page: each competency's mean and every interviewer's rating
    (charts.py escapes every label)."""
    items = []
    for c in competencies:
        outcome = by_code.get(c.code)
        mean, ratings = (outcome.mean, tuple(outcome.ratings)) if outcome else (None, ())
        items.append(ChartItem(c.name(lang), mean, c.critical_min, c.code, ratings))
    svg = competency_chart_svg(
        items,
        title=_("Competency means and each interviewer's rating on the 1–5 scale"),
        not_assessed_text=_("not assessed"),
        critical_min_text=_("critical minimum"),
        rating_text=_("an interviewer's rating"),
        mean_text=_("mean"),
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
