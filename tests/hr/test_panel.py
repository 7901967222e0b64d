"""The vacancy's candidate list shows who interviews whom, and HR assigns a panel to several candidates at once
(issue 24, item 4); a place in the ranking only with a score (item 9)."""

import re

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Assignment, AuditEntry


def pairs(vacancy_id: int) -> set[tuple[int, int]]:
    db.session.expire_all()
    rows = db.session.execute(sa.select(Assignment.candidate_id, Assignment.interviewer_id))
    return {tuple(row) for row in rows}


def test_the_list_shows_each_candidates_interviewers_and_their_scorecard_state(client, hr, build):
    vacancy = build.vacancy()
    ivan = build.user("interviewer", full_name="Ivan Petrov")
    maria = build.user("interviewer", full_name="Maria Sidorova")
    anna = build.candidate(vacancy, full_name="Anna Fox")
    build.assign(anna, ivan)
    build.scorecard(anna, maria, submitted=True)
    page = client.get(f"/vacancies/{vacancy.id}").text
    assert "Interviewers" in page and "Scorecards" in page
    anna = row(page, "Anna Fox")
    assert "Ivan Petrov" in anna and "Not started" in anna
    assert "Maria Sidorova" in anna and "Submitted" in anna
    assert "1 of 2 submitted" in anna


def test_hr_assigns_two_interviewers_to_three_candidates_at_once(client, hr, build):
    vacancy = build.vacancy()
    ivan, maria = build.user("interviewer", full_name="Ivan"), build.user("interviewer", full_name="Maria")
    first, second, third = (build.candidate(vacancy) for _ in range(3))
    untouched = build.candidate(vacancy)
    build.assign(first, ivan)  # already there: stays, no duplicate
    response = client.post(
        f"/vacancies/{vacancy.id}/panel",
        data={"candidate_ids": [first.id, second.id, third.id], "interviewer_ids": [ivan.id, maria.id]},
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "Ivan, Maria will interview 3 candidates. 5 new assignments." in response.text
    expected = {(c.id, i.id) for c in (first, second, third) for i in (ivan, maria)}
    assert pairs(vacancy.id) == expected
    assert untouched.id not in {c for c, _ in pairs(vacancy.id)}
    assert db.session.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "candidate.assign")) == 5


def test_nothing_ticked_keeps_the_choice_and_names_what_is_missing(client, hr, build):
    vacancy = build.vacancy()
    ivan = build.user("interviewer", full_name="Ivan")
    candidate = build.candidate(vacancy)
    response = client.post(f"/vacancies/{vacancy.id}/panel", data={"interviewer_ids": [ivan.id]})
    assert response.status_code == 400
    assert "Tick the candidates the panel should interview." in response.text
    assert re.search(rf'value="{ivan.id}" form="panel-form"\s+checked', response.text)
    response = client.post(f"/vacancies/{vacancy.id}/panel", data={"candidate_ids": [candidate.id]})
    assert response.status_code == 400 and "Choose one or more interviewers." in response.text
    assert re.search(rf'id="pick-{candidate.id}"\s+checked', response.text)
    assert pairs(vacancy.id) == set()


def test_a_candidate_of_another_vacancy_or_a_non_interviewer_refuses_everything(client, hr, build):
    vacancy, other = build.vacancy(), build.vacancy()
    ivan, lead = build.user("interviewer"), build.user("lead")
    mine, foreign = build.candidate(vacancy), build.candidate(other)
    response = client.post(
        f"/vacancies/{vacancy.id}/panel",
        data={"candidate_ids": [mine.id, foreign.id], "interviewer_ids": [ivan.id]},
    )
    assert response.status_code == 400
    response = client.post(
        f"/vacancies/{vacancy.id}/panel", data={"candidate_ids": [mine.id], "interviewer_ids": [lead.id]}
    )
    assert response.status_code == 400
    assert pairs(vacancy.id) == set()


def test_a_lead_sees_the_columns_but_no_ticks(client, login_as, build):
    vacancy = build.vacancy()
    build.candidate(vacancy, full_name="Anna Fox")
    login_as("lead")
    page = client.get(f"/vacancies/{vacancy.id}").text
    assert "Interviewers" in page and 'name="candidate_ids"' not in page and "panel-form" not in page


def row(page: str, name: str) -> str:
    """The table row of the candidate."""
    return next(part for part in page.split("<tr>") if f">{name}</a>" in part)


def test_no_place_without_a_score(client, hr, build):
    vacancy = build.vacancy()
    build.candidate(vacancy, full_name="Anna Fox")
    scored = build.candidate(vacancy, full_name="Boris Scored")
    build.scorecard(scored)
    page = client.get(f"/vacancies/{vacancy.id}").text
    assert '<td class="num">1</td>' in row(page, "Boris Scored")
    assert "No place without a score" in row(page, "Anna Fox") and '<td class="num">2' not in page


def test_add_candidate_is_the_one_primary_action_and_the_ranking_has_one_name(client, hr, build):
    vacancy = build.vacancy()
    page = client.get(f"/vacancies/{vacancy.id}").text
    actions = page[page.index('<div class="actions">') : page.index('<div class="grid-2 hr-grid">')]
    primary = [line for line in actions.splitlines() if 'class="button"' in line or 'class="button "' in line]
    assert len(primary) == 1 and "Add candidate" in primary[0]
    assert ">Ranking</a>" in actions and "Dashboard" not in actions


def test_the_panel_in_russian_counts_with_the_plural_rules(client, hr, build):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ru"
    vacancy = build.vacancy()
    ivan = build.user("interviewer", full_name="Иван Петров")
    candidates = [build.candidate(vacancy) for _ in range(3)]
    hr.locale = "ru"
    db.session.commit()
    page = client.get(f"/vacancies/{vacancy.id}").text
    assert "Назначить отмеченным кандидатам" in page and "Интервьюеры" in page
    response = client.post(
        f"/vacancies/{vacancy.id}/panel",
        data={"candidate_ids": [c.id for c in candidates], "interviewer_ids": [ivan.id]},
        follow_redirects=True,
    )
    assert "Интервьюеры (Иван Петров) назначены: 3 кандидата. 3 новых назначения." in response.text
