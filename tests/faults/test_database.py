"""PostgreSQL drops the app's connections (a restart, a failover): no request fails for it, nothing is half-saved."""

import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.extensions import db
from hiring.models import Candidate
from tests.builders import PASSWORD

pytestmark = pytest.mark.postgres


def pooled_backend_pids(engine: sa.Engine) -> list[int]:
    """The server processes behind the pool's idle connections (checked out together, so each is seen once)."""
    connections = [engine.connect() for _ in range(engine.pool.checkedin())]
    pids = [c.execute(sa.text("SELECT pg_backend_pid()")).scalar_one() for c in connections]
    for connection in connections:
        connection.close()
    return pids


def terminate(url: str, pids: list[int]) -> None:
    killer = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with killer.connect() as connection:
        for pid in pids:
            connection.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    killer.dispose()


@pytest.fixture
def served(app_config, build):
    """A second app instance on the same database, so that each request has its own app context (as in gunicorn)."""
    build.user("hr", username="olga")
    served = create_app(app_config)
    with served.app_context():
        engine = db.engine
    return served, engine


def test_dropped_connections_cost_no_request_an_error(served):
    app, engine = served
    client = app.test_client()
    assert client.post("/login", data={"username": "olga", "password": PASSWORD}).status_code == 302
    assert client.get("/").status_code == 200
    pids = pooled_backend_pids(engine)
    assert pids, "the pool keeps connections between requests"

    terminate(engine.url.render_as_string(hide_password=False), pids)
    for _ in range(3):
        assert client.get("/").status_code == 200


def test_a_connection_lost_mid_transaction_is_try_again_and_saves_nothing(served, build):
    app, engine = served
    vacancy = build.vacancy()
    client = app.test_client()
    token = client.post("/api/v1/tokens", json={"username": "olga", "password": PASSWORD}).get_json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    url = engine.url.render_as_string(hide_password=False)
    killed = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def die_before_the_insert(connection, _cursor, statement, *_args):
        if statement.startswith("INSERT INTO candidate ") and not killed:
            killed.append(connection.connection.dbapi_connection.info.backend_pid)
            terminate(url, killed)

    body = {"full_name": "Анна Петрова", "email": "anna@example.com", "experience_years": 4}
    answer = client.post(f"/api/v1/vacancies/{vacancy.id}/candidates", json=body, headers=headers)
    assert killed, "the connection was cut during the request"
    assert answer.status_code == 503
    assert answer.headers["Retry-After"]
    assert answer.get_json()["error"]["code"] == "unavailable"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 0

    again = client.post(f"/api/v1/vacancies/{vacancy.id}/candidates", json=body, headers=headers)
    assert again.status_code == 201
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 1
