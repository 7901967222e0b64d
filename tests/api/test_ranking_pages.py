"""The ranking API in pages (SPEC §6): `limit`, an opaque `after` cursor, an RFC 8288 next link."""

import re
from urllib.parse import urlsplit

import pytest

from hiring.extensions import db
from hiring.models import Candidate
from hiring.services.ranking import stored_ranking
from tests.api.conftest import make_user
from tests.test_evaluations import count_queries

NEXT = re.compile(r'^<(?P<url>[^>]+)>; rel="next"$')


def ranked_vacancy(build, n: int):
    """A vacancy of n candidates with varied scores, ties, and some without any scorecard."""
    vacancy = build.vacancy()
    interviewer = build.user("interviewer")
    codes = [c.code for c in vacancy.profile.competencies]
    for i in range(n):
        candidate = build.candidate(vacancy, experience_years=float(3 + i % 5))
        if i % 4 != 3:
            build.scorecard(
                candidate, interviewer, ratings={code: 2 + (i + j) % 4 for j, code in enumerate(codes)}
            )
    return vacancy


def walk(api, user, vacancy_id: int, limit: int, between=None) -> list[int]:
    """Every page from the first, following the Link header; calls `between()` after each page."""
    ids: list[int] = []
    path = f"/vacancies/{vacancy_id}/ranking?limit={limit}"
    for _page in range(100):
        response = api.get(path, user)
        assert response.status_code == 200, response.get_json()
        page = response.get_json()
        assert len(page) <= limit
        ids.extend(entry["candidate_id"] for entry in page)
        link = response.headers.get("Link")
        if link is None:
            return ids
        assert len(page) == limit
        url = urlsplit(NEXT.match(link).group("url"))
        assert url.path == f"/api/v1/vacancies/{vacancy_id}/ranking"
        assert f"limit={limit}" in url.query
        path = url.path.removeprefix("/api/v1") + "?" + url.query
        if between:
            between()
    raise AssertionError("the pages never end")


def ranking_ids(vacancy_id: int) -> list[int]:
    db.session.expire_all()
    return [row.candidate_id for row in stored_ranking(vacancy_id)]


def test_pages_cover_every_candidate_once_in_ranking_order(api, build):
    vacancy = ranked_vacancy(build, 11)
    lead = make_user("lead")
    expected = ranking_ids(vacancy.id)
    assert len(expected) == 11
    for limit in (1, 4, 11, 500):
        assert walk(api, lead, vacancy.id, limit) == expected
    first = api.get(f"/vacancies/{vacancy.id}/ranking?limit=4", lead)
    assert first.headers["Cache-Control"] == "no-store"
    assert set(first.get_json()[0]) == {
        "candidate_id", "full_name", "score", "band", "eligibility", "coverage", "confidence", "flags",
    }  # fmt: skip


def test_candidates_added_between_pages_neither_repeat_nor_hide_the_others(api, build):
    vacancy = ranked_vacancy(build, 10)
    lead = make_user("lead")
    before = ranking_ids(vacancy.id)
    codes = [c.code for c in vacancy.profile.competencies]
    added: list[int] = []

    def add_a_best_and_a_worst():
        best = build.candidate(vacancy)
        build.scorecard(best, ratings=dict.fromkeys(codes, 5))
        worst = build.candidate(vacancy)
        added.extend((best.id, worst.id))

    seen = walk(api, lead, vacancy.id, 3, between=add_a_best_and_a_worst)
    assert len(seen) == len(set(seen)), "a candidate came twice"
    assert [i for i in seen if i in before] == before, "every earlier candidate once, in ranking order"
    final = ranking_ids(vacancy.id)
    assert seen == [i for i in final if i in seen], "the pages follow the ranking"
    assert set(added[1::2]) <= set(seen), "candidates added after the cursor's place are still reached"


def test_the_default_page_is_100_and_limits_outside_1_to_500_are_refused(api, build):
    vacancy = build.vacancy()
    db.session.add_all(Candidate(vacancy=vacancy, full_name=f"Candidate {i}") for i in range(101))
    db.session.commit()
    lead = make_user("lead")
    first = api.get(f"/vacancies/{vacancy.id}/ranking", lead)
    assert len(first.get_json()) == 100
    assert "Link" in first.headers
    assert "Link" not in api.get(f"/vacancies/{vacancy.id}/ranking?limit=101", lead).headers
    for bad in ("0", "501", "ten", "-1"):
        response = api.get(f"/vacancies/{vacancy.id}/ranking?limit={bad}", lead)
        assert response.status_code == 400
        assert "limit" in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("cursor", ["nonsense", "WzEsMl0", "e30", "WyJhIiwtMSwtMSwyXQ%3D%3D%3D"])
def test_a_cursor_that_is_not_ours_is_refused(api, build, cursor):
    vacancy = build.vacancy()
    build.candidate(vacancy)
    response = api.get(f"/vacancies/{vacancy.id}/ranking?after={cursor}", make_user("lead"))
    assert response.status_code == 400
    assert "after" in response.get_json()["error"]["fields"]


def test_a_page_takes_the_same_queries_at_any_position_and_size(api, build):
    small, large = ranked_vacancy(build, 4), ranked_vacancy(build, 16)
    lead = make_user("lead")
    api.get(f"/vacancies/{small.id}/ranking", lead)  # the token is issued outside the counts
    counts = set()
    for vacancy in (small, large):
        first = f"/vacancies/{vacancy.id}/ranking?limit=2"
        counts.add(count_queries(lambda path=first: api.get(path, lead)))
        link = api.get(first, lead).headers["Link"]
        url = urlsplit(NEXT.match(link).group("url"))
        deep = url.path.removeprefix("/api/v1") + "?" + url.query
        counts.add(count_queries(lambda path=deep: api.get(path, lead)))
    assert len(counts) == 1, counts
