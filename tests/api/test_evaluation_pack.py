"""The evaluation pack: one PDF (comparison, then each evaluation, a bookmark per candidate) rendered by a job,
its progress readable while it runs, the result reused while nothing changed."""

import io

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from hiring import jobs
from hiring.extensions import db
from hiring.models import OutboxJob
from tests.api.conftest import error_of, make_user


@pytest.fixture
def team(app):
    return {
        "lead": make_user("lead", "andrey"),
        "olga": make_user("hr", "olga"),
        "ivan": make_user("interviewer", "ivan"),
    }


@pytest.fixture
def shortlist(build, team):
    vacancy = build.vacancy(language="en", title="KAM Europe")
    people = [
        build.candidate(vacancy, full_name=name) for name in ("Anna Petrova", "Boris Orlov", "Vera Lis")
    ]
    build.scorecard(people[0], team["ivan"], ratings=None)
    return vacancy, people


def outline_titles(content: bytes) -> list[str]:
    return [item.title for item in PdfReader(io.BytesIO(content)).outline]


def test_a_lead_gets_one_pdf_with_a_bookmark_per_candidate(api, shortlist, team):
    vacancy, people = shortlist
    ids = [p.id for p in people]
    started = api.post(f"/vacancies/{vacancy.id}/evaluation-pack", "andrey", json={"candidate_ids": ids})
    assert started.status_code == 202, started.get_json()
    status_url = started.get_json()["status_url"]
    status = api.client.get(status_url, headers={"Authorization": f"Bearer {api.token('andrey')}"}).get_json()
    assert (status["state"], status["done"], status["total"]) == ("done", 3, 3)

    pdf = api.client.get(status["result_url"], headers={"Authorization": f"Bearer {api.token('olga')}"})
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.headers["Cache-Control"] == "no-store"
    titles = outline_titles(pdf.data)
    assert titles[0] == "Shortlist comparison"
    assert sorted(titles[1:]) == ["Anna Petrova", "Boris Orlov", "Vera Lis"]
    assert titles[1] == "Anna Petrova"  # ranking order: the only one with a score comes first
    reader = PdfReader(io.BytesIO(pdf.data))
    text = "".join(page.extract_text() for page in reader.pages)
    assert all(name in text for name in ("Anna Petrova", "Boris Orlov", "Vera Lis"))

    again = api.post(
        f"/vacancies/{vacancy.id}/evaluation-pack", "olga", json={"candidate_ids": list(reversed(ids))}
    )
    assert again.get_json()["job"] == started.get_json()["job"]  # nothing changed: the same pack


def test_the_progress_is_readable_while_the_pack_waits_and_runs(api, app, shortlist):
    vacancy, people = shortlist
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"  # no worker takes it yet: the job waits
    app.extensions.pop("hiring_jobs", None)
    started = api.post(
        f"/vacancies/{vacancy.id}/evaluation-pack", "andrey", json={"candidate_ids": [people[1].id]}
    )
    assert started.status_code == 202
    status_url = started.get_json()["status_url"]
    auth = {"Authorization": f"Bearer {api.token('andrey')}"}
    waiting = api.client.get(status_url, headers=auth).get_json()
    assert waiting == {
        "job": started.get_json()["job"],
        "state": "queued",
        "done": 0,
        "total": 1,
        "result_url": None,
    }
    not_ready = api.client.get(status_url + "/pack.pdf", headers=auth)
    assert not_ready.status_code == 409

    app.config["REDIS_URL"] = None  # a worker comes
    job_id = db.session.scalar(sa.select(OutboxJob.id).where(OutboxJob.kind == "evaluation_pack"))
    assert jobs.perform(job_id) == "done"
    finished = api.client.get(status_url, headers=auth).get_json()
    assert (finished["state"], finished["done"]) == ("done", 1)
    assert outline_titles(api.client.get(finished["result_url"], headers=auth).data) == ["Boris Orlov"]


def test_bad_selections_and_roles_are_refused(api, build, shortlist):
    vacancy, people = shortlist
    other = build.candidate(build.vacancy())
    path = f"/vacancies/{vacancy.id}/evaluation-pack"
    assert api.post(path, "ivan", json={"candidate_ids": [people[0].id]}).status_code == 403
    for ids in ([], [people[0].id, other.id], list(range(1, 52))):
        response = api.post(path, "andrey", json={"candidate_ids": ids})
        assert response.status_code == 400, ids
        assert "candidate_ids" in error_of(response)["fields"]
    assert (
        db.session.scalar(sa.select(sa.func.count(OutboxJob.id)).where(OutboxJob.kind == "evaluation_pack"))
        == 0
    )


def test_the_dashboard_selection_leads_to_a_progress_page_and_the_download(client, auth, shortlist, team):
    vacancy, people = shortlist
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    auth.login("andrey")
    dashboard = client.get(f"/vacancies/{vacancy.id}/dashboard").text
    assert f'formaction="/vacancies/{vacancy.id}/evaluation-pack"' in dashboard
    query = "&".join(f"ids={p.id}" for p in people[:2])
    confirm = client.get(f"/vacancies/{vacancy.id}/evaluation-pack?{query}").text
    assert "evaluations of 2 candidates" in confirm
    started = client.post(
        f"/vacancies/{vacancy.id}/evaluation-pack", data={"ids": [p.id for p in people[:2]]}
    )
    assert started.status_code == 302
    page = client.get(started.headers["Location"]).text
    assert "2 of 2 rendered" in page and 'value="2"' in page
    assert 'id="pack-download">' in page  # not hidden: the download is ready
    download = page.split('id="pack-download"><a class="button" href="')[1].split('"')[0]
    assert outline_titles(client.get(download).data)[0] == "Shortlist comparison"


def test_a_pack_that_keeps_failing_says_so_after_its_last_try(api, shortlist, monkeypatch):
    from datetime import timedelta

    from hiring.models._base import utcnow
    from hiring.services import document_cache

    def broken(_download):
        raise RuntimeError("renderer down")

    monkeypatch.setattr(document_cache, "pdf_bytes", broken)
    vacancy, people = shortlist
    started = api.post(
        f"/vacancies/{vacancy.id}/evaluation-pack", "andrey", json={"candidate_ids": [people[0].id]}
    )
    auth = {"Authorization": f"Bearer {api.token('andrey')}"}
    status_url = started.get_json()["status_url"]
    assert api.client.get(status_url, headers=auth).get_json()["state"] == "running"  # the first try failed
    for _retry in range(2):
        db.session.execute(sa.update(OutboxJob).values(run_after=utcnow() - timedelta(seconds=1)))
        db.session.commit()
        jobs.dispatch_due()
    failed = api.client.get(status_url, headers=auth).get_json()
    assert (failed["state"], failed["result_url"]) == ("failed", None)
