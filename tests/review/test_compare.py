"""Shortlist comparison: two to six candidates of one vacancy, side by side per competency."""

import re

import pytest


@pytest.fixture
def shortlist(build):
    vacancy = build.vacancy()
    candidates = [build.candidate(vacancy, full_name=f"Short {i}") for i in range(7)]
    for i, candidate in enumerate(candidates[:3]):
        build.scorecard(candidate, ratings={"NEG": 2 + i, "REL": 5 - i})
    return vacancy, candidates


def url(vacancy, candidates) -> str:
    return f"/vacancies/{vacancy.id}/compare?" + "&".join(f"ids={c.id}" for c in candidates)


def test_side_by_side_in_ranking_order(client, login, shortlist):
    login("lead")
    vacancy, candidates = shortlist
    response = client.get(url(vacancy, candidates[:3]))
    assert response.status_code == 200
    columns = [
        int(i) for i in re.findall(r'<th scope="col" class="num" data-candidate-id="(\d+)"', response.text)
    ]
    assert columns == [candidates[2].id, candidates[1].id, candidates[0].id]  # NEG weighs more than REL
    neg = re.search(r'<tr data-code="NEG">.*?</tr>', response.text, flags=re.S).group(0)
    assert re.findall(r'<span class="mean">([^<]+)</span>', neg) == ["4", "3", "2"]
    assert "best" in neg
    assert "not assessed" in response.text  # ANA was not rated
    assert "Critical gap" in response.text  # NEG 2 < 3


@pytest.mark.parametrize("count", [0, 1, 7])
def test_fewer_than_two_or_more_than_six_are_refused(client, login, shortlist, count):
    login("lead")
    vacancy, candidates = shortlist
    response = client.get(url(vacancy, candidates[:count]))
    assert response.status_code == 400
    assert f"Choose between 2 and 6 candidates to compare; you chose {count}." in response.text


def test_six_is_the_most(client, login, shortlist):
    login("hr")
    vacancy, candidates = shortlist
    assert client.get(url(vacancy, candidates[:6])).status_code == 200


def test_duplicates_count_once(client, login, shortlist):
    login("lead")
    vacancy, candidates = shortlist
    response = client.get(url(vacancy, [candidates[0], candidates[0]]))
    assert response.status_code == 400
    assert "you chose 1" in response.text


def test_candidates_of_another_vacancy_are_refused(client, login, build, shortlist):
    login("lead")
    vacancy, candidates = shortlist
    stranger = build.candidate(build.vacancy())
    response = client.get(url(vacancy, [candidates[0], stranger]))
    assert response.status_code == 400
    assert "Only candidates of this vacancy can be compared." in response.text
    assert stranger.full_name not in response.text


def test_ids_that_are_not_numbers_are_refused(client, login, shortlist):
    login("lead")
    vacancy, _candidates = shortlist
    assert client.get(f"/vacancies/{vacancy.id}/compare?ids=1&ids=x").status_code == 400


def test_unknown_vacancy_is_404(client, login):
    login("lead")
    assert client.get("/vacancies/99999/compare?ids=1&ids=2").status_code == 404


def test_links_to_the_comparison_pdf_with_the_same_ids(app, client, login, shortlist):
    login("lead")
    vacancy, candidates = shortlist
    html = client.get(url(vacancy, candidates[:2])).text
    if "documents.comparison_pdf" not in app.view_functions:
        pytest.skip("the documents blueprint has no comparison PDF")
    [href] = re.findall(r'href="([^"]*)" hreflang="\w+">Comparison PDF', html)
    assert f"vacancies/{vacancy.id}" in href
    assert sorted(re.findall(r"ids=(\d+)", href)) == sorted(str(c.id) for c in candidates[:2])


def test_each_competency_shows_the_range_of_ratings_not_a_plus_minus(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    split, alone = build.candidate(vacancy, full_name="Split"), build.candidate(vacancy, full_name="Alone")
    build.scorecard(split, ratings={"NEG": 2})
    build.scorecard(split, ratings={"NEG": 4})
    build.scorecard(alone, ratings={"NEG": 3})
    html = client.get(url(vacancy, [split, alone])).text
    neg = re.search(r'<tr data-code="NEG">.*?</tr>', html, flags=re.S).group(0)
    assert re.findall(r'<span class="range">([^<]+)</span>', neg) == ["2–4"]  # one rater: no range at all
    assert "±" not in html
