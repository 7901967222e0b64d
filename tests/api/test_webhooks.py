"""Webhooks with a real HTTP receiver started by the test (issue 23): a journey's events in order and signed,
retries, nothing for a rolled-back change, private addresses refused unless the operator allows them."""

import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.extensions import db
from hiring.jobs import as_utc, dispatch_due
from hiring.models import OutboxJob, WebhookDelivery, WebhookEndpoint
from hiring.models._base import utcnow
from hiring.services import candidates, webhook_http
from hiring.services.webhooks import EVENTS
from tests.api.conftest import error_of, make_user
from tests.builders import PASSWORD
from tests.conftest import base_config

SECRET = "a-shared-secret-of-the-receiver"


class Receiver:
    """An HTTP server on 127.0.0.1 that keeps every request; `fail` answers 500 to the next n requests."""

    def __init__(self):
        self.requests: list[dict] = []
        self.fail = 0
        self.redirect = False
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                if receiver.redirect:
                    self.send_response(302)
                    self.send_header("Location", "/elsewhere")
                elif receiver.fail:
                    receiver.fail -= 1
                    self.send_response(500)
                else:
                    self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self) -> list[str]:
        return [json.loads(r["body"])["event"] for r in self.requests]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def app_config(database_url, tmp_path):
    return {**base_config(database_url, tmp_path), "WEBHOOKS_ALLOW_PRIVATE": True}


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def team():
    return {
        "admin": make_user("admin", username="root"),
        "hr": make_user("hr", username="olga"),
        "lead": make_user("lead", username="andrey"),
        "ivan": make_user("interviewer", username="ivan"),
    }


def register(api, url: str, events=EVENTS, **extra):
    return api.post("/webhooks", "root", json={"url": url, "events": list(events), **extra})


def signed(request: dict, secret: str = SECRET) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), request["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(request["headers"]["X-Hiring-Signature"], expected)


def test_a_journeys_events_arrive_in_order_signed(api, build, team, receiver):
    created = register(api, receiver.url, secret=SECRET)
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["secret"] == SECRET
    assert "secret" not in api.get("/webhooks", "root").get_json()[0]

    vacancy = build.vacancy(language="en")
    codes = [c.code for c in vacancy.profile.competencies]
    receiver.requests.clear()  # the vacancy's own set-up sends nothing of interest
    body = {"full_name": "Anna Petrova", "email": "anna@example.com", "notes": "secret note"}
    candidate = api.post(f"/vacancies/{vacancy.id}/candidates", "olga", json=body).get_json()
    patch = {"experience_years": 6, "phone": "+7 900 000-00-00", "version": candidate["version"]}
    assert api.call("PATCH", f"/candidates/{candidate['id']}", "olga", json=patch).status_code == 200
    assign = {"user_id": team["ivan"].id}
    assert api.post(f"/candidates/{candidate['id']}/interviewers", "olga", json=assign).status_code == 201
    card = {
        "ratings": dict.fromkeys(codes, 5),
        # a 5 needs an evidence note before the scorecard can be submitted
        "notes": dict.fromkeys(codes, "evidence"),
        "recommendation": "strong_yes",
        "submit": True,
    }
    assert api.put(f"/candidates/{candidate['id']}/scorecard", "ivan", json=card).status_code == 201
    decision = {"decision": "hire", "rationale": "private reasons"}
    assert api.post(f"/candidates/{candidate['id']}/decision", "andrey", json=decision).status_code == 201

    assert receiver.events() == [
        "candidate.created",
        "evaluation.changed",
        "candidate.updated",
        "interview.scheduled",
        "scorecard.submitted",
        "evaluation.changed",
        "decision.recorded",
    ]
    bodies = [json.loads(r["body"]) for r in receiver.requests]
    for request, sent in zip(receiver.requests, bodies, strict=True):
        assert signed(request), "the signature is the HMAC-SHA256 of the raw body"
        assert request["headers"]["X-Hiring-Delivery"] == sent["id"]
        assert request["headers"]["X-Hiring-Event"] == sent["event"]
        assert set(sent) == {"id", "event", "created_at", "data"}
        assert sent["data"]["candidate_id"] == candidate["id"]
    raw = b" ".join(r["body"] for r in receiver.requests)
    for private in (b"anna@example.com", b"secret note", b"evidence", b"private reasons", b"+7 900"):
        assert private not in raw
    update = bodies[2]["data"]
    assert update["changed_fields"] == ["experience_years", "phone"]
    assert update["values"] == {"experience_years": 6}
    # no education entered: the screening is pending (missing data is no failure), the band waits for scores
    assert bodies[1]["data"]["changed"]["band"] == {"before": None, "after": "insufficient_data"}
    assert bodies[1]["data"]["changed"]["eligibility"] == {"before": None, "after": "pending"}
    assert bodies[5]["data"]["changed"] == {
        "score": {"before": None, "after": 100},
        "band": {"before": "insufficient_data", "after": "strong_hire"},
    }
    assert len({sent["id"] for sent in bodies}) == len(bodies)


def test_a_receiver_that_fails_twice_gets_the_event_on_the_third_try(api, build, team, receiver):
    hook = register(api, receiver.url, events=["candidate.created"], secret=SECRET).get_json()
    vacancy = build.vacancy()
    receiver.fail = 2
    api.post(f"/vacancies/{vacancy.id}/candidates", "olga", json={"full_name": "Boris"})
    assert len(receiver.requests) == 1
    for _retry in range(2):
        job = db.session.scalar(sa.select(OutboxJob).where(OutboxJob.kind == "webhook"))
        db.session.refresh(job)
        assert job.state == "pending" and as_utc(job.run_after) > utcnow() + timedelta(seconds=5)
        job.run_after = utcnow() - timedelta(seconds=1)  # as if the wait were over
        db.session.commit()
        dispatch_due()
    assert len(receiver.requests) == 3
    first, _second, third = receiver.requests
    assert first["body"] == third["body"] and signed(third)
    assert first["headers"]["X-Hiring-Delivery"] == third["headers"]["X-Hiring-Delivery"]
    delivery = db.session.scalar(sa.select(WebhookDelivery))
    db.session.refresh(delivery)
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("delivered", 3, 204)
    listed = api.get(f"/webhooks/{hook['id']}/deliveries", "root").get_json()
    assert listed[0]["attempts"] == 3 and listed[0]["state"] == "delivered"


def test_a_rolled_back_or_refused_change_sends_nothing(api, build, team, receiver, app):
    register(api, receiver.url, secret=SECRET)
    vacancy = build.vacancy()
    receiver.requests.clear()
    candidates.create_candidate(vacancy, {"full_name": "Never committed"}, None)
    db.session.flush()
    db.session.rollback()
    refused = api.post(f"/vacancies/{vacancy.id}/candidates", "olga", json={"full_name": "  "})
    assert refused.status_code == 400
    db.session.commit()  # a later, unrelated commit does not send the forgotten events either
    assert receiver.requests == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(WebhookDelivery)) == 0


def test_private_addresses_are_refused_unless_the_operator_allows_them(api, app, build, team, receiver):
    app.config["WEBHOOKS_ALLOW_PRIVATE"] = False
    for url in (receiver.url, "https://127.0.0.1/hooks", "https://10.1.2.3/x", "https://169.254.169.254/"):
        refused = register(api, url)
        assert refused.status_code == 400, url
        assert "url" in error_of(refused)["fields"]
    assert register(api, "ftp://example.com/").status_code == 400
    app.config["WEBHOOKS_ALLOW_PRIVATE"] = True
    assert register(api, receiver.url, secret=SECRET).status_code == 201
    # ...and again at delivery: the setting is off now, so nothing goes out and the try says why
    app.config["WEBHOOKS_ALLOW_PRIVATE"] = False
    vacancy = build.vacancy()
    receiver.requests.clear()
    api.post(f"/vacancies/{vacancy.id}/candidates", "olga", json={"full_name": "Clara"})
    assert receiver.requests == []
    delivery = db.session.scalar(sa.select(WebhookDelivery).order_by(WebhookDelivery.id))
    db.session.refresh(delivery)
    assert delivery.state == "failed" and delivery.response_status is None
    assert "https://" in delivery.last_error  # in the default language of the workers


def test_a_redirect_is_not_followed(api, build, team, receiver):
    register(api, receiver.url, events=["candidate.created"], secret=SECRET)
    receiver.redirect = True
    api.post(f"/vacancies/{build.vacancy().id}/candidates", "olga", json={"full_name": "Dmitry"})
    assert [r["path"] for r in receiver.requests] == ["/hooks"]
    delivery = db.session.scalar(sa.select(WebhookDelivery))
    db.session.refresh(delivery)
    assert (delivery.state, delivery.response_status) == ("failed", 302)


def test_the_admin_page_shows_deliveries_and_resends_one(app_config, build, team, receiver, api):
    hook = register(api, receiver.url, events=["candidate.created"], secret=SECRET).get_json()
    receiver.fail = 1
    api.post(f"/vacancies/{build.vacancy().id}/candidates", "olga", json={"full_name": "Eva"})
    # the page through an app of its own: the test's app context would keep the API caller in `g`
    browser = create_app(app_config).test_client()
    assert browser.post("/login", data={"username": "root", "password": PASSWORD}).status_code == 302
    page = browser.get(f"/admin/webhooks/{hook['id']}").get_data(as_text=True)
    assert "candidate.created" in page and "HTTP 500" in page
    delivery = db.session.scalar(sa.select(WebhookDelivery))
    response = browser.post(f"/admin/webhooks/{hook['id']}/deliveries/{delivery.id}/resend")
    assert response.status_code == 302
    assert len(receiver.requests) == 2 and receiver.requests[1]["body"] == receiver.requests[0]["body"]
    db.session.refresh(delivery)
    assert delivery.state == "delivered"
    listing = browser.get("/admin/webhooks")
    assert receiver.url in listing.get_data(as_text=True)
    assert "Cache-Control" in listing.headers
    new = browser.post("/admin/webhooks", data={"url": receiver.url, "events": ["decision.recorded"]})
    assert new.status_code == 200
    shown = new.get_data(as_text=True)
    secret = db.session.scalars(sa.select(WebhookEndpoint.secret).order_by(WebhookEndpoint.id)).all()[-1]
    assert len(secret) >= 32 and secret in shown
    assert secret not in browser.get("/admin/webhooks").get_data(as_text=True)


@pytest.mark.parametrize(
    "url",
    [
        "https://localhost/hooks",  # a name resolving to loopback
        "https://[::1]/",
        "https://[::ffff:10.0.0.1]/",  # IPv4-mapped private
        "https://192.168.1.10:8443/x",
        "https://224.0.0.1/",
        "https://user:pw@example.com/",
    ],
)
def test_the_url_check_refuses_what_is_not_public(app, url):
    with pytest.raises(webhook_http.UnsafeUrl):
        webhook_http.check_url(url, allow_private=False)


def test_the_url_check_keeps_the_address_it_checked(app):
    target = webhook_http.check_url("https://8.8.8.8:8443/in?x=1", allow_private=False)
    assert (target.address, target.port, target.path) == ("8.8.8.8", 8443, "/in?x=1")


def test_a_delivery_is_tried_at_least_eight_times_over_about_an_hour():
    """SPEC §6: the outbox retries after 10 s with doubling waits; a webhook gets enough tries to span an hour."""
    from datetime import timedelta

    from hiring.jobs import FIRST_RETRY
    from hiring.services.webhooks import DELIVERY_TRIES

    waits = sum((FIRST_RETRY * 2**attempt for attempt in range(DELIVERY_TRIES - 1)), timedelta())
    assert DELIVERY_TRIES >= 8
    assert waits >= timedelta(minutes=50)
