"""The candidate evaluation page: screening rule by rule, the chart, every interviewer's ratings and notes."""

import re
import xml.etree.ElementTree as ET

import pytest

from hiring.extensions import db
from hiring.models import Competency

from .helpers import counted_queries


def chart_of(html: str) -> ET.Element:
    [svg] = re.findall(r"<svg[^>]*competency-chart.*?</svg>", html, flags=re.S)
    return ET.fromstring(svg)


def test_screening_rule_by_rule(client, login, build):
    login("lead")
    vacancy = build.vacancy(
        languages=(("en", "B2", True), ("de", "B1", False)), checks=(("Driving licence", True),)
    )
    candidate = build.candidate(
        vacancy, languages={"en": "C1"}, experience_years=1.5, plan_attainment_pct=120
    )
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    for rule in ("EDU", "EXP", "LANG:en", "LANG:de", "CUSTOM:0"):
        assert f'data-rule="{rule}"' in html
    assert "Driving licence" in html
    assert "Pass with risk" in html  # EXP exception path
    assert "Flag" in html  # German is optional
    assert "Pending" in html  # the licence is not answered yet
    assert "Screening pending" in html


def test_chart_has_one_mark_per_competency(client, login, build):
    login("hr")
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    build.scorecard(candidate, ratings={"NEG": 2, "REL": 5})
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    chart = chart_of(html)
    marks = [el for el in chart.iter() if el.get("class", "").split()[:1] == ["mark"]]
    codes = [c.code for c in vacancy.profile.competencies]
    assert [m.get("data-code") for m in marks] == codes
    by_code = {m.get("data-code"): m for m in marks}
    assert by_code["NEG"].get("data-mean") == "2"
    assert "below-minimum" in by_code["NEG"].get("class")  # NEG's critical minimum is 3
    assert by_code["ANA"].get("data-mean") == ""  # not assessed


def test_profile_text_in_the_chart_is_escaped(client, login, build):
    login("lead")
    vacancy = build.vacancy(language="en")
    competency = db.session.get(Competency, vacancy.profile.competencies[0].id)
    competency.name_ru = competency.name_en = '<script>alert("x")</script>'
    db.session.commit()
    candidate = build.candidate(vacancy)
    build.scorecard(candidate)
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    chart_of(html)  # still well-formed


def test_ratings_notes_and_recommendations_of_submitted_scorecards_only(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    maria = build.user("interviewer", full_name="Maria Submitted")
    igor = build.user("interviewer", full_name="Igor Submitted")
    draft = build.user("interviewer", full_name="Dasha Draft")
    build.scorecard(candidate, maria, ratings={"NEG": 5, "REL": 3}, notes={"NEG": "Closed a hard deal"})
    build.scorecard(candidate, igor, ratings={"NEG": 2, "REL": 3}, recommendation="strong_no")
    build.scorecard(candidate, draft, ratings={"NEG": 1}, notes={"NEG": "draft secret"}, submitted=False)
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert "Maria Submitted" in html and "Igor Submitted" in html
    assert "Dasha Draft" not in html and "draft secret" not in html
    assert "1 draft not counted" in html
    assert "Closed a hard deal" in html
    assert "Strong no" in html
    row = re.search(r'<tr data-code="NEG">.*?</tr>', html, flags=re.S).group(0)
    assert "3,5" in row or "3.5" in row  # mean of 5 and 2
    assert "Disagreement" in row  # spread 3
    assert "disagreement:NEG" not in html  # flags are shown in words
    assert "Disagreement: NEG" not in html  # the competency is named, not coded
    assert "Disagreement: Negotiation" in html


def test_score_band_coverage_confidence(client, login, build):
    login("lead")
    candidate = build.candidate(build.vacancy())
    build.scorecard(candidate)
    build.scorecard(candidate)
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    assert "75" in html and "Strong hire" in html
    assert "100%" in html
    assert "confidence: high" in html
    assert "rank 1 of 1" in html


def test_unknown_candidate_is_404(client, login):
    login("lead")
    assert client.get("/candidates/99999/evaluation").status_code == 404


def test_links_to_the_evaluation_pdf(app, client, login, build):
    login("lead")
    candidate = build.candidate()
    html = client.get(f"/candidates/{candidate.id}/evaluation").text
    if "documents.evaluation_pdf" not in app.view_functions:
        pytest.skip("the documents blueprint has no evaluation PDF")
    assert re.search(rf'href="[^"]*candidates/{candidate.id}/evaluation\.pdf"', html)


@pytest.mark.parametrize("page", ["/candidates/{id}", "/candidates/{id}/evaluation"])
def test_a_candidates_pages_take_as_many_queries_with_1_scorecard_as_with_4(client, login, build, page):
    login("lead")
    vacancy = build.vacancy()
    few, many = build.candidate(vacancy), build.candidate(vacancy)
    build.scorecard(few)
    for _ in range(4):
        build.scorecard(many)
    counts = []
    for candidate in (few, many):
        db.session.expire_all()
        with counted_queries() as statements:
            assert client.get(page.format(id=candidate.id)).status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1]
