"""Errors: pages that look like the app and reveal nothing; a failed request leaves no half-saved data."""

import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.extensions import db
from hiring.models import User


@pytest.fixture
def failing_app(app_config):
    app_config = {**app_config, "TESTING": False, "PROPAGATE_EXCEPTIONS": False}
    app = create_app(app_config)

    @app.route("/boom")
    def boom():
        db.session.add(User(username="half-saved", role="hr", password_hash="x"))
        db.session.flush()
        raise RuntimeError("secret internal detail: /etc/hiring/password=hunter2")

    @app.route("/api/v1/boom")
    def api_boom():
        raise RuntimeError("secret internal detail")

    return app


def test_500_page_reveals_nothing_and_rolls_back(app, failing_app):
    response = failing_app.test_client().get("/boom")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "KAM Hiring" in page
    assert "secret" not in page and "Traceback" not in page and "RuntimeError" not in page
    assert db.session.scalar(sa.select(User).where(User.username == "half-saved")) is None


def test_api_500_has_the_error_shape_and_no_detail(app, failing_app):
    response = failing_app.test_client().get("/api/v1/boom")
    assert response.status_code == 500
    assert response.get_json() == {"error": {"code": "internal", "message": "Internal error", "fields": {}}}


@pytest.mark.parametrize("path, status", [("/no-such-page", 404), ("/vacancies/999999", 404)])
def test_error_pages_look_like_the_app(client, auth, build, path, status):
    build.user("hr", username="olga")
    auth.login("olga")
    response = client.get(path)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert "KAM Hiring" in page and "error-code" in page


def test_403_page_looks_like_the_app(client, auth, build):
    build.user("interviewer", username="ivan")
    auth.login("ivan")
    response = client.get("/profiles")
    assert response.status_code == 403
    assert "error-code" in response.get_data(as_text=True)
