"""Paginated lists (issue 23): every item once, in order, while items are added between pages; Link headers."""

import re

import pytest

from hiring.extensions import db
from hiring.models import Candidate
from hiring.services.ranking import stored_ranking
from tests.api.conftest import error_of, make_user

NEXT = re.compile(r'^<([^>]+)>; rel="next"$')


def walk(api, path: str, user: str) -> tuple[list[list[dict]], list[str]]:
    """Follow the Link headers from `path`; the pages and the URLs fetched."""
    pages, urls = [], []
    url = "/api/v1" + path
    while url:
        urls.append(url)
        response = api.client.get(url, headers={"Authorization": f"Bearer {api.token(user)}"})
        assert response.status_code == 200, response.get_json()
        assert response.headers["Cache-Control"] == "no-store"
        pages.append(response.get_json())
        link = response.headers.get("Link")
        url = NEXT.match(link).group(1).removeprefix("http://localhost") if link else None
    return pages, urls


@pytest.fixture
def people(build):
    return {
        "hr": make_user("hr", username="olga"),
        "ivan": make_user("interviewer", username="ivan"),
        "admin": make_user("admin", username="root"),
    }


@pytest.fixture
def ranked(build):
    """A vacancy of nine candidates whose scores differ, and their ids in ranking order."""
    vacancy = build.vacancy(language="en")
    codes = [c.code for c in vacancy.profile.competencies]
    for n in range(9):
        candidate = build.candidate(vacancy, full_name=f"Candidate {n}")
        if n % 3:
            build.scorecard(candidate, ratings={code: 1 + (n + i) % 5 for i, code in enumerate(codes)})
    return vacancy, [row.candidate_id for row in stored_ranking(vacancy.id)]


def test_pages_cover_every_candidate_once_in_ranking_order(api, people, ranked):
    vacancy, order = ranked
    pages, urls = walk(api, f"/vacancies/{vacancy.id}/candidates?limit=4", "olga")
    assert [len(page) for page in pages] == [4, 4, 1]
    assert [entry["candidate_id"] for page in pages for entry in page] == order
    assert all("limit=4" in url for url in urls[1:])
    scores = [entry["score"] for page in pages for entry in page if entry["score"] is not None]
    assert scores == sorted(scores, reverse=True) and len(scores) == 6


def test_candidates_added_between_pages_neither_repeat_nor_push_others_out(api, build, people, ranked):
    vacancy, order = ranked
    path = f"/vacancies/{vacancy.id}/candidates?limit=3"
    first = api.get(path, "olga")
    seen = [entry["candidate_id"] for entry in first.get_json()]
    url = NEXT.match(first.headers["Link"]).group(1).removeprefix("http://localhost")
    added = []
    codes = [c.code for c in vacancy.profile.competencies]
    while url:
        # a strong candidate (ranks first, before the cursor) and one without scorecards (ranks last)
        strong = build.candidate(vacancy, full_name="Strong newcomer")
        build.scorecard(strong, ratings=dict.fromkeys(codes, 5))
        added += [strong.id, build.candidate(vacancy, full_name="Late newcomer").id]
        response = api.client.get(url, headers={"Authorization": f"Bearer {api.token('olga')}"})
        seen += [entry["candidate_id"] for entry in response.get_json()]
        link = response.headers.get("Link")
        url = NEXT.match(link).group(1).removeprefix("http://localhost") if link else None
    assert len(seen) == len(set(seen)), "a candidate came twice"
    assert [cid for cid in seen if cid in order] == order, "every first candidate once, in order"
    assert set(seen) - set(order) <= set(added)


def test_filters_and_wrong_parameters(api, people, ranked):
    vacancy, order = ranked
    everyone = api.get(f"/vacancies/{vacancy.id}/candidates?limit=500", "olga").get_json()
    band = everyone[0]["band"]
    same_band = api.get(f"/vacancies/{vacancy.id}/candidates?band={band}", "olga").get_json()
    assert same_band == [entry for entry in everyone if entry["band"] == band]
    pending = api.get(f"/vacancies/{vacancy.id}/candidates?eligibility=eligible", "olga").get_json()
    assert pending == [entry for entry in everyone if entry["eligibility"] == "eligible"]
    for query in ("band=great", "limit=0", "limit=501", "limit=x", "after=garbage", "after=WzFd"):
        response = api.get(f"/vacancies/{vacancy.id}/candidates?{query}", "olga")
        assert response.status_code == 400, query
        assert error_of(response)["code"] == "invalid"


def test_an_interviewer_lists_only_their_candidates_and_vacancies(api, build, people, ranked):
    vacancy, order = ranked
    mine = sorted(order[2:5])
    for candidate_id in mine:
        build.assign(db.session.get(Candidate, candidate_id), people["ivan"])
    build.vacancy(title="Another vacancy")
    listed = api.get(f"/vacancies/{vacancy.id}/candidates", "ivan").get_json()
    assert [entry["candidate_id"] for entry in listed] == mine
    assert all(set(entry) == {"candidate_id", "full_name"} for entry in listed)
    assert api.get(f"/vacancies/{vacancy.id}/candidates?band=hire", "ivan").status_code == 403
    vacancies = api.get("/vacancies", "ivan").get_json()
    assert [v["id"] for v in vacancies] == [vacancy.id]
    assert len(api.get("/vacancies", "olga").get_json()) == 2


def test_the_audit_log_pages_newest_first_and_filters_by_record(api, build, people):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy, email="anna@example.com")
    version = api.get(f"/candidates/{candidate.id}", "olga").get_json()["version"]
    for years in (1, 2, 3):
        body = {"experience_years": years, "version": version}
        version = api.call("PATCH", f"/candidates/{candidate.id}", "olga", json=body).get_json()["version"]
    pages, _urls = walk(api, f"/audit?entity_type=candidate&entity_id={candidate.id}&limit=2", "root")
    entries = [entry for page in pages for entry in page]
    assert [len(page) for page in pages] == [2, 1]
    assert [e["after"]["experience_years"] for e in entries] == [3, 2, 1]
    assert entries[0]["user_id"] == people["hr"].id and entries[0]["action"] == "candidate.update"
    assert api.get("/audit", "ivan").status_code == 403
    assert api.get("/audit?entity_id=abc", "olga").status_code == 400
