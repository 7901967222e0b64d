"""The interview kit page (issue 16): questions with their probes, how to verify the plan figure and test a
language, and nothing that biases a rating — no weights, critical minimums, competency codes or others' scores."""

import html
import re

from tests.interviews.conftest import CODES


def visible_text(response) -> str:
    """What a reader sees: the page without tags, attributes, scripts and styles."""
    page = response.get_data(as_text=True)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_kit_page_shows_every_question_with_its_probes(client, auth, panel):
    auth.login("alice")
    text = visible_text(client.get(f"/interview/{panel.candidate.id}/kit"))
    for competency in panel.vacancy.profile.competencies:
        for question, probes in competency.questions_with_probes("en"):
            assert question in text
            assert probes and all(probe in text for probe in probes)
    assert "what share of them did you keep?" in text


def test_the_kit_page_shows_no_weight_minimum_code_or_other_scores(client, auth, panel, build):
    build.scorecard(
        panel.candidate, panel.second, ratings=dict.fromkeys(CODES, 5), notes={"REL": "BOB-SAW-THIS"}
    )
    auth.login("alice")
    text = visible_text(client.get(f"/interview/{panel.candidate.id}/kit"))
    assert not re.search(r"\b(weight|critical minimum)\b", text, re.IGNORECASE)
    assert not re.search(r"\b(" + "|".join(CODES) + r")\b", text)
    assert "BOB-SAW-THIS" not in text and "Bob Interviewer" not in text


def test_the_kit_page_says_how_to_verify_the_plan_and_test_the_required_language(client, auth, panel, build):
    auth.login("alice")
    text = visible_text(client.get(f"/interview/{panel.candidate.id}/kit"))
    assert "Verifying the sales plan figure" in text
    assert "the last full year or the last four quarters" in text
    assert "by shipments, invoices or payments received" in text
    assert "Testing a language" in text and "Switch to the language for part of a case question" in text
    assert "English B2 — mandatory" in text

    no_language = build.candidate(build.vacancy(language="en"))
    build.assign(no_language, panel.first)
    text = visible_text(client.get(f"/interview/{no_language.id}/kit"))
    assert "Verifying the sales plan figure" in text and "Testing a language" not in text
