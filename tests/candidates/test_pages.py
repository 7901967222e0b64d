"""The candidate pages: add, edit, the candidate page, check answers, interviewers, role checks."""

import re

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Assignment, AuditEntry, Candidate
from hiring.services.candidates import answer_checks
from tests.candidates.helpers import candidate_form


@pytest.fixture
def hr(build, auth):
    user = build.user("hr", locale="en")
    auth.login(user.username)
    return user


def text_of(response) -> str:
    return response.get_data(as_text=True)


def test_hr_adds_a_candidate_by_form(client, hr, build):
    vacancy = build.vacancy(languages=(("en", "B2", True),))
    page = client.get(f"/vacancies/{vacancy.id}/candidates/new")
    assert page.status_code == 200 and "Full name" in text_of(page)
    response = client.post(
        f"/vacancies/{vacancy.id}/candidates/new",
        data=candidate_form(experience_years="2,5", languages=[("en", "C1"), ("de", "A2")]),
    )
    assert response.status_code == 302
    candidate = db.session.scalar(sa.select(Candidate).where(Candidate.vacancy_id == vacancy.id))
    assert response.headers["Location"].endswith(f"/candidates/{candidate.id}")
    assert candidate.experience_years == 2.5
    assert {lang.language: lang.level for lang in candidate.languages} == {"en": "C1", "de": "A2"}
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.entity_id == candidate.id))
    assert entry.action == "candidate.create" and entry.user_id == hr.id


def test_mistakes_show_next_to_the_fields_and_keep_what_was_typed(client, hr, build):
    vacancy = build.vacancy()
    response = client.post(
        f"/vacancies/{vacancy.id}/candidates/new",
        data=candidate_form(full_name="Keep Me", email="anna-at-example", languages=[("en", "Z9")]),
    )
    body = text_of(response)
    assert response.status_code == 400  # an invalid form answers 400 on every page
    assert "is not an email address" in body and 'id="email-error"' in body
    assert "is not a level for en" in body
    assert 'value="Keep Me"' in body
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 0


def test_duplicate_email_is_refused_on_the_form(client, hr, build):
    vacancy = build.vacancy()
    build.candidate(vacancy, email="anna@example.com")
    response = client.post(
        f"/vacancies/{vacancy.id}/candidates/new",
        data=candidate_form(email="ANNA@example.com"),
    )
    assert response.status_code == 400
    assert "already has the email" in text_of(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 1


def test_add_language_row_button_adds_a_row_without_saving(client, hr, build):
    vacancy = build.vacancy()
    data = candidate_form(languages=[("en", "B2"), ("de", "A1"), ("fr", "A1")])
    data["add_language"] = "1"
    response = client.post(f"/vacancies/{vacancy.id}/candidates/new", data=data)
    assert response.status_code == 200
    assert 'name="languages-5-language"' in text_of(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 0


def test_hr_edits_a_candidate(client, hr, build):
    candidate = build.candidate(full_name="Old Name", languages={"en": "B1"})
    page = client.get(f"/candidates/{candidate.id}/edit")
    assert page.status_code == 200 and 'value="Old Name"' in text_of(page)
    response = client.post(
        f"/candidates/{candidate.id}/edit",
        data={**candidate_form(full_name="New Name", email=candidate.email), "version": candidate.version},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "New Name"


def test_an_invalid_edit_answers_400_with_the_message_beside_its_field(client, hr, build):
    candidate = build.candidate(full_name="Old Name")
    response = client.post(
        f"/candidates/{candidate.id}/edit",
        data={**candidate_form(full_name="", email=candidate.email), "version": candidate.version},
    )
    body = text_of(response)
    assert response.status_code == 400
    assert "Enter the candidate&#39;s full name." in body and 'id="full_name-error"' in body
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "Old Name"


def test_a_stale_edit_is_refused_and_keeps_both_versions(client, hr, build):
    candidate = build.candidate(full_name="Original")
    old_version = candidate.version
    # Someone else saves first.
    candidate.full_name = "Saved By Someone"
    db.session.commit()
    response = client.post(
        f"/candidates/{candidate.id}/edit",
        data={**candidate_form(full_name="Mine"), "version": old_version},
    )
    body = text_of(response)
    assert response.status_code == 409
    assert "Someone else saved this candidate" in body
    assert 'value="Mine"' in body and "Saved By Someone" in body
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "Saved By Someone"
    # Having seen the other save, the user can keep their own value deliberately.
    shown = re.search(r'name="version" type="hidden" value="(\d+)"', body).group(1)
    assert int(shown) == db.session.get(Candidate, candidate.id).version
    again = client.post(
        f"/candidates/{candidate.id}/edit", data={**candidate_form(full_name="Mine"), "version": shown}
    )
    assert again.status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "Mine"


def test_an_edit_without_its_version_is_refused(client, hr, build):
    candidate = build.candidate(full_name="Original")
    response = client.post(f"/candidates/{candidate.id}/edit", data=candidate_form(full_name="Mine"))
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(Candidate, candidate.id).full_name == "Original"


def test_candidate_page_shows_screening_rule_by_rule(client, hr, build):
    vacancy = build.vacancy(languages=(("de", "B2", True),))
    candidate = build.candidate(
        vacancy, experience_years=2.0, plan_attainment_pct=120.0, languages={"de": "A2"}
    )
    response = client.get(f"/candidates/{candidate.id}")
    body = text_of(response)
    assert response.status_code == 200
    assert "Education" in body and "Experience" in body and "Language: German" in body
    assert "Pass with risk" in body and "Fail" in body and "Not eligible" in body
    assert "required; claimed A2, not verified" in body


def test_answering_checks_on_the_page_makes_the_candidate_eligible(client, hr, build):
    vacancy = build.vacancy(checks=(("Ready to travel", True),))
    candidate = build.candidate(vacancy)
    before = text_of(client.get(f"/candidates/{candidate.id}"))
    assert "Screening pending" in before and "not answered yet" in before
    response = client.post(f"/candidates/{candidate.id}/checks", data={"check_0": "yes"})
    assert response.status_code == 302
    after = text_of(client.get(f"/candidates/{candidate.id}"))
    assert "Screening pending" not in after and "Eligible" in after and "Ready to travel: yes" in after
    client.post(f"/candidates/{candidate.id}/checks", data={"check_0": ""})
    cleared = text_of(client.get(f"/candidates/{candidate.id}"))
    assert "Screening pending" in cleared


def test_candidate_with_missing_data_is_pending_and_the_page_says_what_to_fill_in(client, hr, build):
    vacancy = build.vacancy(checks=(("Ready to travel", True), ("Has a driving licence", False)))
    candidate = build.candidate(vacancy, education_level=None, experience_years=2.0, plan_attainment_pct=None)
    body = text_of(client.get(f"/candidates/{candidate.id}"))
    assert "Screening pending" in body and "Not eligible" not in body
    assert "To decide the screening, fill in:" in body
    edit = f"/candidates/{candidate.id}/edit"
    assert (
        f'<a href="{edit}#education_level">Enter the education level: the screening waits for it</a>' in body
    )
    assert (
        f'<a href="{edit}#plan_attainment_pct">Enter the sales plan attainment: the screening waits' in body
    )
    here = f"/candidates/{candidate.id}"
    assert (
        f'<a href="{here}#check-0">Answer the check «Ready to travel»: the screening waits for it</a>' in body
    )
    assert (
        f'<a href="{here}#check-1">Answer the check «Has a driving licence»: optional, not known until then</a>'
        in body
    )
    # the anchors exist on the pages they point to
    assert 'id="check-0"' in body and 'id="check-1"' in body
    form = text_of(client.get(edit))
    assert 'id="education_level"' in form and 'id="plan_attainment_pct"' in form
    # an optional check nobody answered is not known yet, never a "no" or a screening flag
    assert "Not known yet" in body and "Screening flag" not in body


def test_candidate_with_complete_data_has_nothing_to_fill_in(client, hr, build):
    vacancy = build.vacancy(checks=(("Ready to travel", True),))
    candidate = build.candidate(vacancy, answers={0: True})
    body = text_of(client.get(f"/candidates/{candidate.id}"))
    assert "To decide the screening" not in body and "Screening pending" not in body


def test_hr_assigns_and_unassigns_an_interviewer(client, hr, build):
    candidate = build.candidate()
    interviewer = build.user("interviewer", full_name="Maria Kuznetsova")
    page = text_of(client.get(f"/candidates/{candidate.id}"))
    assert f'<option value="{interviewer.id}">Maria Kuznetsova</option>' in page
    response = client.post(f"/candidates/{candidate.id}/interviewers", data={"user_id": interviewer.id})
    assert response.status_code == 302
    assert db.session.scalar(sa.select(Assignment.interviewer_id)) == interviewer.id
    page = text_of(client.get(f"/candidates/{candidate.id}"))
    assert "Unassign Maria Kuznetsova" in page
    response = client.post(f"/candidates/{candidate.id}/interviewers/{interviewer.id}/remove")
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assignment)) == 0


def test_a_non_interviewer_cannot_be_assigned(client, hr, build):
    candidate = build.candidate()
    lead = build.user("lead")
    response = client.post(
        f"/candidates/{candidate.id}/interviewers",
        data={"user_id": lead.id},
        follow_redirects=True,
    )
    assert "Choose an interviewer from the list" in text_of(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assignment)) == 0


def test_lead_reads_the_candidate_page_without_forms(client, auth, build):
    vacancy = build.vacancy(checks=(("Ready to travel", True),))
    candidate = build.candidate(vacancy)
    answer_checks(candidate, {0: True}, None)
    db.session.commit()
    build.user("interviewer")
    lead = build.user("lead", locale="en")
    auth.login(lead.username)
    response = client.get(f"/candidates/{candidate.id}")
    body = text_of(response)
    assert response.status_code == 200 and candidate.full_name in body
    assert "<form" not in body.split("</header>", 1)[1]
    assert "Edit data" not in body


def _paths(candidate, vacancy, interviewer):
    return {
        "new": ("GET", f"/vacancies/{vacancy.id}/candidates/new"),
        "new_post": ("POST", f"/vacancies/{vacancy.id}/candidates/new"),
        "edit": ("GET", f"/candidates/{candidate.id}/edit"),
        "edit_post": ("POST", f"/candidates/{candidate.id}/edit"),
        "checks": ("POST", f"/candidates/{candidate.id}/checks"),
        "assign": ("POST", f"/candidates/{candidate.id}/interviewers"),
        "unassign": ("POST", f"/candidates/{candidate.id}/interviewers/{interviewer.id}/remove"),
        "import": ("GET", f"/vacancies/{vacancy.id}/candidates/import"),
        "import_post": ("POST", f"/vacancies/{vacancy.id}/candidates/import"),
        "confirm": ("POST", f"/vacancies/{vacancy.id}/candidates/import/confirm"),
        "template": ("GET", "/candidates/import-template.csv"),
        "detail": ("GET", f"/candidates/{candidate.id}"),
    }


WRITE_PAGES = [
    "new",
    "new_post",
    "edit",
    "edit_post",
    "checks",
    "assign",
    "unassign",
    "import",
    "import_post",
    "confirm",
    "template",
]


@pytest.mark.parametrize("page", [*WRITE_PAGES, "detail"])
def test_roles_without_access_get_403(client, auth, build, page):
    """Interviewers open none of these pages; a lead only reads the candidate page."""
    vacancy = build.vacancy(checks=(("Ready to travel", True),))
    candidate = build.candidate(vacancy)
    interviewer = build.user("interviewer")
    build.assign(candidate, interviewer)
    refused = [interviewer] if page == "detail" else [interviewer, build.user("lead")]
    method, path = _paths(candidate, vacancy, interviewer)[page]
    for user in refused:
        auth.logout()
        auth.login(user.username)
        response = client.open(path, method=method, data={"user_id": interviewer.id, "check_0": "no"})
        assert response.status_code == 403, user.role
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Assignment)) == 1
    assert db.session.get(Candidate, candidate.id).check_answers == []


@pytest.mark.parametrize("role", ["hr", "admin"])
def test_hr_and_admin_open_every_page(client, auth, build, role):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    auth.login(build.user(role).username)
    for page in ("new", "edit", "import", "template", "detail"):
        method, path = _paths(candidate, vacancy, candidate)[page]
        assert client.open(path, method=method).status_code == 200, page


def test_anonymous_is_sent_to_login(client, build):
    candidate = build.candidate()
    response = client.get(f"/candidates/{candidate.id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_unknown_candidate_is_404(client, hr):
    assert client.get("/candidates/999999").status_code == 404
    assert client.get("/vacancies/999999/candidates/new").status_code == 404
