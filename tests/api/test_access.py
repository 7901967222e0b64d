"""Who may call what: the same roles as the pages; an interviewer sees only assigned candidates."""

import pytest

from tests.api.conftest import error_of, make_user

ROLES = ("admin", "hr", "interviewer", "lead")

# method, path, body, roles allowed (admin always is)
OPERATIONS = [
    (
        "POST",
        "/users",
        {"username": "newbie", "password": "violet-harbour-42", "role": "hr", "full_name": "N"},
        (),
    ),
    ("GET", "/profiles", None, ("hr",)),
    ("GET", "/profiles/{profile}", None, ("hr",)),
    ("POST", "/vacancies", {"title": "KAM", "profile_id": "{profile}", "language": "ru"}, ("hr",)),
    ("GET", "/vacancies/{vacancy}/job-post.pdf", None, ("hr", "lead")),
    ("POST", "/vacancies/{vacancy}/candidates", {"full_name": "Ivan Ivanov"}, ("hr",)),
    ("GET", "/vacancies/{vacancy}/ranking", None, ("hr", "lead")),
    ("PUT", "/candidates/{candidate}/checks", {"answers": [{"index": 0, "met": True}]}, ("hr",)),
    ("POST", "/candidates/{candidate}/interviewers", {"user_id": "{other}"}, ("hr",)),
    ("GET", "/candidates/{candidate}/evaluation", None, ("hr", "lead")),
    ("GET", "/candidates/{candidate}/evaluation.pdf", None, ("hr", "lead")),
    ("POST", "/candidates/{candidate}/decision", {"decision": "hold", "rationale": "Wait"}, ("lead",)),
    ("GET", "/candidates/{candidate}/scorecards", None, ("hr", "lead", "interviewer")),
]


@pytest.fixture
def world(build):
    profile = build.profile()
    vacancy = build.vacancy(profile, checks=(("Has a licence", True),))
    candidate = build.candidate(vacancy)
    users = {role: make_user(role, username=f"the-{role}") for role in ROLES}
    other = make_user("interviewer", username="other-interviewer")
    build.assign(candidate, users["interviewer"])
    ids = {"profile": profile.id, "vacancy": vacancy.id, "candidate": candidate.id, "other": other.id}
    return users, ids


def _fill(value, ids):
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, ids) for v in value]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value


@pytest.mark.parametrize(
    ("method", "path", "body", "allowed"), OPERATIONS, ids=[f"{m} {p}" for m, p, *_ in OPERATIONS]
)
def test_roles(api, world, method, path, body, allowed):
    """Every role against the operation: refused roles get 403, the others get through (admin always)."""
    users, ids = world
    url = path.format(**ids)
    kwargs = {"json": _fill(body, ids)} if body is not None else {}
    for role in ROLES:
        response = api.call(method, url, users[role], **kwargs)
        if role == "admin" or role in allowed:
            # Through the door; a repeated assignment may then be a 409, never a 401/403/404.
            assert response.status_code in (200, 201, 409), (role, method, url, response.get_json())
        else:
            assert response.status_code == 403, (role, method, url, response.status_code)
            assert error_of(response)["code"] == "forbidden"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/candidates/{candidate}/scorecards", None),
        ("PUT", "/candidates/{candidate}/scorecard", {"ratings": {"NEG": 3}}),
    ],
)
def test_an_unassigned_interviewer_gets_404(api, build, world, method, path, body):
    _users, ids = world
    stranger = make_user("interviewer", username="stranger")
    kwargs = {"json": body} if body else {}
    response = api.call(method, path.format(**ids), stranger, **kwargs)
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_the_assigned_interviewer_fills_their_scorecard(api, world):
    users, ids = world
    response = api.put(
        f"/candidates/{ids['candidate']}/scorecard", users["interviewer"], json={"ratings": {"NEG": 3}}
    )
    assert response.status_code == 201
    assert response.get_json()["interviewer_id"] == users["interviewer"].id


@pytest.mark.parametrize("role", ["hr", "lead", "admin"])
def test_someone_not_assigned_cannot_fill_a_scorecard(api, world, role):
    users, ids = world
    response = api.put(f"/candidates/{ids['candidate']}/scorecard", users[role], json={"ratings": {"NEG": 3}})
    assert response.status_code == 403


def test_hr_and_lead_never_see_a_draft(api, build, world):
    users, ids = world
    api.put(f"/candidates/{ids['candidate']}/scorecard", users["interviewer"], json={"ratings": {"NEG": 3}})
    for role in ("hr", "lead", "admin"):
        assert api.get(f"/candidates/{ids['candidate']}/scorecards", users[role]).get_json() == []


@pytest.mark.parametrize(
    "path",
    [
        "/profiles/999999",
        "/vacancies/999999/ranking",
        "/vacancies/999999/job-post.pdf",
        "/candidates/999999/evaluation",
        "/candidates/999999/evaluation.pdf",
        "/candidates/999999/scorecards",
        "/candidates/2147483648/evaluation",  # beyond INTEGER: PostgreSQL would refuse the query
        "/vacancies/99999999999999999999/job-post.pdf",
    ],
)
def test_missing_records_get_404(api, world, path):
    users, _ids = world
    response = api.get(path, users["admin"])
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_unknown_api_path_gets_the_error_shape(api, world):
    users, _ids = world
    response = api.get("/nothing-here", users["admin"])
    assert response.status_code == 404
    assert set(error_of(response)) == {"code", "message", "fields"}
