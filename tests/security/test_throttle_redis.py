"""Login throttling kept in Redis, so that every gunicorn worker counts the same failures."""

import socket
import uuid

import pytest
import redis

from hiring import create_app

REDIS = ("127.0.0.1", 6379)


def redis_running() -> bool:
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_running(), reason="needs Redis on 127.0.0.1:6379 (.ci/run starts it)")
def test_failed_logins_are_counted_in_redis_across_app_instances(app_config, build):
    build.user("hr", username="olga")
    # two app instances stand for two workers; a fresh key prefix keeps runs apart
    prefix = uuid.uuid4().hex
    config = {
        **app_config,
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379",
        "RATELIMIT_KEY_PREFIX": prefix,
    }
    first, second = create_app(config), create_app(config)
    for n in range(10):
        worker = first if n % 2 else second
        response = worker.test_client().post("/login", data={"username": "olga", "password": "wrong"})
        assert response.status_code == 200
    response = first.test_client().post("/login", data={"username": "olga", "password": "password123"})
    assert response.status_code == 429
    server = redis.Redis(*REDIS)
    keys = server.keys(f"*{prefix}*")
    assert keys, "the counters were not kept in Redis"
    server.delete(*keys)
