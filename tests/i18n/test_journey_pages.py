"""Every page of the hiring journeys in Russian holds no untranslated English, and in English no stray Russian."""

import io
import re

import pytest
from flask import url_for

from hiring.services.imports import HEADER
from tests.i18n.checker import visible_text
from tests.i18n.test_pages import LANGUAGES, check_page
from tests.i18n.world import build_world

# Pages of the hiring journeys: (the role that opens it, how to build its URL from the world).
JOURNEY_PAGES = {
    "vacancies": ("hr", lambda w: url_for("vacancies.index")),
    "vacancy": ("hr", lambda w: url_for("vacancies.detail", vacancy_id=w.vacancy.id)),
    "new vacancy": ("hr", lambda w: url_for("vacancies.new")),
    "edit vacancy": ("hr", lambda w: url_for("vacancies.edit", vacancy_id=w.vacancy.id)),
    "candidate": ("hr", lambda w: url_for("candidates.detail", candidate_id=w.candidates[0].id)),
    "edit candidate": ("hr", lambda w: url_for("candidates.edit", candidate_id=w.candidates[0].id)),
    "new candidate": ("hr", lambda w: url_for("candidates.new", vacancy_id=w.vacancy.id)),
    "import candidates": ("hr", lambda w: url_for("candidates.import_csv", vacancy_id=w.vacancy.id)),
    "profiles": ("hr", lambda w: url_for("profiles.index")),
    "profile": ("hr", lambda w: url_for("profiles.detail", profile_id=w.vacancy.profile_id)),
    "my candidates": ("interviewer", lambda w: url_for("interviews.my_candidates")),
    "kit": ("interviewer", lambda w: url_for("interviews.kit", candidate_id=w.candidates[0].id)),
    "scorecard": ("interviewer", lambda w: url_for("interviews.scorecard", candidate_id=w.candidates[0].id)),
    "dashboard": ("lead", lambda w: url_for("review.dashboard", vacancy_id=w.vacancy.id)),
    "evaluation": ("lead", lambda w: url_for("review.evaluation", candidate_id=w.candidates[0].id)),
    "compare": (
        "lead",
        lambda w: url_for("review.compare", vacancy_id=w.vacancy.id, ids=[c.id for c in w.candidates]),
    ),
    "calibration": ("lead", lambda w: url_for("review.calibration", vacancy_id=w.vacancy.id)),
    "users": ("admin", lambda w: url_for("admin.users")),
    "audit log": ("admin", lambda w: url_for("audit.index")),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_journey_pages(app, client, auth, build, language):
    """Every page of the journeys, each opened by its role; all offending pages are reported at once."""
    world = build_world(build, language)
    problems = []
    for page, (role, url) in JOURNEY_PAGES.items():
        auth.login(world.users[role].username)
        response = client.get(url(world), follow_redirects=True)
        try:
            assert response.status_code == 200, f"{page} page: HTTP {response.status_code}"
            check_page(response.get_data(as_text=True), language, world.data, f"{page} page")
        except AssertionError as error:
            problems.append(str(error).split("\nassert")[0])
        auth.logout()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("language", "mean", "foreign"), [("ru", "3,5", "3.5"), ("en", "3.5", "3,5")])
def test_evaluation_numbers_and_chart_follow_the_locale(client, auth, build, language, mean, foreign):
    """Means of 4 and 3 on the page and in its chart: a decimal comma in Russian, a point in English."""
    world = build_world(build, language)
    auth.login(world.users["lead"].username)
    html = client.get(url_for("review.evaluation", candidate_id=world.candidates[0].id)).get_data(
        as_text=True
    )
    text = visible_text(html, language)
    assert mean in text and foreign not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_form_pages_with_their_errors(client, auth, build, language):
    """The pages that only show up mid-task: a cloned profile's forms, a blank scorecard, an import's preview
    and errors, a refused form and a missing page."""
    world = build_world(build, language)
    data = list(world.data)
    problems = []

    def check(response, page):
        try:
            check_page(response.get_data(as_text=True), language, data, page)
        except AssertionError as error:
            problems.append(str(error).split("\nassert")[0])

    auth.login(world.users["hr"].username)
    clone = client.post(url_for("profiles.clone", profile_id=world.vacancy.profile_id), follow_redirects=True)
    check(clone, "cloned profile")
    profile_id = int(clone.request.path.rstrip("/").split("/")[-1])
    for endpoint in ("profiles.edit", "profiles.new_competency"):
        check(client.get(url_for(endpoint, profile_id=profile_id)), endpoint)
    cloned = client.get(url_for("profiles.detail", profile_id=profile_id)).get_data(as_text=True)
    competency_id = int(re.search(r"/competencies/(\d+)/edit", cloned).group(1))
    for endpoint in ("profiles.edit_competency", "profiles.remove_competency"):
        check(client.get(url_for(endpoint, profile_id=profile_id, competency_id=competency_id)), endpoint)
    check(
        client.post(url_for("profiles.new_competency", profile_id=profile_id), data={}), "competency errors"
    )
    check(client.post(url_for("candidates.new", vacancy_id=world.vacancy.id), data={}), "candidate errors")
    header = ",".join(HEADER)
    if language == "ru":
        good = f"{header}\nПётр Первый,petr@primer.ru,,master,Экономика,5,110,en:B2,\n"
    else:
        good = f"{header}\nPeter First,peter@example.com,,master,Economics,5,110,de:B2,\n"
    bad = f"{header}\n,not-an-email,,doctor,,сто,,xx:Z9,\n"
    data += ["Пётр Первый", "Peter First", "candidates.csv", "not-an-email", "doctor", "xx:Z9", "Z9", "сто"]
    for name, body in (("import preview", good), ("import errors", bad)):
        upload = {"file": (io.BytesIO(body.encode()), "candidates.csv")}
        check(client.post(url_for("candidates.import_csv", vacancy_id=world.vacancy.id), data=upload), name)
    check(client.get("/vacancies/999999"), "missing page")
    auth.logout()

    newcomer = build.user("interviewer", username="newcomer", full_name="Nova", locale=language)
    data += ["newcomer", "Nova"]
    build.assign(world.candidates[0], newcomer)
    auth.login("newcomer")
    check(client.get(url_for("interviews.scorecard", candidate_id=world.candidates[0].id)), "blank scorecard")
    check(
        client.post(
            url_for("interviews.scorecard", candidate_id=world.candidates[0].id),
            data={"submit": "1"},
            follow_redirects=True,
        ),
        "scorecard errors",
    )
    assert not problems, "\n".join(problems)
