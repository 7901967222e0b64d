"""The PDF downloads: who may have them, their names, ETags and 304s, and renders kept by their inputs.

Rendering is replaced by a stub here (test_content.py reads real PDFs); what matters is when a render
happens and which key a download carries.
"""

from urllib.parse import unquote

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Decision, Rating, RenderedDocument
from hiring.services import printouts


@pytest.fixture
def renders(monkeypatch):
    """Each call of the PDF maker, recorded; it returns a tiny PDF-looking body naming the template."""
    calls = []

    def fake_create_pdf(template_name, context, *, metadata, fetcher=None):
        calls.append(template_name)
        return b"%PDF-1.7 " + template_name.encode()

    monkeypatch.setattr(printouts, "create_pdf", fake_create_pdf)
    return calls


@pytest.fixture
def world(build):
    vacancy = build.vacancy(language="ru", title="Менеджер KAM", languages=(("en", "B2", True),))
    other = build.vacancy(language="en", title="Other")
    anna = build.candidate(vacancy, full_name="Анна Петрова", languages={"en": "C1"})
    boris = build.candidate(vacancy, full_name="Борис Иванов", languages={"en": "B2"})
    stranger = build.candidate(other, full_name="Someone Else")
    interviewer = build.user("interviewer")
    card = build.scorecard(anna, interviewer, notes={"NEG": "уверенно"})
    return vacancy, other, anna, boris, stranger, interviewer, card


def urls(world) -> dict[str, str]:
    vacancy, _other, anna, boris, *_ = world
    return {
        "job_post": f"/vacancies/{vacancy.id}/job-post.pdf",
        "kit": f"/vacancies/{vacancy.id}/interview-kit.pdf",
        "evaluation": f"/candidates/{anna.id}/evaluation.pdf",
        "comparison": f"/vacancies/{vacancy.id}/comparison.pdf?ids={anna.id}&ids={boris.id}",
    }


@pytest.mark.parametrize("document", ["job_post", "kit", "evaluation", "comparison"])
@pytest.mark.parametrize("role", ["hr", "lead", "admin"])
def test_hr_lead_and_admin_download_every_document(client, auth, build, world, renders, role, document):
    user = build.user(role)
    auth.login(user.username)
    response = client.get(urls(world)[document])
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")


@pytest.mark.parametrize("document", ["job_post", "evaluation", "comparison"])
def test_an_interviewer_gets_403_on_lead_documents(client, auth, world, renders, document):
    interviewer = world[5]
    auth.login(interviewer.username)
    assert client.get(urls(world)[document]).status_code == 403
    assert renders == []


def test_an_assigned_interviewer_downloads_the_kit_of_the_vacancy(client, auth, world, renders):
    auth.login(world[5].username)
    response = client.get(urls(world)["kit"])
    assert response.status_code == 200
    assert renders == ["documents/interview_kit.html"]


def test_an_interviewer_not_assigned_to_the_vacancy_gets_no_kit(client, auth, build, world, renders):
    vacancy, other, *_ = world
    outsider = build.user("interviewer")
    build.assign(world[4], outsider)  # assigned, but to a candidate of another vacancy
    auth.login(outsider.username)
    assert client.get(f"/vacancies/{vacancy.id}/interview-kit.pdf").status_code in (403, 404)
    assert client.get(f"/vacancies/{other.id}/interview-kit.pdf").status_code == 200


@pytest.mark.parametrize("document", ["job_post", "kit", "evaluation", "comparison"])
def test_anonymous_readers_are_sent_to_log_in(client, world, renders, document):
    response = client.get(urls(world)[document])
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_missing_things_are_404(client, auth, build, world, renders):
    auth.login(build.user("hr").username)
    assert client.get("/vacancies/999999/job-post.pdf").status_code == 404
    assert client.get("/candidates/999999/evaluation.pdf").status_code == 404


def test_comparison_takes_two_to_six_candidates_of_the_vacancy(client, auth, build, world, renders):
    vacancy, _other, anna, boris, stranger, *_ = world
    auth.login(build.user("lead").username)
    base = f"/vacancies/{vacancy.id}/comparison.pdf"
    assert client.get(f"{base}?ids={anna.id}").status_code == 400
    assert client.get(base).status_code == 400
    seven = "&".join(f"ids={n}" for n in range(1, 8))
    assert client.get(f"{base}?{seven}").status_code == 400
    assert client.get(f"{base}?ids={anna.id}&ids={stranger.id}").status_code == 404
    assert client.get(f"{base}?ids={anna.id}&ids={boris.id}").status_code == 200


def test_file_name_is_ascii_with_the_real_name_in_rfc_5987(client, auth, build, world, renders):
    anna = world[2]
    auth.login(build.user("lead").username)
    disposition = client.get(f"/candidates/{anna.id}/evaluation.pdf").headers["Content-Disposition"]
    assert disposition.isascii()
    assert f'filename="evaluation-{anna.id}.pdf"' in disposition
    real = unquote(disposition.split("filename*=UTF-8''", 1)[1])
    assert "Анна Петрова" in real and real.endswith(".pdf")


def test_etag_304_and_no_second_render(client, auth, build, world, renders):
    anna = world[2]
    auth.login(build.user("lead").username)
    url = f"/candidates/{anna.id}/evaluation.pdf"
    first = client.get(url)
    etag = first.headers["ETag"]
    assert etag.startswith('"') and len(etag.strip('"')) == 64
    assert first.headers["Cache-Control"] == "no-store"

    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag

    third = client.get(url)  # no If-None-Match: the stored PDF, not a new render
    assert third.status_code == 200 and third.data == first.data
    assert renders == ["documents/evaluation.html"]
    stored = db.session.scalars(sa.select(RenderedDocument)).all()
    assert [row.key for row in stored] == [etag.strip('"')]


def test_the_reader_language_does_not_change_the_document(client, auth, build, world, renders):
    vacancy = world[0]
    english = build.user("hr", locale="en")
    russian = build.user("hr", locale="ru")
    auth.login(english.username)
    etag_en = client.get(f"/vacancies/{vacancy.id}/job-post.pdf").headers["ETag"]
    auth.logout()
    auth.login(russian.username)
    response = client.get(f"/vacancies/{vacancy.id}/job-post.pdf", headers={"If-None-Match": etag_en})
    assert response.status_code == 304
    assert renders == ["documents/job_post.html"]


def _etag(client, url):
    return client.get(url).headers["ETag"]


def test_a_changed_rating_note_or_decision_changes_the_evaluation(client, auth, build, world, renders):
    anna, card = world[2], world[6]
    lead = build.user("lead")
    auth.login(lead.username)
    url = f"/candidates/{anna.id}/evaluation.pdf"
    seen = [_etag(client, url)]

    rating = db.session.scalar(
        sa.select(Rating).where(Rating.scorecard_id == card.id, Rating.competency_code == "NEG")
    )
    rating.value = 2
    db.session.commit()
    seen.append(_etag(client, url))

    rating.note = "неуверенно, уступил в цене"
    db.session.commit()
    seen.append(_etag(client, url))

    db.session.add(
        Decision(candidate_id=anna.id, decision="hold", rationale="ждём рекомендации", decided_by_id=lead.id)
    )
    db.session.commit()
    seen.append(_etag(client, url))

    assert len(set(seen)) == 4
    assert renders == ["documents/evaluation.html"] * 4
    # only the newest version of the document is kept
    stored = db.session.scalars(sa.select(RenderedDocument.key)).all()
    assert stored == [seen[-1].strip('"')]


def test_a_draft_scorecard_does_not_change_the_evaluation(client, auth, build, world, renders):
    anna = world[2]
    auth.login(build.user("lead").username)
    url = f"/candidates/{anna.id}/evaluation.pdf"
    before = _etag(client, url)
    build.scorecard(anna, build.user("interviewer"), ratings={"NEG": 1}, submitted=False)
    assert _etag(client, url) == before


def test_a_vacancy_text_change_changes_the_job_post(client, auth, build, world, renders):
    vacancy = world[0]
    auth.login(build.user("hr").username)
    url = f"/vacancies/{vacancy.id}/job-post.pdf"
    before = _etag(client, url)
    vacancy.conditions = vacancy.conditions + "\nДМС"
    db.session.commit()
    assert _etag(client, url) != before
