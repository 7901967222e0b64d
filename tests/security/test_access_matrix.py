"""Every route and API endpoint, for every role: who gets in, who is refused, and how.

Adding a route without adding it here fails `test_every_route_is_in_the_matrix`.
Outcomes: O = allowed (the view ran: 2xx, 3xx other than to the login page, or a 4xx about the input),
L = sent to the login page, U = 401, F = 403, N = 404 (an interviewer must not learn that a candidate exists).
"""

import re

import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.extensions import db
from hiring.models import CandidateFile, Profile, WebhookDelivery, WebhookEndpoint
from tests.builders import PASSWORD

ROLES = ("anonymous", "admin", "hr", "interviewer_assigned", "interviewer_not_assigned", "lead")

#                                                         anon admin hr  int_a int_u lead
MATRIX: dict[tuple[str, str], str] = {
    ("GET", "home.index"): "LOOOOO",
    ("GET", "home.healthz"): "OOOOOO",
    ("GET", "health.readyz"): "OOOOOO",
    ("GET", "static"): "OOOOOO",
    ("GET", "auth.login"): "OOOOOO",
    ("POST", "auth.login"): "OOOOOO",
    ("POST", "auth.set_language"): "OOOOOO",
    ("GET", "admin.users"): "LOFFFF",
    ("POST", "admin.users"): "LOFFFF",
    ("POST", "admin.change_role"): "LOFFFF",
    ("POST", "admin.toggle_active"): "LOFFFF",
    ("GET", "admin.confirm_deactivate"): "LOFFFF",
    ("POST", "admin.reset_password"): "LOFFFF",
    ("GET", "account.index"): "LOOOOO",
    ("POST", "account.index"): "LOOOOO",
    ("POST", "account.password"): "LOOOOO",
    ("GET", "audit.index"): "LOOFFF",
    ("GET", "profiles.index"): "LOOFFF",
    ("GET", "profiles.detail"): "LOOFFF",
    ("POST", "profiles.clone"): "LOOFFF",
    ("GET", "profiles.edit"): "LOOFFF",
    ("POST", "profiles.edit"): "LOOFFF",
    ("GET", "profiles.new_competency"): "LOOFFF",
    ("POST", "profiles.new_competency"): "LOOFFF",
    ("GET", "profiles.edit_competency"): "LOOFFF",
    ("POST", "profiles.edit_competency"): "LOOFFF",
    ("GET", "profiles.remove_competency"): "LOOFFF",
    ("POST", "profiles.remove_competency"): "LOOFFF",
    ("GET", "vacancies.index"): "LOOFFO",
    ("GET", "vacancies.detail"): "LOOFFO",
    ("GET", "vacancies.new"): "LOOFFF",
    ("POST", "vacancies.new"): "LOOFFF",
    ("GET", "vacancies.edit"): "LOOFFF",
    ("POST", "vacancies.edit"): "LOOFFF",
    ("POST", "vacancies.set_status"): "LOOFFF",
    ("POST", "vacancies.assign_panel"): "LOOFFF",
    ("GET", "candidates.new"): "LOOFFF",
    ("POST", "candidates.new"): "LOOFFF",
    ("GET", "candidates.detail"): "LOOFFO",
    ("GET", "candidates.edit"): "LOOFFF",
    ("POST", "candidates.edit"): "LOOFFF",
    ("POST", "candidates.save_checks"): "LOOFFF",
    ("POST", "candidates.assign"): "LOOFFF",
    ("POST", "candidates.unassign"): "LOOFFF",
    ("GET", "candidates.interview"): "LOOFFF",
    ("POST", "candidates.interview"): "LOOFFF",
    ("POST", "candidates.anonymize"): "LOOFFF",
    ("GET", "candidates.import_csv"): "LOOFFF",
    ("POST", "candidates.import_csv"): "LOOFFF",
    ("POST", "candidates.import_confirm"): "LOOFFF",
    ("GET", "candidates.csv_template"): "LOOFFF",
    ("GET", "candidates.xlsx_template"): "LOOFFF",
    ("POST", "candidates.upload_file"): "LOOFFF",
    ("GET", "candidates.download_file"): "LOOONO",
    ("POST", "candidates.delete_file"): "LOOFFF",
    ("GET", "interviews.my_candidates"): "LOOOOO",
    ("GET", "interviews.kit"): "LOOONO",
    ("GET", "interviews.scorecard"): "LOOONO",
    ("POST", "interviews.scorecard"): "LFFONF",
    ("POST", "interviews.reopen"): "LOOFNF",
    ("GET", "review.dashboard"): "LOOFFO",
    ("GET", "review.evaluation"): "LOOFFO",
    ("GET", "review.compare"): "LOOFFO",
    ("GET", "review.calibration"): "LOOFFO",
    ("POST", "review.decide"): "LOFFFO",
    ("GET", "documents.job_post"): "LOOFFO",
    ("GET", "documents.kit"): "LOOONO",
    ("GET", "documents.evaluation_pdf"): "LOOFFO",
    ("GET", "documents.comparison_pdf"): "LOOFFO",
    ("GET", "exports.ranking_csv"): "LOOFFO",
    ("GET", "outcomes.edit"): "LOOFFO",
    ("POST", "outcomes.edit"): "LOOFFO",
    ("GET", "outcomes.report"): "LOOFFO",
    ("GET", "outcomes.report_pdf"): "LOOFFO",
    ("POST", "outcomes.clone"): "LOOFFF",
    ("GET", "outcomes.import_file"): "LOOFFO",
    ("POST", "outcomes.import_file"): "LOOFFO",
    ("GET", "packs.start"): "LOOFFO",
    ("POST", "packs.start"): "LOOFFO",
    ("GET", "packs.progress"): "LNNFFN",
    ("GET", "packs.status"): "LNNFFN",
    ("GET", "packs.download"): "LNNFFN",
    ("GET", "notifications.settings"): "LOOOOO",
    ("POST", "notifications.settings"): "LOOOOO",
    ("POST", "auth.logout"): "LLLLLL",  # logging out ends on the login page, logged in or not
    # the JSON API: Bearer tokens only
    ("GET", "api.openapi_json"): "OOOOOO",
    ("POST", "api.create_token"): "OOOOOO",
    ("DELETE", "api.revoke_token"): "UOOOOO",
    ("POST", "api.create_user"): "UOFFFF",
    ("GET", "api.list_profiles"): "UOOFFF",
    ("GET", "api.get_profile"): "UOOFFF",
    ("POST", "api.create_vacancy"): "UOOFFF",
    ("GET", "api.job_post_pdf"): "UOOFFO",
    ("POST", "api.create_candidate"): "UOOFFF",
    ("POST", "api.import_candidates"): "UOOFFF",
    ("GET", "api.ranking"): "UOOFFO",
    ("GET", "api.vacancy_calibration"): "UOOFFO",
    ("PUT", "api.answer_checks"): "UOOFFF",
    ("GET", "api.list_candidate_files"): "UOOONO",
    ("POST", "api.upload_candidate_file"): "UOOFFF",
    ("GET", "api.download_candidate_file"): "UOOONO",
    ("DELETE", "api.delete_candidate_file"): "UOOFFF",
    ("POST", "api.assign_interviewer"): "UOOFFF",
    ("PUT", "api.save_scorecard"): "UFFONF",
    ("GET", "api.list_scorecards"): "UOOONO",
    ("GET", "api.evaluation"): "UOOFFO",
    ("GET", "api.evaluation_pdf"): "UOOFFO",
    ("POST", "api.record_decision"): "UOFFFO",
    ("PUT", "api.save_outcome"): "UOOFFO",
    ("GET", "api.profile_validity"): "UOOFFO",
    ("POST", "api.clone_profile"): "UOOFFF",
    # every resource readable and editable (issue 23): an empty PATCH body lacks `version` (409: allowed)
    ("GET", "api.get_vacancy"): "UOOONO",
    ("PATCH", "api.update_vacancy"): "UOOFFF",
    ("GET", "api.get_candidate"): "UOOFFO",
    ("PATCH", "api.update_candidate"): "UOOFFF",
    ("DELETE", "api.unassign_interviewer"): "UOOFFF",
    ("PUT", "api.schedule_interview"): "UOOFFF",
    ("POST", "api.start_evaluation_pack"): "UOOFFO",
    ("GET", "api.evaluation_pack_status"): "UNNFFN",
    ("GET", "api.evaluation_pack_pdf"): "UNNFFN",
    ("GET", "api.list_decisions"): "UOOFFO",
    ("GET", "api.interview_kit_pdf"): "UOOONO",
    ("GET", "api.comparison_pdf"): "UOOFFO",
    ("GET", "api.list_users"): "UOFFFF",
    ("PATCH", "api.update_user"): "UOFFFF",
    ("GET", "api.list_vacancies"): "UOOOOO",
    ("GET", "api.list_candidates"): "UOOONO",
    ("GET", "api.list_audit"): "UOOFFF",
    ("POST", "api.create_webhook"): "UOFFFF",
    ("GET", "api.list_webhooks"): "UOFFFF",
    ("DELETE", "api.delete_webhook"): "UOFFFF",
    ("GET", "api.list_deliveries"): "UOFFFF",
    ("POST", "api.resend_delivery"): "UOFFFF",
    ("GET", "webhooks.index"): "LOFFFF",
    ("POST", "webhooks.index"): "LOFFFF",
    ("GET", "webhooks.deliveries"): "LOFFFF",
    ("POST", "webhooks.delete"): "LOFFFF",
    ("POST", "webhooks.resend"): "LOFFFF",
}

# The interview of an assignment: its user_id is the assigned interviewer's.
SCHEDULING = ("candidates.interview", "api.schedule_interview")

# Requests that change who is logged in or what the others need run last, in this order.
LAST = (
    "webhooks.delete",
    "api.delete_webhook",
    "candidates.unassign",
    "admin.toggle_active",
    "auth.logout",
    "api.revoke_token",
)


OWN_FILES = {"candidates.delete_file": "web_spare_file_id", "api.delete_candidate_file": "api_spare_file_id"}


def routes(app) -> list[tuple[str, str, object]]:
    found = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, rule.endpoint, rule))
    return found


def test_every_route_is_in_the_matrix(app):
    present = {(method, endpoint) for method, endpoint, _ in routes(app)}
    assert present - MATRIX.keys() == set(), "add these routes to the access matrix"
    assert MATRIX.keys() - present == set(), "these routes are gone: remove them from the matrix"


@pytest.fixture
def world(app, build):
    """A vacancy with one candidate, interviewed by `ivan` (assigned, draft) and `maria` (submitted)."""
    users = {
        "admin": build.user("admin", username="root"),
        "hr": build.user("hr", username="olga"),
        "lead": build.user("lead", username="andrey"),
        "interviewer_assigned": build.user("interviewer", username="ivan"),
        "interviewer_not_assigned": build.user("interviewer", username="nobody"),
    }
    maria = build.user("interviewer", username="maria")
    victim = build.user("hr", username="victim")
    vacancy = build.vacancy(checks=(("Готов к командировкам", True),))
    candidate = build.candidate(vacancy)
    build.assign(candidate, users["interviewer_assigned"])
    submitted = build.scorecard(candidate, maria)
    profile = db.session.scalar(sa.select(Profile).where(Profile.id == vacancy.profile_id))
    # a documentation address (not public): a resend tries it and records the refusal, sending nothing
    hook = WebhookEndpoint(url="https://192.0.2.1/hooks", events=["candidate.created"], secret="s" * 20)
    hook.deliveries.append(WebhookDelivery(delivery_id="d-1", event="candidate.created", body="{}"))
    spare = WebhookEndpoint(url="https://192.0.2.2/hooks", events=["decision.recorded"], secret="s" * 20)
    pdf = {"content_type": "application/pdf", "size": 9, "sha256": "0" * 64, "content": b"%PDF-1.4\n"}
    cv, web_spare, api_spare = (
        CandidateFile(candidate_id=candidate.id, filename=f"cv{i}.pdf", **pdf) for i in range(3)
    )
    db.session.add_all([hook, spare, cv, web_spare, api_spare])
    db.session.commit()
    params = {
        "candidate_id": candidate.id,
        "vacancy_id": vacancy.id,
        "profile_id": profile.id,
        "competency_id": profile.competencies[0].id,
        "scorecard_id": submitted.id,
        "user_id": victim.id,
        "code": "en",
        "filename": "css/app.css",
        "webhook_id": hook.id,
        "delivery_id": hook.deliveries[0].id,
        "file_id": cv.id,
        "web_spare_file_id": web_spare.id,
        "api_spare_file_id": api_spare.id,
        "pack_id": 999,  # none: the pack's own tests open real ones (tests/documents/test_evaluation_pack.py)
    }
    # each route that deletes gets a record of its own
    if_unassign = {"user_id": users["interviewer_assigned"].id, "webhook_id": spare.id}
    return users, params, if_unassign


def outcome(response) -> str:
    status = response.status_code
    assert status < 500, f"server error {status}"
    if status in (301, 302, 303) and "/login" in response.headers.get("Location", ""):
        return "L"
    return {401: "U", 403: "F", 404: "N"}.get(status, "O")


@pytest.mark.parametrize("role_index, role", list(enumerate(ROLES)))
def test_access_matrix(app, app_config, world, role_index, role):
    users, params, if_unassign = world
    # Requests go through a second app on the same database: the fixture's app context would share `g`
    # (and so the logged-in user) between requests, which a real server never does.
    server = create_app(app_config)
    browser, api = server.test_client(), server.test_client()
    headers = {}
    if role != "anonymous":
        username = users[role].username
        assert browser.post("/login", data={"username": username, "password": PASSWORD}).status_code == 302
        token = api.post("/api/v1/tokens", json={"username": username, "password": PASSWORD}).get_json()[
            "token"
        ]
        headers = {"Authorization": f"Bearer {token}"}

    table = sorted(
        routes(server), key=lambda r: (r[1] in LAST, LAST.index(r[1]) if r[1] in LAST else 0, r[0])
    )
    wrong = []
    for method, endpoint, rule in table:
        own = if_unassign if endpoint in ("candidates.unassign", "webhooks.delete", *SCHEDULING) else {}
        values = {**params, **own}
        if endpoint in OWN_FILES:  # each route that deletes a file deletes one of its own
            values["file_id"] = params[OWN_FILES[endpoint]]
        with server.test_request_context():
            path = server.url_for(endpoint, **{name: values[name] for name in rule.arguments})
        if endpoint.startswith("api."):
            response = api.open(path, method=method, json={}, headers=headers)
        else:
            response = browser.open(path, method=method, data={})
        got, expected = outcome(response), MATRIX[(method, endpoint)][role_index]
        if got != expected:
            wrong.append(
                f"{method} {path} ({endpoint}) as {role}: expected {expected}, got {got} ({response.status_code})"
            )
    assert wrong == []


def test_every_form_post_without_a_csrf_token_is_refused(app_config, world):
    """With CSRF on, every page POST (not the token-only API) is refused without the token, even for admin."""
    users, params, _ = world
    server = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    browser = server.test_client()
    login_page = browser.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', login_page).group(1)
    response = browser.post("/login", data={"username": "root", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    posts = [(endpoint, rule) for method, endpoint, rule in routes(server) if method in ("POST", "PUT")]
    posts = [(endpoint, rule) for endpoint, rule in posts if not endpoint.startswith("api.")]
    assert len(posts) > 20
    accepted = []
    for endpoint, rule in posts:
        with server.test_request_context():
            path = server.url_for(endpoint, **{name: params[name] for name in rule.arguments})
        if browser.post(path, data={"confirm": "y"}).status_code != 400:
            accepted.append(f"{endpoint} {path}")
    assert accepted == []
    # the same request with the token goes through: the refusals above were the missing token
    assert browser.post("/language/en", data={"csrf_token": token}).status_code == 302
