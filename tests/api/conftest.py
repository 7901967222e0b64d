"""API test fixtures: a client that checks every API response against the OpenAPI document, and tokens."""

import json
import re
from functools import cache

import jsonschema_rs
import pytest
from flask.testing import FlaskClient
from werkzeug.security import generate_password_hash

from hiring.api.auth import issue_token
from hiring.api.openapi import document
from hiring.extensions import db
from hiring.models import User
from tests.builders import PASSWORD

PREFIX = "/api/v1"


@cache
def _operations() -> list[tuple[re.Pattern, str, dict]]:
    """(path regex, method, operation) for every operation of the document."""
    found = []
    for template, item in document()["paths"].items():
        segments = ("[^/]+" if part.startswith("{") else re.escape(part) for part in template.split("/"))
        pattern = re.compile("^" + "/".join(segments) + "$")
        for method, operation in item.items():
            found.append((pattern, method.upper(), operation))
    return found


@cache
def _validator(schema_json: str) -> jsonschema_rs.Validator:
    schema = json.loads(schema_json)
    return jsonschema_rs.Draft202012Validator({**schema, "components": document()["components"]})


def _resolve(item: dict) -> dict:
    """A response object, following one `$ref` to components/responses."""
    ref = item.get("$ref")
    if ref:
        return document()["components"]["responses"][ref.rsplit("/", 1)[-1]]
    return item


def check_against_document(method: str, path: str, response) -> None:
    """Fail when the response's status, content type or JSON body is not what the document says."""
    local = path.split("?", 1)[0].removeprefix(PREFIX)
    operation = next((op for pattern, m, op in _operations() if m == method and pattern.match(local)), None)
    if operation is None:
        # Not an operation (unknown path or method): the answer is still the error shape.
        assert response.status_code in (404, 405), f"{method} {path} is not in the OpenAPI document"
        errors = [
            str(e)
            for e in _validator(json.dumps({"$ref": "#/components/schemas/Error"})).iter_errors(
                response.get_json()
            )
        ]
        assert not errors, errors
        return
    documented = operation["responses"].get(str(response.status_code))
    assert documented is not None, (
        f"{method} {path} answered {response.status_code}, not documented: {sorted(operation['responses'])}"
        f"\n{response.get_data(as_text=True)[:500]}"
    )
    content = _resolve(documented).get("content")
    if not content:
        return
    assert response.mimetype in content, f"{method} {path}: {response.mimetype} not in {list(content)}"
    if response.mimetype == "application/json":
        schema = content["application/json"]["schema"]
        body = response.get_json()
        errors = [str(e) for e in _validator(json.dumps(schema, sort_keys=True)).iter_errors(body)]
        assert not errors, f"{method} {path} -> {response.status_code}: {errors}\n{json.dumps(body)[:800]}"


class DocumentedClient(FlaskClient):
    """A test client that validates every /api/v1 response against the OpenAPI document."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = response.request
        if request.path.startswith(PREFIX + "/"):
            check_against_document(request.method, request.path, response)
        return response


@pytest.fixture
def client(app):
    app.test_client_class = DocumentedClient
    return app.test_client()


# A cheap hash for test users: scrypt costs a third of a second per user on a busy CI machine.
_FAST_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


def make_user(role: str, username: str | None = None, **fields) -> User:
    """A user whose password is PASSWORD (hashed cheaply), committed."""
    username = username or f"{role}-{db.session.query(User).count() + 1}"
    user = User(username=username, role=role, full_name=fields.pop("full_name", username.title()), **fields)
    user.password_hash = _FAST_HASH
    db.session.add(user)
    db.session.commit()
    return user


class Api:
    """Calls the API as a user (a User or a username) with a Bearer token."""

    def __init__(self, client: FlaskClient):
        self.client = client
        self._tokens: dict[str, str] = {}

    def login(self, username: str, password: str = PASSWORD) -> str:
        """A token the way a client gets one: POST /tokens."""
        response = self.client.post(f"{PREFIX}/tokens", json={"username": username, "password": password})
        assert response.status_code == 201, response.get_json()
        self._tokens[username] = response.get_json()["token"]
        return self._tokens[username]

    def token(self, username: str) -> str:
        """The user's token: the one from `login`, else one issued directly (the token endpoint is tested apart)."""
        if username not in self._tokens:
            user = db.session.scalar(db.select(User).where(User.username == username))
            token, _expires = issue_token(user)
            db.session.commit()
            self._tokens[username] = token
        return self._tokens[username]

    def call(self, method: str, path: str, user=None, *, headers=None, **kwargs):
        headers = dict(headers or {})
        if user is not None:
            username = user if isinstance(user, str) else user.username
            headers["Authorization"] = f"Bearer {self.token(username)}"
        return self.client.open(PREFIX + path, method=method, headers=headers, **kwargs)

    def get(self, path: str, user=None, **kwargs):
        return self.call("GET", path, user, **kwargs)

    def post(self, path: str, user=None, **kwargs):
        return self.call("POST", path, user, **kwargs)

    def put(self, path: str, user=None, **kwargs):
        return self.call("PUT", path, user, **kwargs)


@pytest.fixture
def api(client) -> Api:
    return Api(client)


def error_of(response) -> dict:
    """The `error` object of an error answer."""
    body = response.get_json()
    assert set(body) == {"error"}, body
    return body["error"]
