"""Configuration: defaults here, then FLASK_-prefixed environment variables, then test_config."""

import os
from datetime import timedelta


class Config:
    # No default: create_app takes the environment's, else the one `make run` generated into the instance folder,
    # and refuses to start outside debug and tests without one (hiring.secret_key).
    SECRET_KEY = os.environ.get("SECRET_KEY")
    # None means "SQLite in the instance folder"; create_app fills it in.
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    SQLITE_BUSY_TIMEOUT_MS = 15_000
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "") == "1"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=14)
    # The number of reverse proxies in front of the app whose X-Forwarded-For/-Proto are to be trusted (ProxyFix).
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0") or 0)
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    API_TOKEN_TTL = timedelta(hours=int(os.environ.get("API_TOKEN_TTL_HOURS", "12")))
    BABEL_DEFAULT_LOCALE = "ru"
    BABEL_DEFAULT_TIMEZONE = "Europe/Moscow"
    LANGUAGES = ("ru", "en")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = False
    # Said outright: the limiter is one object for every app of the process and otherwise keeps the last app's
    # choice (an app made with it off would leave the next one unprotected).
    RATELIMIT_ENABLED = True
    # Redis away must not lock anyone out: counters fall back to this process's memory (a warning is logged) and
    # go back to Redis once it answers again (Flask-Limiter checks it with growing pauses).
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    # A pooled connection that the server dropped (restart, failover) is replaced before use, not failed on.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL")
    LOGIN_ATTEMPTS_LIMIT = "10 per 15 minutes"  # failed logins per account
    # Failed logins per client address: much higher, so that one office behind one address is not locked out.
    LOGIN_ADDRESS_ATTEMPTS_LIMIT = "100 per 15 minutes"
    PAGE_SIZE = 50
    COMPANY_NAME = os.environ.get("HIRING_COMPANY", "")
    # Background work (hiring/jobs.py): RQ over Redis when REDIS_URL is set, else in-process.
    REDIS_URL = os.environ.get("REDIS_URL") or None
    JOBS_MODE = os.environ.get("JOBS_MODE", "thread")  # without Redis: "thread" (make run) or "sync" (tests)
    JOBS_QUEUE = os.environ.get("JOBS_QUEUE", "hiring")
    JOBS_SWEEP_SECONDS = 10
    # Mail (hiring/services/mail.py): SMTP when MAIL_SERVER is set, else printed and saved in instance/mail/.
    MAIL_SERVER = os.environ.get("MAIL_SERVER") or None
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "") == "1"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME") or None
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD") or None
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "KAM Hiring <hiring@localhost>")
    MAIL_FOLDER = None  # None: instance/mail
    # Scorecard reminders (hiring/services/notifications.py): the first this many hours after the interview
    # ends, then one a day, at most SCORECARD_REMINDER_LIMIT in all (0: none).
    SCORECARD_REMINDER_HOURS = int(os.environ.get("SCORECARD_REMINDER_HOURS", "24"))
    SCORECARD_REMINDER_LIMIT = int(os.environ.get("SCORECARD_REMINDER_LIMIT", "3"))
    # The count beside "Home" is remembered this long per user (web/home.py says why).
    NAV_COUNT_SECONDS = float(os.environ.get("NAV_COUNT_SECONDS", "20"))
    # Rendered parts of the dashboard and evaluation pages kept per process until an input changes
    # (hiring.web.page_cache); 0 renders every request afresh.
    PAGE_CACHE_SIZE = int(os.environ.get("PAGE_CACHE_SIZE", "256"))
    # Links in mails sent by background workers, where there is no request to take the host from.
    BASE_URL = os.environ.get("HIRING_BASE_URL", "http://127.0.0.1:5000")
    # http and private, loopback or link-local webhook URLs (tests, closed networks); never on the open internet
    WEBHOOKS_ALLOW_PRIVATE = os.environ.get("WEBHOOKS_ALLOW_PRIVATE", "") == "1"
