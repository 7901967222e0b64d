"""The seeded demo gives the hiring lead a meaningful dashboard."""

import re

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Vacancy
from hiring.seed import DEMO_PASSWORD

from .helpers import page_ids


def test_demo_dashboard(runner, english, client, auth):
    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    vacancy = db.session.scalar(sa.select(Vacancy))
    assert auth.login("lead", DEMO_PASSWORD).status_code == 302
    dashboard_url = f"/vacancies/{vacancy.id}/dashboard"
    home = client.get("/").text
    # The way a new user finds it: home, vacancy, dashboard.
    assert f'href="/vacancies/{vacancy.id}"' in home
    assert f'href="{dashboard_url}"' in client.get(f"/vacancies/{vacancy.id}").text
    html = client.get(dashboard_url).text
    assert len(page_ids(html)) == 14
    for words in ("Strong hire", "Hire", "Consider", "Not eligible", "Experience risk", "Disagreement"):
        assert words in html
    # Issue 16's cases: missing data is pending, not a failure; an optional check nobody answered is not known
    # yet; a plan figure resting on a claim; two verified English levels two CEFR steps apart.
    assert "Screening pending" in html and "missing: education; missing: sales plan attainment" in html
    assert "Not known yet: Водительские права категории B" in html  # Юлия Фёдорова
    assert "Plan attainment not verified" in html  # Екатерина Иванова (claimed only)
    assert "Verified language levels disagree: English" in html  # Алексей Никитин
    # A not eligible or risky row names the rule that decides it, in words (not "—").
    assert "education below «bachelor&#39;s degree»" in html  # Наталья Орлова (the apostrophe escaped)
    assert "English B1, B2 required" in html  # Сергей Морозов
    assert "experience 2 of 3+ years, admitted on 126% of plan" in html  # Екатерина Иванова
    assert "Disagreement: Negotiation" in html  # the competency named, never its code
    first = page_ids(html)[0]
    evaluation = client.get(f"/candidates/{first}/evaluation")
    assert evaluation.status_code == 200 and "<svg" in evaluation.text
    # The verdict heads the page as it heads the PDF: "should we hire, and why".
    verdict = " ".join(evaluation.text.split("verdict-facts", 1)[0].split())
    assert "Strong hire" in verdict and "79.4 out of 100" in verdict
    head = " ".join(evaluation.text.split('aria-labelledby="screening-title"', 1)[0].split())
    for words in ("No decision yet", "Strong yes × 1, Yes × 1", "Strongest", "Weakest", "Negotiation"):
        assert words in head, words
    # The export names competencies and checks too (a spreadsheet is read by people).
    export = client.get(f"/vacancies/{vacancy.id}/ranking.csv").get_data().decode("utf-8-sig")
    assert "Critical gap: Negotiation & presentation" in export
    assert not re.search(r"\b(NEG|REL|ANA|IND|ORD|ACC|CLM|TIM|CUSTOM)\b", export), export
    calibration = client.get(f"/vacancies/{vacancy.id}/calibration").text
    agreement = calibration.split("offsets-title")[0]
    assert "not enough data" not in agreement.lower() and 'class="big-number"' in agreement
    assert "ICC(1,k) over 11 candidates" in agreement
    assert (
        client.get(
            f"/vacancies/{vacancy.id}/compare?" + "&".join(f"ids={i}" for i in page_ids(html)[:3])
        ).status_code
        == 200
    )
