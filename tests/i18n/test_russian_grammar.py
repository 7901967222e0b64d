"""Russian pages read as Russian (issue 24, item 10): no phrase said twice in a row, no "(а)" endings, and every
count agrees with its noun (1 кандидат, 3 кандидата, 5 кандидатов) — a count that skipped the plural rules
fails here.
"""

import re

import pytest

from hiring import create_app
from tests.i18n.checker import visible_text
from tests.i18n.world import build_world

# A phrase of one to four words (the last of at least four letters) said twice in a row: "Не допущен Не
# допущен", "Исключение: Исключение:".
DOUBLED = re.compile(r"(?<!\w)((?:[А-ЯЁа-яё]+[ ,]+){0,3}[А-ЯЁа-яё]{4,})[: ]+\1(?!\w)")
GENDER_GUESS = re.compile(r"\w\((а|о|и|ы)\)")
# Nouns whose forms after a number the pages use: (after 1, after 2-4, after 5-20).
NOUNS = (
    ("кандидат", "кандидата", "кандидатов"),
    ("интервьюер", "интервьюера", "интервьюеров"),
    ("вопрос", "вопроса", "вопросов"),
    ("лист", "листа", "листов"),
    ("назначение", "назначения", "назначений"),
    ("компетенция", "компетенции", "компетенций"),
)


def plural_form(n: int) -> int:
    """The catalogue's own rule (Plural-Forms of ru)."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def count_problems(text: str) -> list[str]:
    problems = []
    for forms in NOUNS:
        for match in re.finditer(rf"(?<![\d.,])(\d+) ({'|'.join(forms)})(?!\w)", text):
            n, word = int(match.group(1)), match.group(2)
            if word != forms[plural_form(n)]:
                problems.append(match.group(0))
    return problems


def russian_problems(html: str) -> list[str]:
    # The breadcrumbs end with the page's own name, which its heading says again: a trail, not a repeat.
    html = re.sub(r'<nav class="breadcrumbs".*?</nav>', " ", html, flags=re.S)
    text = visible_text(html, "ru")
    found = [m.group(0) for m in DOUBLED.finditer(text)]
    found += [m.group(0) for m in GENDER_GUESS.finditer(text)]
    return found + count_problems(text)


def test_the_checks_catch_what_they_are_for():
    assert russian_problems("<p>Не допущен Не допущен</p>") == ["Не допущен Не допущен"]
    assert russian_problems("<p>Исключение: Исключение: не меньше года</p>")
    assert russian_problems("<p>Кандидат добавлен(а).</p>")
    assert russian_problems("<p>Импортировать 3 кандидатов</p>") == ["3 кандидатов"]
    assert russian_problems("<p>Импортировать 3 кандидата, 5 кандидатов, 21 кандидат</p>") == []


@pytest.fixture
def world(build):
    return build_world(build, "ru")


def pages(world) -> dict[str, tuple[str, str]]:
    """Page name: (who reads it, its URL)."""
    vacancy, candidate = world.vacancy, world.candidates[0]
    return {
        "home (hr)": ("hr", "/"),
        "home (lead)": ("lead", "/"),
        "home (interviewer)": ("interviewer", "/"),
        "vacancy": ("hr", f"/vacancies/{vacancy.id}"),
        "ranking": ("lead", f"/vacancies/{vacancy.id}/dashboard"),
        "candidate": ("hr", f"/candidates/{candidate.id}"),
        "evaluation": ("lead", f"/candidates/{candidate.id}/evaluation"),
        "profile": ("hr", f"/profiles/{vacancy.profile_id}"),
        "users": ("admin", "/admin/users"),
        "my account": ("interviewer", "/account"),
        "kit": ("interviewer", f"/interview/{candidate.id}/kit"),
        "scorecards": ("interviewer", f"/interview/{candidate.id}/scorecard"),
        "import": ("hr", f"/vacancies/{vacancy.id}/candidates/import"),
    }


def test_the_main_pages_in_russian_say_nothing_twice_and_count_right(app, app_config, world):
    # A second app on the same database: the fixture's app context would keep one logged-in user in `g`.
    server = create_app(app_config)
    wrong = {}
    for name, (role, url) in pages(world).items():
        client = server.test_client()
        client.post("/login", data={"username": world.users[role].username, "password": "password123"})
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        problems = russian_problems(response.get_data(as_text=True))
        if problems:
            wrong[name] = problems
    assert wrong == {}, "\n".join(f"{k}: {v}" for k, v in wrong.items())
