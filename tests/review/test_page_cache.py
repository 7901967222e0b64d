"""The dashboard and the evaluation page reuse what they rendered before, and never show it after an input changed.

hiring.web.page_cache keeps their content per process under the revisions of what they show. Each test reads
a page (now kept), changes one input as a service would and commits, and reads it again: the page must equal
a render with the cache switched off, and must differ from before where the change shows on it.
"""

import re

import pytest

from hiring.extensions import db
from hiring.models import Candidate, Scorecard
from tests.builders import PASSWORD
from tests.documents.test_cache_freshness import CHANGES
from tests.documents.test_routes import world as world  # noqa: F401  (the fixture)


def pages(world) -> dict[str, str]:
    vacancy, _other, anna, *_ = world
    return {
        "dashboard": f"/vacancies/{vacancy.id}/dashboard",
        "evaluation": f"/candidates/{anna.id}/evaluation",
    }


CSRF_VALUE = re.compile(r'(name="csrf_token"[^>]*value=")[^"]*')


def read(client, url: str) -> str:
    """The page, its CSRF tokens blanked: a token is signed with the second it was made in."""
    response = client.get(url)
    assert response.status_code == 200
    return CSRF_VALUE.sub(r"\1", response.text)


def uncached(client, url: str) -> str:
    """The page rendered from scratch, as it is now."""
    config = client.application.config
    assert config["PAGE_CACHE_SIZE"], "the cache is on in the tests"
    size, config["PAGE_CACHE_SIZE"] = config["PAGE_CACHE_SIZE"], 0
    try:
        return read(client, url)
    finally:
        config["PAGE_CACHE_SIZE"] = size


# Changes of the pages' own (the document changes are tested on both pages too).
PAGE_CHANGES = {
    **CHANGES,
    "candidate added": lambda w, b: b.candidate(w[0], full_name="Вера Новикова"),
    "other candidate removed": lambda w, b: db.session.delete(db.session.get(Candidate, w[3].id)),
}
# Where each change shows (it is checked not to go stale on the other page as well).
SHOWN_ON = {
    "dashboard": {
        "candidate name",
        "rating value",
        "scorecard reopened",
        "another scorecard",
        "decision",
        "vacancy title",
        "language requirement",
        "custom check",
        "candidate added",
        "other candidate removed",
    },
    "evaluation": {
        "candidate field",
        "candidate name",
        "candidate language",
        "rating value",
        "rating note",
        "verified language",
        "recommendation",
        "scorecard reopened",
        "another scorecard",
        "decision",
        "interviewer name",
        "vacancy title",
        "language requirement",
        "custom check",
        "profile competency name",
        "profile weight",
        "candidate added",
        "other candidate removed",
    },
}
CASES = [(change, page) for change in PAGE_CHANGES for page in ("dashboard", "evaluation")]


@pytest.mark.parametrize(("change", "page"), CASES, ids=[f"{c}-{p}" for c, p in CASES])
def test_a_kept_page_is_never_shown_after_its_input_changed(client, auth, build, world, change, page):
    auth.login(build.user("lead").username)
    url = pages(world)[page]
    before = read(client, url)
    assert read(client, url) == before == uncached(client, url)
    PAGE_CHANGES[change](world, build)
    db.session.commit()
    after = read(client, url)
    assert after == uncached(client, url), f"{change}: the {page} showed what it rendered before the change"
    if change in SHOWN_ON[page]:
        assert after != before, f"{change} does not show on the {page}: the test proves nothing"


def test_a_kept_page_is_reused_until_something_changes(client, auth, build, world, monkeypatch):
    """The second read renders nothing of the content again; each language is kept apart."""
    from hiring.web import review

    auth.login(build.user("lead").username)
    rendered = []
    for name in ("_dashboard_body", "_evaluation_summary"):
        original = getattr(review, name)
        monkeypatch.setattr(
            review,
            name,
            lambda *args, _original=original, _name=name: rendered.append(_name) or _original(*args),
        )
    for url in pages(world).values():
        first = read(client, url)
        assert read(client, url) == first
    assert rendered == ["_dashboard_body", "_evaluation_summary"]
    client.post("/language/en", data={"next": "/"})
    english = client.get(pages(world)["dashboard"]).text
    assert "Ranking" in english and english != first
    assert rendered[-1] == "_dashboard_body"


def test_a_change_not_committed_is_never_kept(client, auth, build, world):
    """A part rendered while the session holds unsaved changes is not kept: the change may be rolled back."""
    lead = build.user("lead")
    auth.login(lead.username)
    url = pages(world)["evaluation"]
    before = read(client, url)
    anna = db.session.get(Candidate, world[2].id)
    anna.full_name = "Не сохранено"
    db.session.flush()
    with client.application.test_request_context():
        from flask_login import login_user

        from hiring.web.page_cache import rendered_part

        login_user(lead)
        assert rendered_part(("probe",), (1,), lambda: "unsaved") == "unsaved"
        assert rendered_part(("probe",), (1,), lambda: "again") == "again"
    db.session.rollback()
    assert read(client, url) == before


def test_a_draft_scorecard_shows_on_a_kept_evaluation_page(client, auth, build, world):
    """A draft changes no evaluation and no document, only the page's "(1 draft not counted)"."""
    auth.login(build.user("lead").username)
    anna = world[2]
    interviewer = build.user("interviewer")
    build.assign(anna, interviewer)
    url = pages(world)["evaluation"]
    before = read(client, url)
    db.session.add(Scorecard(candidate_id=anna.id, interviewer_id=interviewer.id, status="draft"))
    db.session.commit()
    after = read(client, url)
    assert after == uncached(client, url), "the evaluation page did not count the new draft"
    assert after != before


def test_a_page_keeps_one_part_the_one_of_its_latest_stamp():
    """A part rendered before a change (a name since anonymised, say) is dropped when the page is read again."""
    from hiring.web.page_cache import PartCache

    cache = PartCache(size=2)
    cache.put(("evaluation", 1), (5,), "Анна Петрова")
    cache.put(("evaluation", 1), (6,), "[удалено]")
    assert cache.get(("evaluation", 1), (5,)) is None
    assert cache.get(("evaluation", 1), (6,)) == "[удалено]"
    assert "Анна Петрова" not in str(cache._parts)
    cache.put(("evaluation", 2), (1,), "b")
    cache.get(("evaluation", 1), (6,))  # read: now the most recent
    cache.put(("dashboard", 1), (1,), "c")  # over the size: the least recently used page goes
    assert cache.get(("evaluation", 2), (1,)) is None
    assert cache.get(("evaluation", 1), (6,)) == "[удалено]"


# --- the whole page, per session --------------------------------------------------------------------------


def test_a_session_reads_its_page_again_without_any_rendering(client, auth, build, world, monkeypatch):
    from hiring.web import review

    auth.login(build.user("lead").username)
    templates = []
    original = review.render_template
    monkeypatch.setattr(
        review, "render_template", lambda name, **c: templates.append(name) or original(name, **c)
    )
    for url in pages(world).values():
        first = client.get(url).text
        rendered = len(templates)
        assert client.get(url).text == first
        assert len(templates) == rendered, "the second read rendered the page again"
    assert "review/dashboard.html" in templates and "review/evaluation.html" in templates


def test_a_message_to_flash_shows_on_a_kept_page_once(client, auth, build, world):
    auth.login(build.user("lead").username)
    url = pages(world)["dashboard"]
    first = read(client, url)
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Кандидаты импортированы")]
    assert "Кандидаты импортированы" in read(client, url)
    assert read(client, url) == first


def test_the_users_name_and_menu_count_show_at_once(client, auth, build, world):
    """Neither is in the page's stamp: a rename and another vacancy's candidate ready for a decision."""
    lead = build.user("lead", full_name="Ольга Лидова")
    auth.login(lead.username)
    url = pages(world)["dashboard"]
    assert "Ольга Лидова" in read(client, url)
    lead.full_name = "Ольга Новикова"
    db.session.commit()
    renamed = read(client, url)
    assert "Ольга Новикова" in renamed and "Ольга Лидова" not in renamed
    before = read(client, url)
    build.scorecard(world[4])  # the other vacancy's candidate: ready for a decision, one more in the menu
    after = read(client, url)
    assert after == uncached(client, url)
    assert after != before


def test_each_session_gets_its_own_csrf_token(app_config, build, world):
    """Two sessions of one user: each page carries a token of its own session, never the other's.

    A second app instance: each request has its own app context, and so its own `g`, as in gunicorn.
    """
    from itsdangerous import URLSafeTimedSerializer

    from hiring import create_app

    app = create_app(app_config)
    lead = build.user("lead")
    url = pages(world)["evaluation"]
    tokens, raw = [], []
    for _ in range(2):
        client = app.test_client()
        assert (
            client.post("/login", data={"username": lead.username, "password": PASSWORD}).status_code == 302
        )
        client.get(url)
        page = client.get(url).text
        tokens.append(re.search(r'name="csrf_token"[^>]*value="([^"]*)"', page).group(1))
        with client.session_transaction() as session:
            raw.append(session["csrf_token"])
    serializer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wtf-csrf-token")
    assert raw[0] != raw[1]
    assert [serializer.loads(token) for token in tokens] == raw
