"""The key that signs sessions, remember cookies and CSRF tokens: never a default anyone could know.

Debug and tests may run with a fixed development key; anything else needs a key of its own, from `SECRET_KEY`
(or `FLASK_SECRET_KEY`), or from the file `secret_key` in the instance folder that `make run` writes once.
"""

import os

from flask import Flask

KEY_FILE = "secret_key"
DEVELOPMENT_KEY = "dev-only-change-me"
# Keys that were ever shipped as defaults: known to anyone who read the code, so never accepted in production.
KNOWN_KEYS = frozenset({DEVELOPMENT_KEY, "dev", "secret", "changeme", "change-me"})

HOW_TO = (
    "KAM Hiring refuses to start without a SECRET_KEY of its own: anyone who knows a default key can sign a "
    "session cookie for any user. Make one and keep it secret, e.g.\n"
    "    export SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')\n"
    "(every worker and every restart must use the same key), or run `make run` for development."
)


class MissingSecretKey(RuntimeError):
    """Production without a secret key of its own."""


def configure_secret_key(app: Flask) -> None:
    """Fill in `SECRET_KEY` from the instance folder if the environment gave none; refuse a missing or known one."""
    key = app.config.get("SECRET_KEY")
    if not key:
        path = os.path.join(app.instance_path, KEY_FILE)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as file:
                key = file.read().strip()
    if (not key or key in KNOWN_KEYS) and (app.debug or app.testing):
        key = key or DEVELOPMENT_KEY
    elif not key or key in KNOWN_KEYS:
        raise MissingSecretKey(HOW_TO)
    app.config["SECRET_KEY"] = key


def write_key_file(instance_path: str) -> str:
    """Create the instance folder's key file once (readable by its owner only); return its path."""
    import secrets

    os.makedirs(instance_path, exist_ok=True)
    path = os.path.join(instance_path, KEY_FILE)
    if not os.path.exists(path):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_hex(32) + "\n")
    return path


if __name__ == "__main__":  # `python -m hiring.secret_key INSTANCE_DIR`, used by `make run`
    import sys

    print(write_key_file(sys.argv[1] if len(sys.argv) > 1 else "instance"))
