"""Records and evaluations as the JSON of SPEC §6 (shapes documented in hiring/api/openapi.py)."""

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from hiring.domain import Evaluation
from hiring.models import Assignment, Candidate, Decision, Profile, Scorecard, User, Vacancy
from hiring.services.schedule import ends_at
from hiring.services.vacancies import vacancy_data


def moment(value: datetime | None) -> str | None:
    """ISO 8601 in UTC; SQLite gives back naive datetimes, written in UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def number(value: float | None) -> float | int | None:
    """Whole numbers as integers (3 rather than 3.0), others as they are."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def localized(obj: Any, attribute: str) -> dict[str, str]:
    return {"ru": getattr(obj, f"{attribute}_ru") or "", "en": getattr(obj, f"{attribute}_en") or ""}


def user_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role,
        "active": user.active,
        "version": user.version,
    }


def _education(record: Profile | Vacancy) -> dict[str, Any]:
    return {
        "min_level": record.edu_min_level,
        "mandatory": record.edu_mandatory,
        "preferred_fields": list(record.edu_preferred_fields or []),
    }


def _experience(record: Profile | Vacancy) -> dict[str, Any]:
    return {
        "min_years": number(record.exp_min_years),
        "mandatory": record.exp_mandatory,
        "exception_min_years": number(record.exp_exception_min_years),
        "exception_min_plan_pct": number(record.exp_exception_min_plan_pct),
    }


def profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "name": localized(profile, "name"),
        "description": localized(profile, "description"),
        "is_default": profile.is_default,
        "cloned_from_id": profile.cloned_from_id,
        "requirements": {"education": _education(profile), "experience": _experience(profile)},
        "competencies": [
            {
                "code": c.code,
                "name": localized(c, "name"),
                "covers": localized(c, "covers"),
                "weight": number(c.weight),
                "critical_min": number(c.critical_min),
                "anchors": {str(level): localized(c, f"anchor{level}") for level in (1, 3, 5)},
                "questions": [
                    {
                        "ru": q.get("ru", ""),
                        "en": q.get("en", ""),
                        "probes": [
                            {"ru": p.get("ru", ""), "en": p.get("en", "")} for p in q.get("probes") or []
                        ],
                    }
                    for q in c.questions or []
                ],
            }
            for c in profile.competencies
        ],
        "version": profile.version,
    }


def vacancy_json(vacancy: Vacancy) -> dict[str, Any]:
    """The vacancy in the shape `create_vacancy` takes, with its id, state and the custom checks' indexes."""
    data = vacancy_data(vacancy)
    requirements = data["requirements"]
    experience = requirements["experience"]
    for key in ("min_years", "exception_min_years", "exception_min_plan_pct"):
        experience[key] = number(experience[key])
    requirements["custom"] = [
        {"index": check.position, "text": check.text, "mandatory": check.mandatory}
        for check in vacancy.custom_checks
    ]
    return {
        "id": vacancy.id,
        "profile_id": vacancy.profile_id,
        "status": vacancy.status,
        **data,
        "version": vacancy.version,
        "created_at": moment(vacancy.created_at),
    }


def candidate_json(candidate: Candidate) -> dict[str, Any]:
    answers = {answer.check_id: answer.met for answer in candidate.check_answers}
    return {
        "id": candidate.id,
        "vacancy_id": candidate.vacancy_id,
        "full_name": candidate.full_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "education_level": candidate.education_level,
        "education_field": candidate.education_field,
        "experience_years": number(candidate.experience_years),
        "plan_attainment_pct": number(candidate.plan_attainment_pct),
        "languages": [{"language": lang.language, "level": lang.level} for lang in candidate.languages],
        "notes": candidate.notes or "",
        "checks": [
            {"index": c.position, "text": c.text, "mandatory": c.mandatory, "met": answers.get(c.id)}
            for c in candidate.vacancy.custom_checks
        ],
        "interviewer_ids": sorted(a.interviewer_id for a in candidate.assignments),
        "version": candidate.version,
        "created_at": moment(candidate.created_at),
    }


def assignment_json(assignment: Assignment) -> dict[str, Any]:
    return {
        "candidate_id": assignment.candidate_id,
        "user_id": assignment.interviewer_id,
        "assigned_at": moment(assignment.assigned_at),
        "interview": None
        if assignment.starts_at is None
        else {
            "starts_at": moment(assignment.starts_at),
            "ends_at": moment(ends_at(assignment)),
            "duration_minutes": assignment.duration_minutes,
            "time_zone": assignment.time_zone,
            "location": assignment.location,
            "sequence": assignment.sequence,
        },
    }


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    """A competency rated None ("not assessed") is left out of `ratings`, as in the request."""
    return {
        "id": card.id,
        "candidate_id": card.candidate_id,
        "interviewer_id": card.interviewer_id,
        "status": card.status,
        "ratings": {r.competency_code: r.value for r in card.ratings if r.value is not None},
        "notes": {r.competency_code: r.note for r in card.ratings if r.note},
        "verified_languages": [{"language": v.language, "level": v.level} for v in card.verified_languages],
        "verified_plan_attainment_pct": card.verified_plan_attainment_pct,
        "recommendation": card.recommendation,
        "version": card.version,
        "submitted_at": moment(card.submitted_at),
    }


def _outcome(evaluation: Evaluation | sa.Row) -> dict[str, Any]:
    """What an evaluation and a ranking entry both say of the candidate."""
    return {
        "candidate_id": evaluation.candidate_id,
        "eligibility": evaluation.eligibility,
        "score": number(evaluation.score),
        "band": evaluation.band,
        "coverage": number(evaluation.coverage),
        "confidence": evaluation.confidence,
        "flags": list(evaluation.flags),
    }


def evaluation_json(evaluation: Evaluation) -> dict[str, Any]:
    return {
        **_outcome(evaluation),
        "screening": [
            {"rule": result.rule, "result": result.result, "detail": result.detail}
            for result in evaluation.screening.results
        ],
        "competencies": [
            {
                "code": c.code,
                "weight": number(c.weight),
                "mean": number(c.mean),
                "n": c.n,
                "spread": c.spread,
                "flags": list(c.flags),
            }
            for c in evaluation.competencies
        ],
    }


def ranking_entry_json(evaluation: Evaluation | sa.Row, full_name: str) -> dict[str, Any]:
    return {**_outcome(evaluation), "full_name": full_name}


def decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "candidate_id": decision.candidate_id,
        "decision": decision.decision,
        "rationale": decision.rationale,
        "decided_by_id": decision.decided_by_id,
        "decided_at": moment(decision.decided_at),
    }
