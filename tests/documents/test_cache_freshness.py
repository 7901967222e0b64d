"""A cached PDF is found by the revisions of its inputs, and never served after any input changed.

Rendering is a stub whose bytes are a digest of the document's values: a download is current when its bytes
equal a render of the values as they are now.
"""

import hashlib
import json

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from hiring.extensions import db
from hiring.models import (
    CustomCheck,
    Decision,
    Profile,
    Rating,
    Scorecard,
    User,
    Vacancy,
    VerifiedLanguage,
)
from hiring.services import printouts
from tests.documents.test_routes import urls
from tests.documents.test_routes import world as world  # noqa: F401  (the fixture)


def _digest(context) -> bytes:
    data = json.dumps(context, sort_keys=True, default=printouts._plain, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest().encode()


@pytest.fixture
def renders(monkeypatch):
    calls = []

    def fake_create_pdf(template_name, context, *, metadata, fetcher=None):
        calls.append(template_name)
        return b"%PDF-1.7 " + _digest(context)

    monkeypatch.setattr(printouts, "create_pdf", fake_create_pdf)
    return calls


def current(world, document: str) -> bytes:
    """What a render of the document's values as they are now gives."""
    vacancy, _other, anna, boris, *_ = world
    db.session.expire_all()
    vacancy = db.session.get(Vacancy, vacancy.id)
    printout = {
        "job_post": lambda: printouts.job_post(vacancy),
        "kit": lambda: printouts.interview_kit(vacancy),
        "evaluation": lambda: printouts.evaluation(anna),
        "comparison": lambda: printouts.comparison(vacancy, [anna.id, boris.id]),
    }[document]()
    return b"%PDF-1.7 " + _digest(printout.context)


def _rating(card, code="NEG") -> Rating:
    return db.session.scalar(
        sa.select(Rating).where(Rating.scorecard_id == card.id, Rating.competency_code == code)
    )


def _competency(world, code="NEG"):
    profile = db.session.get(Profile, world[0].profile_id)
    return next(c for c in profile.competencies if c.code == code)


# Each input a document shows, changed as a service would change it (through the session, committed).
CHANGES = {
    "candidate field": lambda w, b: setattr(w[2], "experience_years", 11.0),
    "candidate name": lambda w, b: setattr(w[2], "full_name", "Анна Сидорова"),
    "candidate language": lambda w, b: setattr(w[2].languages[0], "level", "C2"),
    "rating value": lambda w, b: setattr(_rating(w[6]), "value", 2),
    "rating note": lambda w, b: setattr(_rating(w[6]), "note", "уступил в цене"),
    "verified language": lambda w, b: db.session.add(
        VerifiedLanguage(scorecard_id=w[6].id, language="en", level="B1")
    ),
    "recommendation": lambda w, b: setattr(db.session.get(Scorecard, w[6].id), "recommendation", "no"),
    "scorecard reopened": lambda w, b: setattr(db.session.get(Scorecard, w[6].id), "status", "draft"),
    "another scorecard": lambda w, b: b.scorecard(w[2], b.user("interviewer"), ratings={"NEG": 1}),
    "decision": lambda w, b: db.session.add(
        Decision(candidate_id=w[2].id, decision="hold", rationale="ждём", decided_by_id=b.user("lead").id)
    ),
    "interviewer name": lambda w, b: setattr(db.session.get(User, w[5].id), "full_name", "Ирина Новая"),
    "vacancy title": lambda w, b: setattr(db.session.get(Vacancy, w[0].id), "title", "Старший менеджер KAM"),
    "language requirement": lambda w, b: setattr(
        db.session.get(Vacancy, w[0].id).language_requirements[0], "min_level", "C1"
    ),
    "custom check": lambda w, b: db.session.add(
        CustomCheck(vacancy_id=w[0].id, position=0, text="Готов к командировкам", mandatory=True)
    ),
    "profile competency name": lambda w, b: setattr(_competency(w), "name_ru", "Переговоры (новое)"),
    "profile weight": lambda w, b: (
        setattr(_competency(w, "NEG"), "weight", _competency(w, "NEG").weight + 5),
        setattr(_competency(w, "REL"), "weight", _competency(w, "REL").weight - 5),
    ),
    "profile anchor": lambda w, b: setattr(_competency(w), "anchor5_ru", "Новый якорь"),
    "profile probe": lambda w, b: setattr(
        _competency(w),
        "questions",
        [
            q | {"probes": [{"ru": "Сколько клиентов?", "en": "How many clients?"}]}
            for q in _competency(w).questions
        ],
    ),
}
# Which documents show each input.
SHOWN_IN = {
    "candidate field": ("evaluation", "comparison"),
    "candidate name": ("evaluation", "comparison"),
    "candidate language": ("evaluation", "comparison"),
    "rating value": ("evaluation", "comparison"),
    "rating note": ("evaluation",),
    "verified language": ("evaluation", "comparison"),
    "recommendation": ("evaluation", "comparison"),
    "scorecard reopened": ("evaluation", "comparison"),
    "another scorecard": ("evaluation", "comparison"),
    "decision": ("evaluation",),
    "interviewer name": ("evaluation",),
    "vacancy title": ("job_post", "kit", "evaluation", "comparison"),
    "language requirement": ("job_post", "evaluation", "comparison"),
    "custom check": ("job_post", "evaluation"),
    "profile competency name": ("job_post", "kit", "evaluation", "comparison"),
    "profile weight": ("evaluation", "comparison"),  # the kit shows no weights (they bias a rating)
    "profile anchor": ("kit",),
    "profile probe": ("kit",),
}
CASES = [(change, document) for change, documents in SHOWN_IN.items() for document in documents]


@pytest.mark.parametrize(("change", "document"), CASES, ids=[f"{c}-{d}" for c, d in CASES])
def test_a_cached_document_is_never_served_after_its_input_changed(
    client, auth, build, world, renders, change, document
):
    auth.login(build.user("hr").username)
    url = urls(world)[document]
    before = client.get(url)
    assert before.status_code == 200
    assert client.get(url).data == before.data  # now cached
    CHANGES[change](world, build)
    db.session.commit()
    after = client.get(url)
    assert after.data == current(world, document), f"{change}: a stale {document} was served"
    assert after.data != before.data, f"{change} does not show in the {document}: the test proves nothing"
    assert after.headers["ETag"] != before.headers["ETag"]
    revalidated = client.get(url, headers={"If-None-Match": before.headers["ETag"]})
    assert revalidated.status_code == 200


def test_a_weight_change_leaves_the_kit_as_it_was(client, auth, build, world, renders):
    """The kit shows no weights, so reweighting the profile makes no new kit (and serves no stale one)."""
    auth.login(build.user("hr").username)
    url = urls(world)["kit"]
    before = client.get(url)
    CHANGES["profile weight"](world, build)
    db.session.commit()
    after = client.get(url)
    assert after.data == before.data == current(world, "kit")


def count_queries(func) -> list[str]:
    statements: list[str] = []

    def before(*args):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        func()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return statements


@pytest.mark.parametrize("document", ["job_post", "kit", "evaluation", "comparison"])
def test_a_cached_download_and_a_304_load_no_input(client, auth, build, world, renders, document):
    """A cached PDF is found by its revisions: four small queries at most, none reading a scorecard or rating."""
    auth.login(build.user("hr").username)
    url = urls(world)[document]
    etag = client.get(url).headers["ETag"]
    for headers in ({}, {"If-None-Match": etag}):
        responses: list = []
        statements = count_queries(lambda h=headers, out=responses: out.append(client.get(url, headers=h)))
        assert responses[0].status_code == (304 if headers else 200)
        read = " ".join(statements).lower()
        assert "from rating" not in read and "from scorecard" not in read, statements
        assert "from competency" not in read and "from candidate_language" not in read, statements
        assert len(statements) <= 4, statements  # the user, the subject, its revisions, the stored PDF
    assert len(renders) == 1
