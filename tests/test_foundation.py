"""The base of the app: configuration, database settings, login, start pages."""

import pytest
import sqlalchemy as sa

from hiring import create_app, normalise_database_url
from hiring.extensions import db
from hiring.models import User


def test_sqlite_connections_use_wal_and_a_busy_timeout(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr("hiring.config.Config.SQLALCHEMY_DATABASE_URI", None)
    app = create_app({"TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///" + app.instance_path + "/hiring.sqlite"


def test_postgres_urls_use_psycopg3():
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x") == "sqlite:///x"


def test_flask_prefixed_environment_overrides_config(monkeypatch, database_url):
    monkeypatch.setenv("FLASK_PAGE_SIZE", "7")
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": database_url})
    assert app.config["PAGE_SIZE"] == 7


def test_the_app_starts_with_rate_limits_switched_off(database_url):
    """RATELIMIT_ENABLED=false (bench/pdf.py, closed networks) once stopped create_app with a ValueError."""
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "test", "RATELIMIT_ENABLED": False}
    )
    assert app.test_client().get("/login").status_code == 200


def test_login_page_renders_in_russian_by_default(client):
    response = client.get("/login")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<html lang="ru">' in page
    assert "<h1>Войти</h1>" in page
    assert "Log in" not in page


def test_anonymous_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_login_with_wrong_password_is_refused(client, auth, build):
    build.user("hr", username="olga")
    response = auth.login("olga", "wrong-password")
    assert response.status_code == 200
    assert b'name="password"' in response.data
    assert client.get("/").status_code == 302


def test_login_then_logout(client, auth, build):
    build.user("hr", username="olga")
    assert auth.login("olga").status_code == 302
    assert client.get("/").status_code == 200
    auth.logout()
    assert client.get("/").status_code == 302


def test_deactivated_user_cannot_log_in(client, auth, build):
    build.user("hr", username="gone", active=False)
    auth.login("gone")
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/", "/"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
    ],
)
def test_next_only_leads_to_local_paths(client, build, target, expected):
    build.user("hr", username="olga")
    response = client.post(f"/login?next={target}", data={"username": "olga", "password": "password123"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(expected)
    assert "evil.example" not in response.headers["Location"]


def test_passwords_are_stored_hashed_with_scrypt(app, build):
    user = build.user("hr")
    assert user.password_hash.startswith("scrypt:")
    assert "password123" not in user.password_hash


def test_menu_follows_the_role(client, auth, build):
    build.user("interviewer", username="ivan")
    auth.login("ivan")
    page = client.get("/").get_data(as_text=True)
    assert "Audit log" not in page and "Журнал" not in page
    assert 'href="/admin/users"' not in page


def test_interviewer_start_page_lists_only_assigned_candidates(client, auth, build):
    interviewer = build.user("interviewer", username="ivan")
    vacancy = build.vacancy()
    mine = build.candidate(vacancy, full_name="Анна Петрова")
    build.candidate(vacancy, full_name="Борис Чужой")
    build.assign(mine, interviewer)
    auth.login("ivan")
    page = client.get("/").get_data(as_text=True)
    assert "Анна Петрова" in page
    assert "Борис Чужой" not in page


def test_hr_start_page_lists_vacancies_with_candidate_counts(client, auth, build):
    build.user("hr", username="olga")
    vacancy = build.vacancy(title="KAM Москва")
    build.candidate(vacancy)
    build.candidate(vacancy)
    auth.login("olga")
    page = client.get("/").get_data(as_text=True)
    assert "KAM Москва" in page


def test_language_switch_is_saved_for_the_user(client, auth, build):
    user = build.user("hr", username="olga")
    auth.login("olga")
    client.post("/language/en", data={"next": "/"})
    assert db.session.get(User, user.id).locale == "en"
    assert b'lang="en"' in client.get("/").data


def test_unknown_page_shows_the_app_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert b"KAM Hiring" in response.data


def test_every_asset_is_served_by_the_app(client, build, auth):
    build.user("hr", username="olga")
    auth.login("olga")
    page = client.get("/").get_data(as_text=True)
    assert "http://" not in page.replace("http://localhost", "")
    assert "https://" not in page
    assert client.get("/static/css/app.css").status_code == 200


def test_user_count_helper_query(app, build):
    build.user("lead")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1
