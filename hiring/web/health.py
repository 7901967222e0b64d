"""Readiness for load balancers: can this worker serve requests now? (`/healthz` is the cheap liveness answer.)"""

import redis
import sqlalchemy as sa
from flask import Blueprint, current_app

from hiring.extensions import db

bp = Blueprint("health", __name__)

# A load balancer probes every few seconds: a part that does not answer within this is reported down.
PROBE_TIMEOUT_SECONDS = 1.0


@bp.route("/readyz")
def readyz():
    """200 when the database (and Redis, where configured) answer; 503 naming the part that is down."""
    checks = {"database": _database_state()}
    for name, url in _redis_urls().items():
        checks[name] = _redis_state(url)
    ready = all(state == "ok" for state in checks.values())
    body = {"status": "ok" if ready else "unavailable", "checks": checks}
    headers = {"Cache-Control": "no-store"}
    if not ready:
        headers["Retry-After"] = "5"
    return body, 200 if ready else 503, headers


def _database_state() -> str:
    try:
        db.session.execute(sa.text("SELECT 1"))
        return "ok"
    except sa.exc.SQLAlchemyError:
        current_app.logger.warning("Readiness: the database does not answer", exc_info=True)
        return "down"
    finally:
        db.session.rollback()


def _redis_urls() -> dict[str, str]:
    """The Redis servers this app uses: the job queue and, when kept there, the login-throttling counters."""
    urls = {}
    if current_app.config.get("REDIS_URL"):
        urls["redis"] = current_app.config["REDIS_URL"]
    limiter_url = current_app.config.get("RATELIMIT_STORAGE_URI") or ""
    if limiter_url.startswith(("redis://", "rediss://")) and limiter_url != urls.get("redis"):
        urls["throttling_redis"] = limiter_url
    return urls


def _redis_state(url: str) -> str:
    client = redis.Redis.from_url(
        url, socket_connect_timeout=PROBE_TIMEOUT_SECONDS, socket_timeout=PROBE_TIMEOUT_SECONDS
    )
    try:
        client.ping()
        return "ok"
    except redis.RedisError:
        return "down"
    finally:
        client.close()
