"""The four documents of SPEC §5 — job post, interview kit, evaluation, shortlist comparison — as PDFs.

A document is first a `Printout`: its template, a context of plain values (the rows it shows and the scoring
engine's answers, already in the vacancy's language), its PDF metadata, its download names, and its `key`:
the SHA-256 of the document kind, the document templates, the print stylesheet, the message catalogue and the
whole context. `pdf_bytes` renders a printout only when no PDF with that key is stored in `RenderedDocument`,
so a changed rating, note or decision (all in the context) makes a new PDF, and an unchanged one is served
from the database to any worker. No request or response here: pages and the API call the same functions.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale, get_babel
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from hiring import glossary
from hiring.documents import printout_values as texts
from hiring.documents.language import document_language
from hiring.documents.pdf import DocumentMeta, create_pdf, print_resources
from hiring.documents.verdict import decision_values, verdict
from hiring.domain import rank
from hiring.domain.ranking import SHORTLIST_MAX, SHORTLIST_MIN, shortlist_size_ok
from hiring.errors import ShortlistError
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Candidate, Decision, RenderedDocument, Vacancy
from hiring.services.evaluations import (
    evaluate_candidate,
    evaluate_candidates,
    load_vacancy,
    with_evaluation_inputs,
)

log = logging.getLogger(__name__)

TEMPLATES = {
    "job_post": "documents/job_post.html",
    "kit": "documents/interview_kit.html",
    "evaluation": "documents/evaluation.html",
    "comparison": "documents/comparison.html",
}
# Raise it when the way a context is built changes in a way its values do not show.
FORMAT_VERSION = 1


@dataclasses.dataclass(frozen=True, slots=True)
class Printout:
    """A document ready to be made; `identity` names it across versions, `key` names this version."""

    kind: str
    identity: str
    template: str
    context: dict[str, Any]
    metadata: DocumentMeta
    filename: str
    ascii_filename: str
    key: str


# --- the four documents -------------------------------------------------------------------------------------


def job_post(vacancy: Vacancy) -> Printout:
    """The job post of a vacancy, in the vacancy's language."""
    with force_locale(document_language(vacancy)):
        required, nice = texts.job_post_requirements(vacancy)
        context = {"vacancy": texts.vacancy_values(vacancy), "requirements": required, "nice_to_have": nice}
        return _printout(
            "job_post", str(vacancy.id), vacancy, context, _("Job post"), f"job-post-{vacancy.id}"
        )


def interview_kit(vacancy: Vacancy) -> Printout:
    """The interview kit of a vacancy: every competency with its anchors, questions, probes and boxes to rate.

    Nothing that biases a rating is in it: no weights, critical minimums, codes or other raters' scores.
    """
    lang = document_language(vacancy)
    with force_locale(lang):
        context = {
            "vacancy": texts.vacancy_values(vacancy),
            "profile_name": vacancy.profile.name(lang),
            "kpi_note": texts.kpi_note(lang),
            "competencies": [
                {
                    "name": c.name(lang),
                    "anchors": sorted(c.anchors(lang).items()),
                    "questions": [
                        {"text": question, "probes": probes}
                        for question, probes in c.questions_with_probes(lang)
                    ],
                }
                for c in vacancy.profile.competencies
            ],
            "languages": [texts.language_requirement(r) for r in vacancy.language_requirements],
            "recommendation_choices": [str(label) for label in glossary.RECOMMENDATION_LABELS.values()],
        }
        return _printout(
            "kit", str(vacancy.id), vacancy, context, _("Interview kit"), f"interview-kit-{vacancy.id}"
        )


def evaluation(candidate: Candidate) -> Printout:
    """The evaluation of a candidate: screening, score, band, chart, every submitted rating, notes, decision."""
    vacancy = load_vacancy(candidate.vacancy_id)
    candidate = _load_candidate(candidate.id)
    result = evaluate_candidate(candidate)
    lang = document_language(vacancy)
    with force_locale(lang):
        cards = sorted((c for c in candidate.scorecards if c.is_submitted), key=lambda c: c.interviewer_id)
        competencies = vacancy.profile.competencies
        by_code = {r.code: r for r in result.competencies}
        rows = []
        for competency in competencies:
            outcome = by_code.get(competency.code)
            ratings = [texts.rating_of(card, competency.code) for card in cards]
            rows.append(
                {
                    **texts.competency_outcome(competency, outcome, lang, vacancy),
                    "ratings": [value for value, _note in ratings],
                    "notes": [
                        {"interviewer": card.interviewer.display_name, "text": note}
                        for card, (_value, note) in zip(cards, ratings, strict=True)
                        if note.strip()
                    ],
                }
            )
        decision = candidate.current_decision
        context = {
            "vacancy": texts.vacancy_values(vacancy),
            "candidate": texts.candidate_values(candidate, lang),
            "evaluation": texts.evaluation_values(result, vacancy),
            "verdict": verdict(result, vacancy, decision, lang),
            "competencies": rows,
            "interviewers": [texts.scorecard_values(card) for card in cards],
            "chart": texts.chart_svg(competencies, by_code, lang) if result.submitted_count else None,
            "decisions": [decision_values(d) for d in reversed(candidate.decisions)],
        }
        return _printout(
            "evaluation",
            str(candidate.id),
            vacancy,
            context,
            f"{_('Evaluation')} — {candidate.full_name}",
            f"evaluation-{candidate.id}",
        )


def comparison(vacancy: Vacancy, candidate_ids: Sequence[int]) -> Printout:
    """Two to six candidates of the vacancy side by side, in ranking order; ShortlistError otherwise."""
    ids = sorted(set(candidate_ids))
    if not shortlist_size_ok(len(ids)):
        raise ShortlistError(
            _l(
                "Choose between %(min)s and %(max)s candidates to compare; you chose %(n)s.",
                min=SHORTLIST_MIN,
                max=SHORTLIST_MAX,
                n=len(ids),
            )
        )
    vacancy = load_vacancy(vacancy.id)
    evaluations = rank(evaluate_candidates(vacancy, ids))
    if len(evaluations) != len(ids):
        raise ShortlistError(_l("Only candidates of this vacancy can be compared."))
    people = {
        c.id: c
        for c in db.session.scalars(
            sa.select(Candidate).where(Candidate.id.in_(ids)).options(selectinload(Candidate.languages))
        )
    }
    lang = document_language(vacancy)
    with force_locale(lang):
        columns = [
            {
                **texts.candidate_values(people[e.candidate_id], lang),
                **texts.evaluation_values(e, vacancy),
                "recommendation_summary": glossary.recommendation_summary(e.recommendations),
            }
            for e in evaluations
        ]
        rows = []
        for competency in vacancy.profile.competencies:
            cells = []
            for result in evaluations:
                outcome = next(r for r in result.competencies if r.code == competency.code)
                cells.append(texts.competency_outcome(competency, outcome, lang, vacancy))
            rows.append(
                {
                    "code": competency.code,
                    "name": competency.name(lang),
                    "weight": competency.weight,
                    "cells": cells,
                }
            )
        context = {"vacancy": texts.vacancy_values(vacancy), "candidates": columns, "competencies": rows}
        digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:8]
        return _printout(
            "comparison",
            f"{vacancy.id}:{digest}",
            vacancy,
            context,
            _("Shortlist comparison"),
            f"comparison-{vacancy.id}",
        )


# --- the PDF, rendered once per key -------------------------------------------------------------------------


def pdf_bytes(printout: Printout) -> bytes:
    """The printout's PDF: the stored one with the same key, else rendered now and stored."""
    stored = db.session.scalar(
        sa.select(RenderedDocument.content).where(RenderedDocument.key == printout.key)
    )
    if stored is not None:
        return bytes(stored)
    content = create_pdf(printout.template, printout.context, metadata=printout.metadata)
    _store(printout, content)
    return content


def job_post_pdf(vacancy: Vacancy) -> bytes:
    return pdf_bytes(job_post(vacancy))


def evaluation_pdf(candidate: Candidate) -> bytes:
    return pdf_bytes(evaluation(candidate))


def _store(printout: Printout, content: bytes) -> None:
    """Keep the PDF under its key and drop the older versions of the same document.

    A cache entry is not part of the reader's unit of work (a GET changes nothing), so it is written in its
    own short transaction; a failure to write it costs a re-render later, never the download.
    """
    table = RenderedDocument.__table__
    try:
        with db.engine.begin() as connection:
            connection.execute(
                sa.delete(table).where(table.c.kind == printout.identity, table.c.key != printout.key)
            )
            exists = connection.scalar(sa.select(table.c.key).where(table.c.key == printout.key))
            if exists is None:
                connection.execute(
                    sa.insert(table).values(
                        key=printout.key,
                        kind=printout.identity,
                        content=content,
                        created_at=datetime.now(UTC),
                    )
                )
    except sa.exc.SQLAlchemyError:
        # Another worker stored the same key at the same moment, or the database is busy: render again later.
        log.warning("rendered document %s not stored", printout.identity, exc_info=True)


def _printout(
    kind: str, subject: str, vacancy: Vacancy, context: dict, title: str, ascii_name: str
) -> Printout:
    """Call inside force_locale(vacancy's language): the title and the key depend on it."""
    metadata = DocumentMeta(
        title=f"{title} — {vacancy.title}" if kind != "evaluation" else title,
        author=vacancy.company or current_app.config.get("COMPANY_NAME") or "KAM Hiring",
        language=document_language(vacancy),
        created=datetime.now(UTC),
    )
    context = {**context, "document_kind": title}
    filename = f"{title} — {vacancy.title}.pdf" if kind != "evaluation" else f"{title}.pdf"
    return Printout(
        kind=kind,
        identity=f"{kind}:{subject}"[:32],
        template=TEMPLATES[kind],
        context=context,
        metadata=metadata,
        filename=filename,
        ascii_filename=f"{ascii_name}.pdf",
        key=document_key(kind, TEMPLATES[kind], metadata, context),
    )


def document_key(kind: str, template: str, metadata: DocumentMeta, context: dict) -> str:
    """SHA-256 of everything a PDF is made from (its creation time aside)."""
    language = metadata.language
    payload = {
        "kind": kind,
        "metadata": [metadata.title, metadata.author, language],
        "format": FORMAT_VERSION,
        "template": template,
        "templates": _templates_version(),
        "css": print_resources().css_version,
        "catalogue": _catalogue_version(language),
        "language": language,
        "context": context,
    }
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | Fraction):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    if hasattr(value, "__html__") or type(value).__name__ == "LazyString":
        return str(value)
    raise TypeError(f"not a plain value for a document key: {type(value).__name__}")


def _templates_version() -> str:
    """The sources of every document template (a change in the layout changes every document)."""
    env = current_app.jinja_env
    digest = hashlib.sha256()
    for name in sorted(n for n in env.list_templates() if n.startswith("documents/")):
        source, _filename, _uptodate = env.loader.get_source(env, name)
        digest.update(name.encode() + b"\0" + source.encode("utf-8") + b"\0")
    return digest.hexdigest()[:16]


def _catalogue_version(language: str) -> str:
    """Size and time of the compiled catalogues of the language: new translations make new documents."""
    stamps = []
    for directory in get_babel().translation_directories:
        folder = os.path.join(directory, language, "LC_MESSAGES")
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".mo"):
                    stat = os.stat(os.path.join(folder, name))
                    stamps.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:16]


def _load_candidate(candidate_id: int) -> Candidate:
    """The candidate with everything the evaluation shows, in a fixed number of queries."""
    return db.session.scalar(
        sa.select(Candidate)
        .where(Candidate.id == candidate_id)
        .options(
            *with_evaluation_inputs(interviewers=True),
            selectinload(Candidate.decisions).selectinload(Decision.decided_by),
        )
    )
