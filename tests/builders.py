"""Builders that make one record each with sensible defaults; a test names only what it cares about."""

import functools
import itertools
from datetime import UTC, datetime

from werkzeug.security import generate_password_hash

from hiring.extensions import db
from hiring.models import (
    Assignment,
    Candidate,
    CandidateLanguage,
    CheckAnswer,
    CustomCheck,
    LanguageRequirement,
    Profile,
    Rating,
    Scorecard,
    User,
    Vacancy,
    VerifiedLanguage,
)
from hiring.seed import seed_default_profile, vacancy_from_profile

PASSWORD = "password123"
_counter = itertools.count(1)


@functools.cache
def password_hash() -> str:
    """The real (scrypt) hash of PASSWORD, computed once: hashing costs ~0.1 s a user.

    Werkzeug's own function, not the model's name for it: some test modules swap that for a quick hash, and the
    first test to ask would otherwise leave a quick hash cached for the whole process.
    """
    return generate_password_hash(PASSWORD, method="scrypt")


class Builder:
    def user(self, role: str = "hr", username: str | None = None, **fields) -> User:
        username = username or f"{role}{next(_counter)}"
        user = User(
            username=username, role=role, full_name=fields.pop("full_name", username.title()), **fields
        )
        user.password_hash = password_hash()
        db.session.add(user)
        db.session.commit()
        return user

    def profile(self) -> Profile:
        profile, _ = seed_default_profile()
        db.session.commit()
        return profile

    def vacancy(
        self,
        profile: Profile | None = None,
        language: str = "ru",
        languages: tuple[tuple[str, str, bool], ...] = (),
        checks: tuple[tuple[str, bool], ...] = (),
        **fields,
    ) -> Vacancy:
        fields.setdefault("title", "Key account manager")
        fields.setdefault("company", "ООО «Тест»")
        fields.setdefault("location", "Москва")
        vacancy = vacancy_from_profile(profile or self.profile(), language, **fields)
        for position, (lang, level, mandatory) in enumerate(languages):
            vacancy.language_requirements.append(
                LanguageRequirement(position=position, language=lang, min_level=level, mandatory=mandatory)
            )
        for position, (text, mandatory) in enumerate(checks):
            vacancy.custom_checks.append(CustomCheck(position=position, text=text, mandatory=mandatory))
        db.session.add(vacancy)
        db.session.commit()
        return vacancy

    def candidate(
        self,
        vacancy: Vacancy | None = None,
        languages: dict[str, str] | None = None,
        answers: dict[int, bool] | None = None,
        **fields,
    ) -> Candidate:
        n = next(_counter)
        fields.setdefault("full_name", f"Кандидат {n}")
        fields.setdefault("email", f"candidate{n}@example.com")
        fields.setdefault("education_level", "master")
        fields.setdefault("education_field", "economics")
        fields.setdefault("experience_years", 5.0)
        fields.setdefault("plan_attainment_pct", 110.0)
        candidate = Candidate(vacancy=vacancy or self.vacancy(), **fields)
        candidate.languages = [CandidateLanguage(language=k, level=v) for k, v in (languages or {}).items()]
        db.session.add(candidate)
        for position, met in (answers or {}).items():
            check = candidate.vacancy.custom_checks[position]
            candidate.check_answers.append(CheckAnswer(check=check, met=met))
        db.session.add(candidate)
        db.session.commit()
        return candidate

    def assign(self, candidate: Candidate, interviewer: User) -> Assignment:
        assignment = Assignment(candidate=candidate, interviewer_id=interviewer.id)
        db.session.add(assignment)
        db.session.commit()
        return assignment

    def scorecard(
        self,
        candidate: Candidate,
        interviewer: User | None = None,
        ratings: dict[str, int | None] | None = None,
        notes: dict[str, str] | None = None,
        recommendation: str | None = "yes",
        submitted: bool = True,
        verified: dict[str, str] | None = None,
    ) -> Scorecard:
        """A scorecard (assigning the interviewer if needed); ratings default to 4 on every competency."""
        interviewer = interviewer or self.user("interviewer")
        if not any(a.interviewer_id == interviewer.id for a in candidate.assignments):
            self.assign(candidate, interviewer)
        if ratings is None:
            ratings = {c.code: 4 for c in candidate.vacancy.profile.competencies}
        card = Scorecard(
            candidate=candidate,
            interviewer_id=interviewer.id,
            status="submitted" if submitted else "draft",
            recommendation=recommendation,
            submitted_at=datetime.now(UTC) if submitted else None,
        )
        card.ratings = [
            Rating(competency_code=code, value=value, note=(notes or {}).get(code, ""))
            for code, value in ratings.items()
        ]
        card.verified_languages = [VerifiedLanguage(language=k, level=v) for k, v in (verified or {}).items()]
        db.session.add(card)
        db.session.commit()
        return card
