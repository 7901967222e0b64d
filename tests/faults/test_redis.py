"""Redis away: logins keep working (throttling falls back to memory), and /readyz says what is down."""

import time

import pytest
import redis

from hiring import create_app
from hiring.extensions import limiter
from tests.builders import PASSWORD


@pytest.fixture(autouse=True)
def limiter_with_live_storage():
    """The limiter is one object per process (like every extension): start each test as a fresh worker would."""

    def reset():
        limiter._storage_dead = False
        limiter._Limiter__check_backend_count = 0
        limiter._Limiter__last_check_backend = 0.0

    reset()
    yield
    reset()


def throttled_app(app_config, redis_url: str):
    # No key prefix of our own: the limiter keeps the first prefix it is given for the whole process, and this
    # Redis is the test's alone anyway.
    return create_app({**app_config, "RATELIMIT_STORAGE_URI": redis_url})


def token_request(client, password: str = PASSWORD):
    return client.post("/api/v1/tokens", json={"username": "olga", "password": password})


def test_logins_keep_working_while_the_throttling_redis_is_down(app_config, build, redis_server):
    build.user("hr", username="olga")
    client = throttled_app(app_config, redis_server.url).test_client()
    assert token_request(client).status_code == 201

    redis_server.kill()
    assert token_request(client).status_code == 201, "a correct API login must not fail while Redis is away"
    page = client.post("/login", data={"username": "olga", "password": PASSWORD})
    assert page.status_code == 302
    client.post("/logout")
    # throttling still holds, on this process's own counters
    for _ in range(10):
        assert token_request(client, "wrong").status_code == 401
    assert token_request(client).status_code == 429


def test_throttling_goes_back_to_redis_when_it_returns(app_config, build, redis_server):
    build.user("hr", username="olga")
    client = throttled_app(app_config, redis_server.url).test_client()
    redis_server.kill()
    assert token_request(client, "wrong").status_code == 401  # noticed: counting in memory now

    redis_server.start()
    deadline = time.monotonic() + 10
    keys = []
    while not keys and time.monotonic() < deadline:
        time.sleep(0.5)  # the limiter looks at its storage again after growing pauses (1 s, 2 s, ...)
        assert token_request(client, "wrong").status_code == 401
        keys = redis.Redis.from_url(redis_server.url).keys("*login-user:olga*")
    assert keys, "failed logins are counted in Redis again once it is back"


def test_readiness_names_redis_when_it_is_down_and_liveness_stays_cheap(app_config, redis_server):
    client = create_app({**app_config, "REDIS_URL": redis_server.url}).test_client()
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}

    redis_server.kill()
    started = time.monotonic()
    ready = client.get("/readyz")
    assert time.monotonic() - started < 3
    assert ready.status_code == 503
    assert ready.get_json()["checks"] == {"database": "ok", "redis": "down"}
    assert ready.headers["Retry-After"]
    assert client.get("/healthz").status_code == 200


def test_readiness_names_the_database_when_it_is_unreachable(app_config, tmp_path):
    unreachable = (
        "postgresql://postgres@127.0.0.1:1/test"
        if app_config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")
        else f"sqlite:///{tmp_path}/no/such/folder/hiring.sqlite"
    )
    client = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": unreachable}).test_client()
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.get_json() == {"status": "unavailable", "checks": {"database": "down"}}
    assert client.get("/healthz").status_code == 200
