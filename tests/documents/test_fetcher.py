"""The PDF maker fetches only the app's static files, in-process, and embeds no attachment."""

import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hiring import create_app
from hiring.documents.pdf import DocumentMeta, RefusedURL, StaticOnlyFetcher, html_to_pdf, print_resources
from tests.conftest import base_config
from tests.documents.conftest import ReadPdf

META = DocumentMeta(title="Проверка", author="ООО «Тест»", language="ru", created=datetime.now(UTC))

HOSTILE_HTML = """<!doctype html><html lang="en"><head>
<link rel="attachment" href="file:///etc/hostname" title="host">
<link rel="stylesheet" href="http://127.0.0.1:9/y.css">
<style>@import url(http://127.0.0.1:9/x.css); body { background: url(file:///etc/passwd); }</style>
</head><body>
<p>Hello</p>
<img src="file:///etc/passwd">
<img src="https://example.com/tracker.png">
<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">
<img src="/static/../../../../etc/passwd">
<a rel="attachment" href="file:///etc/hostname">attached</a>
</body></html>"""


@pytest.fixture(scope="module")
def app(database_url):
    """An app for its static folder and print resources; these tests touch no table."""
    app = create_app(base_config(database_url, None))
    with app.app_context():
        yield app


@pytest.fixture
def fetcher(app) -> StaticOnlyFetcher:
    return StaticOnlyFetcher(app.static_folder)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network connection attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x",
        "https://example.com/static/css/print.css",
        "//127.0.0.1/static/css/print.css",
        "static/../../etc/passwd",
        "/static/../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/css/../../hiring/__init__.py",
        "/static/",
        "/static/css",
        "/etc/passwd",
        "data:text/plain,hello",
        "kam-hiring://documents/static/css/print.css",
    ],
)
def test_fetcher_refuses_everything_outside_static(fetcher, no_network, url):
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert [(r.url, r.served) for r in fetcher.log] == [(url, False)]


def test_fetcher_serves_a_static_file_read_in_process(app, fetcher, no_network):
    response = fetcher.fetch("/static/css/print.css")
    assert response.read() == (Path(app.static_folder) / "css" / "print.css").read_bytes()
    assert response.content_type == "text/css"
    assert [(r.url, r.served) for r in fetcher.log] == [("/static/css/print.css", True)]


def test_fetcher_refuses_a_symlink_leading_out_of_static(tmp_path, no_network):
    static = tmp_path / "static"
    static.mkdir()
    (static / "inside.css").write_text("p {}")
    (static / "leak.css").symlink_to("/etc/passwd")
    fetcher = StaticOnlyFetcher(static)
    assert fetcher.fetch("/static/inside.css").read() == b"p {}"
    with pytest.raises(RefusedURL):
        fetcher.fetch("/static/leak.css")


def test_hostile_html_renders_without_files_network_or_attachments(app, fetcher, no_network):
    pdf = ReadPdf(html_to_pdf(HOSTILE_HTML, metadata=META, fetcher=fetcher))
    assert "Hello" in pdf.text and "attached" in pdf.text
    assert "root:x:0:0" not in pdf.text
    assert pdf.attachments == {}
    assert "/FileAttachment" not in pdf.annotation_types()
    assert fetcher.served == []
    asked = {record.url for record in fetcher.log}
    assert {"file:///etc/passwd", "http://127.0.0.1:9/x.css", "https://example.com/tracker.png"} <= asked
    assert not any("hostname" in url for url in asked)  # attachments are dropped before anything is fetched


def test_metadata_comes_from_the_caller_not_the_html(app, fetcher):
    html = '<html lang="de"><head><title>Other</title><meta name="author" content="Someone"></head><body>x</body>'
    pdf = ReadPdf(html_to_pdf(html, metadata=META, fetcher=fetcher))
    assert pdf.metadata.title == "Проверка"
    assert pdf.metadata.author == "ООО «Тест»"
    assert pdf.language == "ru"


def test_stylesheet_and_fonts_are_built_once_per_process(app):
    assert print_resources() is print_resources()


def test_a_render_process_that_died_is_replaced(app):
    """Documents are laid out in a render process: when it dies, the next document still comes out."""
    from hiring.documents import pdf as pdf_module

    with app.test_request_context():
        assert ReadPdf(html_to_pdf("<p>one</p>", metadata=META)).text.startswith("one")
        for process in pdf_module._render_process._processes.values():
            process.kill()
            process.join()
        assert ReadPdf(html_to_pdf("<p>two</p>", metadata=META)).text.startswith("two")
