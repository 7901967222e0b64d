"""PDF making: a Jinja template and a context in, PDF bytes out (WeasyPrint), fetching nothing but static files.

The print stylesheet (`static/css/print.css`) and the font configuration are built once per process and shared
by every document; WeasyPrint's Pango font map is not made for concurrent use, so documents of one process are
laid out one at a time. The app's documents are laid out in a render process of their own (one per web process,
started on first use): a layout holds the interpreter for a quarter of a second, and in the web process it would
hold up every other request of that process, cached downloads included (bench/pdf_contention.py). Text is set in DejaVu Sans, found by Fontconfig among the system fonts (Debian's
`fonts-dejavu-core`): no font file is fetched.
"""

from __future__ import annotations

import hashlib
import mimetypes
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from flask import current_app, g, has_app_context, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

PRINT_CSS = "css/print.css"
STATIC_PREFIX = "/static/"
# Documents resolve relative URLs against this base. It names no host and no file, and its scheme is unknown to
# urllib, so a URL in a document stays as written ("/static/css/print.css") and the fetcher alone decides.
DOCUMENT_BASE_URL = "kam-hiring://documents/"


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the PDF says about itself: title, author (the company), language (ISO 639-1) and creation time."""

    title: str
    author: str
    language: str
    created: datetime


@dataclass(frozen=True, slots=True)
class FetchRecord:
    """One URL a document asked for, and what the fetcher did with it."""

    url: str
    served: bool
    reason: str


class RefusedURL(ValueError):
    """The fetcher does not serve this URL (WeasyPrint logs it and leaves the resource out)."""


class StaticOnlyFetcher(URLFetcher):
    """Serves files under the app's static folder, read from disk in-process; refuses every other URL.

    Only root-relative `/static/<path>` URLs are served, and only when `<path>` resolved (symlinks
    included) stays inside the static folder. `file:`, `data:`, `http(s):` to any host (127.0.0.1 too),
    network-path (`//host/...`) and plain relative URLs are refused. It never opens a socket. Every
    URL asked for is kept in `log`, served or refused.
    """

    def __init__(self, static_folder: str | Path) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.root = Path(static_folder).resolve()
        self.log: list[FetchRecord] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        try:
            path = self.resolve(url)
            body = path.read_bytes()
        except (OSError, RefusedURL) as refusal:
            self.log.append(FetchRecord(url, False, str(refusal)))
            raise RefusedURL(f"not served: {url}") from None
        self.log.append(FetchRecord(url, True, str(path.relative_to(self.root))))
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def resolve(self, url: str) -> Path:
        """The static file a URL names, or RefusedURL."""
        try:
            parts = urlsplit(url)
        except ValueError as error:
            raise RefusedURL("malformed URL") from error
        if parts.scheme or parts.netloc:
            raise RefusedURL(f"outside the app: {parts.scheme or 'network-path'} URL")
        if not parts.path.startswith(STATIC_PREFIX):
            raise RefusedURL("not under /static/")
        relative = unquote(parts.path.removeprefix(STATIC_PREFIX))
        if not relative or "\x00" in relative or "\\" in relative:
            raise RefusedURL("not a file name")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root):
            raise RefusedURL("escapes the static folder")
        if not path.is_file():
            raise RefusedURL("no such static file")
        return path

    @property
    def served(self) -> list[FetchRecord]:
        return [record for record in self.log if record.served]


@dataclass(frozen=True, slots=True)
class PrintResources:
    """What every document of the process shares: fonts, the parsed print stylesheet and its version."""

    font_config: FontConfiguration
    stylesheet: weasyprint.CSS
    css_version: str


_resources: dict[Path, PrintResources] = {}
_resources_lock = threading.Lock()
_render_lock = threading.Lock()


def print_resources() -> PrintResources:
    """The process's print stylesheet and font configuration, built on first use."""
    return _resources_for(Path(current_app.static_folder).resolve())


def _resources_for(root: Path) -> PrintResources:
    resources = _resources.get(root)
    if resources is None:
        with _resources_lock:
            resources = _resources.get(root)
            if resources is None:
                resources = _resources[root] = _build_resources(root)
    return resources


def _build_resources(static_root: Path) -> PrintResources:
    source = (static_root / PRINT_CSS).read_bytes()
    font_config = FontConfiguration()
    stylesheet = weasyprint.CSS(
        string=source.decode("utf-8"),
        base_url=DOCUMENT_BASE_URL,
        url_fetcher=StaticOnlyFetcher(static_root),
        font_config=font_config,
    )
    version = hashlib.sha256(source + weasyprint.__version__.encode()).hexdigest()[:16]
    return PrintResources(font_config, stylesheet, version)


def create_pdf(
    template_name: str,
    context: dict,
    *,
    metadata: DocumentMeta,
    fetcher: StaticOnlyFetcher | None = None,
) -> bytes:
    """Render `template_name` in the document's language and turn it into PDF bytes."""
    with force_locale(metadata.language):
        html = render_template(template_name, document=metadata, page_label=page_label(), **context)
    return html_to_pdf(html, metadata=metadata, fetcher=fetcher)


def page_label() -> tuple[str, str, str]:
    """The words before, between and after the two numbers of "page X of Y" in the current language.

    The stylesheet puts them around the page counters (print.css, @bottom-right).
    """
    text = _("page %(page)s of %(pages)s", page="\x01", pages="\x02")
    before, marker, rest = text.partition("\x01")
    between, marker2, after = rest.partition("\x02")
    if not marker or not marker2:  # a translation that reorders the numbers: fall back to "X / Y"
        return ("", " / ", "")
    return (before, between, after)


def html_to_pdf(html: str, *, metadata: DocumentMeta, fetcher: StaticOnlyFetcher | None = None) -> bytes:
    """Lay out HTML with the print stylesheet; attachments are never embedded, whatever the HTML says.

    Without a `fetcher` of the caller's, the layout runs in the render process; with one (a caller that reads
    its log), here, one at a time.
    """
    root = Path(current_app.static_folder).resolve()
    if fetcher is None:
        pdf, log = _in_render_process(html, root, metadata)
    else:
        pdf, log = _layout(html, metadata, fetcher, _resources_for(root)), fetcher.log
    if has_app_context():
        g.setdefault("document_fetches", []).extend(log)
    return pdf


def _layout(
    html: str, metadata: DocumentMeta, fetcher: StaticOnlyFetcher, resources: PrintResources
) -> bytes:
    with _render_lock:
        document = weasyprint.HTML(
            string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=fetcher, media_type="print"
        ).render(font_config=resources.font_config, stylesheets=[resources.stylesheet])
        _drop_attachments(document)
        _set_metadata(document, metadata)
        return document.write_pdf(attachments=None, custom_metadata=False)


_render_process: ProcessPoolExecutor | None = None
_render_process_lock = threading.Lock()


def _in_render_process(html: str, root: Path, metadata: DocumentMeta) -> tuple[bytes, list[FetchRecord]]:
    """The layout done by this process's render process; a render process that died is replaced once."""
    global _render_process
    for attempt in (1, 2):
        with _render_process_lock:
            if _render_process is None:
                # spawn, not fork: a web process may run threads, and a fork copies their locks mid-use.
                context = multiprocessing.get_context("spawn")
                _render_process = ProcessPoolExecutor(max_workers=1, mp_context=context)
            pool = _render_process
        try:
            return pool.submit(_render_here, html, str(root), metadata).result()
        except BrokenProcessPool:
            with _render_process_lock:
                if _render_process is pool:
                    _render_process = None
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _render_here(html: str, root: str, metadata: DocumentMeta) -> tuple[bytes, list[FetchRecord]]:
    """In the render process: the PDF, and what the fetcher was asked for."""
    fetcher = StaticOnlyFetcher(root)
    return _layout(html, metadata, fetcher, _resources_for(Path(root))), fetcher.log


def _drop_attachments(document: weasyprint.Document) -> None:
    """`<link rel=attachment>` and `<a rel=attachment>` would embed a file: neither is kept."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]


def _set_metadata(document: weasyprint.Document, metadata: DocumentMeta) -> None:
    """The metadata from the caller, whatever the HTML's head says."""
    document.metadata.title = metadata.title
    document.metadata.authors = [metadata.author] if metadata.author else []
    document.metadata.lang = metadata.language
    created = metadata.created if metadata.created.tzinfo else metadata.created.replace(tzinfo=UTC)
    document.metadata.created = created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    document.metadata.modified = None
    document.metadata.generator = "KAM Hiring"
