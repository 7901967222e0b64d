"""The vacancy dashboard: ranking order, filters, decisions, and a query count that does not grow."""

import pytest

from hiring.extensions import db
from hiring.services.decisions import record_decision
from hiring.services.evaluations import rank_vacancy

from .helpers import bulk_candidates, counted_queries, page_ids


@pytest.fixture
def varied(build):
    """A vacancy whose candidates fall into every ranking group, with ties broken by score and id."""
    vacancy = build.vacancy(checks=(("Travel up to 5 days a month", True),))
    codes = [c.code for c in vacancy.profile.competencies]
    people = [build.user("interviewer") for _ in range(2)]

    def rated(value_a, value_b=None, **fields):
        candidate = build.candidate(vacancy, answers={0: True}, **fields)
        build.scorecard(candidate, people[0], ratings=dict.fromkeys(codes, value_a))
        if value_b is not None:
            build.scorecard(candidate, people[1], ratings=dict.fromkeys(codes, value_b))
        return candidate

    return {
        "vacancy": vacancy,
        "strong": rated(5, 4, full_name="Strong Sasha"),
        "hire": rated(4, 3, full_name="Hire Hanna"),
        "twin": rated(3, 4, full_name="Twin Tom"),  # ties with Hanna: the candidate id decides
        "risk": rated(4, 4, full_name="Risky Roman", experience_years=1.0, plan_attainment_pct=120.0),
        "weak": rated(2, 2, full_name="Weak Wanda"),
        "pending": build.candidate(vacancy, full_name="Pending Pavel"),
        "no_cards": build.candidate(vacancy, answers={0: True}, full_name="Unrated Ulla"),
        "ineligible": rated(5, 5, full_name="Ineligible Ivan", education_level="secondary"),
    }


def test_page_order_is_the_ranking_order_across_pages(app, client, login, varied):
    app.config["PAGE_SIZE"] = 3
    login("lead")
    vacancy = varied["vacancy"]
    shown = []
    for page in (1, 2, 3):
        response = client.get(f"/vacancies/{vacancy.id}/dashboard?page={page}")
        assert response.status_code == 200
        shown += page_ids(response.text)
    expected = [e.candidate_id for e in rank_vacancy(vacancy.id)]
    assert shown == expected
    assert shown[0] == varied["strong"].id
    assert shown[-1] == varied["ineligible"].id
    assert "Page 1 of 3" in client.get(f"/vacancies/{vacancy.id}/dashboard").text


def test_rows_show_score_band_eligibility_coverage_confidence_and_flags(client, login, varied):
    login("lead")
    html = client.get(f"/vacancies/{varied['vacancy'].id}/dashboard").text
    assert "Strong Sasha" in html and "Strong hire" in html
    assert "Eligible with risk" in html and "Experience risk" in html
    assert "Screening pending" in html
    assert "Insufficient data" in html
    assert "Not eligible" in html
    assert "100%" in html
    assert 'name="ids"' in html and "/compare" in html


FILTERS = [
    ("band=strong_hire", ["Strong Sasha", "Risky Roman"], ["Hire Hanna", "Weak Wanda", "Ineligible Ivan"]),
    ("band=no_hire", ["Weak Wanda"], ["Strong Sasha"]),
    ("eligibility=not_eligible", ["Ineligible Ivan"], ["Strong Sasha", "Pending Pavel"]),
    ("eligibility=pending", ["Pending Pavel"], ["Strong Sasha", "Ineligible Ivan"]),
    ("band=strong_hire&eligibility=eligible_with_risk", ["Risky Roman"], ["Strong Sasha"]),
    ("band=nonsense", ["Strong Sasha", "Ineligible Ivan"], []),
]


def test_filters_by_band_and_eligibility(client, login, varied):
    login("lead")
    for query, names, hidden in FILTERS:
        response = client.get(f"/vacancies/{varied['vacancy'].id}/dashboard?{query}")
        assert response.status_code == 200
        shown = [name for name in names + hidden if name in response.text]
        assert shown == names, query
    selected = client.get(f"/vacancies/{varied['vacancy'].id}/dashboard?band=no_hire").text
    assert '<option value="no_hire" selected>' in selected


def test_a_filtered_row_keeps_its_rank_position_in_the_whole_vacancy(client, login, varied):
    login("lead")
    html = client.get(f"/vacancies/{varied['vacancy'].id}/dashboard?band=no_hire").text
    position = [e.candidate_id for e in rank_vacancy(varied["vacancy"].id)].index(varied["weak"].id) + 1
    assert f'<td class="num rank">{position}</td>' in html


def test_no_match_and_empty_vacancy_say_so(client, login, build, varied):
    login("hr")
    html = client.get(f"/vacancies/{varied['vacancy'].id}/dashboard?band=consider").text
    assert "No candidate matches these filters." in html
    empty = build.vacancy()
    assert "No candidates yet." in client.get(f"/vacancies/{empty.id}/dashboard").text
    assert client.get("/vacancies/99999/dashboard").status_code == 404


def test_current_decision_is_shown(client, login, varied):
    lead = login("lead")
    record_decision(varied["weak"], "hold", "Wait for the reference check", lead.id)
    record_decision(varied["weak"], "reject", "Below the bar on negotiation", lead.id)
    db.session.commit()
    html = client.get(f"/vacancies/{varied['vacancy'].id}/dashboard?band=no_hire").text
    assert 'class="badge decision-reject"' in html
    assert "decision-hold" not in html


def test_query_count_does_not_grow_with_the_number_of_candidates(client, login, build):
    lead = login("lead")
    interviewers = [build.user("interviewer") for _ in range(2)]
    small, large = build.vacancy(), build.vacancy()
    bulk_candidates(small, 20, interviewers, lead)
    bulk_candidates(large, 500, interviewers, lead)

    def measure(url: str) -> tuple[int, str]:
        db.session.expire_all()
        with counted_queries() as statements:
            response = client.get(url)
        assert response.status_code == 200
        return len(statements), response.text

    small_count, small_html = measure(f"/vacancies/{small.id}/dashboard")
    large_count, large_html = measure(f"/vacancies/{large.id}/dashboard")
    assert len(page_ids(small_html)) == 20
    assert len(page_ids(large_html)) == app_page_size(client)
    assert "decision-hire" in large_html and "decision-hold" in large_html
    assert small_count == large_count
    assert large_count <= 9
    filtered_count, _html = measure(f"/vacancies/{large.id}/dashboard?band=not_eligible&page=3")
    assert filtered_count == large_count
    # Read again with nothing changed: the rendered ranking is reused (hiring.web.page_cache), same page.
    again_count, again_html = measure(f"/vacancies/{large.id}/dashboard")
    assert again_html == large_html
    assert again_count <= 4


def app_page_size(client) -> int:
    return client.application.config["PAGE_SIZE"]


def test_evaluation_page_shows_the_same_rank_position(client, login, varied):
    login("lead")
    order = [e.candidate_id for e in rank_vacancy(varied["vacancy"].id)]
    for position, candidate_id in enumerate(order, start=1):
        html = client.get(f"/candidates/{candidate_id}/evaluation").text
        assert f"rank {position} of {len(order)}" in html
