"""The demo interview kit PDF as an interviewer reads it (SPEC §5, issues 16 and 17): compact, every question with
its follow-up probes and room for notes, how to verify the plan figure and test a language, and nothing that
biases a rating (no weights, critical minimums, competency codes or anyone's scores).

The demo of `flask seed --demo` is made once for the module; its kit is rendered in Russian (the demo vacancy's
language) and in English.
"""

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from hiring import create_app
from hiring.documents.pdf import page_label
from hiring.extensions import db
from hiring.models import Vacancy
from hiring.seed import seed_default_profile, seed_demo
from hiring.services import printouts
from tests.conftest import base_config, clean_database
from tests.documents.conftest import ReadPdf, first_page_ink

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "documents"
MAX_PAGES = 5
CODE = re.compile(r"\b(NEG|REL|ANA|IND|ORD|ACC|CLM|TIM)\b")
BIAS = {
    "en": re.compile(r"\bweights?\b|critical|minimum", re.IGNORECASE),
    "ru": re.compile(r"\bвес\b|\bвеса\b|критическ|минимум", re.IGNORECASE),
}


@pytest.fixture(scope="module")
def kit(database_url):
    app = create_app(base_config(database_url, None))
    with app.app_context():
        profile, _created = seed_default_profile()
        seed_demo(profile)
        db.session.commit()
        vacancy = db.session.scalar(sa.select(Vacancy).where(Vacancy.status == "open"))
        assert vacancy.language == "ru" and vacancy.language_requirements
        made = {"ru": printouts.interview_kit(vacancy)}
        vacancy.language = "en"
        made["en"] = printouts.interview_kit(vacancy)
        vacancy.language = "ru"
        html = {}
        for lang, printout in made.items():
            with app.test_request_context(), force_locale(lang):
                html[lang] = render_template(
                    printout.template, document=printout.metadata, page_label=page_label(), **printout.context
                )
        made_pdfs = {lang: printouts.pdf_bytes(p) for lang, p in made.items()}
        yield SimpleNamespace(
            app=app,
            vacancy=vacancy,
            printouts=made,
            pdfs=made_pdfs,
            read={lang: ReadPdf(content) for lang, content in made_pdfs.items()},
            html=html,
        )
        db.session.rollback()
        db.session.remove()
        clean_database()
        db.engine.dispose()


def flat(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> str:
    """Text without hyphenation or line breaks, to find a sentence however the PDF wrapped it."""
    return re.sub(r"\s+", "", text)


def in_language(kit, lang: str, message: str) -> str:
    with kit.app.app_context(), force_locale(lang):
        return _(message)


LANGUAGES = ["ru", "en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_kit_fits_five_pages(kit, lang):
    assert kit.read[lang].page_count <= MAX_PAGES
    assert kit.read[lang].language == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_kit_shows_no_weight_minimum_or_competency_code(kit, lang):
    text = kit.read[lang].text
    assert not BIAS[lang].findall(text), BIAS[lang].findall(text)
    assert not CODE.findall(text), CODE.findall(text)
    context = kit.printouts[lang].context
    for competency in context["competencies"]:
        assert set(competency) == {"name", "anchors", "questions"}  # nothing else reaches the template


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_question_comes_with_its_probes_and_room_for_notes(kit, lang):
    text = words(kit.read[lang].text)
    questions = [
        (q, probes) for c in kit.vacancy.profile.competencies for q, probes in c.questions_with_probes(lang)
    ]
    assert len(questions) >= 16
    for question, probes in questions:
        assert 1 <= len(probes) <= 2, question
        assert words(question) in text
        for probe in probes:
            assert words(probe) in text
    # An arrow before every probe, and one in the guide that explains it.
    assert kit.read[lang].text.count("→") == sum(len(probes) for _q, probes in questions) + 1
    # A note box under every question, and one for the summary; no five-line blocks per competency.
    assert kit.html[lang].count('class="kit-note"') == len(questions)
    assert kit.html[lang].count('class="kit-note kit-note-tall"') == 1
    assert "note-lines" not in kit.html[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_kit_tells_how_to_verify_the_plan_and_test_a_language(kit, lang):
    text = words(kit.read[lang].text)
    for message in (
        "Verifying the sales plan figure",
        "which period the figure covers — the last full year or the last four quarters.",
        "how attainment was counted — by shipments, invoices or payments received — and who confirmed it.",
        "Verified plan attainment",
        "Testing a language",
    ):
        assert words(in_language(kit, lang, message)) in text
    switch = in_language(
        kit,
        lang,
        "Switch to the language for part of a case question: ask the candidate to "
        "tell one of their stories in it — the price negotiation works well — and ask one or two "
        "follow-up probes in it too. Listen for whether they can give figures, answer an objection "
        "and keep going without switching back.",
    )
    assert words(switch)[:80] in text


def test_the_kit_asks_the_article_kpis_with_figures(kit):
    text = flat(kit.read["en"].text)
    assert "what share of them did you keep?" in text  # key-client retention
    assert "By what percentage did sales to that client grow" in text  # portfolio growth
    assert "What was the plan (revenue, margin or volume; personal or team; for what period)" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_the_kit_carries_content(kit, lang):
    for number, page in enumerate(kit.read[lang].pages, start=1):
        assert len(page.split()) >= 60, f"page {number} of the {lang} kit is nearly empty"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_the_first_page_of_the_kit_renders_to_an_image_that_is_not_blank(kit, capsys):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for lang, content in kit.pdfs.items():
        pdf = ARTIFACTS / f"interview-kit-{lang}.pdf"
        assert first_page_ink(content, pdf) >= 0.01, f"page 1 of the {lang} kit is blank"
    with capsys.disabled():
        print(f"\nfirst pages of the demo interview kits rendered to {ARTIFACTS}")
