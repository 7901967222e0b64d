"""Vacancies: made from a profile, validated in one place for the pages and the JSON API.

`data` has the shape of SPEC §6 (title, language, company, ..., requirements: {education, experience, languages,
custom}). Creating, a key left out takes the profile's default (texts from the seed in the vacancy's language);
updating, a key left out keeps the vacancy's current value. Nothing here commits: the caller owns the
transaction. Messages are English and translated by the caller (`gettext(message)`).
"""

from typing import Any

from hiring import seed_profile
from hiring.domain.levels import N_
from hiring.errors import InvalidVacancy, VersionConflict
from hiring.extensions import db
from hiring.models import CustomCheck, LanguageRequirement, Profile, Vacancy
from hiring.models.vacancies import VACANCY_STATUSES
from hiring.services import audit
from hiring.services.evaluations import SCREENING_FIELDS
from hiring.services.vacancy_input import (
    LANGUAGES,
    check_vacancy_data,
)

SCALAR_FIELDS = (
    "title",
    "language",
    "company",
    "location",
    "employment_terms",
    "salary_from",
    "salary_to",
    "salary_currency",
    "salary_period",
    "salary_basis",
    "travel_required",
    "about_company",
    "intro",
    "responsibilities",
    "conditions",
    "how_to_apply",
    "contacts",
    "publish_exp_exception",
)

STALE = N_(
    "Someone else changed this vacancy while you were editing it. Nothing was saved: reload and try again."
)


def create_vacancy(profile: Profile, data: dict[str, Any], user_id: int | None) -> Vacancy:
    """A new open vacancy from the profile; left-out keys take the profile's and the seed's defaults."""
    language = data.get("language")
    defaults = profile_defaults(profile, language if language in LANGUAGES else "ru")
    defaults["language"] = None  # required: a vacancy is written in one language
    values, languages, checks = check_vacancy_data(data, defaults)
    vacancy = Vacancy(profile=profile, status="open", created_by_id=user_id, **values)
    vacancy.language_requirements = [
        LanguageRequirement(position=i, **item) for i, item in enumerate(languages)
    ]
    vacancy.custom_checks = [CustomCheck(position=i, **item) for i, item in enumerate(checks)]
    db.session.add(vacancy)
    db.session.flush()
    audit.record("vacancy.create", "vacancy", vacancy.id, after=vacancy_snapshot(vacancy), user_id=user_id)
    return vacancy


def update_vacancy(
    vacancy: Vacancy, data: dict[str, Any], expected_version: int | None, user_id: int | None
) -> Vacancy:
    """Change the vacancy; left-out keys keep their values. A stale `expected_version` raises VersionConflict.

    Custom checks are matched by their text, so HR's answers stay with a check that is kept or moved and go
    with one that is removed or reworded.
    """
    if expected_version is not None and expected_version != vacancy.version:
        raise VersionConflict(STALE)
    values, languages, checks = check_vacancy_data(data, current_values(vacancy))
    before = vacancy_snapshot(vacancy)
    for name, value in values.items():
        setattr(vacancy, name, value)
    _replace_languages(vacancy, languages)
    _replace_checks(vacancy, checks)
    db.session.flush()
    audit.record(
        "vacancy.update",
        "vacancy",
        vacancy.id,
        before=before,
        after=vacancy_snapshot(vacancy),
        user_id=user_id,
    )
    return vacancy


def set_vacancy_status(vacancy: Vacancy, status: str, user_id: int | None) -> Vacancy:
    """Open or close the vacancy."""
    if status not in VACANCY_STATUSES:
        raise InvalidVacancy({"status": N_("The status must be open or closed.")})
    if vacancy.status != status:
        before = {"status": vacancy.status}
        vacancy.status = status
        db.session.flush()
        audit.record(
            "vacancy.status", "vacancy", vacancy.id, before=before, after={"status": status}, user_id=user_id
        )
    return vacancy


def profile_defaults(profile: Profile, language: str) -> dict[str, Any]:
    """A new vacancy's values before HR changes any: the profile's requirements and the seed's texts."""
    return {
        "title": None,
        "language": language,
        "company": "",
        "location": "",
        "employment_terms": "",
        "salary_from": None,
        "salary_to": None,
        "salary_currency": "RUB",
        "salary_period": "month",
        "salary_basis": "gross",
        "travel_required": False,
        "about_company": "",
        "how_to_apply": "",
        "publish_exp_exception": False,
        "intro": seed_profile.INTRO[language],
        "responsibilities": "\n".join(seed_profile.DUTIES[language]),
        "conditions": "\n".join(seed_profile.CONDITIONS[language]),
        "contacts": "",
        "edu_min_level": profile.edu_min_level,
        "edu_mandatory": profile.edu_mandatory,
        "edu_preferred_fields": list(profile.edu_preferred_fields or []),
        "exp_min_years": profile.exp_min_years,
        "exp_mandatory": profile.exp_mandatory,
        "exp_exception_min_years": profile.exp_exception_min_years,
        "exp_exception_min_plan_pct": profile.exp_exception_min_plan_pct,
        "languages": [],
        "custom": [],
    }


def current_values(vacancy: Vacancy) -> dict[str, Any]:
    """The vacancy's values in the flat shape of `profile_defaults`."""
    values = {name: getattr(vacancy, name) for name in (*SCALAR_FIELDS, *SCREENING_FIELDS)}
    values["edu_preferred_fields"] = list(vacancy.edu_preferred_fields or [])
    return values | _child_rows(vacancy)


def vacancy_data(vacancy: Vacancy) -> dict[str, Any]:
    """The vacancy in the SPEC §6 shape (what `create_vacancy` takes), e.g. to prefill a form or answer the API."""
    return to_data(current_values(vacancy))


def to_data(values: dict[str, Any]) -> dict[str, Any]:
    """Flat values (as from `profile_defaults`) in the SPEC §6 shape."""
    data = {name: values[name] for name in SCALAR_FIELDS}
    data["requirements"] = {
        "education": {
            "min_level": values["edu_min_level"],
            "mandatory": values["edu_mandatory"],
            "preferred_fields": list(values["edu_preferred_fields"]),
        },
        "experience": {
            "min_years": values["exp_min_years"],
            "mandatory": values["exp_mandatory"],
            "exception_min_years": values["exp_exception_min_years"],
            "exception_min_plan_pct": values["exp_exception_min_plan_pct"],
        },
        "languages": [dict(item) for item in values["languages"]],
        "custom": [dict(item) for item in values["custom"]],
    }
    return data


def vacancy_snapshot(vacancy: Vacancy) -> dict[str, Any]:
    snapshot = audit.snapshot(vacancy, ("profile_id", "status", *SCALAR_FIELDS, *SCREENING_FIELDS))
    return snapshot | _child_rows(vacancy)


def _child_rows(vacancy: Vacancy) -> dict[str, list[dict[str, Any]]]:
    """The language requirements and custom checks in the SPEC §6 shape."""
    return {
        "languages": [
            {"language": r.language, "min_level": r.min_level, "mandatory": r.mandatory}
            for r in vacancy.language_requirements
        ],
        "custom": [{"text": c.text, "mandatory": c.mandatory} for c in vacancy.custom_checks],
    }


# --- keeping child rows ------------------------------------------------------------------------------------


def _replace_languages(vacancy: Vacancy, items: list[dict[str, Any]]) -> None:
    """Match the requirements by language code (unique per vacancy), so no insert collides with a delete."""
    existing = {r.language: r for r in vacancy.language_requirements}
    kept = []
    for position, item in enumerate(items):
        requirement = existing.pop(item["language"], None) or LanguageRequirement(language=item["language"])
        requirement.position = position
        requirement.min_level = item["min_level"]
        requirement.mandatory = item["mandatory"]
        kept.append(requirement)
    vacancy.language_requirements = kept


def _replace_checks(vacancy: Vacancy, items: list[dict[str, Any]]) -> None:
    """Keep the checks whose text is unchanged (with their answers); positions are unique, so move in two steps."""
    unused = list(vacancy.custom_checks)
    kept: list[CustomCheck] = []
    for item in items:
        match = next((c for c in unused if c.text == item["text"]), None)
        if match is not None:
            unused.remove(match)
        kept.append(match or CustomCheck(text=item["text"]))
    for check in unused:
        vacancy.custom_checks.remove(check)
    moving = [c for position, c in enumerate(kept) if c.id is not None and c.position != position]
    if moving or unused:
        for check in moving:
            check.position = -1 - check.id  # a free slot while the others move
        db.session.flush()
    for position, (check, item) in enumerate(zip(kept, items, strict=True)):
        check.position = position
        check.mandatory = item["mandatory"]
    vacancy.custom_checks = kept
