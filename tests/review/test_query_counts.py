"""The pages a lead, HR and an interviewer open most take as many queries for 20 candidates as for 400."""

import pytest

from hiring.extensions import db

from .helpers import bulk_candidates, counted_queries


def _count(client, url: str) -> int:
    db.session.expire_all()
    with counted_queries() as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


@pytest.fixture
def sizes(build):
    """A small and a large vacancy (20 and 400 candidates, scorecards and decisions), one interviewer each."""
    lead = build.user("lead")
    interviewers = [build.user("interviewer") for _ in range(2)]
    small, large = build.vacancy(), build.vacancy()
    small_ids = bulk_candidates(small, 20, interviewers, lead)
    large_ids = bulk_candidates(large, 400, interviewers, lead)
    return {"small": (small, small_ids), "large": (large, large_ids), "interviewers": interviewers}


@pytest.mark.parametrize("role", ["lead", "hr", "admin"])
def test_the_pages_of_a_vacancy_take_the_same_queries_at_any_size(client, login, sizes, role):
    login(role)
    counts = {}
    for size in ("small", "large"):
        vacancy, ids = sizes[size]
        middle = ids[len(ids) // 2 + 1]  # has scorecards (every fifth has none)
        counts[size] = (
            _count(client, f"/vacancies/{vacancy.id}/dashboard"),
            _count(client, f"/vacancies/{vacancy.id}/dashboard?band=not_eligible"),
            _count(client, f"/candidates/{middle}/evaluation"),
            _count(client, "/"),
        )
    assert counts["small"] == counts["large"]


def test_the_interviewers_home_page_takes_the_same_queries_for_5_and_50_assignments(client, auth, build):
    interviewer = build.user("interviewer")
    vacancy = build.vacancy()
    few = [build.candidate(vacancy) for _ in range(5)]
    for candidate in few:
        build.assign(candidate, interviewer)
    db.session.commit()
    auth.login(interviewer.username)
    before = _count(client, "/")
    for _ in range(45):
        build.assign(build.candidate(build.vacancy() if _ % 9 == 0 else vacancy), interviewer)
    db.session.commit()
    assert _count(client, "/") == before
