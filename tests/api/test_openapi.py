"""The OpenAPI document: valid 3.1, served, and listing exactly the routes the API has."""

import re

from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from hiring.api.openapi import SCHEMAS, document


def test_served_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = response.get_json()
    assert served["openapi"] == "3.1.0"
    OPENAPI_31_VALIDATOR.validate(served)
    assert served == document()


def test_every_route_is_documented_and_every_operation_exists(app):
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api."):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
            routes |= {(path, method.lower()) for method in rule.methods - {"HEAD", "OPTIONS"}}
    documented = {(path, method) for path, item in document()["paths"].items() for method in item}
    assert routes == documented


def test_request_bodies_refuse_unknown_fields_and_the_description_says_so():
    for name, schema in SCHEMAS.items():
        assert schema.get("additionalProperties") is False, name
    assert "Unknown fields are refused" in document()["info"]["description"]


def test_every_operation_but_two_needs_the_bearer_token():
    public = set()
    for path, item in document()["paths"].items():
        for method, operation in item.items():
            if operation.get("security") == []:
                public.add(f"{method.upper()} {path}")
            else:
                assert "401" in operation["responses"], (method, path)
    assert public == {"POST /tokens", "GET /openapi.json"}
    assert document()["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer"}
