"""Issue 24, items 7 and 8: the decision form starts from the decision in force and nudges on a weak
evaluation; "Compare" keeps the ticks when refused and is enabled only for 2-6 ticks."""

import re

from hiring.extensions import db
from hiring.services.decisions import record_decision


def test_after_a_decision_the_form_is_change_decision_with_the_current_one_chosen(client, login, build):
    lead = login("lead")
    candidate = build.candidate()
    build.scorecard(candidate)
    build.scorecard(candidate)
    record_decision(candidate, "hold", "Wait for the second round", lead.id)
    db.session.commit()
    page = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert "Current decision:" in page and "Change decision" in page and "Record the decision" not in page
    assert re.search(r'<input checked id="decision-\d" name="decision"[^>]* value="hold">', page)
    assert '<details class="decision-change">' in page  # folded: the decision in force is what one reads


def test_no_decision_yet_shows_the_form_open(client, login, build):
    login("lead")
    candidate = build.candidate()
    page = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert "Record the decision" in page and '<details class="decision-change" open>' in page
    assert "Current decision:" not in page


def test_a_low_confidence_evaluation_or_open_flags_get_a_visible_note(client, login, build):
    login("lead")
    candidate = build.candidate(experience_years=None)
    build.scorecard(candidate)  # one scorecard: low confidence
    page = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert "Check before deciding:" in page and "The confidence of this evaluation is low" in page
    assert "Open flags:" in page


def test_a_strong_evaluation_gets_no_note(client, login, build):
    login("lead")
    candidate = build.candidate()
    for _ in range(2):
        build.scorecard(candidate, ratings=None, recommendation="yes")
    page = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert "Check before deciding:" not in page


def test_a_refused_compare_leads_back_with_the_ticks_kept(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    one = build.candidate(vacancy, full_name="Only One")
    response = client.get(f"/vacancies/{vacancy.id}/compare?ids={one.id}")
    assert response.status_code == 400
    back = re.search(r'<a href="([^"]+)">Choose the candidates on the ranking page', response.text).group(1)
    dashboard = client.get(back.replace("&amp;", "&")).text
    assert re.search(rf'id="pick-{one.id}" checked', dashboard)


def test_the_compare_button_is_wired_to_the_2_to_6_rule(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    build.candidate(vacancy)
    page = client.get(f"/vacancies/{vacancy.id}/dashboard").text
    assert 'data-shortlist-compare data-min="2" data-max="6"' in page
    assert "/static/js/shortlist.js" in page
    assert "Tick 2 to 6 candidates to see them side by side." in page
