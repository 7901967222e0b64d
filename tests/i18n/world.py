"""A small hiring world in one language: people, a vacancy, candidates, scorecards and a decision.

Every name, e-mail and free text it makes is listed in `data`, so that a page check can remove the test's own
words and look only at the application's.
"""

from dataclasses import dataclass, field

from hiring.extensions import db
from hiring.models import Decision
from hiring.services import audit

TEXTS = {
    "ru": {
        "people": {
            "hr": ("kadry", "Ольга Кадрова"),
            "lead": ("glava", "Андрей Главный"),
            "admin": ("nastroyka", "Пётр Админов"),
            "interviewer": ("sobes", "Мария Собеседова"),
            "interviewer2": ("sobes2", "Игорь Вторый"),
        },
        "vacancy": {
            "title": "Менеджер по ключевым клиентам",
            "company": "ООО «Ромашка»",
            "location": "Казань",
            "employment_terms": "Полная занятость",
            "contacts": "Звоните Ольге",
        },
        "check": "Готов к командировкам",
        "field": "Экономика",
        "candidates": (("Иван Петров", "ivan@primer.ru"), ("Анна Сидорова", "anna@primer.ru")),
        "note": "Рассказал о сделке с сетью",
        "rationale": "Сильные переговоры",
    },
    "en": {
        "people": {
            "hr": ("helen", "Helen Brown"),
            "lead": ("leo", "Leo Grant"),
            "admin": ("adam", "Adam Stone"),
            "interviewer": ("ivy", "Ivy Walsh"),
            "interviewer2": ("owen", "Owen Price"),
        },
        "vacancy": {
            "title": "Key Account Manager",
            "company": "Acme Ltd",
            "location": "London",
            "employment_terms": "Full time",
            "contacts": "Write to Helen",
        },
        "check": "Ready to travel",
        "field": "Economics",
        "candidates": (("John Smith", "john@example.com"), ("Mary Jones", "mary@example.com")),
        "note": "Told about a deal with a retail chain",
        "rationale": "Strong negotiator",
    },
}


@dataclass
class World:
    language: str
    users: dict = field(default_factory=dict)
    vacancy: object = None
    candidates: list = field(default_factory=list)
    data: list = field(default_factory=list)


def build_world(build, language: str) -> World:
    """Users of every role speaking `language`, a vacancy in it with two screened, interviewed candidates."""
    texts = TEXTS[language]
    world = World(language)
    for role_key, (username, full_name) in texts["people"].items():
        role = "interviewer" if role_key.startswith("interviewer") else role_key
        world.users[role_key] = build.user(role, username=username, full_name=full_name, locale=language)
        world.data += [username, full_name]
    world.vacancy = build.vacancy(
        language=language,
        languages=(("en" if language == "ru" else "de", "B2", True),),
        checks=((texts["check"], True),),
        salary_from=150000,
        salary_to=200000,
        **texts["vacancy"],
    )
    world.data += [*texts["vacancy"].values(), texts["check"], texts["note"], texts["rationale"]]
    for name, email in texts["candidates"]:
        candidate = build.candidate(
            world.vacancy,
            languages={"en": "C1", "de": "B2"},
            answers={0: True},
            full_name=name,
            email=email,
            education_field=texts["field"],
        )
        world.candidates.append(candidate)
        world.data += [name, email]
        for key, rating in (("interviewer", 4), ("interviewer2", 3)):
            ratings = {c.code: rating for c in world.vacancy.profile.competencies}
            build.scorecard(
                candidate,
                world.users[key],
                ratings=ratings,
                notes={"NEG": texts["note"]},
                verified={"en": "C1"} if language == "ru" else {"de": "B2"},
            )
    hr_id = world.users["hr"].id
    audit.record(
        "vacancy.create", "vacancy", world.vacancy.id, after={"title": world.vacancy.title}, user_id=hr_id
    )
    audit.record(
        "candidate.update",
        "candidate",
        world.candidates[0].id,
        before={"full_name": world.candidates[1].full_name},
        after={"full_name": world.candidates[0].full_name},
        user_id=hr_id,
    )
    db.session.add(
        Decision(
            candidate=world.candidates[0],
            decision="hire",
            rationale=texts["rationale"],
            decided_by_id=world.users["lead"].id,
        )
    )
    db.session.commit()
    return world
