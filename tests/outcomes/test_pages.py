"""The outcome page on a hired candidate and the validity report page (HR and leads only)."""

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import HireOutcome, Profile
from tests.outcomes.helpers import hire, hires_following_neg


@pytest.fixture
def english(client):
    client.post("/language/en")


def _form(**changes):
    data = {
        "started_on": "2025-03-01",
        "m6_retention_pct": "95",
        "m6_manager_rating": "4",
        "m6_still_employed": "yes",
        "m12_retention_pct": "",
        "notes": "Good start",
    }
    data.update(changes)
    return data


def test_hr_records_an_outcome_on_the_page(client, auth, build, english):
    hr = build.user("hr")
    candidate = hire(build, build.vacancy(), {"NEG": 4})
    auth.login(hr.username)
    page = client.get(f"/candidates/{candidate.id}")
    assert f"/candidates/{candidate.id}/outcome" in page.get_data(as_text=True)
    response = client.post(f"/candidates/{candidate.id}/outcome", data=_form())
    assert response.status_code == 302
    outcome = db.session.scalar(sa.select(HireOutcome).where(HireOutcome.candidate_id == candidate.id))
    assert outcome.review(6).retention_pct == 95 and outcome.review(12) is None
    shown = client.get(f"/candidates/{candidate.id}/outcome").get_data(as_text=True)
    assert 'value="95"' in shown and "Good start" in shown


def test_a_bad_value_is_shown_beside_its_field(client, auth, build, english):
    lead = build.user("lead")
    candidate = hire(build, build.vacancy(), {"NEG": 4})
    auth.login(lead.username)
    response = client.post(f"/candidates/{candidate.id}/outcome", data=_form(m6_retention_pct="150"))
    assert response.status_code == 400
    assert 'id="m6_retention_pct-error">Give a value from 0 to 100.<' in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(HireOutcome.id))) == 0


def test_interviewers_get_403_on_the_outcome_and_the_report(client, auth, build):
    interviewer = build.user("interviewer")
    candidate = hire(build, build.vacancy(), {"NEG": 4}, interviewer)  # even the one who interviewed
    auth.login(interviewer.username)
    assert client.get(f"/candidates/{candidate.id}/outcome").status_code == 403
    assert client.post(f"/candidates/{candidate.id}/outcome", data=_form()).status_code == 403
    assert client.get(f"/profiles/{candidate.vacancy.profile_id}/validity").status_code == 403
    assert "/outcome" not in client.get(f"/candidates/{candidate.id}").get_data(as_text=True)


def test_report_shows_not_enough_data_below_ten(client, auth, build, english):
    vacancy = build.vacancy()
    hires_following_neg(build, vacancy, 3)
    auth.login(build.user("hr").username)
    page = client.get(f"/profiles/{vacancy.profile_id}/validity").get_data(as_text=True)
    assert "not enough data" in page and "<svg" in page
    assert "Sackett" in page and "range restriction" in page


def test_report_values_scatter_and_clone_with_confirmation(client, auth, build, english):
    vacancy = build.vacancy()
    hires_following_neg(build, vacancy, 12)
    auth.login(build.user("hr").username)
    page = client.get(f"/profiles/{vacancy.profile_id}/validity?predictor=NEG&outcome=retention_pct&month=12")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "n = 12" in html
    assert html.count("<circle") == 12  # one dot per hire
    assert "λ = n ÷ (n + 30)" in html
    profiles = db.session.scalar(sa.select(sa.func.count(Profile.id)))
    client.post(f"/profiles/{vacancy.profile_id}/validity/clone", data={})
    assert db.session.scalar(sa.select(sa.func.count(Profile.id))) == profiles  # not confirmed: nothing
    response = client.post(f"/profiles/{vacancy.profile_id}/validity/clone", data={"confirm": "y"})
    assert response.status_code == 302
    clone = db.session.scalar(sa.select(Profile).order_by(Profile.id.desc()))
    weights = {c.code: c.weight for c in clone.competencies}
    assert sum(weights.values()) == 100 and weights["NEG"] > 20
    assert "weights from outcomes" in clone.name_en


def test_report_pdf(client, auth, build):
    vacancy = build.vacancy()
    hires_following_neg(build, vacancy, 2)
    auth.login(build.user("lead").username)
    response = client.get(f"/profiles/{vacancy.profile_id}/validity.pdf?lang=ru")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
