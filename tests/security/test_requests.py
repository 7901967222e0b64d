"""Request-level protections: CSRF, cookies, headers, body size, login throttling, users."""

import re

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import AuditEntry, User


@pytest.fixture
def app_config(app_config):
    app_config["WTF_CSRF_ENABLED"] = True
    return app_config


def csrf_token(client, path="/login") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def login(client, username, password="password123"):
    return client.post(
        "/login", data={"username": username, "password": password, "csrf_token": csrf_token(client)}
    )


def test_login_without_csrf_token_is_refused(client, build):
    build.user("hr", username="olga")
    response = client.post("/login", data={"username": "olga", "password": "password123"})
    assert response.status_code == 400
    assert client.get("/").status_code == 302  # still logged out


def test_post_without_csrf_token_is_refused_after_login(client, build):
    build.user("admin", username="root")
    assert login(client, "root").status_code == 302
    response = client.post(
        "/admin/users", data={"username": "x1", "full_name": "X", "role": "hr", "password": "12345678"}
    )
    assert response.status_code == 400
    assert db.session.scalar(sa.select(User).where(User.username == "x1")) is None


def test_session_cookie_is_httponly_and_samesite_lax(client, build):
    build.user("hr", username="olga")
    response = login(client, "olga")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_session_cookie_is_secure_when_configured(app, build):
    app.config["SESSION_COOKIE_SECURE"] = True
    client = app.test_client()
    build.user("hr", username="olga")
    response = login(client, "olga")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("session="))
    assert "Secure" in cookie


@pytest.mark.parametrize("path", ["/login", "/static/css/app.css", "/no-such-page"])
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script(client, build):
    build.user("admin", username="root")
    login(client, "root")
    for path in ("/login", "/", "/admin/users", "/audit"):
        page = client.get(path).get_data(as_text=True)
        assert "<script>" not in page and "onclick=" not in page


def test_request_body_over_the_limit_gets_413(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/login", data={"username": "x" * 5000, "password": "y"})
    assert response.status_code == 413


def test_ten_failed_logins_lock_the_account_for_a_while(client, build):
    build.user("hr", username="olga")
    for _ in range(10):
        assert login(client, "olga", "wrong").status_code == 200
    response = login(client, "olga", "password123")
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True) or "Слишком много" in response.get_data(
        as_text=True
    )


def test_throttling_counts_per_account_across_addresses(client, build):
    build.user("hr", username="olga")
    for n in range(10):
        token = csrf_token(client)
        client.post(
            "/login",
            data={"username": "olga", "password": "wrong", "csrf_token": token},
            environ_base={"REMOTE_ADDR": f"10.0.0.{n}"},
        )
    token = csrf_token(client)
    response = client.post(
        "/login",
        data={"username": "olga", "password": "password123", "csrf_token": token},
        environ_base={"REMOTE_ADDR": "10.0.0.99"},
    )
    assert response.status_code == 429


def test_successful_logins_are_not_counted(client, build):
    build.user("hr", username="olga")
    for _ in range(12):
        assert login(client, "olga").status_code == 302
        client.post("/logout", data={"csrf_token": csrf_token(client, "/")})


def test_admin_creates_and_deactivates_a_user_with_audit(client, build):
    build.user("admin", username="root")
    login(client, "root")
    token = csrf_token(client, "/admin/users")
    response = client.post(
        "/admin/users",
        data={
            "username": "maria",
            "full_name": "Мария",
            "role": "interviewer",
            "password": "longenough",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302
    maria = db.session.scalar(sa.select(User).where(User.username == "maria"))
    assert maria.role == "interviewer"
    client.post(f"/admin/users/{maria.id}/active", data={"csrf_token": csrf_token(client, "/admin/users")})
    db.session.refresh(maria)
    assert not maria.active
    actions = set(db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.entity_id == maria.id)))
    assert {"user.create", "user.active"} <= actions


def test_forged_role_in_user_form_is_refused(client, build):
    build.user("admin", username="root")
    login(client, "root")
    token = csrf_token(client, "/admin/users")
    response = client.post(
        "/admin/users",
        data={
            "username": "eve",
            "full_name": "Eve",
            "role": "superuser",
            "password": "longenough",
            "csrf_token": token,
        },
    )
    assert response.status_code == 400
    assert db.session.scalar(sa.select(User).where(User.username == "eve")) is None


@pytest.mark.parametrize("role", ["hr", "lead", "interviewer"])
def test_only_admin_manages_users(client, build, role):
    build.user(role, username="someone")
    login(client, "someone")
    assert client.get("/admin/users").status_code == 403


@pytest.mark.parametrize("role, status", [("admin", 200), ("hr", 200), ("lead", 403), ("interviewer", 403)])
def test_audit_page_is_for_admin_and_hr(client, build, role, status):
    build.user(role, username="someone")
    login(client, "someone")
    assert client.get("/audit").status_code == status


def test_audit_page_filters_by_record(client, build):
    admin = build.user("admin", username="root")
    db.session.add_all(
        [
            AuditEntry(
                user_id=admin.id,
                action="candidate.update",
                entity_type="candidate",
                entity_id=7,
                after={"x": "seven"},
            ),
            AuditEntry(
                user_id=admin.id,
                action="candidate.update",
                entity_type="candidate",
                entity_id=8,
                after={"x": "eight"},
            ),
        ]
    )
    db.session.commit()
    login(client, "root")
    page = client.get("/audit?entity_type=candidate&entity_id=7").get_data(as_text=True)
    assert "seven" in page and "eight" not in page
