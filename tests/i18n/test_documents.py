"""The four PDFs speak the vacancy's language, whatever the reader's interface language."""

import io

import pytest
from flask import url_for
from pypdf import PdfReader

from hiring.extensions import db
from tests.i18n.checker import assert_english, assert_russian
from tests.i18n.world import build_world

OTHER = {"ru": "en", "en": "ru"}
DOCUMENTS = {
    "job post": lambda w: url_for("documents.job_post", vacancy_id=w.vacancy.id),
    "interview kit": lambda w: url_for("documents.kit", vacancy_id=w.vacancy.id),
    "evaluation": lambda w: url_for("documents.evaluation_pdf", candidate_id=w.candidates[0].id),
    "comparison": lambda w: url_for(
        "documents.comparison_pdf", vacancy_id=w.vacancy.id, ids=[c.id for c in w.candidates]
    ),
}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


@pytest.mark.parametrize("language", ["ru", "en"])
def test_documents_in_the_vacancy_language(client, auth, build, language):
    world = build_world(build, language)
    reader = world.users["lead"]
    reader.locale = OTHER[language]  # the reader's interface speaks the other language
    db.session.commit()
    auth.login(reader.username)
    problems = []
    for name, url in DOCUMENTS.items():
        response = client.get(url(world))
        assert response.status_code == 200, f"{name}: HTTP {response.status_code}"
        assert response.mimetype == "application/pdf"
        text = pdf_text(response.data)
        try:
            assert len(text) > 100, f"{name}: no text"
            if language == "ru":
                assert_russian(text, world.data, f"{name} PDF")
            else:
                assert_english(text, world.data, f"{name} PDF")
        except AssertionError as error:
            problems.append(str(error).split("\nassert")[0])
    assert not problems, "\n".join(problems)
