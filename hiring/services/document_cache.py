"""The documents as downloads: a cached PDF or a 304 found in O(1) small queries, without loading any input.

A `Download` carries a revision key: the SHA-256 of the document's kind and subject, the revisions of its
inputs (`hiring.services.revisions` raises them on every commit that changes what the document shows) and
the process's document version (templates, print stylesheet, catalogues, company name). A stored PDF made
from those revisions is found by that key alone. Only on a miss are the values built (`hiring.services.
printouts`), keyed by their content as before: an unchanged content is not rendered again, and the revision
key is then attached to it.

Never stale: the revision key is read before the values are loaded (and the session's objects are expired
first), so the values are at least as new as the revisions the key names.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from hiring.documents.language import chosen_language, document_language
from hiring.documents.pdf import print_resources
from hiring.domain.ranking import shortlist_size_ok
from hiring.errors import ShortlistError
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Candidate, RenderedDocument, StoredEvaluation, Vacancy
from hiring.services import printouts

log = logging.getLogger(__name__)


class Download:
    """A document as a route serves it: `key` (the ETag) and the PDF, its values built only when needed."""

    def __init__(
        self,
        identity: str,
        revision_key: str,
        filename: str,
        ascii_filename: str,
        build: Callable[[], printouts.Printout],
    ):
        self.identity = identity
        self.revision_key = revision_key
        self.filename = filename
        self.ascii_filename = ascii_filename
        self._build = build

    @cached_property
    def stored_key(self) -> str | None:
        """The content key of the PDF stored for these revisions, in one query; None on a miss."""
        return db.session.scalar(
            sa.select(RenderedDocument.key).where(RenderedDocument.revision_key == self.revision_key).limit(1)
        )

    def stored_content(self) -> bytes | None:
        """The PDF stored for these revisions, found with its key in one query (the key is kept); None on a miss."""
        if "stored_key" in self.__dict__:
            if self.stored_key is None:
                return None
            content = db.session.scalar(
                sa.select(RenderedDocument.content).where(RenderedDocument.key == self.stored_key)
            )
            return None if content is None else bytes(content)
        row = db.session.execute(
            sa.select(RenderedDocument.key, RenderedDocument.content)
            .where(RenderedDocument.revision_key == self.revision_key)
            .limit(1)
        ).first()
        self.__dict__["stored_key"] = row.key if row else None
        return bytes(row.content) if row else None

    @cached_property
    def printout(self) -> printouts.Printout:
        db.session.expire_all()  # values at least as new as the revisions read before
        return self._build()

    @property
    def key(self) -> str:
        """The document's ETag: the content key of its current version."""
        if self.stored_key is not None:
            return self.stored_key
        _attach(self.revision_key, self.printout.key)
        self.__dict__["stored_key"] = self.printout.key
        return self.printout.key


def pdf_bytes(download: Download) -> bytes:
    """The download's PDF: the stored one for its revisions, else the values' stored PDF or a new render."""
    content = download.stored_content()
    if content is not None:
        return content
    content = printouts.pdf_bytes(download.printout)
    _attach(download.revision_key, download.printout.key)
    download.__dict__["stored_key"] = download.printout.key
    return content


def _attach(revision_key: str, key: str) -> None:
    """Let the stored PDF of content `key` (if any) be found by `revision_key`; its own short transaction."""
    table = RenderedDocument.__table__
    try:
        with db.engine.begin() as connection:
            connection.execute(sa.update(table).where(table.c.key == key).values(revision_key=revision_key))
    except sa.exc.SQLAlchemyError:
        log.warning("revision key of rendered document %s not stored", key, exc_info=True)


# --- the four documents -------------------------------------------------------------------------------------


def job_post(vacancy: Vacancy) -> Download:
    return _vacancy_document(
        "job_post", vacancy, _l("Job post"), f"job-post-{vacancy.id}", printouts.job_post
    )


def interview_kit(vacancy: Vacancy) -> Download:
    return _vacancy_document(
        "kit", vacancy, _l("Interview kit"), f"interview-kit-{vacancy.id}", printouts.interview_kit
    )


def evaluation(candidate: Candidate) -> Download:
    """The candidate's evaluation (load the candidate `candidate_with_stamp()`: its revisions come joined)."""
    vacancy_stamp = _stamp(candidate.vacancy)
    stored = candidate.evaluation
    parts = [vacancy_stamp, [candidate.id, candidate.created_at, None if stored is None else stored.revision]]
    with force_locale(chosen_language() or vacancy_stamp[3]):
        filename = f"{_('Evaluation')} — {candidate.full_name}.pdf"
    return Download(
        f"evaluation:{candidate.id}",
        _revision_key("evaluation", parts),
        filename,
        f"evaluation-{candidate.id}.pdf",
        lambda: printouts.evaluation(db.session.get(Candidate, candidate.id)),
    )


def comparison(vacancy: Vacancy, candidate_ids: Sequence[int]) -> Download:
    """Two to six candidates of the vacancy; ShortlistError as printouts.comparison() has it."""
    ids = sorted(set(candidate_ids))
    rows = db.session.execute(
        sa.select(Candidate.id, Candidate.created_at, StoredEvaluation.revision)
        .join(StoredEvaluation, StoredEvaluation.candidate_id == Candidate.id)
        .where(Candidate.id.in_(ids), Candidate.vacancy_id == vacancy.id)
        .order_by(Candidate.id)
    ).all()
    if not shortlist_size_ok(len(ids)) or len(rows) != len(ids):
        printouts.comparison(vacancy, ids)  # raises the ShortlistError that says why
        raise ShortlistError(_l("Only candidates of this vacancy can be compared."))
    parts = [_stamp(vacancy), [list(row) for row in rows]]
    with force_locale(document_language(vacancy)):
        filename = f"{_('Shortlist comparison')} — {vacancy.title}.pdf"
    digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:8]
    return Download(
        f"comparison:{vacancy.id}:{digest}"[:32],
        _revision_key("comparison", parts),
        filename,
        f"comparison-{vacancy.id}.pdf",
        lambda: printouts.comparison(db.session.get(Vacancy, vacancy.id), ids),
    )


def _vacancy_document(kind: str, vacancy: Vacancy, title: Any, ascii_name: str, build) -> Download:
    with force_locale(document_language(vacancy)):
        filename = f"{title} — {vacancy.title}.pdf"
    return Download(
        f"{kind}:{vacancy.id}"[:32],
        _revision_key(kind, [_stamp(vacancy)]),
        filename,
        f"{ascii_name}.pdf",
        lambda: build(db.session.get(Vacancy, vacancy.id)),
    )


def _stamp(vacancy: Vacancy) -> list[Any]:
    """What names this version of the vacancy (the creation time tells apart a re-used id)."""
    return [vacancy.id, vacancy.created_at, vacancy.revision, vacancy.language]


def _revision_key(kind: str, parts: list[Any]) -> str:
    payload = [kind, documents_version(), chosen_language(), parts]
    data = json.dumps(payload, default=str, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def documents_version() -> str:
    """What every document of this process is made with: templates, stylesheet, catalogues, company name.

    Computed once per app: a new template or translation comes with a new process.
    """
    cached = current_app.extensions.get("hiring.documents_version")
    if cached is None:
        parts = [
            printouts.FORMAT_VERSION,
            printouts._templates_version(),
            print_resources().css_version,
            printouts._catalogue_version("ru"),
            printouts._catalogue_version("en"),
            current_app.config.get("COMPANY_NAME"),
        ]
        cached = hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()
        current_app.extensions["hiring.documents_version"] = cached
    return cached
