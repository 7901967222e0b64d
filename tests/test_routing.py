"""Record ids in URLs."""

import pytest


@pytest.mark.parametrize(
    "path", ["/candidates/99999999999999999999", "/vacancies/2147483648", "/vacancies/0"]
)
def test_an_id_beyond_the_database_integer_is_not_found_not_an_error(client, auth, build, path):
    build.user("admin", username="root")
    auth.login("root")
    assert client.get(path).status_code == 404


def test_the_api_answers_such_ids_with_its_error_shape(client):
    response = client.get("/api/v1/candidates/99999999999999999999/evaluation")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("method", ["PATCH", "POST", "DELETE"])
def test_such_an_id_is_not_found_whatever_the_method(client, method):
    """A path with several methods answered 405 for an id out of range (werkzeug checks the method first)."""
    assert client.open("/api/v1/vacancies/2147483648", method=method, json={}).status_code == 404
    assert client.open("/api/v1/vacancies/2147483647", method="DELETE").status_code == 405
